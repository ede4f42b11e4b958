import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { errorText } from '../../../common/errors.ts';
import { LoadFailedPage, LoadingPage } from '../../../common/PageStates.tsx';
import { Page } from '../../../shell/Page.tsx';
import { NoticeEmpty } from './NoticeEmpty.tsx';
import { NoticeWorkspace } from './NoticeWorkspace.tsx';
import '../minutes.css';

/** /meetings/:id/notice — the Thông báo kết luận of one meeting, or the way to draft it from the conclusions. */
export function NoticePage() {
  const { id = '' } = useParams();
  const bridge = useBridge();
  const { t } = useTranslation('minutes');
  const load = useCallback(
    () =>
      Promise.all([bridge.invoke('meetings.get', { id }), bridge.invoke('minutes.get', { meetingId: id }), bridge.invoke('notice.get', { meetingId: id })]).then(
        ([meeting, minutes, notice]) => ({ meeting, minutes, notice }),
      ),
    [bridge, id],
  );
  const { state, reload, replace } = useCoreData(load, []);
  const back = (
    <Link to={`/meetings/${id}/minutes`} className="ns-back-link">
      <ArrowLeftOutlined aria-hidden /> {t('notice.backToMinutes')}
    </Link>
  );

  if (state.data) {
    const { meeting, minutes, notice } = state.data;
    if (notice) return <NoticeWorkspace key={notice.id} meeting={meeting} initial={notice} onReload={reload} />;
    return (
      <Page title={t('notice.title', { meeting: meeting.title })}>
        <Flex className="ns-detail-top" gap="small" align="center">
          {back}
        </Flex>
        <NoticeEmpty meeting={meeting} minutes={minutes} onCreated={(view) => replace({ meeting, minutes, notice: view })} />
      </Page>
    );
  }
  if (state.status === 'failed') {
    return (
      <LoadFailedPage
        title={t('notice.open')}
        message={t('notice.loadFailed', { message: errorText(state.error) })}
        backTo={`/meetings/${id}/minutes`}
        backLabel={t('notice.backToMinutes')}
        retryLabel={t('retry')}
        onRetry={reload}
      />
    );
  }
  return <LoadingPage title={t('notice.loading')} />;
}
