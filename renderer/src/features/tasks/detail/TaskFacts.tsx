import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskDetail } from '../../../../../shared/contract/index.ts';
import { dmy } from '../shared/taskLabels.ts';

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** Where the task came from: the conclusion of a meeting (its minutes), a văn bản chỉ đạo, or given directly. */
function Source({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('tasks');
  const s = task.source;
  if (task.received) {
    const r = task.received;
    return (
      <div>
        {t('detail.sourceReceived', { unit: r.assignerName ? `${r.assignerName} (${r.assignerCode})` : r.assignerCode })}
        {r.sourceLabel ? (
          <div>
            <Typography.Text type="secondary">{r.sourceLabel}</Typography.Text>
          </div>
        ) : null}
      </div>
    );
  }
  if (s.kind === 'conclusion' && s.meetingId) {
    return (
      <div>
        <Link to={`/meetings/${s.meetingId}/minutes`}>{t('detail.sourceMinutes', { title: s.meetingTitle ?? '' })}</Link>
        {s.agendaItemTitle ? (
          <div>
            <Typography.Text type="secondary">{t('detail.sourceItem', { title: s.agendaItemTitle })}</Typography.Text>
          </div>
        ) : null}
        {s.noticeNumber ? (
          <div>
            <Link to={`/meetings/${s.meetingId}/notice`}>{t('detail.sourceNotice', { number: s.noticeNumber })}</Link>
          </div>
        ) : null}
      </div>
    );
  }
  if (s.kind === 'document') {
    // The document may have been deleted from the store since: the task keeps saying where it came from.
    if (!s.documentId) return <Typography.Text type="secondary">{t('detail.sourceDocumentGone')}</Typography.Text>;
    return <Link to={`/documents/${s.documentId}`}>{s.documentTitle ? t('detail.sourceDocumentTitle', { title: s.documentTitle }) : t('detail.sourceDocument')}</Link>;
  }
  return <>{t('detail.sourceDirect')}</>;
}

/** The deadline in words: a date (and the first one, if extended), N working days, or ongoing with its review period. */
function Deadline({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('tasks');
  if (task.deadlineKind === 'ongoing') return <>{t('detail.ongoing', { period: t(`review.${task.review ?? 'month'}`).toLowerCase() })}</>;
  const extended = task.originalDeadline && task.dueDate && task.originalDeadline !== task.dueDate;
  return (
    <div>
      <strong>{dmy(task.dueDate)}</strong>
      {task.deadlineKind === 'working_days' && task.workingDays ? (
        <Typography.Text type="secondary"> {t('detail.workingDays', { count: task.workingDays })}</Typography.Text>
      ) : null}
      {extended ? (
        <div>
          <Typography.Text type="secondary">{t('detail.extendedFrom', { date: dmy(task.originalDeadline) })}</Typography.Text>
        </div>
      ) : null}
      {task.judgedBy && task.judgedBy !== task.dueDate ? (
        <div>
          <Typography.Text type="secondary">{t('detail.judgedBy', { date: dmy(task.judgedBy) })}</Typography.Text>
        </div>
      ) : null}
    </div>
  );
}

export function TaskFacts({ task, fullContent }: { task: TaskDetail; fullContent: boolean }) {
  const { t } = useTranslation('tasks');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      className="ns-task-facts"
      items={[
        ...(fullContent ? [{ key: 'content', label: t('detail.content'), span: 2, children: <span className="ns-prewrap">{task.content}</span> }] : []),
        {
          key: 'expected',
          label: t('detail.expectedResult'),
          span: 2,
          children: task.expectedResult ? <span className="ns-prewrap">{task.expectedResult}</span> : none,
        },
        { key: 'lead', label: t('detail.leadUnit'), children: <strong>{task.leadUnit.name}</strong> },
        {
          key: 'coordinating',
          label: t('detail.coordinatingUnits'),
          children: task.coordinatingUnits.length ? task.coordinatingUnits.map((u) => u.name).join('; ') : none,
        },
        { key: 'person', label: t('detail.personInCharge'), children: task.personInCharge ?? none },
        { key: 'supervisor', label: t('detail.supervisor'), children: task.supervisor?.fullName ?? none },
        { key: 'assigned', label: t('detail.assignedOn'), children: dmy(task.assignedOn) },
        { key: 'deadline', label: t('detail.deadline'), children: <Deadline task={task} /> },
        ...(task.completedOn ? [{ key: 'completed', label: t('detail.completedOn'), children: dmy(task.completedOn) }] : []),
        { key: 'source', label: t('detail.source'), span: task.completedOn ? 1 : 2, children: <Source task={task} /> },
        ...(task.plan
          ? [
              {
                key: 'plan',
                label: t('detail.plan'),
                span: 2,
                children: (
                  <Link to={`/plans/${task.plan.planId}?view=tasks`} className="ns-task-plan-link">
                    {t('detail.planPath', {
                      plan: task.plan.planTitle,
                      group: task.plan.groupCode ? `${task.plan.groupCode}. ${task.plan.groupTitle}` : task.plan.groupTitle,
                    })}
                  </Link>
                ),
              },
            ]
          : []),
        ...(task.tags.length
          ? [
              {
                key: 'tags',
                label: t('detail.tags'),
                span: 2,
                children: task.tags.map((tag) => (
                  <Link key={tag} to={`/tasks?tag=${encodeURIComponent(tag)}`}>
                    <Tag variant="outlined" className="ns-task-keyword">
                      {tag}
                    </Tag>
                  </Link>
                )),
              },
            ]
          : []),
        ...(task.statusReason
          ? [{ key: 'reason', label: t('detail.statusReason'), span: 2, children: <span className="ns-prewrap">{task.statusReason}</span> }]
          : []),
      ]}
    />
  );
}
