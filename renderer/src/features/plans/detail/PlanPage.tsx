import { ArrowLeftOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Tabs, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PlanDetail, PlanTarget } from '../../../../../shared/contract/index.ts';
import { isTargetPeriod, targetPeriodLabel } from '../../../../../shared/plans/target-periods.ts';
import { todayKey } from '../../../../../shared/vn-time.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { LoadFailedPage, LoadingPage } from '../../../common/PageStates.tsx';
import { errorText } from '../../../common/errors.ts';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { useLang } from '../../../common/useLang.ts';
import { Page } from '../../../shell/Page.tsx';
import { dmy } from '../../tasks/shared/taskLabels.ts';
import { defaultPeriod, PLAN_AREAS, STATUSES, statusTagColor } from '../shared/planLabels.ts';
import { HeatMap } from './HeatMap.tsx';
import { PlanExportCard } from './PlanExportCard.tsx';
import { PlanTasks } from './PlanTasks.tsx';
import { ReportValueModal } from './ReportValueModal.tsx';
import { TargetDrawer } from './TargetDrawer.tsx';
import { TargetsTable } from './TargetsTable.tsx';
import { ThresholdsModal } from './ThresholdsModal.tsx';
import '../../tasks/tasks.css';
import '../plans.css';

/**
 * #/plans/:planId — one action plan: its targets for the period chosen (in the address, ?period=2026-Q1)
 * under their groups with goal, actual, rate and assessment; figures reported per target; the chart
 * and history of a target; the heat-map of units × groups; the tasks put under its groups
 * (?view=tasks); the report in Word and Excel.
 */
