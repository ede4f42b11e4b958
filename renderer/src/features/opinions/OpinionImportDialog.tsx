import { InboxOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Modal, Progress, Result, Select, Spin, Typography } from 'antd';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionImportResult, OpinionRecipient } from '../../../../shared/contract/index.ts';
import { PersonSelect } from '../meetings/shared/directoryOptions.tsx';
import { useOpinionImport, type UntrustedSigner } from './useOpinionImport.ts';
import '../signed-files/signed-files.css';

export const OPINION_ACCEPT = '.nsykien';

interface Props {
  open: boolean;
  /** What the user expects to bring in: only the words differ, the core tells the two kinds apart. */
  expect: 'request' | 'answers';
  /** On a request's page: the people asked, offered first when an answers file's key must be placed. */
  recipients?: readonly OpinionRecipient[];
  onClose: () => void;
  onImported: (result: OpinionImportResult) => void;
}

/**
 * Takes in one .nsykien file: a request on a member's laptop, an answers file on the secretariat's.
 * A key not trusted yet is shown by fingerprint before anything is stored; the member trusts it for
 * the request's committee (as for meeting packs), the secretariat names whose key it is.
 */
export function OpinionImportDialog({ open, expect, recipients, onClose, onImported }: Props) {
  const { t } = useTranslation('opinions');
  const flow = useOpinionImport(onImported, onClose);
  const { step } = flow;
  const [over, setOver] = useState(false);
  const [personId, setPersonId] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function onDrop(e: DragEvent<HTMLDivElement>): void {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void flow.read(file);
  }

  const signer = step.kind === 'untrusted' || step.kind === 'trusting' ? step.signer : null;
  const needsPerson = signer !== null && signer.committee === null;

  const footer =
    step.kind === 'refused' ? (
      <Flex gap="small" justify="end">
        <Button onClick={flow.close}>{t('common.close')}</Button>
        <Button type="primary" onClick={flow.again}>
          {t('import.chooseOther')}
        </Button>
      </Flex>
    ) : (
      <Flex gap="small" justify="end">
        <Button onClick={flow.close} disabled={step.kind === 'trusting'}>
          {t('common.cancel')}
        </Button>
        {signer ? (
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={step.kind === 'trusting'}
            disabled={needsPerson && !personId}
            onClick={() => void flow.trustAndImport(personId)}
          >
            {t('import.trustAndImport')}
          </Button>
        ) : null}
      </Flex>
    );

  return (
    <Modal
      open={open}
      title={expect === 'request' ? t('import.titleRequest') : t('import.titleAnswers')}
      onCancel={flow.close}
      afterOpenChange={(visible) => {
        if (!visible) setPersonId(null);
      }}
      footer={footer}
      width={640}
      destroyOnHidden
      mask={{ closable: !flow.busy }}
    >
      {step.kind === 'choose' ? (
        <div
          className={`ns-signed-drop${over ? ' ns-dropzone-over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <InboxOutlined className="ns-signed-drop-icon" aria-hidden />
          <Typography.Paragraph strong>{t('import.dropTitle')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{expect === 'request' ? t('import.dropHintRequest') : t('import.dropHintAnswers')}</Typography.Paragraph>
          <input
            ref={input}
            type="file"
            accept={OPINION_ACCEPT}
            aria-label={t('import.inputLabel')}
            className="ns-sr-only"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void flow.read(file);
            }}
          />
          <Button type="primary" onClick={() => input.current?.click()}>
            {t('import.choose')}
          </Button>
        </div>
      ) : null}

      {step.kind === 'uploading' ? (
        <div className="ns-signed-wait" role="status">
          <Typography.Paragraph>{t('import.uploading', { fileName: step.fileName })}</Typography.Paragraph>
          <Progress percent={step.percent} aria-label={t('import.uploadProgress')} />
        </div>
      ) : null}
      {step.kind === 'checking' ? (
        <div className="ns-signed-wait" role="status">
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

      {signer ? (
        <UntrustedSignerAlert signer={signer}>
          {needsPerson ? (
            <Form layout="vertical" className="ns-opinion-whose">
              <Form.Item label={t('import.whose')} required extra={personId ? undefined : t('import.whoseRequired')} htmlFor="opinion-key-person">
                {recipients && recipients.length > 0 ? (
                  <Select<string>
                    id="opinion-key-person"
                    aria-label={t('import.whose')}
                    value={personId ?? undefined}
                    onChange={setPersonId}
                    options={recipients.map((r) => ({ value: r.personId, label: r.position ? `${r.name} — ${r.position}` : r.name }))}
                  />
                ) : (
                  <PersonSelect id="opinion-key-person" aria-label={t('import.whose')} value={personId} onChange={(v) => setPersonId(v ?? null)} />
                )}
              </Form.Item>
            </Form>
          ) : null}
        </UntrustedSignerAlert>
      ) : null}
    </Modal>
  );
}

/** Who signed, the fingerprint to read out on the phone, and what trusting it will allow. */
function UntrustedSignerAlert({ signer, children }: { signer: UntrustedSigner; children?: ReactNode }) {
  const { t } = useTranslation('opinions');
  return (
    <>
      <Alert
        type="warning"
        showIcon
        icon={<WarningOutlined />}
        className="ns-block"
        title={t('import.untrustedTitle')}
        description={
          <>
            <Typography.Paragraph className="ns-tight">
              {signer.committee
                ? t('import.untrustedRequest', { signer: signer.label, committee: signer.committee.name })
                : t('import.untrustedAnswers', { signer: signer.label })}
            </Typography.Paragraph>
            <div className="ns-fingerprint" aria-label={t('import.fingerprint')}>
              {signer.fingerprint}
            </div>
            <Typography.Paragraph type="secondary" className="ns-tight">
              {t('import.untrustedHow')}
            </Typography.Paragraph>
          </>
        }
      />
      {children}
    </>
  );
}
