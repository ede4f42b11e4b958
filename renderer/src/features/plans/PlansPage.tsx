import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Progress, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PlanSummary } from '../../../../shared/contract/index.ts';
import { dateVi } from '../../../../shared/vn-time.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { LoadFailedAlert } from '../../common/LoadFailedAlert.tsx';
import { useKeyShortcut } from '../../common/useKeyShortcut.ts';
import { Page } from '../../shell/Page.tsx';
import { ImportPlanDialog } from './import/ImportPlanDialog.tsx';
import { PlanTemplateButton } from './import/PlanTemplateButton.tsx';
import { PLAN_AREAS, yearsText } from './shared/planLabels.ts';
import '../tasks/tasks.css';
import './plans.css';

/** #/plans — Kế hoạch, chỉ tiêu: every action plan with how far its targets have figures; import a new one. */
export function PlansPage() {
  const { t } = useTranslation('plans');
  const bridge = useBridge();
  const navigate = useNavigate();
  const [importing, setImporting] = useState(false);
  const load = useCallback(() => bridge.invoke('plans.list', {}), [bridge]);
  const { state, reload } = useCoreData(load, PLAN_AREAS);

  useKeyShortcut('i', () => setImporting(true), !importing);

  const plans = state.data;
  const columns: TableColumnsType<PlanSummary> = [
    {
      key: 'title',
      title: t('list.colTitle'),
      render: (_: unknown, plan: PlanSummary) => (
        <Flex vertical>
          <Link to={`/plans/${plan.id}`} className="ns-plan-link">
            {plan.title}
          </Link>
          {plan.code ? (
            <Typography.Text type="secondary" className="ns-small">
              {plan.code}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'committee',
      title: t('list.colCommittee'),
      width: 240,
      render: (_: unknown, plan: PlanSummary) =>
        plan.committee ? plan.committee.name : <Typography.Text type="secondary">{t('list.standingOffice')}</Typography.Text>,
    },
    { key: 'years', title: t('list.colYears'), width: 110, render: (_: unknown, plan: PlanSummary) => yearsText(plan.yearFrom, plan.yearTo) },
    { key: 'targets', title: t('list.colTargets'), width: 100, align: 'right', dataIndex: 'targets' },
    {
      key: 'reported',
      title: t('list.colReported'),
      width: 160,
      render: (_: unknown, plan: PlanSummary) => (
        <Flex gap="small" align="center" className="ns-plan-reported">
          <Progress
            percent={plan.targets > 0 ? Math.round((plan.reported / plan.targets) * 100) : 0}
            size="small"
            showInfo={false}
            className="ns-plan-reported-bar"
            aria-hidden
          />
          <span>{t('list.reportedOf', { reported: plan.reported, total: plan.targets })}</span>
        </Flex>
      ),
    },
    { key: 'updated', title: t('list.colUpdated'), width: 110, render: (_: unknown, plan: PlanSummary) => dateVi(plan.updatedAt) },
  ];

  const importButton = (
    <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} aria-keyshortcuts="I">
      {t('list.import')}
    </Button>
  );

  return (
    <Page title={t('title')} intro={t('intro')}>
      {plans && plans.length > 0 ? (
        <Flex className="ns-task-toolbar" gap="small" wrap align="center">
          {importButton}
          <PlanTemplateButton />
          <Typography.Text type="secondary" className="ns-small">
            {t('list.shortcutHint')}
          </Typography.Text>
        </Flex>
      ) : null}

      {state.status === 'failed' ? <LoadFailedAlert ns="plans" className="ns-block" error={state.error} onRetry={reload} /> : null}

      {!plans ? (
        state.status === 'loading' ? (
          <Card aria-busy>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        ) : null
      ) : plans.length === 0 ? (
        <Card>
          <Empty
            className="ns-empty"
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <Typography.Text strong>{t('list.emptyTitle')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t('list.emptyHint')}</Typography.Text>
              </>
            }
          >
            <Flex gap="small" justify="center" wrap>
              {importButton}
              <PlanTemplateButton type="link" />
            </Flex>
            <Typography.Text type="secondary" className="ns-small">
              {t('list.shortcutHint')}
            </Typography.Text>
          </Empty>
        </Card>
      ) : (
        <section aria-labelledby="ns-plan-list-heading">
          <Flex align="baseline" gap="small" className="ns-task-list-head">
            <Typography.Title level={2} id="ns-plan-list-heading" className="ns-task-section-title">
              {t('list.heading')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('list.count', { count: plans.length })}</Typography.Text>
          </Flex>
          <Card className="ns-table-card">
            <Table<PlanSummary>
              rowKey="id"
              size="middle"
              className="ns-plan-list"
              columns={columns}
              dataSource={plans}
              pagination={plans.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            />
          </Card>
        </section>
      )}

      {importing ? (
        <ImportPlanDialog
          onClose={() => setImporting(false)}
          onImported={(result) => {
            setImporting(false);
            void navigate(`/plans/${result.planId}`);
          }}
        />
      ) : null}
    </Page>
  );
}
