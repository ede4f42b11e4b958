import { BarChartOutlined, CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TaskBucketFilter } from '../../../../../shared/contract/index.ts';
import { todayKey } from '../../../../../shared/vn-time.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { useKeyShortcut } from '../../../common/useKeyShortcut.ts';
import { Page } from '../../../shell/Page.tsx';
import { TaskFormDrawer } from '../form/TaskFormDrawer.tsx';
import { dmy, TASK_AREAS } from '../shared/taskLabels.ts';
import { hasFilters, readParams, writeParams, type TasksParams } from './listParams.ts';
import { TaskDashboard } from './TaskDashboard.tsx';
import { TaskFilters } from './TaskFilters.tsx';
import { PAGE_SIZE, TaskTable } from './TaskTable.tsx';
import '../tasks.css';

/** Nhiệm vụ: the dashboard of timeliness as of a day, and the list behind every number. */
export function TasksPage() {
  const { t } = useTranslation('tasks');
  const bridge = useBridge();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readParams(search), [search]);
  const [creating, setCreating] = useState(false);
  const listRef = useRef<HTMLElement>(null);

  const update = useCallback(
    (patch: Partial<TasksParams>) => setSearch((current) => writeParams({ ...readParams(current), ...patch }), { replace: true }),
    [setSearch],
  );

  const { unitId, bucket, status, meetingId, tag, query, asOf, page } = params;
  const loadStats = useCallback(async () => {
    const scope = { asOf, ...(meetingId ? { meetingId } : {}), ...(tag ? { tag } : {}) };
    if (!unitId) return bridge.invoke('tasks.stats', scope);
    // Narrowed to a lead unit: its numbers and trend, with every unit still in the bars to move to another.
    const [mine, all] = await Promise.all([bridge.invoke('tasks.stats', { ...scope, unitId }), bridge.invoke('tasks.stats', { ...scope, weeks: 0 })]);
    return { ...mine, units: all.units };
  }, [bridge, asOf, unitId, meetingId, tag]);
  const stats = useCoreData(loadStats, TASK_AREAS);
  const listKey = JSON.stringify([asOf, unitId, bucket, status, meetingId, tag, query, page]);
  const loadList = useCallback(
    () =>
      bridge
        .invoke('tasks.list', {
        asOf,
        ...(unitId ? { unitId } : {}),
        ...(bucket ? { bucket } : {}),
        ...(status ? { status } : {}),
        ...(meetingId ? { meetingId } : {}),
        ...(tag ? { tag } : {}),
        ...(query ? { query } : {}),
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })
        .then((result) => ({ key: listKey, result })),
    [bridge, asOf, unitId, bucket, status, meetingId, tag, query, page, listKey],
  );
  const list = useCoreData(loadList, TASK_AREAS);
  const loadMeeting = useCallback(
    () => (meetingId ? bridge.invoke('meetings.get', { id: meetingId }).then((m) => m.title) : Promise.resolve(null)),
    [bridge, meetingId],
  );
  const meetingTitle = useCoreData(loadMeeting, ['meetings']).state.data ?? null;

  useKeyShortcut('n', () => setCreating(true));

  /** A number or a unit clicked: the list behind it, brought into view. */
  const showList = useCallback(
    (patch: Partial<TasksParams>) => {
      update({ ...patch, page: 1 });
      window.requestAnimationFrame(() => listRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
    },
    [update],
  );

  const data = list.state.data?.result;
  // The previous page stays on screen while the next one loads (filters, paging): say it is loading.
  const listLoading = list.state.status === 'loading' || (list.state.data !== undefined && list.state.data.key !== listKey);
  const nothingAtAll = data !== undefined && data.total === 0 && !hasFilters(params) && (stats.state.data?.totals.total ?? 0) === 0;
  const failure = list.state.status === 'failed' ? list.state.error : stats.state.status === 'failed' ? stats.state.error : null;

  return (
    <Page title={t('title')} intro={t('intro')}>
      <Flex className="ns-task-toolbar" gap="small" wrap align="center">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} aria-keyshortcuts="N">
          {t('list.create')}
        </Button>
        <Link to="/tasks/calendar">
          <Button icon={<CalendarOutlined />}>{t('calendar.open')}</Button>
        </Link>
        <Link to="/tasks/report">
          <Button icon={<BarChartOutlined />}>{t('report.open')}</Button>
        </Link>
        <Typography.Text type="secondary" className="ns-small">
          {t('list.shortcutHint')}
        </Typography.Text>
        {nothingAtAll ? null : (
          <Flex gap="small" align="center" className="ns-push-right">
            <label htmlFor="ns-task-as-of" className="ns-task-as-of-label">
              {t('dashboard.asOf')}
            </label>
            <DatePicker
              id="ns-task-as-of"
              format="DD/MM/YYYY"
              allowClear={false}
              value={dayjs(asOf)}
              onChange={(value) => update({ asOf: value ? value.format('YYYY-MM-DD') : todayKey(), page: 1 })}
            />
            {asOf !== todayKey() ? <Button onClick={() => update({ asOf: todayKey(), page: 1 })}>{t('dashboard.today')}</Button> : null}
          </Flex>
        )}
      </Flex>

      {failure ? (
        <LoadFailedAlert
          ns="tasks"
          className="ns-block"
          error={failure}
          onRetry={() => {
            list.reload();
            stats.reload();
          }}
        />
      ) : null}

      {!data && list.state.status === 'loading' ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : nothingAtAll ? (
        <Card>
          <Empty
            className="ns-empty"
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <Typography.Text strong>{t('empty.title')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t('empty.hint')}</Typography.Text>
              </>
            }
          >
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('list.create')}
            </Button>
          </Empty>
        </Card>
      ) : (
        <>
          {stats.state.data ? (
            <TaskDashboard
              stats={stats.state.data}
              unitId={unitId}
              bucket={bucket}
              onBucket={(b: TaskBucketFilter) => showList({ bucket: b === bucket ? null : b })}
              onUnit={(u) => showList({ unitId: u })}
            />
          ) : null}
          <section ref={listRef} aria-labelledby="ns-task-list-heading" className="ns-task-list">
            <Flex align="baseline" gap="small" wrap className="ns-task-list-head">
              <Typography.Title level={2} id="ns-task-list-heading" className="ns-task-section-title">
                {t('list.heading')}
              </Typography.Title>
              <Typography.Text type="secondary" aria-live="polite">
                {data ? t('list.summary', { count: data.total, date: dmy(data.asOf) }) : null}
              </Typography.Text>
            </Flex>
            <TaskFilters params={params} meetingTitle={meetingTitle} onChange={update} />
            <Card className="ns-table-card">
              <TaskTable page={data} loading={listLoading} current={page} onPage={(p) => update({ page: p })} />
            </Card>
          </section>
        </>
      )}

      <TaskFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(task) => {
          setCreating(false);
          void navigate(`/tasks/${task.id}`);
        }}
      />
    </Page>
  );
}
