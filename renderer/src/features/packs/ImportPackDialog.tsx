import { Alert, App as AntApp, Checkbox, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PackInspection, UploadRef } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { edition } from '../../../../shared/edition.ts';
import { useLang } from '../../common/useLang.ts';
import { formatDateTime, formatRange } from '../../../../shared/vn-time.ts';
import { SignedFileImportModal, SignerLine, type SignedFileTexts } from '../signed-files/SignedFileImportModal.tsx';
import { formatBytes } from './packSize.ts';

export const PACK_ACCEPT = '.nghisu';

/**
 * "Nhận gói tài liệu": the member picks the pack file; the core verifies every hash and the
 * signature and says who signed it and what changed; only then does the member import it. A key
 * not yet trusted is shown by its fingerprint, to compare with the secretariat before accepting it
 * for the packs of the pack's committee (and only those). A pack older than the one imported rolls
 * the meeting back: it imports only after the member ticks that they want the older revision.
 */
export function ImportPackDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('packs');
  const lang = useLang();
  const bridge = useBridge();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [acceptOlder, setAcceptOlder] = useState(false);

  const texts: SignedFileTexts = {
    title: t('import.title'),
    dropTitle: t('import.dropTitle'),
    dropHint: t('import.dropHint'),
    choose: t('import.choose'),
    inputLabel: t('import.inputLabel'),
    uploading: (fileName) => t('import.uploading', { fileName }),
    uploadProgress: t('import.uploadProgress'),
    checking: (fileName) => t('import.checking', { fileName }),
    failedTitle: (code) => (code === 'PACK_INVALID' ? t('import.invalidTitle') : t('import.failedTitle')),
    nothingImported: (fileName) => t('import.nothingImported', { fileName }),
    untrustedTitle: t('import.untrustedTitle'),
    untrustedExplain: (signer) => t('import.untrustedExplain', { signer }),
    untrustedHow: t('import.untrustedHow'),
    fingerprint: t('import.fingerprint'),
    verified: (signer) => t('import.verified', { signer }),
    signer: t('import.signer'),
    trusted: t('import.trusted'),
    notTrusted: t('import.notTrusted'),
    import: t('import.import'),
    trustAndImport: t('import.trustAndImport'),
    chooseOther: t('import.chooseOther'),
    cancel: t('common.cancel'),
    close: t('common.close'),
  };

  async function commit(upload: UploadRef, inspection: PackInspection): Promise<void> {
    const result = await bridge.invoke('packs.import', { upload, allowDowngrade: inspection.downgrade && acceptOlder });
    void message.success(
      result.previous
        ? t('import.doneUpdate', { title: result.meeting.title, revision: edition(result.revision) })
        : t('import.done', { title: result.meeting.title, count: result.documents }),
      6,
    );
    void navigate(`/meetings/${result.meeting.id}`);
  }

  const details = (inspection: PackInspection) => (
    <>
      {inspection.sameAsPrevious ? <Alert type="info" showIcon className="ns-block" title={t('import.samePack')} /> : null}
      {inspection.withheld.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="ns-block"
          title={t('import.withheldTitle', { count: inspection.withheld.length })}
          description={t('import.withheldExplain')}
        />
      ) : null}
      {inspection.downgrade && inspection.previous ? (
        <Alert
          type="error"
          showIcon
          className="ns-block"
          title={t('import.downgradeTitle')}
          description={
            <>
              <Typography.Paragraph className="ns-tight">
                {t('import.downgradeExplain', { revision: edition(inspection.revision), previous: edition(inspection.previous.revision) })}
              </Typography.Paragraph>
              <Checkbox checked={acceptOlder} onChange={(e) => setAcceptOlder(e.target.checked)}>
                {t('import.downgradeAccept')}
              </Checkbox>
            </>
          }
        />
      ) : null}
      {!inspection.signer.trusted ? (
        <Typography.Paragraph type="secondary">{t('import.trustScope', { committee: inspection.meeting.committeeName })}</Typography.Paragraph>
      ) : null}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'meeting', label: t('import.meeting'), children: <Typography.Text strong>{inspection.meeting.title}</Typography.Text> },
          { key: 'committee', label: t('import.committee'), children: inspection.meeting.committeeName },
          { key: 'when', label: t('import.when'), children: formatRange(inspection.meeting.startsAt, inspection.meeting.endsAt, lang) },
          {
            key: 'revision',
            label: t('import.revision'),
            children: t('import.revisionValue', { revision: edition(inspection.revision), at: formatDateTime(inspection.createdAt, lang) }),
          },
          { key: 'signer', label: texts.signer, children: <SignerLine signer={inspection.signer} texts={texts} /> },
          {
            key: 'documents',
            label: t('import.documents'),
            children: t('import.documentsValue', { count: inspection.documents, size: formatBytes(inspection.totalBytes, lang) }),
          },
          {
            key: 'previous',
            label: t('import.previous'),
            children: inspection.previous
              ? t('import.previousValue', { revision: edition(inspection.previous.revision), at: formatDateTime(inspection.previous.importedAt, lang) })
              : t('import.firstTime'),
          },
        ]}
      />
      {inspection.previous ? (
        <div className="ns-pack-changes">
          <Typography.Title level={3} className="ns-subheading">
            {t('import.changesTitle')}
          </Typography.Title>
          {inspection.changes.length === 0 ? (
            <Typography.Text type="secondary">{t('import.noChanges')}</Typography.Text>
          ) : (
            <ul className="ns-plain-list ns-change-list">
              {inspection.changes.map((c, i) => (
                <li key={i}>{c.text[lang]}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </>
  );

  return (
    <SignedFileImportModal<PackInspection>
      open={open}
      onClose={() => {
        setAcceptOlder(false);
        onClose();
      }}
      texts={texts}
      accept={PACK_ACCEPT}
      width={720}
      inspect={(upload) => bridge.invoke('packs.inspect', { upload })}
      commit={commit}
      trustScope={(inspection) => ({ purpose: 'pack', committeeId: inspection.meeting.committeeId, committeeName: inspection.meeting.committeeName })}
      canImport={(inspection) => !inspection.downgrade || acceptOlder}
      details={details}
    />
  );
}
