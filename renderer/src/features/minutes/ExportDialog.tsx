import { DownloadOutlined, FileAddOutlined, ReadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MinutesAttachResult, MinutesView } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useRun } from '../../common/useRun.ts';
import { useSaveExport } from '../../common/useSaveExport.ts';

type DocumentChoice = 'minutes' | 'notice';
type Format = 'docx' | 'pdf';

const NUMBER = /^\d{1,6}[a-zA-Z]?$/;

/**
 * The Biên bản or the Thông báo kết luận as DOCX or PDF (Nghị định 30/2020), or, once final, into the
 * meeting's documents — where members receive it and the reader shows it as it will print.
 */
export function ExportDialog({ view, flush, onClose }: { view: MinutesView; flush: () => Promise<boolean>; onClose: () => void }) {
  const { t } = useTranslation('minutes');
  const bridge = useBridge();
  const run = useRun();
  const saveExport = useSaveExport();
  const navigate = useNavigate();
  const [document, setDocument] = useState<DocumentChoice>('minutes');
  const [format, setFormat] = useState<Format>('docx');
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [attached, setAttached] = useState<MinutesAttachResult | null>(null);

  const final = view.status === 'final';
  const noConclusions = document === 'notice' && view.conclusions.length === 0;
  const numberBad = document === 'notice' && number.trim() !== '' && !NUMBER.test(number.trim());
  const notice = document === 'notice' && number.trim() ? { number: number.trim() } : undefined;

  async function download(): Promise<void> {
    setBusy(true);
    try {
      // What was typed a moment ago goes into the file: save first.
      await flush();
      await saveExport(
        () => bridge.invoke('minutes.export', { meetingId: view.meetingId, document, format, notice }),
        (file) => t('export.downloaded', { fileName: file.fileName }),
      );
    } finally {
      setBusy(false);
    }
  }

  async function attach(): Promise<void> {
    setBusy(true);
    try {
      const result = await run(
        () => bridge.invoke('minutes.attachToMeeting', { meetingId: view.meetingId, document, notice }),
        (r) => t('export.attached', { fileName: r.fileName }),
      );
      if (result) setAttached(result);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={t('export.title')} onCancel={onClose} footer={<Button onClick={onClose}>{t('close')}</Button>} width={560} destroyOnHidden>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('export.document')}>
          <Radio.Group
            value={document}
            onChange={(e) => {
              setDocument(e.target.value as DocumentChoice);
              setAttached(null);
            }}
            options={[
              { value: 'minutes', label: t('export.minutes') },
              { value: 'notice', label: t('export.notice') },
            ]}
          />
        </Form.Item>
        {document === 'notice' ? (
          <Form.Item label={t('export.number')} extra={t('export.numberHelp')} validateStatus={numberBad ? 'error' : undefined} help={numberBad ? t('export.numberInvalid') : undefined}>
            <Input value={number} onChange={(e) => setNumber(e.target.value)} maxLength={7} inputMode="numeric" style={{ maxWidth: 160 }} aria-label={t('export.number')} />
          </Form.Item>
        ) : null}
        {noConclusions ? <Alert type="info" showIcon message={t('export.noticeNone')} className="ns-minutes-export-alert" /> : null}
        {!final ? <Alert type="warning" showIcon message={t('export.draftNote')} className="ns-minutes-export-alert" /> : null}
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
            <Button type="primary" icon={<DownloadOutlined />} loading={busy} disabled={noConclusions || numberBad} onClick={() => void download()}>
              {t('export.download')}
            </Button>
          </Flex>
        </Form.Item>
        <Form.Item label={t('export.attach')} extra={final ? t('export.attachHelp') : t('export.attachDraft')}>
          <Flex gap="small" align="center" wrap>
            <Button icon={<FileAddOutlined />} loading={busy} disabled={!final || noConclusions || numberBad} onClick={() => void attach()}>
              {t('export.attach')}
            </Button>
            {attached ? (
              <>
                <Typography.Text type="success">{attached.fileName}</Typography.Text>
                <Button type="link" icon={<ReadOutlined />} onClick={() => void navigate(`/meetings/${view.meetingId}/documents/${attached.documentId}/read`)}>
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
