import { InboxOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, Flex, Modal, Progress, Result, Spin, Tag, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedAnnotationsInspection, UploadRef } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../../bridge/BridgeError.ts';
import { errorText } from '../../meetings/shared/errors.ts';
import { useLang } from '../../meetings/shared/useLang.ts';
import { formatDateTime } from '../../meetings/shared/vnTime.ts';

type Step =
  | { kind: 'choose' }
  | { kind: 'uploading'; fileName: string; percent: number }
  | { kind: 'checking'; fileName: string }
  | { kind: 'inspected'; fileName: string; upload: UploadRef; inspection: SharedAnnotationsInspection }
  | { kind: 'importing'; fileName: string; upload: UploadRef; inspection: SharedAnnotationsInspection }
  | { kind: 'refused'; fileName: string; message: string };

/**
 * "Nhập ghi chú chia sẻ của thành viên": the core checks the member's signature and says who signed,
 * for which document and how many notes, before anything is stored. A signer not yet trusted is
 * shown by fingerprint first, to compare with the member (by phone, in person) before accepting.
 */
export function ImportSharedDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation('annotations');
  const lang = useLang();
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);

  function close(): void {
    abort.current?.abort();
    setStep({ kind: 'choose' });
    onClose();
  }

  async function read(file: File): Promise<void> {
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'uploading', fileName: file.name, percent: 0 });
    let upload: UploadRef;
    try {
      const staged = await bridge.upload(file, {
        signal: controller.signal,
        onProgress: (sent, total) => setStep({ kind: 'uploading', fileName: file.name, percent: total ? Math.round((sent / total) * 100) : 0 }),
      });
      upload = { uploadId: staged.uploadId, fileName: staged.fileName };
    } catch (error) {
      if (error instanceof BridgeError && error.code === 'CANCELLED') setStep({ kind: 'choose' });
      else setStep({ kind: 'refused', fileName: file.name, message: errorText(error) });
      return;
    } finally {
      abort.current = null;
    }
    setStep({ kind: 'checking', fileName: file.name });
    try {
      const inspection = await bridge.invoke('annotations.inspectShared', { upload });
      setStep({ kind: 'inspected', fileName: file.name, upload, inspection });
    } catch (error) {
      setStep({ kind: 'refused', fileName: file.name, message: errorText(error) });
    }
  }

  async function importNotes(trustFirst: boolean): Promise<void> {
    if (step.kind !== 'inspected') return;
    const { upload, inspection, fileName } = step;
    setStep({ kind: 'importing', fileName, upload, inspection });
    try {
      if (trustFirst) await bridge.invoke('keys.trust', { publicKey: inspection.signer.publicKey, label: inspection.signer.label });
      const result = await bridge.invoke('annotations.importShared', { upload });
      void message.success(t('importShared.done', { count: result.imported + result.updated, name: result.authorName }), 6);
      setStep({ kind: 'choose' });
      onClose();
    } catch (error) {
      setStep({ kind: 'refused', fileName, message: errorText(error) });
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>): void {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void read(file);
  }

  const busy = step.kind === 'uploading' || step.kind === 'checking' || step.kind === 'importing';
  const inspected = step.kind === 'inspected' || step.kind === 'importing' ? step : null;
  const trusted = inspected?.inspection.signer.trusted ?? false;

  const footer =
    step.kind === 'refused' ? (
      <Flex gap="small" justify="end">
        <Button onClick={close}>{t('common.close')}</Button>
        <Button type="primary" onClick={() => setStep({ kind: 'choose' })}>
          {t('importShared.chooseOther')}
        </Button>
      </Flex>
    ) : inspected ? (
      <Flex gap="small" justify="end">
        <Button onClick={close} disabled={step.kind === 'importing'}>
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          loading={step.kind === 'importing'}
          icon={trusted ? undefined : <SafetyCertificateOutlined />}
          disabled={!inspected.inspection.document.known}
          onClick={() => void importNotes(!trusted)}
        >
          {trusted ? t('importShared.import') : t('importShared.trustAndImport')}
        </Button>
      </Flex>
    ) : (
      <Flex gap="small" justify="end">
        <Button onClick={close}>{t('common.cancel')}</Button>
      </Flex>
    );

  return (
    <Modal open={open} title={t('importShared.title')} onCancel={close} footer={footer} width={640} destroyOnHidden mask={{ closable: !busy }}>
      {step.kind === 'choose' ? (
        <div
          className={`ns-annot-drop${over ? ' ns-dropzone-over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <InboxOutlined className="ns-annot-drop-icon" aria-hidden />
          <Typography.Paragraph strong>{t('importShared.dropTitle')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('importShared.dropHint')}</Typography.Paragraph>
          <input
            ref={input}
            type="file"
            aria-label={t('importShared.inputLabel')}
            className="ns-sr-only"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void read(file);
            }}
          />
          <Button type="primary" onClick={() => input.current?.click()}>
            {t('importShared.choose')}
          </Button>
        </div>
      ) : null}
      {step.kind === 'uploading' ? (
        <div className="ns-annot-wait" role="status">
          <Typography.Paragraph>{t('importShared.uploading', { fileName: step.fileName })}</Typography.Paragraph>
          <Progress percent={step.percent} />
        </div>
      ) : null}
      {step.kind === 'checking' ? (
        <div className="ns-annot-wait" role="status">
          <Spin />
          <Typography.Paragraph>{t('importShared.checking', { fileName: step.fileName })}</Typography.Paragraph>
        </div>
      ) : null}
      {step.kind === 'refused' ? (
        <Result
          status="error"
          title={<h2 className="ns-result-title">{t('importShared.failedTitle')}</h2>}
          subTitle={
            <>
              <Typography.Paragraph>{step.message}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('importShared.nothingImported', { fileName: step.fileName })}</Typography.Paragraph>
            </>
          }
        />
      ) : null}
      {inspected ? (
        <>
          {!trusted ? (
            <Alert
              type="warning"
              showIcon
              icon={<WarningOutlined />}
              className="ns-block"
              title={t('importShared.untrustedTitle')}
              description={
                <>
                  <Typography.Paragraph className="ns-tight">
                    {t('importShared.untrustedExplain', { signer: inspected.inspection.signer.label })}
                  </Typography.Paragraph>
                  <div className="ns-fingerprint" aria-label={t('importShared.fingerprint')}>
                    {inspected.inspection.signer.fingerprint}
                  </div>
                  <Typography.Paragraph type="secondary" className="ns-tight">
                    {t('importShared.untrustedHow')}
                  </Typography.Paragraph>
                </>
              }
            />
          ) : (
            <Alert type="success" showIcon className="ns-block" title={t('importShared.verified', { signer: inspected.inspection.signer.label })} />
          )}
          {!inspected.inspection.document.known ? (
            <Alert type="error" showIcon className="ns-block" title={t('importShared.unknownDocument', { fileName: inspected.inspection.document.fileName })} />
          ) : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'author', label: t('importShared.author'), children: <Typography.Text strong>{inspected.inspection.authorName}</Typography.Text> },
              { key: 'document', label: t('importShared.document'), children: inspected.inspection.document.fileName },
              { key: 'count', label: t('importShared.count'), children: t('importShared.countValue', { count: inspected.inspection.count }) },
              { key: 'when', label: t('importShared.createdAt'), children: formatDateTime(inspected.inspection.createdAt, lang) },
              {
                key: 'signer',
                label: t('importShared.signer'),
                children: (
                  <>
                    {inspected.inspection.signer.label}{' '}
                    {trusted ? <Tag color="green">{t('importShared.trusted')}</Tag> : <Tag color="orange">{t('importShared.notTrusted')}</Tag>}
                    <div className="ns-small ns-mono">{inspected.inspection.signer.fingerprint}</div>
                  </>
                ),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" className="ns-annot-note-after">
            {t('importShared.replaces', { name: inspected.inspection.authorName })}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
