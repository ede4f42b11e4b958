import { InboxOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, Flex, Modal, Progress, Result, Spin, Tag, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PackInspection, UploadRef } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { errorText } from '../meetings/shared/errors.ts';
import { useLang } from '../meetings/shared/useLang.ts';
import { formatDateTime, formatRange } from '../meetings/shared/vnTime.ts';
import { formatBytes } from './packSize.ts';
import { edition } from '../meetings/shared/edition.ts';

type Step =
  | { kind: 'choose' }
  | { kind: 'uploading'; fileName: string; percent: number }
  | { kind: 'checking'; fileName: string }
  | { kind: 'inspected'; fileName: string; upload: UploadRef; inspection: PackInspection }
  | { kind: 'importing'; fileName: string; upload: UploadRef; inspection: PackInspection }
  | { kind: 'refused'; fileName: string; code: string; message: string };

export const PACK_ACCEPT = '.nghisu';

/**
 * "Nhận gói tài liệu": the member picks the pack file; the core verifies every hash and the
 * signature and says who signed it and what changed; only then does the member import it. A key
 * not yet trusted is shown by its fingerprint, to compare with the secretariat before accepting.
 */
export function ImportPackDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('packs');
  const lang = useLang();
  const bridge = useBridge();
  const navigate = useNavigate();
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

  function refuse(fileName: string, error: unknown): void {
    setStep({ kind: 'refused', fileName, code: error instanceof BridgeError ? error.code : 'INTERNAL', message: errorText(error) });
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
      else refuse(file.name, error);
      return;
    } finally {
      abort.current = null;
    }
    setStep({ kind: 'checking', fileName: file.name });
    try {
      const inspection = await bridge.invoke('packs.inspect', { upload });
      setStep({ kind: 'inspected', fileName: file.name, upload, inspection });
    } catch (error) {
      refuse(file.name, error);
    }
  }

  async function importPack(trustFirst: boolean): Promise<void> {
    if (step.kind !== 'inspected') return;
    const { upload, inspection, fileName } = step;
    setStep({ kind: 'importing', fileName, upload, inspection });
    try {
      if (trustFirst) await bridge.invoke('keys.trust', { publicKey: inspection.signer.publicKey, label: inspection.signer.label });
      const result = await bridge.invoke('packs.import', { upload });
      void message.success(
        result.previous
          ? t('import.doneUpdate', { title: result.meeting.title, revision: edition(result.revision) })
          : t('import.done', { title: result.meeting.title, count: result.documents }),
        6,
      );
      setStep({ kind: 'choose' });
      onClose();
      void navigate(`/meetings/${result.meeting.id}`);
    } catch (error) {
      refuse(fileName, error);
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
          {t('import.chooseOther')}
        </Button>
      </Flex>
    ) : inspected ? (
      <Flex gap="small" justify="end">
        <Button onClick={close} disabled={step.kind === 'importing'}>
          {t('common.cancel')}
        </Button>
        {trusted ? (
          <Button type="primary" loading={step.kind === 'importing'} onClick={() => void importPack(false)}>
            {t('import.import')}
          </Button>
        ) : (
          <Button type="primary" loading={step.kind === 'importing'} onClick={() => void importPack(true)} icon={<SafetyCertificateOutlined />}>
            {t('import.trustAndImport')}
          </Button>
        )}
      </Flex>
    ) : (
      <Flex gap="small" justify="end">
        <Button onClick={close}>{t('common.cancel')}</Button>
      </Flex>
    );

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} footer={footer} width={720} destroyOnHidden mask={{ closable: !busy }}>
      {step.kind === 'choose' ? (
        <div
          className={`ns-pack-drop${over ? ' ns-dropzone-over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <InboxOutlined className="ns-pack-drop-icon" aria-hidden />
          <Typography.Paragraph strong>{t('import.dropTitle')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('import.dropHint')}</Typography.Paragraph>
          <input
            ref={input}
            type="file"
            accept={PACK_ACCEPT}
            aria-label={t('import.inputLabel')}
            className="ns-sr-only"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void read(file);
            }}
          />
          <Button type="primary" onClick={() => input.current?.click()}>
            {t('import.choose')}
          </Button>
        </div>
      ) : null}

      {step.kind === 'uploading' ? (
        <div className="ns-pack-wait" role="status">
          <Typography.Paragraph>{t('import.uploading', { fileName: step.fileName })}</Typography.Paragraph>
          <Progress percent={step.percent} aria-label={t('import.uploadProgress')} />
        </div>
      ) : null}
      {step.kind === 'checking' ? (
        <div className="ns-pack-wait" role="status">
          <Spin />
          <Typography.Paragraph>{t('import.checking', { fileName: step.fileName })}</Typography.Paragraph>
        </div>
      ) : null}

      {step.kind === 'refused' ? (
        <Result
          status="error"
          title={<h2 className="ns-result-title">{step.code === 'PACK_INVALID' ? t('import.invalidTitle') : t('import.failedTitle')}</h2>}
          subTitle={
            <>
              <Typography.Paragraph>{step.message}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('import.nothingImported', { fileName: step.fileName })}</Typography.Paragraph>
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
              title={t('import.untrustedTitle')}
              description={
                <>
                  <Typography.Paragraph className="ns-tight">{t('import.untrustedExplain', { signer: inspected.inspection.signer.label })}</Typography.Paragraph>
                  <div className="ns-fingerprint" aria-label={t('import.fingerprint')}>
                    {inspected.inspection.signer.fingerprint}
                  </div>
                  <Typography.Paragraph type="secondary" className="ns-tight">
                    {t('import.untrustedHow')}
                  </Typography.Paragraph>
                </>
              }
            />
          ) : (
            <Alert type="success" showIcon className="ns-block" title={t('import.verified', { signer: inspected.inspection.signer.label })} />
          )}
          {inspected.inspection.sameAsPrevious ? <Alert type="info" showIcon className="ns-block" title={t('import.samePack')} /> : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'meeting', label: t('import.meeting'), children: <Typography.Text strong>{inspected.inspection.meeting.title}</Typography.Text> },
              { key: 'committee', label: t('import.committee'), children: inspected.inspection.meeting.committeeName },
              {
                key: 'when',
                label: t('import.when'),
                children: formatRange(inspected.inspection.meeting.startsAt, inspected.inspection.meeting.endsAt, lang),
              },
              {
                key: 'revision',
                label: t('import.revision'),
                children: t('import.revisionValue', { revision: edition(inspected.inspection.revision), at: formatDateTime(inspected.inspection.createdAt, lang) }),
              },
              {
                key: 'signer',
                label: t('import.signer'),
                children: (
                  <>
                    {inspected.inspection.signer.label}{' '}
                    {trusted ? <Tag color="green">{t('import.trusted')}</Tag> : <Tag color="orange">{t('import.notTrusted')}</Tag>}
                    <div className="ns-small ns-mono">{inspected.inspection.signer.fingerprint}</div>
                  </>
                ),
              },
              {
                key: 'documents',
                label: t('import.documents'),
                children: t('import.documentsValue', {
                  count: inspected.inspection.documents,
                  size: formatBytes(inspected.inspection.totalBytes, lang),
                }),
              },
              {
                key: 'previous',
                label: t('import.previous'),
                children: inspected.inspection.previous
                  ? t('import.previousValue', {
                      revision: edition(inspected.inspection.previous.revision),
                      at: formatDateTime(inspected.inspection.previous.importedAt, lang),
                    })
                  : t('import.firstTime'),
              },
            ]}
          />
          {inspected.inspection.previous ? (
            <div className="ns-pack-changes">
              <Typography.Title level={3} className="ns-subheading">
                {t('import.changesTitle')}
              </Typography.Title>
              {inspected.inspection.changes.length === 0 ? (
                <Typography.Text type="secondary">{t('import.noChanges')}</Typography.Text>
              ) : (
                <ul className="ns-plain-list ns-change-list">
                  {inspected.inspection.changes.map((c, i) => (
                    <li key={i}>{c.text[lang]}</li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
