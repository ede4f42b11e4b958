import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { BucketCounts, TaskBucket, TaskBucketFilter } from '../../../../../../shared/contract/index.ts';
import { BUCKETS, bucketChartColor } from '../../shared/taskLabels.ts';
import { ChartCard } from './ChartCard.tsx';
import { useChartTheme } from './chartTheme.ts';

interface Props {
  counts: BucketCounts;
  active: TaskBucketFilter | null;
  onBucket: (bucket: TaskBucket) => void;
  /** The lead unit the numbers are narrowed to, named in the title. */
  scope?: string | null;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

/** Tasks by timeliness bucket: a donut with the total in its middle, and its table. */
export function BucketDonut({ counts, active, onBucket, scope }: Props) {
  const { t } = useTranslation('tasks');
  const chart = useChartTheme();
  const judged = BUCKETS.reduce((n, b) => n + counts[b], 0);
  const data = BUCKETS.map((b) => ({ bucket: b, name: t(`bucket.${b}`), value: counts[b], fill: bucketChartColor[b] }));
  const summary = t('charts.bucketsSummary', {
    total: judged,
    parts: data.map((d) => `${d.name}: ${d.value}`).join('; '),
  });

  return (
    <ChartCard
      title={scope ? t('charts.scoped', { title: t('charts.buckets'), unit: scope }) : t('charts.buckets')}
      summary={summary}
      chart={
        judged === 0 ? (
          <Typography.Text type="secondary" className="ns-task-chart-empty">
            {t('charts.noData')}
          </Typography.Text>
        ) : (
          <div className="ns-task-donut">
            <ResponsiveContainer width="100%" height={250}>
              <PieChart accessibilityLayer={false}>
                <Pie
                  data={data}
                  dataKey="value"
                  nameKey="name"
                  innerRadius={58}
                  outerRadius={90}
                  paddingAngle={1}
                  stroke="none"
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={(item) => onBucket((item.payload as { bucket: TaskBucket }).bucket)}
                />
                <Tooltip {...chart.tooltip} />
                <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} iconType="circle" iconSize={9} />
              </PieChart>
            </ResponsiveContainer>
            <div className="ns-task-donut-center" aria-hidden>
              <strong>{judged}</strong>
              <span>{t('charts.tasks')}</span>
            </div>
          </div>
        )
      }
      table={
        <Table
          size="small"
          rowKey="bucket"
          pagination={false}
          dataSource={data}
          rowClassName={(row) => (row.bucket === active ? 'ns-task-row-active' : '')}
          columns={[
            {
              title: t('charts.bucketColumn'),
              key: 'name',
              render: (_, row) => (
                <Button type="link" size="small" className="ns-task-filter-link" onClick={() => onBucket(row.bucket)}>
                  <span className="ns-task-swatch" style={{ background: row.fill }} aria-hidden />
                  {row.name}
                </Button>
              ),
            },
            { title: t('charts.countColumn'), dataIndex: 'value', align: 'right', width: 90 },
            { title: t('charts.shareColumn'), key: 'share', align: 'right', width: 80, render: (_, row) => percent(row.value, judged) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('charts.totalRow')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{judged}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {judged ? '100%' : '0%'}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      }
    />
  );
}
