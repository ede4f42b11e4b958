import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TargetHistory } from '../../../../../shared/contract/index.ts';
import { compareTargetPeriods, targetPeriodLabel } from '../../../../../shared/plans/target-periods.ts';
import { timeDateVi } from '../../../../../shared/vn-time.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { useLang } from '../../../common/useLang.ts';
import { useChartTheme } from '../../tasks/list/charts/chartTheme.ts';
import { formatNumber, PLAN_AREAS, periodKind } from '../shared/planLabels.ts';

const GOAL_COLOR = '#bfbfbf';
const ACTUAL_COLOR = '#1677ff';

interface Point {
  period: string;
  label: string;
  goal: number | null;
  actual: number | null;
}

/** Goal and newest actual for every period of `kind` the target has either for, in time order. */
function chartPoints(history: TargetHistory, kind: 'year' | 'quarter' | 'month', lang: 'vi' | 'en'): Point[] {
  const goals = new Map(history.goals.map((g) => [g.period, g.value]));
  const actuals = new Map<string, number>();
  // Newest first: the first seen for a period is its current value.
  for (const a of history.actuals) if (!actuals.has(a.period)) actuals.set(a.period, a.value);
  const periods = [...new Set([...goals.keys(), ...actuals.keys()])].filter((p) => periodKind(p) === kind).sort(compareTargetPeriods);
  return periods.map((period) => ({ period, label: targetPeriodLabel(period, lang), goal: goals.get(period) ?? null, actual: actuals.get(period) ?? null }));
}

/** A target's story: goal against actual over the periods of the kind being looked at, and every report, newest first. */
export function TargetDrawer({ targetId, period, onClose, onReport }: { targetId: string; period: string; onClose: () => void; onReport: () => void }) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const bridge = useBridge();
  const chart = useChartTheme();
  const load = useCallback(() => bridge.invoke('targets.history', { targetId }), [bridge, targetId]);
  const { state, reload } = useCoreData(load, PLAN_AREAS);
  const history = state.data;
  const kind = periodKind(period);
  const points = useMemo(() => (history ? chartPoints(history, kind, lang) : []), [history, kind, lang]);
  const kindName = t(`drawer.kinds.${kind}`);
  const target = history?.target;
  // Which report of each period is the one in force (the newest).
  const current = useMemo(() => {
    const seen = new Set<string>();
    const ids = new Set<string>();
    for (const a of history?.actuals ?? []) {
      if (!seen.has(a.period)) ids.add(a.id);
      seen.add(a.period);
    }
    return ids;
  }, [history]);

  return (
    <Drawer open size={720} title={target ? target.name : t('drawer.title')} onClose={onClose} destroyOnHidden className="ns-plan-drawer" extra={<Button onClick={onReport}>{t('table.report')}</Button>}>
      {state.status === 'failed' ? <LoadFailedAlert ns="plans" title={(message) => t('drawer.loadFailed', { message })} error={state.error} onRetry={reload} /> : null}
      {!history || !target ? (
        state.status === 'loading' ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : null
      ) : (
        <Flex vertical gap="middle">
          <Flex gap="small" wrap className="ns-plan-drawer-facts">
            <Tag>{t('drawer.measure', { measure: target.measure })}</Tag>
            <Tag>{t('drawer.owner', { name: target.ownerUnit?.name ?? t('common.noUnit') })}</Tag>
            <Tag>{t(`drawer.direction.${target.direction}`)}</Tag>
            {target.source ? <Tag>{t('drawer.source', { source: target.source })}</Tag> : null}
          </Flex>

          <section aria-labelledby="ns-plan-chart-title" className="ns-plan-chart">
            <Typography.Title level={3} id="ns-plan-chart-title" className="ns-plan-subtitle">
              {t('drawer.chartTitle', { kind: kindName })}
            </Typography.Title>
            {points.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drawer.noChart', { kind: kindName })} />
            ) : (
              <figure className="ns-plan-figure-chart" aria-label={t('drawer.chartSummary', { count: points.length })}>
                <ResponsiveContainer width="100%" height={260}>
                  <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
                    <CartesianGrid stroke={chart.grid} vertical={false} />
                    <XAxis dataKey="label" tick={{ fill: chart.text, fontSize: 12 }} stroke={chart.grid} />
                    <YAxis width={64} tick={{ fill: chart.text, fontSize: 12 }} stroke={chart.grid} tickFormatter={(v: number) => formatNumber(v, lang, 1)} />
                    <Tooltip {...chart.tooltip} formatter={(value) => `${formatNumber(Number(value), lang, 4)} ${target.measure}`} />
                    <Legend wrapperStyle={{ fontSize: 12 }} />
                    <Bar dataKey="goal" name={t('drawer.goal')} fill={GOAL_COLOR} maxBarSize={40} isAnimationActive={false} />
                    <Bar dataKey="actual" name={t('drawer.actual')} fill={ACTUAL_COLOR} maxBarSize={40} isAnimationActive={false} />
                    {points.length > 2 ? (
                      <Line type="monotone" dataKey="actual" legendType="none" tooltipType="none" stroke={ACTUAL_COLOR} strokeWidth={1.5} dot={false} connectNulls isAnimationActive={false} />
                    ) : null}
                  </ComposedChart>
                </ResponsiveContainer>
              </figure>
            )}
          </section>

          <section aria-labelledby="ns-plan-history-title">
            <Typography.Title level={3} id="ns-plan-history-title" className="ns-plan-subtitle">
              {t('drawer.history', { count: history.actuals.length })}
            </Typography.Title>
            {history.actuals.length === 0 ? (
              <Typography.Text type="secondary">{t('drawer.noHistory')}</Typography.Text>
            ) : (
              <List
                size="small"
                className="ns-plan-history"
                dataSource={history.actuals}
                renderItem={(a) => (
                  <List.Item key={a.id} className={current.has(a.id) ? undefined : 'ns-plan-history-old'}>
                    <Flex vertical gap={2} className="ns-plan-history-item">
                      <Flex gap="small" align="baseline" wrap>
                        <Typography.Text strong>{targetPeriodLabel(a.period, lang)}:</Typography.Text>
                        <Typography.Text strong className="ns-plan-history-value">
                          {formatNumber(a.value, lang, 4)} {target.measure}
                        </Typography.Text>
                        {current.has(a.id) ? (
                          <Tag color="blue">{t('drawer.latest')}</Tag>
                        ) : (
                          <Typography.Text type="secondary" className="ns-small">
                            {t('drawer.superseded')}
                          </Typography.Text>
                        )}
                      </Flex>
                      {a.note ? <Typography.Text>{a.note}</Typography.Text> : null}
                      {a.evidenceDocumentId ? (
                        <Link to={`/documents/${a.evidenceDocumentId}`} className="ns-small">
                          <PaperClipOutlined /> {t('drawer.evidence')}
                        </Link>
                      ) : null}
                      <Typography.Text type="secondary" className="ns-small">
                        {a.reportedBy?.name ? t('drawer.by', { name: a.reportedBy.name, when: timeDateVi(a.reportedAt) }) : t('drawer.byUnknown', { when: timeDateVi(a.reportedAt) })}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </section>
        </Flex>
      )}
    </Drawer>
  );
}
