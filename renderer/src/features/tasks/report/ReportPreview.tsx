import { Button, Card, Empty, Flex, Progress, Table, Tag, theme, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BucketCounts, ReportOverdueTask, TasksReport, TaskUnit } from '../../../../../shared/contract/index.ts';
import { useLang } from '../../../common/useLang.ts';
import { BUCKETS, bucketChartColor, dmy } from '../shared/taskLabels.ts';
import { periodName } from './reportPeriods.ts';

type UnitRow = BucketCounts & { unit: TaskUnit };

/** The neutral colour of the counts that are not a bucket (total, assigned, completed in the period). */
const NEUTRAL = 'var(--ant-color-text, #1f2937)';

function share(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 1000) / 10 : 0;
}

function SectionTitle({ id, children }: { id: string; children: string }) {
  return (
    <Typography.Title level={2} id={id} className="ns-task-section-title">
      {children}
    </Typography.Title>
  );
}

/** The report as it will be issued: when it counts to, the numbers, each lead unit, and what is late and why. */
export function ReportPreview({ report, loading }: { report: TasksReport; loading: boolean }) {
  const { t } = useTranslation('tasks');
  const lang = useLang();
  const period = periodName(report.period, lang);

  return (
    <div className={loading ? 'ns-report-preview ns-report-stale' : 'ns-report-preview'} aria-busy={loading}>
      <Card className="ns-block ns-report-head">
        <Flex gap="small" align="center" wrap>
          <Typography.Title level={2} className="ns-task-section-title">
            {t('report.heading', { period })}
          </Typography.Title>
          {report.partial ? (
            <Tag color="orange" className="ns-task-tag">
              {t('report.partial')}
            </Tag>
          ) : null}
        </Flex>
        <Flex gap="small" wrap className="ns-report-facts" align="baseline">
          <Typography.Text strong className="ns-report-as-of">
            {t('report.asOf', { date: dmy(report.asOf) })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('report.window', { from: dmy(report.period.from), to: dmy(report.period.to) })}</Typography.Text>
          <Typography.Text type="secondary">{t('report.issuer', { issuer: report.issuer })}</Typography.Text>
        </Flex>
      </Card>
      {report.empty ? <ReportEmpty report={report} /> : <ReportBody report={report} />}
    </div>
  );
}

function ReportEmpty({ report }: { report: TasksReport }) {
  const { t } = useTranslation('tasks');
  const date = dmy(report.asOf);
  return (
    <Card className="ns-block">
      <Empty
        className="ns-empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Text strong>
              {report.committee ? t('report.emptyCommittee', { committee: report.committee.name, date }) : t('report.emptyTitle', { date })}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('report.emptyHint')}</Typography.Text>
          </>
        }
      >
        <Link to="/tasks">
          <Button type="primary">{t('report.emptyAction')}</Button>
        </Link>
      </Empty>
    </Card>
  );
}

