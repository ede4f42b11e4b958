import { Empty, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttainmentStatus, HeatCell, PlanStanding } from '../../../../../shared/contract/index.ts';
import { targetPeriodLabel } from '../../../../../shared/plans/target-periods.ts';
import { useLang } from '../../../common/useLang.ts';
import { formatNumber, formatPercent, STATUSES, statusOfPercent } from '../shared/planLabels.ts';

/** A cell's colour: its mean rate against the thresholds, else what its targets' statuses say. */
function cellStatus(cell: HeatCell, standing: PlanStanding): AttainmentStatus {
  if (cell.meanPercent !== null) return statusOfPercent(cell.meanPercent, standing.thresholds);
  const { met, near, missed } = cell.counts;
  if (missed > 0) return 'missed';
  if (near > 0) return 'near';
  if (met > 0) return 'met';
  return 'none';
}

function total(cell: HeatCell): number {
  return cell.counts.met + cell.counts.near + cell.counts.missed + cell.counts.none;
}

/** Units (rows) × top-level groups (columns), each cell the mean attainment of the unit's targets in the group. */
export function HeatMap({ standing }: { standing: PlanStanding }) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const { units, groups, cells } = standing.heatmap;
  const find = (unitId: string | null, groupId: string | null) => cells.find((c) => c.unitId === unitId && c.groupId === groupId);
  const groupTitle = (g: { id: string | null; title: string }) => (g.id === null ? t('common.noGroup') : g.title);
  const unitTitle = (u: (typeof units)[number]) => u?.name ?? t('common.noUnit');

  if (units.length === 0 || groups.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('heatmap.empty')} />;
  }

  const summary = (cell: HeatCell) =>
    [
      cell.meanPercent !== null ? t('heatmap.mean', { percent: formatNumber(cell.meanPercent, lang, 1) }) : t('heatmap.noMean'),
      ...STATUSES.filter((s) => cell.counts[s] > 0).map((s) => `${t(`status.${s}`)} ${cell.counts[s]}`),
    ].join('; ');

  return (
    <section aria-labelledby="ns-plan-heat-title" className="ns-plan-heat">
      <Typography.Title level={2} id="ns-plan-heat-title" className="ns-task-section-title">
        {t('heatmap.title', { period: targetPeriodLabel(standing.period, lang) })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="ns-small">
        {t('heatmap.hint')}
      </Typography.Paragraph>
      <div className="ns-plan-heat-scroll">
        <table className="ns-plan-heat-table">
          <thead>
            <tr>
              <th scope="col" className="ns-plan-heat-corner">
                {t('heatmap.unit')}
              </th>
              {groups.map((g) => (
                <th scope="col" key={g.id ?? 'none'}>
                  {groupTitle(g)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u?.id ?? 'none'}>
                <th scope="row">{unitTitle(u)}</th>
                {groups.map((g) => {
                  const cell = find(u?.id ?? null, g.id);
                  if (!cell || total(cell) === 0) {
                    return (
                      <td key={g.id ?? 'none'} className="ns-plan-heat-cell ns-plan-heat-empty">
                        {t('heatmap.cellNone')}
                      </td>
                    );
                  }
                  const status = cellStatus(cell, standing);
                  const label = t('heatmap.cellLabel', { unit: unitTitle(u), group: groupTitle(g), summary: summary(cell) });
                  return (
                    <Tooltip
                      key={g.id ?? 'none'}
                      title={
                        <div>
                          <div>
                            <strong>
                              {unitTitle(u)} — {groupTitle(g)}
                            </strong>
                          </div>
                          <div>{cell.meanPercent !== null ? t('heatmap.mean', { percent: formatNumber(cell.meanPercent, lang, 1) }) : t('heatmap.noMean')}</div>
                          {STATUSES.filter((s) => cell.counts[s] > 0).map((s) => (
                            <div key={s}>
                              {t(`status.${s}`)}: {cell.counts[s]}
                            </div>
                          ))}
                        </div>
                      }
                    >
                      <td className={`ns-plan-heat-cell ns-plan-heat-${status}`} tabIndex={0} aria-label={label}>
                        <span className="ns-plan-heat-value">{cell.meanPercent !== null ? formatPercent(cell.meanPercent, lang) : t(`status.${status}`)}</span>
                        <span className="ns-plan-heat-count">{t('heatmap.cellCount', { count: total(cell) })}</span>
                      </td>
                    </Tooltip>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Flex gap="middle" wrap align="center" className="ns-plan-heat-legend" role="list" aria-label={t('heatmap.legend')}>
        <Typography.Text type="secondary" className="ns-small" aria-hidden>
          {t('heatmap.legend')}:
        </Typography.Text>
        {STATUSES.map((s) => (
          <span key={s} role="listitem" className="ns-plan-heat-key">
            <span className={`ns-plan-heat-swatch ns-plan-heat-${s}`} aria-hidden />
            {t(`status.${s}`)}
            {s === 'met'
              ? ` (≥ ${standing.thresholds.metPercent}%)`
              : s === 'near'
                ? ` (${standing.thresholds.nearPercent}–${standing.thresholds.metPercent}%)`
                : s === 'missed'
                  ? ` (< ${standing.thresholds.nearPercent}%)`
                  : ''}
          </span>
        ))}
      </Flex>
    </section>
  );
}
