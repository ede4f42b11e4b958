import { WarningOutlined } from '@ant-design/icons';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskBucketFilter, TaskStats } from '../../../../../shared/contract/index.ts';
import { BUCKET_FILTERS, bucketChartColor } from '../shared/taskLabels.ts';
import { BucketDonut } from './charts/BucketDonut.tsx';
import { UnitBars } from './charts/UnitBars.tsx';
import { WeeklyTrend } from './charts/WeeklyTrend.tsx';

interface Props {
  /** Asked for the unit the list is narrowed to, if any (its totals and trend), with every unit's row for the bars. */
  stats: TaskStats;
  /** The unit the list is narrowed to: highlighted among the units. */
  unitId: string | null;
  bucket: TaskBucketFilter | null;
  onBucket: (bucket: TaskBucketFilter) => void;
  onUnit: (unitId: string) => void;
}

/** The numbers the Government Office's reports ask for, each one a way into the list of its tasks. */
export function TaskDashboard({ stats, unitId, bucket, onBucket, onUnit }: Props) {
  const { t } = useTranslation('tasks');
  const counts = stats.totals;
  const scope = unitId ? (stats.units.find((u) => u.unit.id === unitId)?.unit.name ?? null) : null;

  return (
    <section aria-label={t('dashboard.label')} className="ns-task-dashboard">
      <ul className="ns-task-stats" aria-label={t('dashboard.numbers')}>
        {BUCKET_FILTERS.map((key) => {
          const active = bucket === key;
          return (
            <li key={key}>
              <button
                type="button"
                className={`ns-task-stat ns-task-stat-${key}${active ? ' ns-task-stat-active' : ''}`}
                style={{ ['--ns-stat-color' as string]: bucketChartColor[key] }}
                aria-pressed={active}
                aria-label={t('dashboard.statLabel', { count: counts[key], bucket: t(`bucket.${key}`) })}
                onClick={() => onBucket(key)}
              >
                <span className="ns-task-stat-name">
                  {key === 'due_soon' ? <WarningOutlined aria-hidden /> : null} {t(`bucket.${key}`)}
                </span>
                <span className="ns-task-stat-value">{counts[key]}</span>
                <span className="ns-task-stat-hint">
                  {key === 'due_soon' ? t('dashboard.dueSoonHint', { days: stats.dueSoonDays }) : t(`dashboard.hint.${key}`)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <Row gutter={[12, 12]} className="ns-task-charts">
        <Col xs={24} lg={9}>
          <BucketDonut counts={counts} active={bucket} onBucket={onBucket} scope={scope} />
        </Col>
        <Col xs={24} lg={15}>
          <UnitBars units={stats.units} activeUnitId={unitId} onUnit={onUnit} />
        </Col>
        <Col span={24}>
          <WeeklyTrend weeks={stats.weeks} scope={scope} />
        </Col>
      </Row>
    </section>
  );
}