export function PlanPage() {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const bridge = useBridge();
  const { planId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const [reporting, setReporting] = useState<PlanTarget | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [editingThresholds, setEditingThresholds] = useState(false);
  const view = search.get('view');
  const tab = view === 'heatmap' || view === 'tasks' ? view : 'targets';

  const loadDetail = useCallback(() => bridge.invoke('plans.get', { planId }), [bridge, planId]);
  const detailData = useCoreData(loadDetail, PLAN_AREAS);
  const detail: PlanDetail | undefined = detailData.state.data;

  const asked = search.get('period');
  const fallback = useMemo(() => {
    if (!detail) return null;
    const withValues = new Set(detail.targets.flatMap((target) => Object.keys(target.actuals)));
    return defaultPeriod(detail.periods, withValues, todayKey());
  }, [detail]);
  const period = asked && isTargetPeriod(asked) && detail?.periods.includes(asked) ? asked : fallback;

  const standingKey = JSON.stringify([planId, period]);
  const loadStanding = useCallback(
    () => (period ? bridge.invoke('plans.standing', { planId, period }).then((standing) => ({ key: standingKey, standing })) : Promise.resolve(null)),
    [bridge, planId, period, standingKey],
  );
  const standingData = useCoreData(loadStanding, PLAN_AREAS);
  const standing = standingData.state.data?.standing;
  const standingStale = standingData.state.data !== undefined && standingData.state.data?.key !== standingKey;

  const update = useCallback(
    (patch: Record<'period' | 'view', string | null>) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(patch)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  if (!detail) {
    if (detailData.state.status === 'failed') {
      return (
        <LoadFailedPage
          title={t('title')}
          message={t('common.loadFailed', { message: errorText(detailData.state.error) })}
          backTo="/plans"
          backLabel={t('detail.back')}
          retryLabel={t('common.retry')}
          onRetry={detailData.reload}
        />
      );
    }
    return <LoadingPage title={t('title')} />;
  }

  const { plan } = detail;
  const reportTarget = reporting ? (detail.targets.find((x) => x.id === reporting.id) ?? reporting) : null;
  const afterReport = () => {
    setReporting(null);
    detailData.reload();
    standingData.reload();
  };

  return (
    <Page title={plan.title}>
      <Flex className="ns-detail-top" gap="small" align="center" wrap>
        <Link to="/plans" className="ns-back-link">
          <ArrowLeftOutlined aria-hidden /> {t('detail.back')}
        </Link>
      </Flex>

      <Card size="small" className="ns-block ns-plan-head">
        <Flex gap="small" wrap align="center" className="ns-plan-facts">
          {plan.code ? <Tag>{t('detail.code', { code: plan.code })}</Tag> : null}
          <Tag color="geekblue">{plan.committee ? t('detail.committee', { name: plan.committee.name }) : t('detail.standingOffice')}</Tag>
          <Tag>{plan.yearFrom === plan.yearTo ? t('detail.year', { year: plan.yearFrom }) : t('detail.years', { from: plan.yearFrom, to: plan.yearTo })}</Tag>
          <Typography.Text type="secondary" className="ns-plan-thresholds">
            {t('detail.thresholds', { met: plan.thresholds.metPercent, near: plan.thresholds.nearPercent })}
          </Typography.Text>
          <Button size="small" icon={<SettingOutlined />} onClick={() => setEditingThresholds(true)}>
            {t('detail.editThresholds')}
          </Button>
        </Flex>
      </Card>

      {detail.periods.length === 0 || !period ? (
        <Card className="ns-block">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noPeriods')} />
        </Card>
      ) : (
        <>
          <Card size="small" className="ns-block ns-plan-controls">
            <Flex gap="middle" wrap align="center">
              <Flex gap="small" align="center">
                <label className="ns-report-label" htmlFor="ns-plan-period">
                  {t('detail.period')}
                </label>
                <Select<string>
                  id="ns-plan-period"
                  className="ns-plan-period"
                  value={period}
                  onChange={(value) => update({ period: value === fallback ? null : value, view: tab === 'targets' ? null : tab })}
                  options={detail.periods.map((p) => ({ value: p, label: targetPeriodLabel(p, lang) }))}
                  popupMatchSelectWidth={false}
                />
              </Flex>
              {standing ? (
                <ul className="ns-plan-counts" aria-label={t('detail.countsLabel')}>
                  {STATUSES.map((s) => (
                    <li key={s} aria-label={t('detail.countItem', { status: t(`status.${s}`), count: standing.counts[s] })}>
                      <Tag color={statusTagColor[s]} className="ns-plan-count">
                        {t(`status.${s}`)} <strong className="ns-plan-count-value">{standing.counts[s]}</strong>
                      </Tag>
                    </li>
                  ))}
                </ul>
              ) : null}
              {standing ? (
                <Typography.Text type="secondary" className="ns-small ns-push-right">
                  {t('detail.asOf', { date: dmy(standing.asOf) })}
                </Typography.Text>
              ) : null}
            </Flex>
          </Card>

          {standingData.state.status === 'failed' ? <LoadFailedAlert ns="plans" className="ns-block" error={standingData.state.error} onRetry={standingData.reload} /> : null}

          <Card className="ns-block ns-plan-body">
            <Tabs
              activeKey={tab}
              onChange={(key) => update({ view: key === 'targets' ? null : key, period: asked })}
              items={[
                {
                  key: 'targets',
                  label: t('detail.tabTargets'),
                  children: (
                    <TargetsTable
                      detail={detail}
                      period={period}
                      rows={standing?.rows}
                      loading={standingData.state.status === 'loading' || standingStale}
                      onReport={setReporting}
                      onOpen={(target) => setOpened(target.id)}
                    />
                  ),
                },
                {
                  key: 'heatmap',
                  label: t('detail.tabHeatmap'),
                  children: standing ? <HeatMap standing={standing} /> : <Typography.Text type="secondary">{t('detail.loadingStanding')}</Typography.Text>,
                },
                {
                  key: 'tasks',
                  label: t('detail.tabTasks', { count: detail.taskLinks.length }),
                  children: <PlanTasks detail={detail} onChanged={detailData.reload} />,
                },
              ]}
            />
          </Card>

          <PlanExportCard key={period} planId={plan.id} committeeId={plan.committee?.id ?? null} period={period} />
        </>
      )}

      {reportTarget && period ? (
        <ReportValueModal target={reportTarget} periods={detail.periods} period={period} onClose={() => setReporting(null)} onSaved={afterReport} />
      ) : null}
      {opened && period ? (
        <TargetDrawer
          targetId={opened}
          period={period}
          onClose={() => setOpened(null)}
          onReport={() => {
            const target = detail.targets.find((x) => x.id === opened);
            if (target) setReporting(target);
          }}
        />
      ) : null}
      {editingThresholds ? (
        <ThresholdsModal
          plan={plan}
          onClose={() => setEditingThresholds(false)}
          onSaved={() => {
            setEditingThresholds(false);
            detailData.reload();
            standingData.reload();
          }}
        />
      ) : null}
    </Page>
  );
}
