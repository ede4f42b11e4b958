import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TaskStats } from '../../../../../../shared/contract/index.ts';
import { BUCKETS, bucketChartColor } from '../../shared/taskLabels.ts';
import { ChartCard } from './ChartCard.tsx';
import { useChartTheme } from './chartTheme.ts';

interface Props {
  units: TaskStats['units'];
  activeUnitId: string | null;
  onUnit: (unitId: string) => void;
}

const TOP = 10;

function shortName(name: string): string {
  return name.length > 26 ? `${name.slice(0, 25)}…` : name;
}

/** Tasks per lead unit, stacked by bucket: the ten units with the most overdue tasks, and the table of all. */
export function UnitBars({ units, activeUnitId, onUnit }: Props) {
  const { t } = useTranslation('tasks');
  const chart = useChartTheme();
  // The core sends them overdue first; the chart shows the top, the table every unit.
  const rows = units.map((u) => ({ ...u, key: u.unit.id, name: u.unit.name }));
  const top = rows.slice(0, TOP);
  const summary = t('charts.unitsSummary', {
    units: top.map((u) => t('charts.unitSummary', { unit: u.name, late: u.open_late, total: u.total })).join('; '),
  });

  return (
    <ChartCard
      title={t('charts.units', { count: Math.min(TOP, rows.length) })}
      summary={summary}
      chart={
        top.length === 0 ? (
          <span className="ns-task-chart-empty">{t('charts.noData')}</span>
        ) : (
          <ResponsiveContainer width="100%" height={Math.max(210, top.length * 30 + 80)}>
            <BarChart data={top} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap={6} maxBarSize={22} accessibilityLayer={false}>
              <CartesianGrid horizontal={false} stroke={chart.grid} />
              <XAxis type="number" allowDecimals={false} tick={{ fill: chart.text, fontSize: 12 }} stroke={chart.grid} />
              <YAxis
                type="category"
                dataKey="name"
                width={180}
                tick={{ fill: chart.text, fontSize: 12 }}
                tickFormatter={shortName}
                stroke={chart.grid}
                interval={0}
              />
              <Tooltip {...chart.tooltip} cursor={{ fillOpacity: 0.08 }} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              {BUCKETS.map((b) => (
                <Bar
                  key={b}
                  dataKey={b}
                  name={t(`bucket.${b}`)}
                  stackId="units"
                  fill={bucketChartColor[b]}
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={(_, index) => {
                    const row = top[index];
                    if (row) onUnit(row.unit.id);
                  }}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <Table
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={rows.length > TOP ? { pageSize: TOP, size: 'small', showSizeChanger: false } : false}
          rowClassName={(row) => (row.unit.id === activeUnitId ? 'ns-task-row-active' : '')}
          columns={[
            {
              title: t('charts.unitColumn'),
              key: 'unit',
              render: (_, row) => (
                <Button type="link" size="small" className="ns-task-filter-link" onClick={() => onUnit(row.unit.id)}>
                  {row.name}
                </Button>
              ),
            },
            ...BUCKETS.map((b) => ({ title: t(`bucket.${b}`), dataIndex: b, align: 'right' as const, width: 96 })),
            { title: t('charts.totalColumn'), dataIndex: 'total', align: 'right' as const, width: 70 },
          ]}
        />
      }
    />
  );
}
