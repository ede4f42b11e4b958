import { AuditOutlined, CalendarOutlined, InboxOutlined, LeftOutlined, PlusOutlined, RightOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { MeetingSummary, Page as ResultPage } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { Page } from '../../../shell/Page.tsx';
import { ImportPackDialog } from '../../packs/ImportPackDialog.tsx';
import { MeetingFormDrawer } from '../form/MeetingFormDrawer.tsx';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { useKeyShortcut } from '../../../common/useKeyShortcut.ts';
import { useLang } from '../../../common/useLang.ts';
import { addDaysKey, dateVi, dayStartInstant, monthTitle, todayKey } from '../../../../../shared/vn-time.ts';
import { calendarDays, matchesFilters, rangeOf } from './calendarRange.ts';
import { hasFilters, readParams, writeParams, type MeetingsParams, type MeetingsView } from './listParams.ts';
import { MeetingFilters } from './MeetingFilters.tsx';
import { MeetingTable, PAGE_SIZE } from './MeetingTable.tsx';
import { MonthView } from './MonthView.tsx';
import { WeekView } from './WeekView.tsx';
import '../meetings.css';

type Loaded = { view: 'list'; page: ResultPage<MeetingSummary> } | { view: 'month' | 'week'; meetings: MeetingSummary[]; days: string[] };

/** The meetings area: list and calendars, filters, and the way in to create or receive a meeting. */
export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const bridge = useBridge();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readParams(search), [search]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const update = useCallback(
    (patch: Partial<MeetingsParams>) => setSearch((current) => writeParams({ ...readParams(current), ...patch }), { replace: true }),
    [setSearch],
  );

  const { view, date, statuses, orgId, query, from, to, page } = params;
  const load = useCallback(async (): Promise<Loaded> => {
    if (view === 'list') {
      const result = await bridge.invoke('meetings.list', {
        ...(from ? { from: dayStartInstant(from) } : {}),
        ...(to ? { to: dayStartInstant(addDaysKey(to, 1)) } : {}),
        ...(statuses.length ? { statuses } : {}),
        ...(orgId ? { chairingOrgId: orgId } : {}),
        ...(query ? { query } : {}),
        order: 'desc',
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      return { view, page: result };
    }
    const days = calendarDays(view, date);
    const meetings = await bridge.invoke('meetings.calendar', { ...rangeOf(days), ...(statuses.length ? { statuses } : {}) });
    return { view, meetings, days };
  }, [bridge, view, date, statuses, orgId, query, from, to, page]);
  const { state, reload } = useCoreData(load, ['meetings', 'documents', 'directory', 'packs']);

  useKeyShortcut('n', () => setCreating(true));

  const loaded = state.data;
  const fresh = loaded?.view === view ? loaded : undefined;
  const filtered = fresh && fresh.view !== 'list' ? fresh.meetings.filter((m) => matchesFilters(m, params)) : [];
  const nothingAtAll = fresh?.view === 'list' && fresh.page.total === 0 && !hasFilters(params);

  function step(direction: -1 | 1): void {
    if (view === 'month') {
      const [y, m] = date.split('-').map(Number) as [number, number];
      const next = new Date(Date.UTC(y, m - 1 + direction, 1));
      update({ date: next.toISOString().slice(0, 10) });
    } else update({ date: addDaysKey(date, 7 * direction) });
  }

  const days = view === 'list' ? [] : calendarDays(view, date);
  const periodTitle =
    view === 'month'
      ? monthTitle(date, lang)
      : view === 'week'
        ? `${dateVi(dayStartInstant(days[0]!))} – ${dateVi(dayStartInstant(days[6]!))}`
        : '';

  return (
    <Page title={t('title')} intro={t('intro')}>
      <Flex className="ns-meetings-toolbar" gap="small" wrap align="center">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} aria-keyshortcuts="N">
          {t('list.create')}
        </Button>
        <Button icon={<InboxOutlined />} onClick={() => setImporting(true)}>
          {t('list.receivePack')}
        </Button>
        {/* Written opinions are the committee's way to decide between meetings: reached from here, not a nav area of its own. */}
        <Button icon={<AuditOutlined />} onClick={() => void navigate('/opinions')}>
          {t('list.opinions')}
        </Button>
        <Segmented<MeetingsView>
          aria-label={t('list.viewLabel')}
          className="ns-view-switch"
          value={view}
          onChange={(v) => update({ view: v, page: 1 })}
          options={[
            { value: 'list', label: t('list.viewList'), icon: <UnorderedListOutlined /> },
            { value: 'month', label: t('list.viewMonth'), icon: <TableOutlined /> },
            { value: 'week', label: t('list.viewWeek'), icon: <CalendarOutlined /> },
          ]}
        />
        <Typography.Text type="secondary" className="ns-shortcut-hint">
          {t('list.shortcutHint')}
        </Typography.Text>
      </Flex>

      {nothingAtAll ? null : <MeetingFilters params={params} onChange={update} />}

      {state.status === 'failed' ? <LoadFailedAlert ns="meetings" className="ns-block" error={state.error} onRetry={reload} /> : null}

      {view !== 'list' ? (
        <Flex className="ns-cal-nav" gap="small" align="center">
          <Button icon={<LeftOutlined />} onClick={() => step(-1)} aria-label={view === 'month' ? t('calendar.prevMonth') : t('calendar.prevWeek')} />
          <Button onClick={() => update({ date: todayKey() })}>{t('calendar.today')}</Button>
          <Button icon={<RightOutlined />} onClick={() => step(1)} aria-label={view === 'month' ? t('calendar.nextMonth') : t('calendar.nextWeek')} />
          <Typography.Title level={2} className="ns-cal-title" aria-live="polite">
            {periodTitle}
          </Typography.Title>
          {fresh && filtered.length === 0 ? (
            <Typography.Text type="secondary">{view === 'month' ? t('calendar.emptyMonth') : t('calendar.emptyWeek')}</Typography.Text>
          ) : null}
        </Flex>
      ) : null}

      {state.status === 'loading' && !fresh ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
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
            <Flex gap="small" justify="center">
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('list.create')}
              </Button>
              <Button icon={<InboxOutlined />} onClick={() => setImporting(true)}>
                {t('list.receivePack')}
              </Button>
            </Flex>
          </Empty>
        </Card>
      ) : view === 'list' ? (
        <Card className="ns-table-card">
          <MeetingTable
            page={fresh?.view === 'list' ? fresh.page : undefined}
            loading={state.status === 'loading'}
            current={page}
            onPage={(p) => update({ page: p })}
          />
        </Card>
      ) : view === 'month' ? (
        <MonthView
          days={days}
          month={date.slice(0, 7)}
          meetings={filtered}
          weekHref={(d) => `/meetings?${writeParams({ ...params, view: 'week', date: d }).toString()}`}
        />
      ) : (
        <WeekView days={days} meetings={filtered} />
      )}

      <MeetingFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          void navigate(`/meetings/${saved.id}`);
        }}
      />
      <ImportPackDialog open={importing} onClose={() => setImporting(false)} />
    </Page>
  );
}
