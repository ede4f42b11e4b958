import { InboxOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Progress, Result, Spin, Tag, Typography } from 'antd';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useSignedFileImport, type SignedFileImportOptions, type SignedInspection } from './useSignedFileImport.ts';
import './signed-files.css';

/** The words of one kind of signed file, in the user's language. */
export interface SignedFileTexts {
  title: string;
  dropTitle: string;
  dropHint: string;
  choose: string;
  inputLabel: string;
  uploading(fileName: string): string;
  uploadProgress: string;
  checking(fileName: string): string;
  /** The heading of a refusal, by error code (a damaged file reads differently from a failure). */
  failedTitle(code: string): string;
  nothingImported(fileName: string): string;
  untrustedTitle: string;
  untrustedExplain(signer: string): string;
  untrustedHow: string;
  fingerprint: string;
  verified(signer: string): string;
  signer: string;
  trusted: string;
  notTrusted: string;
  import: string;
  trustAndImport: string;
  chooseOther: string;
  cancel: string;
  close: string;
}

export interface SignedFileImportModalProps<I extends SignedInspection> extends SignedFileImportOptions<I> {
  open: boolean;
  texts: SignedFileTexts;
  /** File name endings the picker offers. */
  accept?: string;
  width?: number;
  /** What the file holds, below the signature check. */
  details(inspection: I): ReactNode;
  /** Whether it can be imported at all (e.g. notes on a document this laptop does not have). */
  canImport?(inspection: I): boolean;
}

/** The signer of an inspected file, as a line for a details table: label, trust, fingerprint. */
export function SignerLine({ signer, texts }: { signer: SignedInspection['signer']; texts: SignedFileTexts }) {
  return (
    <>
      {signer.label} {signer.trusted ? <Tag color="green">{texts.trusted}</Tag> : <Tag color="orange">{texts.notTrusted}</Tag>}
      <div className="ns-small ns-mono">{signer.fingerprint}</div>
    </>
  );
}

/**
 * A dialog that takes in one signed file: drop or pick it, watch it upload and be verified, read
 * who signed it (a key not yet trusted is shown by fingerprint first) and what it holds, then
 * import — or read why it was refused, with nothing stored.
 */
export function SignedFileImportModal<I extends SignedInspection>(props: SignedFileImportModalProps<I>) {
  const { texts } = props;
  const flow = useSignedFileImport(props);
  const { step, inspected, trusted } = flow;
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function onDrop(e: DragEvent<HTMLDivElement>): void {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void flow.read(file);
  }

  const footer =
    step.kind === 'refused' ? (
      <Flex gap="small" justify="end">
        <Button onClick={flow.close}>{texts.close}</Button>
        <Button type="primary" onClick={flow.again}>
          {texts.chooseOther}
        </Button>
      </Flex>
    ) : (
      <Flex gap="small" justify="end">
        <Button onClick={flow.close} disabled={step.kind === 'importing'}>
          {texts.cancel}
        </Button>
        {inspected ? (
          <Button
            type="primary"
            loading={step.kind === 'importing'}
            icon={trusted ? undefined : <SafetyCertificateOutlined />}
            disabled={(props.canImport ? !props.canImport(inspected.inspection) : false) || (!trusted && !props.trustScope(inspected.inspection))}
            onClick={() => void flow.accept()}
          >
            {trusted ? texts.import : texts.trustAndImport}
          </Button>
        ) : null}
      </Flex>
    );

  return (
    <Modal open={props.open} title={texts.title} onCancel={flow.close} footer={footer} width={props.width ?? 640} destroyOnHidden mask={{ closable: !flow.busy }}>
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
          <Typography.Paragraph strong>{texts.dropTitle}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{texts.dropHint}</Typography.Paragraph>
          <input
            ref={input}
            type="file"
            accept={props.accept}
            aria-label={texts.inputLabel}
            className="ns-sr-only"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void flow.read(file);
            }}
          />
          <Button type="primary" onClick={() => input.current?.click()}>
            {texts.choose}
          </Button>
        </div>
      ) : null}

      {step.kind === 'uploading' ? (
        <div className="ns-signed-wait" role="status">
          <Typography.Paragraph>{texts.uploading(step.fileName)}</Typography.Paragraph>
          <Progress percent={step.percent} aria-label={texts.uploadProgress} />
        </div>
      ) : null}
      {step.kind === 'checking' ? (
        <div className="ns-signed-wait" role="status">
          <Spin />
          <Typography.Paragraph>{texts.checking(step.fileName)}</Typography.Paragraph>
        </div>
      ) : null}

      {step.kind === 'refused' ? (
        <Result
          status="error"
          title={<h2 className="ns-result-title">{texts.failedTitle(step.code)}</h2>}
          subTitle={
            <>
              <Typography.Paragraph>{step.message}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{texts.nothingImported(step.fileName)}</Typography.Paragraph>
            </>
          }
        />
      ) : null}

      {inspected ? (
        <>
          {trusted ? (
            <Alert type="success" showIcon className="ns-block" title={texts.verified(inspected.inspection.signer.label)} />
          ) : (
            <Alert
              type="warning"
              showIcon
              icon={<WarningOutlined />}
              className="ns-block"
              title={texts.untrustedTitle}
              description={
                <>
                  <Typography.Paragraph className="ns-tight">{texts.untrustedExplain(inspected.inspection.signer.label)}</Typography.Paragraph>
                  <div className="ns-fingerprint" aria-label={texts.fingerprint}>
                    {inspected.inspection.signer.fingerprint}
                  </div>
                  <Typography.Paragraph type="secondary" className="ns-tight">
                    {texts.untrustedHow}
                  </Typography.Paragraph>
                </>
              }
            />
          )}
          {props.details(inspected.inspection)}
        </>
      ) : null}
    </Modal>
  );
}
