import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Flex, Segmented, Select, Skeleton, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PERIOD_KINDS, type PeriodKind } from '../../../../../shared/reports/periods.ts';
import { todayKey } from '../../../../../shared/vn-time.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { useLang } from '../../../common/useLang.ts';
import { useSettings } from '../../../settings/SettingsContext.tsx';
import { Page } from '../../../shell/Page.tsx';
import { foldedFilter, useCommittees } from '../../meetings/shared/directoryOptions.tsx';
import { TASK_AREAS } from '../shared/taskLabels.ts';
import { draftSlot } from './reportDraft.ts';
import { ReportExportCard } from './ReportExportCard.tsx';
import { ReportPreview } from './ReportPreview.tsx';
import { isPeriodKind, periodOption, reportChoice } from './reportPeriods.ts';
import '../tasks.css';
import './report.css';

const DEFAULT_KIND: PeriodKind = 'month';

/**
 * #/tasks/report — Báo cáo định kỳ: the period (week … year, its data window closed on the cut-off
 * day of the settings), optionally one committee's tasks, the report previewed as it will read,
 * and the Word report and Excel appendix exported. The choice lives in the address (?kind=month
 * &period=2026-12&committee=…), so a report can be opened again as it was.
 */
export function TasksReportPage() {
  const { t } = useTranslation('tasks');
  const lang = useLang();
  const bridge = useBridge();
  const settings = useSettings();
  const cutoffDay = settings['reports.cutoffDay'];
  const [search, setSearch] = useSearchParams();
  const rawKind = search.get('kind');
  const kind: PeriodKind = isPeriodKind(rawKind) ? rawKind : DEFAULT_KIND;
  const committeeId = search.get('committee') || null;
  const today = todayKey();
  const choice = useMemo(() => reportChoice(kind, search.get('period'), today, cutoffDay), [kind, search, today, cutoffDay]);
  const { period, asOf } = choice;

  const update = useCallback(
    (patch: Partial<Record<'kind' | 'period' | 'committee', string | null>>) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(patch)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          // A new kind starts from its latest period.
          if ('kind' in patch && !('period' in patch)) next.delete('period');
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  const requestKey = JSON.stringify([kind, asOf, committeeId]);
  const load = useCallback(
    () =>
      bridge
        .invoke('reports.tasks', { kind, asOf, ...(committeeId ? { committeeId } : {}) })
        .then((report) => ({ key: requestKey, report })),
    [bridge, kind, asOf, committeeId, requestKey],
  );
  const { state, reload } = useCoreData(load, TASK_AREAS);
  const committees = useCommittees();

  const stale = state.data !== undefined && state.data.key !== requestKey;
  // The previous report stays on screen, dimmed, while the next one loads; not once it failed to load.
  const shown = stale && state.status === 'failed' ? undefined : state.data?.report;

  const cutoffHint =
    kind === 'week' ? t('report.cutoffWeek') : cutoffDay >= 31 ? t('report.cutoffCalendar') : t('report.cutoff', { day: cutoffDay, next: cutoffDay + 1 });

  return (
    <Page title={t('report.title')} intro={t('report.intro')}>
      <Flex className="ns-detail-top" gap="small" align="center" wrap>
        <Link to="/tasks" className="ns-back-link">
          <ArrowLeftOutlined aria-hidden /> {t('detail.backToList')}
        </Link>
      </Flex>

      <Card size="small" className="ns-block ns-report-controls">
        <div role="group" aria-label={t('report.choose')} className="ns-report-fields">
          <div className="ns-report-field">
            <span className="ns-report-label" aria-hidden>
              {t('report.kind')}
            </span>
            <Segmented<PeriodKind>
              aria-label={t('report.kind')}
              className="ns-report-kinds"
              value={kind}
              onChange={(value) => update({ kind: value === DEFAULT_KIND ? null : value })}
              options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`report.kinds.${k}`) }))}
            />
          </div>
          <div className="ns-report-field">
            <label className="ns-report-label" htmlFor="ns-report-period">
              {t('report.period')}
            </label>
            <Select<string>
              id="ns-report-period"
              className="ns-report-period"
              value={period.key}
              onChange={(key) => update({ period: key === choice.periods[0]?.key ? null : key })}
              options={choice.periods.map((p) => ({ value: p.key, label: periodOption(p, lang) }))}
              popupMatchSelectWidth={false}
            />
          </div>
          <div className="ns-report-field">
            <label className="ns-report-label" htmlFor="ns-report-committee">
              {t('report.committee')}
            </label>
            <Select<string>
              id="ns-report-committee"
              className="ns-report-committee"
              allowClear
              showSearch={{ filterOption: foldedFilter }}
              placeholder={t('report.committeePlaceholder')}
              loading={committees.status === 'loading'}
              value={committeeId ?? undefined}
              onChange={(id) => update({ committee: id ?? null })}
              options={(committees.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              popupMatchSelectWidth={false}
            />
          </div>
        </div>
        <Typography.Text type="secondary" className="ns-small ns-report-cutoff">
          {cutoffHint} <Link to="/settings">{t('report.cutoffChange')}</Link>
        </Typography.Text>
      </Card>

      {state.status === 'failed' ? <LoadFailedAlert ns="tasks" className="ns-block" error={state.error} onRetry={reload} /> : null}

      {shown ? (
        <ReportPreview report={shown} loading={stale} />
      ) : state.status === 'loading' ? (
        <Card className="ns-block" aria-busy>
          <Typography.Text type="secondary">{t('report.loading')}</Typography.Text>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : null}

      <ReportExportCard
        key={draftSlot(period.key, committeeId)}
        committeeId={committeeId}
        slot={draftSlot(period.key, committeeId)}
        exportFile={(format, issue) => bridge.invoke('reports.tasksExport', { kind, asOf, ...(committeeId ? { committeeId } : {}), format, issue })}
        attach={(meetingId, agendaItemId, issue) =>
          bridge.invoke('reports.attachToMeeting', {
            report: 'tasks',
            kind,
            asOf,
            ...(committeeId ? { committeeId } : {}),
            meetingId,
            ...(agendaItemId ? { agendaItemId } : {}),
            issue,
          })
        }
      />
    </Page>
  );
}
