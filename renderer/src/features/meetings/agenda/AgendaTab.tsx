import { PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { arrayMove } from '@dnd-kit/sortable';
import { Alert, App as AntApp, Button, Divider, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda, AgendaItem, MeetingDetail } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';
import { timeVi } from '../../../../../shared/vn-time.ts';
import { AddWeeklyReviewButton } from '../../plans/AddWeeklyReviewButton.tsx';
import { AddFollowUpButton } from '../../tasks/AddFollowUpButton.tsx';
import { AgendaItemCard } from './AgendaItemCard.tsx';
import { AgendaItemDialog, type AgendaDialogTarget } from './AgendaItemDialog.tsx';
import { durationText } from './agendaText.ts';
import { AttachButton, AttachStatus, FileDropZone } from './AttachFiles.tsx';
import { ItemDocuments } from './ItemDocuments.tsx';
import { SortableAgendaList } from './SortableAgendaList.tsx';
import { useAttachFiles } from './useAttachFiles.ts';

/** The agenda laid out as the new order would be, shown while the core saves it. */
function reordered(agenda: Agenda, item: AgendaItem, to: number): Agenda {
  if (item.parentId === null) {
    const from = agenda.items.findIndex((i) => i.id === item.id);
    return { ...agenda, items: arrayMove(agenda.items, from, to) };
  }
  return {
    ...agenda,
    items: agenda.items.map((p) => {
      if (p.id !== item.parentId) return p;
      const from = p.children.findIndex((c) => c.id === item.id);
      return { ...p, children: arrayMove(p.children, from, to) };
    }),
  };
}

/** Chương trình: ordered items and sub-items with planned times, presenters and documents. */
export function AgendaTab({ meeting, onAgenda }: { meeting: MeetingDetail; onAgenda: (agenda: Agenda) => void }) {
  const { t } = useTranslation('meetings');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [dialog, setDialog] = useState<AgendaDialogTarget | null>(null);
  const { agenda, editable } = meeting;
  const general = useAttachFiles(meeting.id, null, t('agenda.generalTarget'));

  async function moveTo(item: AgendaItem, index: number): Promise<void> {
    const before = agenda;
    onAgenda(reordered(agenda, item, index));
    try {
      const saved = await bridge.invoke('agenda.move', { id: item.id, parentId: item.parentId, index });
      onAgenda(saved);
      void message.success(t('agenda.moved', { title: item.title, place: index + 1 }));
    } catch (error) {
      onAgenda(before);
      void message.error(t('common.failed', { message: errorText(error) }), 8);
    }
  }

  const siblingsOf = (item: AgendaItem) => (item.parentId === null ? agenda.items : (agenda.items.find((p) => p.id === item.parentId)?.children ?? []));

  function renderItem(item: AgendaItem, index: number, count: number) {
    return (
      <AgendaItemCard
        key={item.id}
        item={item}
        meetingId={meeting.id}
        editable={editable}
        index={index}
        count={count}
        onMove={(it, delta) => void moveTo(it, siblingsOf(it).findIndex((s) => s.id === it.id) + delta)}
        onEdit={(it) => setDialog({ mode: 'edit', item: it })}
        onAddChild={(it) => setDialog({ mode: 'add', parent: it })}
        onDelete={async (it) => {
          onAgenda(await bridge.invoke('agenda.delete', { id: it.id }));
          void message.success(t('agenda.deleted', { title: it.title }));
        }}
      >
        {item.children.length > 0 ? (
          <SortableAgendaList
            items={item.children}
            label={t('agenda.subListLabel', { number: item.number })}
            className="ns-agenda-list ns-agenda-children"
            onDrop={(child, to) => void moveTo(child, to)}
            renderItem={(child, i) => renderItem(child, i, item.children.length)}
          />
        ) : null}
      </AgendaItemCard>
    );
  }

  return (
    <div className="ns-agenda">
      <Flex gap="small" align="center" wrap className="ns-tab-toolbar">
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'add', parent: null })}>
            {t('agenda.add')}
          </Button>
        ) : null}
        {editable ? <AddFollowUpButton meetingId={meeting.id} agenda={agenda} icon={<ScheduleOutlined />} onAdded={(agenda) => onAgenda(agenda)} /> : null}
        {editable ? <AddWeeklyReviewButton meetingId={meeting.id} agenda={agenda} onAdded={(agenda) => onAgenda(agenda)} /> : null}
        {agenda.items.length > 0 ? (
          <Typography.Text type="secondary" aria-live="polite">
            {t('agenda.summary', {
              count: agenda.items.length,
              duration: durationText(agenda.totalMinutes, t),
              end: timeVi(agenda.plannedEndsAt),
            })}
          </Typography.Text>
        ) : null}
        {editable && agenda.items.length > 1 ? (
          <Typography.Text type="secondary" className="ns-small ns-push-right">
            {t('agenda.reorderHint')}
          </Typography.Text>
        ) : null}
      </Flex>
      {agenda.overrunMinutes > 0 ? (
        <Alert type="warning" showIcon className="ns-block" title={t('agenda.overrun', { duration: durationText(agenda.overrunMinutes, t) })} />
      ) : null}

      {agenda.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <Typography.Text strong>{t('agenda.emptyTitle')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{editable ? t('agenda.emptyHint') : t('agenda.emptyReadOnly')}</Typography.Text>
            </>
          }
        />
      ) : (
        <SortableAgendaList
          items={agenda.items}
          label={t('agenda.listLabel')}
          className="ns-agenda-list"
          onDrop={(item, to) => void moveTo(item, to)}
          renderItem={(item, i) => renderItem(item, i, agenda.items.length)}
        />
      )}

      <Divider titlePlacement="start" className="ns-section-divider">
        {t('agenda.generalDocuments')}
      </Divider>
      <FileDropZone onFiles={(f) => void general.attach(f)} disabled={!editable} className="ns-general-docs">
        {meeting.documents.length === 0 ? (
          <Typography.Paragraph type="secondary" className="ns-tight">
            {editable ? t('agenda.generalEmpty') : t('agenda.generalEmptyReadOnly')}
          </Typography.Paragraph>
        ) : (
          <ItemDocuments documents={meeting.documents} editable={editable} />
        )}
        {editable ? (
          <Flex gap="small" vertical className="ns-general-attach">
            <div>
              <AttachButton targetName={t('agenda.generalTarget')} onFiles={(f) => void general.attach(f)} busy={general.progress.phase !== 'idle'} />
            </div>
            <AttachStatus progress={general.progress} onCancel={general.cancel} onDismiss={general.dismissFailures} />
          </Flex>
        ) : null}
      </FileDropZone>

      {dialog ? (
        <AgendaItemDialog
          meeting={meeting}
          target={dialog}
          onClose={() => setDialog(null)}
          onSaved={(saved, text) => {
            setDialog(null);
            onAgenda(saved);
            void message.success(text);
          }}
        />
      ) : null}
    </div>
  );
}
