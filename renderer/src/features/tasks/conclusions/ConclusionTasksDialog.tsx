import { CheckCircleFilled, LinkOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Flex, Input, Modal, Result, Row, Skeleton, Steps, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConclusionDraft, TaskDetail } from '../../../../../shared/contract/index.ts';
import { todayKey } from '../../../../../shared/vn-time.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { errorText } from '../../../common/errors.ts';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { OrganizationSelect, PersonSelect } from '../../meetings/shared/directoryOptions.tsx';
import { tasksHref } from '../list/listParams.ts';
import { dmy, TASK_AREAS } from '../shared/taskLabels.ts';
import { CoordinatingUnitsSelect } from '../shared/UnitPickers.tsx';
import '../tasks.css';

interface Props {
  meetingId: string;
  onClose: () => void;
}

/** One conclusion as it will become a task, edited in the review step. */
interface ReviewRow {
  conclusionId: string;
  ordinal: number;
  agendaItemTitle: string | null;
  content: string;
  leadUnit: string | null;
  coordinatingUnits: string[];
  /** Null: thường xuyên (no due date), reviewed monthly. */
  deadline: string | null;
}

function reviewRowOf(d: ConclusionDraft): ReviewRow {
  return {
    conclusionId: d.conclusionId,
    ordinal: d.ordinal,
    agendaItemTitle: d.agendaItemTitle,
    content: d.text,
    leadUnit: d.leadUnit?.id ?? null,
    coordinatingUnits: d.coordinatingUnits.map((u) => u.id).filter((id) => id !== d.leadUnit?.id),
    deadline: d.deadline,
  };
}

/**
 * "Giao nhiệm vụ từ kết luận": pick the conclusions of the minutes, review the tasks prefilled from
 * them (lead unit, coordinating units, deadline), and assign them all at once.
 */