function ReportBody({ report }: { report: TasksReport }) {
  const { t } = useTranslation('tasks');
  const lang = useLang();
  const { token } = theme.useToken();
  const total = report.totals.total;
  const stats: Array<{ key: string; name: string; value: number; hint: string; color: string }> = [
    { key: 'total', name: t('report.total'), value: total, hint: t('report.totalHint', { date: dmy(report.asOf) }), color: NEUTRAL },
    ...BUCKETS.map((bucket) => ({
      key: bucket,
      name: t(`bucket.${bucket}`),
      value: report.totals[bucket],
      hint: t('report.share', { percent: share(report.totals[bucket], total).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') }),
      color: bucketChartColor[bucket],
    })),
    {
      key: 'assigned',
      name: t('report.assignedInPeriod'),
      value: report.assignedInPeriod,
      hint: t('report.assignedInPeriodHint', { from: dmy(report.period.from), to: dmy(report.asOf) }),
      color: token.colorPrimary,
    },
    {
      key: 'completed',
      name: t('report.completedInPeriod'),
      value: report.completedInPeriod,
      hint: t('report.completedInPeriodHint'),
      color: token.colorPrimary,
    },
  ];

  const count = (key: keyof BucketCounts) => ({
    key,
    width: 118,
    align: 'right' as const,
    render: (_: unknown, row: UnitRow) => row[key],
  });
  const unitColumns: ColumnsType<UnitRow> = [
    { title: t('report.unit'), key: 'unit', render: (_, row) => row.unit.name },
    { title: t('report.total'), ...count('total') },
    ...BUCKETS.map((bucket) => ({ title: t(`bucket.${bucket}`), ...count(bucket) })),
  ];

  const overdueColumns: ColumnsType<ReportOverdueTask> = [
    { title: t('report.ordinal'), key: 'ordinal', width: 48, align: 'right', render: (_, __, index) => index + 1 },
    {
      title: t('report.content'),
      key: 'content',
      render: (_, task) => (
        <>
          <Link to={`/tasks/${task.id}`} className={task.classified ? 'ns-task-link ns-report-classified' : 'ns-task-link'}>
            {task.content}
          </Link>
          {task.source ? (
            <div>
              <Typography.Text type="secondary" className="ns-small">
                {task.source}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    { title: t('report.unit'), key: 'unit', width: 150, render: (_, task) => task.leadUnit.name },
    {
      title: t('report.dueDate'),
      key: 'dueDate',
      width: 116,
      render: (_, task) => (
        <>
          <div>{dmy(task.dueDate)}</div>
          <Typography.Text type="secondary" className="ns-small">
            {t('report.assignedOnValue', { date: dmy(task.assignedOn) })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('report.daysLate'),
      key: 'daysLate',
      width: 84,
      align: 'right',
      render: (_, task) => <span className="ns-report-late">{t('report.daysLateValue', { count: task.daysLate })}</span>,
    },
    {
      title: t('report.percent'),
      key: 'percent',
      width: 100,
      render: (_, task) => <Progress percent={task.percent} size="small" status="normal" strokeColor={token.colorError} format={(p) => `${p ?? 0}%`} />,
    },
    {
      title: t('report.reason'),
      key: 'reason',
      width: '24%',
      render: (_, task) =>
        task.reason ? (
          <span className="ns-prewrap">{task.reason}</span>
        ) : (
          <Typography.Text type="secondary">{t('report.noReason')}</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <section aria-labelledby="ns-report-stats" className="ns-block">
        <h2 id="ns-report-stats" className="ns-sr-only">
          {t('report.stats')}
        </h2>
        <ul className="ns-report-stats">
          {stats.map((s) => (
            <li
              key={s.key}
              className={`ns-report-stat ns-report-stat-${s.key}`}
              style={{ ['--ns-stat-color' as string]: s.color }}
              aria-label={t('report.statLabel', { name: s.name, count: s.value })}
            >
              <span className="ns-report-stat-name" aria-hidden>
                {s.name}
              </span>
              <span className="ns-report-stat-value" aria-hidden>
                {s.value}
              </span>
              <span className="ns-report-stat-hint">{s.hint}</span>
            </li>
          ))}
        </ul>
      </section>

      <Card size="small" className="ns-block" title={<SectionTitle id="ns-report-units">{t('report.units')}</SectionTitle>}>
        <Table<UnitRow>
          size="small"
          rowKey={(row) => row.unit.id}
          className="ns-report-units"
          aria-labelledby="ns-report-units"
          columns={unitColumns}
          dataSource={report.units}
          pagination={false}
          locale={{ emptyText: t('report.noUnits') }}
          summary={() => (
            <Table.Summary.Row className="ns-report-total-row">
              <Table.Summary.Cell index={0}>{t('report.totalRow')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {report.totals.total}
              </Table.Summary.Cell>
              {BUCKETS.map((bucket, i) => (
                <Table.Summary.Cell key={bucket} index={i + 2} align="right">
                  {report.totals[bucket]}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
      </Card>

      <Card
        size="small"
        className="ns-block"
        title={<SectionTitle id="ns-report-overdue">{t('report.overdue', { count: report.overdue.length })}</SectionTitle>}
      >
        <Table<ReportOverdueTask>
          size="small"
          rowKey="id"
          className="ns-report-overdue"
          aria-labelledby="ns-report-overdue"
          columns={overdueColumns}
          dataSource={report.overdue}
          pagination={report.overdue.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: t('report.overdueNone', { date: dmy(report.asOf) }) }}
        />
      </Card>
    </>
  );
}
