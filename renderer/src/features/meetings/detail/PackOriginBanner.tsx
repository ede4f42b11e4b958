import { Alert, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { useLang } from '../../../common/useLang.ts';
import { formatDateTime } from '../../../../../shared/vn-time.ts';
import { edition } from '../../../../../shared/edition.ts';

/**
 * A meeting received in a pack is the secretariat's: read-only here, with what the last pack
 * changed so the member sees at once what is new since they last read it.
 */
export function PackOriginBanner({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const bridge = useBridge();
  const { state } = useCoreData(
    useCallback(async () => {
      const [history, keys] = await Promise.all([bridge.invoke('packs.history', { meetingId: meeting.id }), bridge.invoke('keys.listTrusted', {})]);
      return { history, keys };
    }, [bridge, meeting.id]),
    ['packs', 'meetings', 'directory'],
  );
  const last = state.data?.history[0];
  // History keeps the signing key's fingerprint; the trusted key says whose it is.
  const signerLabel = last ? state.data?.keys.find((k) => k.fingerprint === last.signer)?.label : undefined;
  return (
    <Alert
      type="info"
      showIcon
      className="ns-block ns-pack-banner"
      title={t('pack.banner', { revision: edition(meeting.packRevision ?? meeting.revision) })}
      description={
        <>
          <Typography.Paragraph className="ns-tight">{t('pack.readOnly')}</Typography.Paragraph>
          {last ? (
            <>
              <Typography.Text type="secondary">
                {signerLabel
                  ? t('pack.lastImport', { at: formatDateTime(last.importedAt, lang), signer: signerLabel, fingerprint: last.signer })
                  : t('pack.lastImportKey', { at: formatDateTime(last.importedAt, lang), fingerprint: last.signer })}
              </Typography.Text>
              {last.changes.length > 0 ? (
                <>
                  <Typography.Text strong className="ns-block-label">
                    {t('pack.changesTitle')}
                  </Typography.Text>
                  <ul className="ns-plain-list ns-change-list">
                    {last.changes.map((c, i) => (
                      <li key={i}>{c.text[lang]}</li>
                    ))}
                  </ul>
                </>
              ) : state.data && state.data.history.length > 1 ? (
                <Typography.Paragraph type="secondary" className="ns-tight">
                  {t('pack.noChanges')}
                </Typography.Paragraph>
              ) : null}
            </>
          ) : null}
        </>
      }
    />
  );
}