export function ConclusionTasksDialog({ meetingId, onClose }: Props) {
  const { t } = useTranslation('tasks');
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('tasks.conclusionDrafts', { meetingId }), [bridge, meetingId]);
  const { state, reload } = useCoreData(load, TASK_AREAS);
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [assignedOn, setAssignedOn] = useState<Dayjs>(() => dayjs(todayKey()));
  const [supervisorId, setSupervisorId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<TaskDetail[]>([]);
  const [tried, setTried] = useState(false);

  const drafts = useMemo(() => state.data?.drafts ?? [], [state.data]);
  const open = drafts.filter((d) => d.taskId === null);
  // Every conclusion not yet a task is picked until the user says otherwise.
  const selected = picked ?? open.map((d) => d.conclusionId);

  function review(): void {
    setRows(drafts.filter((d) => selected.includes(d.conclusionId)).map(reviewRowOf));
    setFailure(null);
    setTried(false);
    setStep(1);
  }

  const patch = (id: string, change: Partial<ReviewRow>) => setRows((all) => all.map((r) => (r.conclusionId === id ? { ...r, ...change } : r)));
  const missingLead = rows.filter((r) => !r.leadUnit).length;
  const missingText = rows.filter((r) => !r.content.trim()).length;

  async function assign(): Promise<void> {
    setTried(true);
    if (missingLead > 0 || missingText > 0 || saving) return;
    setSaving(true);
    setFailure(null);
    try {
      const result = await bridge.invoke('tasks.createMany', {
        items: rows.map((r) => ({
          source: { kind: 'conclusion' as const, meetingId, conclusionId: r.conclusionId },
          task: {
            content: r.content.trim(),
            leadUnit: r.leadUnit ?? '',
            coordinatingUnits: r.coordinatingUnits.filter((u) => u !== r.leadUnit),
            supervisorId,
            assignedOn: assignedOn.format('YYYY-MM-DD'),
            deadline: r.deadline ? { kind: 'date' as const, date: r.deadline } : { kind: 'ongoing' as const, review: 'month' as const },
          },
        })),
      });
      setCreated(result);
      setStep(2);
      reload();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  const footer =
    step === 0 ? (
      <Flex gap="small" justify="end">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" disabled={selected.length === 0} onClick={review}>
          {t('fromConclusions.next', { count: selected.length })}
        </Button>
      </Flex>
    ) : step === 1 ? (
      <Flex gap="small" justify="end">
        <Button onClick={() => setStep(0)} disabled={saving}>
          {t('fromConclusions.back')}
        </Button>
        <Button type="primary" loading={saving} onClick={() => void assign()}>
          {t('fromConclusions.assign', { count: rows.length })}
        </Button>
      </Flex>
    ) : (
      <Flex gap="small" justify="end">
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Flex>
    );

  return (
    <Modal open title={t('fromConclusions.title')} width={1040} onCancel={onClose} footer={footer} destroyOnHidden className="ns-task-conclusions">
      <Steps
        size="small"
        current={step}
        className="ns-block"
        items={[{ title: t('fromConclusions.stepPick') }, { title: t('fromConclusions.stepReview') }, { title: t('fromConclusions.stepDone') }]}
      />
      {state.status === 'failed' ? (
        <LoadFailedAlert ns="tasks" error={state.error} onRetry={reload} />
      ) : !state.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : step === 0 ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('fromConclusions.pickIntro', { meeting: state.data.meetingTitle })}
            {state.data.noticeNumber ? ` ${t('fromConclusions.notice', { number: state.data.noticeNumber })}` : ''}
          </Typography.Paragraph>
          {drafts.length === 0 ? (
            <Alert type="info" showIcon title={t('fromConclusions.none')} />
          ) : (
            <>
              {open.length === 0 ? <Alert type="success" showIcon className="ns-block" title={t('fromConclusions.allAssigned')} /> : null}
              <Table<ConclusionDraft>
                size="small"
                rowKey="conclusionId"
                pagination={false}
                dataSource={drafts}
                rowSelection={{
                  selectedRowKeys: selected,
                  onChange: (keys) => setPicked(keys.map(String)),
                  getCheckboxProps: (d) => ({ disabled: d.taskId !== null, 'aria-label': t('fromConclusions.pickOne', { ordinal: d.ordinal }) }),
                }}
                columns={[
                  { title: t('fromConclusions.ordinal'), dataIndex: 'ordinal', width: 44, align: 'right' },
                  {
                    title: t('fromConclusions.conclusion'),
                    key: 'text',
                    render: (_, d) => (
                      <>
                        <div className="ns-prewrap">{d.text}</div>
                        {d.agendaItemTitle ? (
                          <Typography.Text type="secondary" className="ns-small">
                            {t('fromConclusions.item', { title: d.agendaItemTitle })}
                          </Typography.Text>
                        ) : null}
                      </>
                    ),
                  },
                  {
                    title: t('fromConclusions.lead'),
                    key: 'lead',
                    width: 200,
                    render: (_, d) =>
                      d.leadUnit ? (
                        d.leadUnit.name
                      ) : (
                        <Typography.Text type="warning">
                          <WarningOutlined aria-hidden /> {t('fromConclusions.noLead')}
                        </Typography.Text>
                      ),
                  },
                  { title: t('fromConclusions.deadline'), key: 'deadline', width: 110, render: (_, d) => (d.deadline ? dmy(d.deadline) : t('deadline.ongoingShort')) },
                  {
                    title: t('fromConclusions.state'),
                    key: 'task',
                    width: 150,
                    render: (_, d) =>
                      d.taskId ? (
                        <Link to={`/tasks/${d.taskId}`} onClick={onClose}>
                          <LinkOutlined aria-hidden /> {t('fromConclusions.assigned')}
                        </Link>
                      ) : (
                        <Typography.Text type="secondary">{t('fromConclusions.notAssigned')}</Typography.Text>
                      ),
                  },
                ]}
              />
            </>
          )}
        </>
      ) : step === 1 ? (
        <>
          <Typography.Paragraph type="secondary">{t('fromConclusions.reviewIntro')}</Typography.Paragraph>
          <Row gutter={12} className="ns-block">
            <Col span={8}>
              <label htmlFor="ns-cd-assigned-on" className="ns-task-field-label">
                {t('form.assignedOn')}
              </label>
              <DatePicker id="ns-cd-assigned-on" format="DD/MM/YYYY" allowClear={false} value={assignedOn} onChange={(v) => v && setAssignedOn(v)} className="ns-full-width" />
            </Col>
            <Col span={16}>
              <label htmlFor="ns-cd-supervisor" className="ns-task-field-label">
                {t('form.supervisor')}
              </label>
              <PersonSelect id="ns-cd-supervisor" value={supervisorId} onChange={(v) => setSupervisorId(v ?? null)} className="ns-full-width" />
            </Col>
          </Row>
          {failure ? <Alert type="error" showIcon className="ns-block" title={t('fromConclusions.failed', { message: failure })} /> : null}
          {tried && missingLead > 0 ? <Alert type="warning" showIcon className="ns-block" title={t('fromConclusions.missingLead', { count: missingLead })} /> : null}
          <Table<ReviewRow>
            size="small"
            rowKey="conclusionId"
            pagination={false}
            dataSource={rows}
            className="ns-task-review"
            columns={[
              { title: t('fromConclusions.ordinal'), dataIndex: 'ordinal', width: 44, align: 'right' },
              {
                title: t('fromConclusions.taskContent'),
                key: 'content',
                render: (_, r) => (
                  <Input.TextArea
                    aria-label={t('fromConclusions.contentOf', { ordinal: r.ordinal })}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    value={r.content}
                    status={tried && !r.content.trim() ? 'error' : undefined}
                    maxLength={4000}
                    onChange={(e) => patch(r.conclusionId, { content: e.target.value })}
                  />
                ),
              },
              {
                title: t('fromConclusions.lead'),
                key: 'lead',
                width: 220,
                render: (_, r) => (
                  <>
                    <OrganizationSelect
                      aria-label={t('fromConclusions.leadOf', { ordinal: r.ordinal })}
                      value={r.leadUnit}
                      status={!r.leadUnit && tried ? 'error' : !r.leadUnit ? 'warning' : undefined}
                      placeholder={t('fromConclusions.pickLead')}
                      allowClear={false}
                      className="ns-full-width"
                      onChange={(v) => patch(r.conclusionId, { leadUnit: v ?? null, coordinatingUnits: r.coordinatingUnits.filter((u) => u !== v) })}
                    />
                    {!r.leadUnit ? (
                      <Typography.Text type={tried ? 'danger' : 'warning'} className="ns-small">
                        {t('fromConclusions.leadNeeded')}
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              },
              {
                title: t('fromConclusions.coordinating'),
                key: 'coordinating',
                width: 220,
                render: (_, r) => (
                  <CoordinatingUnitsSelect
                    aria-label={t('fromConclusions.coordinatingOf', { ordinal: r.ordinal })}
                    exclude={r.leadUnit}
                    value={r.coordinatingUnits}
                    maxTagCount="responsive"
                    className="ns-full-width"
                    onChange={(v) => patch(r.conclusionId, { coordinatingUnits: v })}
                  />
                ),
              },
              {
                title: t('fromConclusions.deadline'),
                key: 'deadline',
                width: 150,
                render: (_, r) => (
                  <>
                    <DatePicker
                      aria-label={t('fromConclusions.deadlineOf', { ordinal: r.ordinal })}
                      format="DD/MM/YYYY"
                      value={r.deadline ? dayjs(r.deadline) : null}
                      placeholder={t('deadline.ongoingShort')}
                      onChange={(v) => patch(r.conclusionId, { deadline: v ? v.format('YYYY-MM-DD') : null })}
                      className="ns-full-width"
                    />
                    {!r.deadline ? (
                      <Typography.Text type="secondary" className="ns-small">
                        {t('fromConclusions.ongoingHint')}
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </>
      ) : (
        <Result
          status="success"
          icon={<CheckCircleFilled />}
          title={t('fromConclusions.done', { count: created.length })}
          subTitle={t('fromConclusions.doneHint')}
          extra={
            <Link to={tasksHref({ meetingId })} onClick={onClose}>
              <Button type="primary">{t('fromConclusions.openList')}</Button>
            </Link>
          }
        />
      )}
    </Modal>
  );
}
