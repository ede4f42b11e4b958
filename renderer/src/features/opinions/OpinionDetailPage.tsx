import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { errorText } from '../../common/errors.ts';
import { LoadFailedPage, LoadingPage } from '../../common/PageStates.tsx';
import { Page } from '../../shell/Page.tsx';
import { MemberAnswers } from './MemberAnswers.tsx';
import { OpinionDocuments } from './OpinionDocuments.tsx';
import { OpinionHeader } from './OpinionHeader.tsx';
import { SecretariatPanel } from './SecretariatPanel.tsx';
import './opinions.css';

/**
 * One request. Which view follows where it came from, not the work role: a request made here is the
 * secretariat's to send, collect and summarise; a received one is this member's to answer.
 */
export function OpinionDetailPage() {
  const { requestId = '' } = useParams();
  const { t } = useTranslation('opinions');
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('opinions.get', { requestId }), [bridge, requestId]);
  const { state, reload, replace } = useCoreData(load, ['opinions']);

  if (state.status === 'loading') return <LoadingPage title={t('detail.title')} />;
  if (!state.data) {
    return (
      <LoadFailedPage
        title={t('detail.title')}
        message={errorText(state.error)}
        backTo="/opinions"
        backLabel={t('common.back')}
        retryLabel={t('common.retry')}
        onRetry={reload}
      />
    );
  }
  const request = state.data;
  return (
    <Page title={request.title}>
      <Link to="/opinions" className="ns-back-link">
        ← {t('common.back')}
      </Link>
      <OpinionHeader request={request} />
      <OpinionDocuments documents={request.documents} />
      {request.origin === 'local' ? <SecretariatPanel request={request} /> : <MemberAnswers request={request} onSaved={replace} />}
    </Page>
  );
}
