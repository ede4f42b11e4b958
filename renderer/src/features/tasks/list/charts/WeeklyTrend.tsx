import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TaskStats } from '../../../../../../shared/contract/index.ts';
import { BUCKETS, bucketChartColor, dm, dmy } from '../../shared/taskLabels.ts';
import { ChartCard } from './ChartCard.tsx';
import { useChartTheme } from './chartTheme.ts';

/**
 * The buckets at the end of each of the last twelve weeks: is the backlog of overdue tasks shrinking?
 * `scope` names the lead unit they are narrowed to.
 */
export function WeeklyTrend({ weeks, scope }: { weeks: TaskStats['weeks']; scope?: string | null }) {
  const { t } = useTranslation('tasks');
  const chart = useChartTheme();
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const summary =
    first && last
      ? t('charts.trendSummary', { from: dmy(first.asOf), to: dmy(last.asOf), lateFrom: first.open_late, lateTo: last.open_late })
      : t('charts.noData');

  return (
    <ChartCard
      title={scope ? t('charts.scoped', { title: t('charts.trend'), unit: scope }) : t('charts.trend')}
      summary={summary}
      chart={
        weeks.length === 0 ? (
          <span className="ns-task-chart-empty">{t('charts.noData')}</span>
        ) : (
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={weeks} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke={chart.grid} vertical={false} />
              <XAxis dataKey="asOf" tickFormatter={dm} tick={{ fill: chart.text, fontSize: 12 }} stroke={chart.grid} />
              <YAxis allowDecimals={false} width={36} tick={{ fill: chart.text, fontSize: 12 }} stroke={chart.grid} />
              <Tooltip {...chart.tooltip} labelFormatter={(label) => t('charts.weekEnding', { date: dmy(String(label)) })} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {BUCKETS.map((b) => (
                <Line
                  key={b}
                  type="monotone"
                  dataKey={b}
                  name={t(`bucket.${b}`)}
                  stroke={bucketChartColor[b]}
                  strokeWidth={b === 'open_late' ? 3 : 2}
                  dot={{ r: 2 }}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )
      }
      table={
        <Table
          size="small"
          rowKey="asOf"
          dataSource={weeks}
          pagination={false}
          columns={[
            { title: t('charts.weekColumn'), dataIndex: 'asOf', render: (v: string) => dmy(v) },
            ...BUCKETS.map((b) => ({ title: t(`bucket.${b}`), dataIndex: b, align: 'right' as const, width: 110 })),
            { title: t('charts.dueSoonColumn'), dataIndex: 'due_soon', align: 'right' as const, width: 90 },
            { title: t('charts.totalColumn'), dataIndex: 'total', align: 'right' as const, width: 70 },
          ]}
        />
      }
    />
  );
}
