import { Alert, App as AntApp, Descriptions, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedAnnotationsInspection, UploadRef } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { PersonSelect } from '../../meetings/shared/directoryOptions.tsx';
import { useLang } from '../../../common/useLang.ts';
import { formatDateTime } from '../../../../../shared/vn-time.ts';
import { SignedFileImportModal, SignerLine, type SignedFileTexts } from '../../signed-files/SignedFileImportModal.tsx';

/**
 * "Nhập ghi chú chia sẻ của thành viên": the core checks the member's signature and says who signed,
 * for which document and how many notes, before anything is stored. A signer not yet trusted is
 * shown by fingerprint first, to compare with the member (by phone, in person) before accepting, and
 * the secretariat says which person of the directory holds the key: the notes are theirs, and that
 * key signs no one else's notes (nor meeting packs).
 */
export function ImportSharedDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation('annotations');
  const lang = useLang();
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [personId, setPersonId] = useState<string | null>(null);

  const texts: SignedFileTexts = {
    title: t('importShared.title'),
    dropTitle: t('importShared.dropTitle'),
    dropHint: t('importShared.dropHint'),
    choose: t('importShared.choose'),
    inputLabel: t('importShared.inputLabel'),
    uploading: (fileName) => t('importShared.uploading', { fileName }),
    uploadProgress: t('importShared.uploadProgress'),
    checking: (fileName) => t('importShared.checking', { fileName }),
    failedTitle: () => t('importShared.failedTitle'),
    nothingImported: (fileName) => t('importShared.nothingImported', { fileName }),
    untrustedTitle: t('importShared.untrustedTitle'),
    untrustedExplain: (signer) => t('importShared.untrustedExplain', { signer }),
    untrustedHow: t('importShared.untrustedHow'),
    fingerprint: t('importShared.fingerprint'),
    verified: (signer) => t('importShared.verified', { signer }),
    signer: t('importShared.signer'),
    trusted: t('importShared.trusted'),
    notTrusted: t('importShared.notTrusted'),
    import: t('importShared.import'),
    trustAndImport: t('importShared.trustAndImport'),
    chooseOther: t('importShared.chooseOther'),
    cancel: t('common.cancel'),
    close: t('common.close'),
  };

  async function commit(upload: UploadRef): Promise<void> {
    const result = await bridge.invoke('annotations.importShared', { upload });
    void message.success(t('importShared.done', { count: result.imported + result.updated, name: result.authorName }), 6);
  }

  const details = (inspection: SharedAnnotationsInspection) => (
    <>
      {!inspection.document.known ? (
        <Alert type="error" showIcon className="ns-block" title={t('importShared.unknownDocument', { fileName: inspection.document.fileName })} />
      ) : null}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'author', label: t('importShared.author'), children: <Typography.Text strong>{inspection.authorName}</Typography.Text> },
          ...(inspection.person
            ? [{ key: 'person', label: t('importShared.boundPerson'), children: inspection.person.fullName }]
            : []),
          { key: 'document', label: t('importShared.document'), children: inspection.document.fileName },
          { key: 'count', label: t('importShared.count'), children: t('importShared.countValue', { count: inspection.count }) },
          { key: 'when', label: t('importShared.createdAt'), children: formatDateTime(inspection.createdAt, lang) },
          { key: 'signer', label: texts.signer, children: <SignerLine signer={inspection.signer} texts={texts} /> },
        ]}
      />
      {!inspection.signer.trusted ? (
        <Form layout="vertical" className="ns-block">
          <Form.Item label={t('importShared.personLabel')} extra={t('importShared.personHelp', { name: inspection.authorName })} required>
            <PersonSelect value={personId} onChange={(value) => setPersonId(value ?? null)} aria-label={t('importShared.personLabel')} />
          </Form.Item>
        </Form>
      ) : null}
      <Typography.Paragraph type="secondary" className="ns-annot-note-after">
        {t('importShared.replaces', { name: inspection.authorName })}
      </Typography.Paragraph>
    </>
  );

  return (
    <SignedFileImportModal<SharedAnnotationsInspection>
      open={open}
      onClose={() => {
        setPersonId(null);
        onClose();
      }}
      texts={texts}
      inspect={(upload) => bridge.invoke('annotations.inspectShared', { upload })}
      commit={commit}
      trustScope={() => (personId ? { purpose: 'notes', personId } : null)}
      canImport={(inspection) => inspection.document.known}
      details={details}
    />
  );
}
