import {
  CloudDownloadOutlined,
  FilePdfOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FileWordOutlined,
  ImportOutlined,
  PrinterOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Tooltip, type MenuProps } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isClassified, type Classification, type ExportedFile, type ReleaseClassified } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';
import { useSaveExport } from '../../../common/useSaveExport.ts';
import { ImportSharedDialog } from './ImportSharedDialog.tsx';
import { ReleaseClassifiedDialog } from '../../../common/classified-release/ReleaseClassifiedDialog.tsx';

type ExportKey = 'pdf' | 'pdfFlat' | 'xfdf' | 'notesDocx' | 'notesPdf' | 'shared';

/**
 * "Xuất / Nhập": the annotated PDF (real annotation objects, or drawn into the pages for printing),
 * XFDF out and in, "my notes" as DOCX or PDF, and the signed file of shared notes — out for the
 * secretariat, in from a member. Every export of a classified document first asks why (the core refuses without).
 */
export function ExchangeMenu({
  documentId,
  classification,
  annotationCount,
}: {
  documentId: string;
  classification: Classification;
  annotationCount: number;
}) {
  const { t } = useTranslation('annotations');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const saveExport = useSaveExport();
  const [busy, setBusy] = useState<ExportKey | 'importXfdf' | null>(null);
  const [sharedOpen, setSharedOpen] = useState(false);
  const [releasing, setReleasing] = useState<ExportKey | null>(null);
  const xfdfInput = useRef<HTMLInputElement>(null);

  const exports: Record<ExportKey, (releaseClassified?: ReleaseClassified) => Promise<ExportedFile>> = {
    pdf: (releaseClassified) => bridge.invoke('annotations.exportPdf', { documentId, flatten: false, releaseClassified }),
    pdfFlat: (releaseClassified) => bridge.invoke('annotations.exportPdf', { documentId, flatten: true, releaseClassified }),
    xfdf: (releaseClassified) => bridge.invoke('annotations.exportXfdf', { documentId, releaseClassified }),
    notesDocx: (releaseClassified) => bridge.invoke('annotations.exportNotes', { documentId, format: 'docx', releaseClassified }),
    notesPdf: (releaseClassified) => bridge.invoke('annotations.exportNotes', { documentId, format: 'pdf', releaseClassified }),
    shared: (releaseClassified) => bridge.invoke('annotations.exportShared', { documentId, releaseClassified }),
  };

  async function runExport(key: ExportKey, release?: ReleaseClassified): Promise<void> {
    setBusy(key);
    const hide = message.loading(t(`exchange.working.${key}`), 0);
    try {
      await saveExport(() => exports[key](release), (file) => t('exchange.exported', { fileName: file.fileName }));
    } finally {
      hide();
      setBusy(null);
    }
  }

  async function importXfdf(file: File): Promise<void> {
    setBusy('importXfdf');
    const hide = message.loading(t('exchange.working.importXfdf'), 0);
    try {
      const staged = await bridge.upload(file);
      const result = await bridge.invoke('annotations.importXfdf', {
        upload: { uploadId: staged.uploadId, fileName: staged.fileName },
        documentId,
      });
      void message.success(t('exchange.xfdfImported', { count: result.imported, updated: result.updated }), 6);
    } catch (error) {
      void message.error(t('exchange.importFailed', { fileName: file.name, message: errorText(error) }), 10);
    } finally {
      hide();
      setBusy(null);
    }
  }

  const items: MenuProps['items'] = [
    {
      type: 'group',
      key: 'out',
      label: t('exchange.groupExport'),
      children: [
        { key: 'pdf', icon: <FilePdfOutlined />, label: t('exchange.pdf'), disabled: annotationCount === 0 },
        { key: 'pdfFlat', icon: <PrinterOutlined />, label: t('exchange.pdfFlat'), disabled: annotationCount === 0 },
        { key: 'xfdf', icon: <FileTextOutlined />, label: t('exchange.xfdf') },
        { key: 'notesDocx', icon: <FileWordOutlined />, label: t('exchange.notesDocx') },
        { key: 'notesPdf', icon: <FilePdfOutlined />, label: t('exchange.notesPdf') },
        { key: 'shared', icon: <FileProtectOutlined />, label: t('exchange.shared') },
      ],
    },
    { type: 'divider' },
    {
      type: 'group',
      key: 'in',
      label: t('exchange.groupImport'),
      children: [
        { key: 'importXfdf', icon: <ImportOutlined />, label: t('exchange.importXfdf') },
        { key: 'importShared', icon: <TeamOutlined />, label: t('exchange.importShared') },
      ],
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'importXfdf') xfdfInput.current?.click();
    else if (key === 'importShared') setSharedOpen(true);
    else if (isClassified(classification)) setReleasing(key as ExportKey);
    else void runExport(key as ExportKey);
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} disabled={busy !== null}>
        <Tooltip title={t('exchange.tooltip')}>
          <Button size="small" type="text" icon={busy ? <CloudDownloadOutlined spin /> : <SwapOutlined />} loading={busy !== null} onMouseDown={(e) => e.preventDefault()}>
            {t('exchange.button')}
          </Button>
        </Tooltip>
      </Dropdown>
      <input
        ref={xfdfInput}
        type="file"
        accept=".xfdf,.xml,application/vnd.adobe.xfdf"
        className="ns-sr-only"
        tabIndex={-1}
        aria-label={t('exchange.importXfdf')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importXfdf(file);
        }}
      />
      <ImportSharedDialog open={sharedOpen} onClose={() => setSharedOpen(false)} />
      {releasing ? (
        <ReleaseClassifiedDialog
          classification={classification}
          purpose="export"
          onCancel={() => setReleasing(null)}
          onConfirm={(release) => {
            setReleasing(null);
            void runExport(releasing, release);
          }}
        />
      ) : null}
    </>
  );
}
