import { DownloadOutlined, EyeOutlined, FileAddOutlined, ReadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MinutesAttachResult } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useRun } from '../../common/useRun.ts';
import { useSaveExport } from '../../common/useSaveExport.ts';

type Format = 'docx' | 'pdf';

interface ExportDialogProps {
  meetingId: string;
  /** The Biên bản, or the Thông báo kết luận as stored (its number, Nơi nhận and signer come with it). */
  document: 'minutes' | 'notice';
  /** Finalized minutes, or an issued notice: no "DỰ THẢO", and it may go into the meeting's documents. */
  final: boolean;
  /** Saves what was typed a moment ago, so it is in the file. */
  flush: () => Promise<boolean>;
  onClose: () => void;
}

/**
 * The Biên bản or the Thông báo kết luận as DOCX or PDF (Nghị định 30/2020), or, once final, into the
 * meeting's documents — where members receive it and the reader shows it as it will print.
 */
export function ExportDialog({ meetingId, document, final, flush, onClose }: ExportDialogProps) {
  const { t } = useTranslation('minutes');
  const bridge = useBridge();
  const run = useRun();
  const saveExport = useSaveExport();
  const navigate = useNavigate();
  const [format, setFormat] = useState<Format>('docx');
  const [busy, setBusy] = useState(false);
  const [attached, setAttached] = useState<MinutesAttachResult | null>(null);
  const texts = document === 'minutes' ? 'export' : 'export.noticeTexts';

  async function download(): Promise<void> {
    setBusy(true);
    try {
      await flush();
      await saveExport(
        () => bridge.invoke('minutes.export', { meetingId, document, format }),
        (file) => t('export.downloaded', { fileName: file.fileName }),
      );
    } finally {
      setBusy(false);
    }
  }

  /** The PDF as it will print, in the app's page view: for a draft, before anything is locked. */
  async function preview(): Promise<void> {
    setBusy(true);
    try {
      await flush();
      const file = await run(() => bridge.invoke('minutes.export', { meetingId, document, format: 'pdf' }));
      if (file) void navigate(`/preview/${file.exportId}/${encodeURIComponent(file.fileName)}`);
    } finally {
      setBusy(false);
    }
  }

  async function attach(): Promise<void> {
    setBusy(true);
    try {
      const result = await run(
        () => bridge.invoke('minutes.attachToMeeting', { meetingId, document }),
        (r) => t('export.attached', { fileName: r.fileName }),
      );
      if (result) setAttached(result);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t(`${texts}.title`)} onCancel={onClose} footer={<Button onClick={onClose}>{t('close')}</Button>} width={560} destroyOnHidden>
      <Form layout="vertical" requiredMark={false}>
        {!final ? <Alert type="warning" showIcon message={t(`${texts}.draftNote`)} className="ns-minutes-export-alert" /> : null}
        <Form.Item label={t('export.format')}>
          <Flex gap="small" align="center" wrap>
            <Radio.Group
              value={format}
              onChange={(e) => setFormat(e.target.value as Format)}
              optionType="button"
              options={[
                { value: 'docx', label: 'DOCX' },
                { value: 'pdf', label: 'PDF' },
              ]}
            />
            <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
              {t('export.download')}
            </Button>
            <Button icon={<EyeOutlined />} loading={busy} onClick={() => void preview()}>
              {t('export.preview')}
            </Button>
          </Flex>
        </Form.Item>
        <Form.Item label={t('export.attach')} extra={final ? t('export.attachHelp') : t(`${texts}.attachDraft`)}>
          <Flex gap="small" align="center" wrap>
            <Button icon={<FileAddOutlined />} loading={busy} disabled={!final} onClick={() => void attach()}>
              {t('export.attach')}
            </Button>
            {attached ? (
              <>
                <Typography.Text type="success">{attached.fileName}</Typography.Text>
                <Button type="link" icon={<ReadOutlined />} onClick={() => void navigate(`/meetings/${meetingId}/documents/${attached.documentId}/read`)}>
                  {t('export.read')}
                </Button>
              </>
            ) : null}
          </Flex>
        </Form.Item>
      </Form>
    </Modal>
  );
}
