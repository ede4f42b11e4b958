import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Checkbox, Flex, Modal, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DirectoryImportAction,
  DirectoryImportKind,
  DirectoryImportPreview,
  DirectoryImportRow,
} from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { errorText } from '../../../common/errors.ts';
import { FilePicker } from '../shared/FilePicker.tsx';
import { TemplateButton } from './TemplateButton.tsx';

type Step =
  | { step: 'choose'; error?: string }
  | { step: 'uploading'; percent: number }
  | { step: 'reading' }
  | { step: 'preview'; preview: DirectoryImportPreview };

const actionColor: Record<DirectoryImportAction, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  skip: 'red',
};

/**
 * Import from a spreadsheet in two steps: the file is read and every row checked and shown; only
 * "Nhập N dòng hợp lệ" writes, and closing or "Hủy" discards the preview with nothing written.
 */
export function ImportDialog({ kind, onClose }: { kind: DirectoryImportKind; onClose: () => void }) {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [committing, setCommitting] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const language = currentLanguage();

  async function read(file: File): Promise<void> {
    if (state.step === 'preview') void bridge.invoke('directory.importCancel', { previewId: state.preview.previewId }).catch(() => undefined);
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'uploading', percent: 0 });
    try {
      const uploaded = await bridge.upload(file, {
        signal: controller.signal,
        onProgress: (sent, total) => setState({ step: 'uploading', percent: total > 0 ? Math.round((sent / total) * 100) : 0 }),
      });
      setState({ step: 'reading' });
      const preview = await bridge.invoke('directory.importPreview', {
        upload: { uploadId: uploaded.uploadId, fileName: uploaded.fileName },
        kind,
      });
      if (controller.signal.aborted) {
        void bridge.invoke('directory.importCancel', { previewId: preview.previewId });
        return;
      }
      setOnlyProblems(false);
      setState({ step: 'preview', preview });
    } catch (error) {
      if (!controller.signal.aborted) setState({ step: 'choose', error: t('import.failed', { message: errorText(error) }) });
    }
  }

  function close(): void {
    abort.current?.abort();
    // Nothing was written; this only lets the core forget the rows it holds.
    if (state.step === 'preview') void bridge.invoke('directory.importCancel', { previewId: state.preview.previewId }).catch(() => undefined);
    onClose();
  }

  async function commit(preview: DirectoryImportPreview): Promise<void> {
    setCommitting(true);
    try {
      const result = await bridge.invoke('directory.importCommit', { previewId: preview.previewId });
      void message.success(t('import.done', { created: result.created, updated: result.updated }));
      onClose();
    } catch (error) {
      void message.error(t('import.failed', { message: errorText(error) }), 8);
      setState({ step: 'choose', error: t('import.failed', { message: errorText(error) }) });
    } finally {
      setCommitting(false);
    }
  }

  const picker = (label: string, primary: boolean) => (
    <FilePicker
      inputLabel={t('import.fileInput')}
      accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
      onFile={(file) => void read(file)}
      buttonProps={{ icon: <UploadOutlined />, type: primary ? 'primary' : 'default' }}
    >
      {label}
    </FilePicker>
  );

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (state.step === 'choose' || state.step === 'uploading' || state.step === 'reading') {
    body = (
      <Flex vertical gap="middle">
        <Typography.Paragraph className="ns-dir-paragraph">
          {t(kind === 'people' ? 'import.chooseHintPeople' : 'import.chooseHintUnits')} {t('import.previewHint')}
        </Typography.Paragraph>
        {state.step === 'choose' && state.error ? <Alert type="error" showIcon title={state.error} /> : null}
        {state.step === 'uploading' ? (
          <div role="status">
            <Typography.Text>{t('import.uploading', { percent: state.percent })}</Typography.Text>
            <Progress percent={state.percent} showInfo={false} />
          </div>
        ) : null}
        {state.step === 'reading' ? (
          <div role="status">
            <Typography.Text>{t('import.reading')}</Typography.Text>
            <Progress percent={100} status="active" showInfo={false} />
          </div>
        ) : null}
        {state.step === 'choose' ? (
          <Flex gap="small" wrap>
            {picker(t('import.choose'), true)}
            <TemplateButton kind={kind} />
          </Flex>
        ) : null}
      </Flex>
    );
    footer = <Button onClick={close}>{t('import.cancel')}</Button>;
  } else {
    const { preview } = state;
    const { counts } = preview;
    const importable = counts.create + counts.update;
    const rows = onlyProblems ? preview.rows.filter((r) => r.action === 'skip') : preview.rows;
    const columns: TableColumnsType<DirectoryImportRow> = [
      { key: 'row', title: t('import.row'), dataIndex: 'rowNumber', width: 64, fixed: 'left' },
      ...preview.columns
        .filter((c) => c.present)
        .map((c) => ({
          key: c.key,
          title: c.label[language],
          render: (_: unknown, row: DirectoryImportRow) => {
            const bad = row.issues.some((i) => i.column === c.key);
            return <span className={bad ? 'ns-import-bad-cell' : undefined}>{row.values[c.key] ?? ''}</span>;
          },
        })),
      {
        key: 'status',
        title: t('import.status'),
        width: 150,
        render: (_: unknown, row: DirectoryImportRow) => <Tag color={actionColor[row.action]}>{t(`import.action.${row.action}`)}</Tag>,
      },
      {
        key: 'problems',
        title: t('import.problems'),
        width: 320,
        render: (_: unknown, row: DirectoryImportRow) =>
          row.issues.length === 0 ? null : (
            <ul className="ns-import-issues">
              {row.issues.map((issue, i) => (
                <li key={i}>{issue.message[language]}</li>
              ))}
            </ul>
          ),
      },
    ];
    body = (
      <Flex vertical gap="small">
        <Typography.Text>
          <FileExcelOutlined />{' '}
          {preview.sheetName
            ? t('import.fileSheetLabel', { fileName: preview.fileName, sheet: preview.sheetName })
            : t('import.fileLabel', { fileName: preview.fileName })}
        </Typography.Text>
        <Alert
          type={counts.skip > 0 ? 'warning' : 'success'}
          showIcon
          title={t('import.summary', { ...counts })}
          description={t('import.blankNote')}
        />
        <Flex justify="space-between" align="center">
          <Checkbox checked={onlyProblems} disabled={counts.skip === 0} onChange={(e) => setOnlyProblems(e.target.checked)}>
            {t('import.onlyProblems')}
          </Checkbox>
          {picker(t('import.chooseAnother'), false)}
        </Flex>
        <Table<DirectoryImportRow>
          size="small"
          rowKey="rowNumber"
          columns={columns}
          dataSource={rows}
          rowClassName={(row) => (row.action === 'skip' ? 'ns-import-row-bad' : '')}
          pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          scroll={{ x: 'max-content', y: 420 }}
        />
      </Flex>
    );
    footer = (
      <Flex justify="end" gap="small">
        <Button onClick={close}>{t('import.cancel')}</Button>
        <Button type="primary" disabled={importable === 0} loading={committing} onClick={() => void commit(preview)}>
          {importable === 0 ? t('import.nothingToImport') : t('import.commit', { count: importable })}
        </Button>
      </Flex>
    );
  }

  return (
    <Modal
      open
      title={t(kind === 'people' ? 'import.titlePeople' : 'import.titleUnits')}
      width={state.step === 'preview' ? 1100 : 620}
      onCancel={close}
      footer={footer}
      maskClosable={false}
      destroyOnHidden
    >
      {body}
    </Modal>
  );
}
