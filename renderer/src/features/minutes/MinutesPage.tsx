import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { errorText } from '../../common/errors.ts';
import { LoadFailedPage, LoadingPage } from '../../common/PageStates.tsx';
import { Page } from '../../shell/Page.tsx';
import { MinutesEmpty } from './MinutesEmpty.tsx';
import { MinutesWorkspace } from './MinutesWorkspace.tsx';
import './minutes.css';

/** /meetings/:id/minutes — the biên bản of one meeting, or the way to start it. */
export function MinutesPage() {
  const { id = '' } = useParams();
  const bridge = useBridge();
  const { t } = useTranslation('minutes');
  // The meeting and its minutes are read together, once: the editor keeps its own state after that.
  const load = useCallback(
    () => Promise.all([bridge.invoke('meetings.get', { id }), bridge.invoke('minutes.get', { meetingId: id })]).then(([meeting, minutes]) => ({ meeting, minutes })),
    [bridge, id],
  );
  const { state, reload, replace } = useCoreData(load, []);

  if (state.data) {
    const { meeting, minutes } = state.data;
    if (minutes) return <MinutesWorkspace key={minutes.id} meeting={meeting} initial={minutes} />;
    return (
      <Page title={t('title', { meeting: meeting.title })}>
        <Flex className="ns-detail-top" gap="small" align="center">
          <Link to={`/meetings/${meeting.id}`} className="ns-back-link">
            <ArrowLeftOutlined aria-hidden /> {t('backToMeeting')}
          </Link>
        </Flex>
        <MinutesEmpty meeting={meeting} onCreated={(view) => replace({ meeting, minutes: view })} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <LoadFailedPage
        title={t('open')}
        message={t('loadFailed', { message: errorText(state.error) })}
        backTo={`/meetings/${id}`}
        backLabel={t('backToMeeting')}
        retryLabel={t('retry')}
        onRetry={reload}
      />
    );
  }
  return <LoadingPage title={t('loading')} />;
}
