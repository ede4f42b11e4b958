import { ScheduleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesConclusion } from '../../../../shared/contract/index.ts';
import { ConclusionTasksDialog } from '../tasks/conclusions/ConclusionTasksDialog.tsx';
import { formatDeadline } from './minutesFormat.ts';

/** Brings a block of the minutes into view and puts the cursor in its first field. */
export function showBlock(id: string): void {
  const block = document.querySelector<HTMLElement>(`[data-block-id="${id}"]`);
  if (!block) return;
  block.scrollIntoView({ block: 'center', behavior: 'smooth' });
  block.classList.add('ns-mx-flash');
  window.setTimeout(() => block.classList.remove('ns-mx-flash'), 1600);
  block.querySelector<HTMLElement>('textarea, input')?.focus({ preventScroll: true });
}

/** The conclusions as the core reads them from the saved minutes, grouped by their agenda item. */
export function ConclusionsPanel({
  conclusions,
  meetingId,
  flush,
}: {
  conclusions: readonly MinutesConclusion[];
  /** With the meeting, the panel offers to assign tasks from the conclusions (after saving what was typed). */
  meetingId?: string;
  flush?: () => Promise<unknown>;
}) {
  const { t } = useTranslation('minutes');
  const { t: tasksT } = useTranslation('tasks');
  const [assigning, setAssigning] = useState(false);
  return (
    <Card size="small" title={t('panel.title', { count: conclusions.length })} className="ns-minutes-panel">
      {meetingId && conclusions.length > 0 ? (
        <Button
          block
          icon={<ScheduleOutlined />}
          className="ns-minutes-panel-assign"
          onClick={() => {
            void (flush ? flush() : Promise.resolve()).finally(() => setAssigning(true));
          }}
        >
          {tasksT('fromConclusions.button')}
        </Button>
      ) : null}
      {assigning && meetingId ? <ConclusionTasksDialog meetingId={meetingId} onClose={() => setAssigning(false)} /> : null}
      {conclusions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panel.empty')} />
      ) : (
        <List
          size="small"
          aria-label={t('panel.title', { count: conclusions.length })}
          dataSource={[...conclusions]}
          renderItem={(c) => (
            <List.Item className="ns-minutes-panel-item">
              <button type="button" className="ns-minutes-panel-link" aria-label={t('panel.show', { ordinal: c.ordinal })} onClick={() => showBlock(c.id)}>
                <Typography.Text type="secondary" className="ns-minutes-panel-item-ref">
                  {c.agendaItemNumber ? t('panel.item', { number: c.agendaItemNumber, title: c.agendaItemTitle ?? '' }) : t('panel.beforeItems')}
                </Typography.Text>
                <span className="ns-minutes-panel-text">
                  {c.ordinal}. {c.text || t('panel.noText')}
                </span>
                <span className="ns-minutes-panel-meta">
                  {c.leadUnitName ? t('conclusion.leadIs', { unit: c.leadUnitName }) : t('panel.noLead')}
                  {' · '}
                  {c.deadline ? t('conclusion.deadlineIs', { date: formatDeadline(c.deadline) }) : t('panel.noDeadline')}
                </span>
              </button>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
