import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../../shared/contract/index.ts';
import { useRun } from '../../../common/useRun.ts';
import { timeVi } from '../../../../../shared/vn-time.ts';
import { durationText, presenterText } from './agendaText.ts';
import { AttachButton, AttachStatus, FileDropZone } from './AttachFiles.tsx';
import { ItemDocuments } from './ItemDocuments.tsx';
import { useAttachFiles } from './useAttachFiles.ts';

interface AgendaItemCardProps {
  item: AgendaItem;
  meetingId: string;
  editable: boolean;
  /** Place among its siblings and how many there are, for the move buttons. */
  index: number;
  count: number;
  onMove: (item: AgendaItem, delta: -1 | 1) => void;
  onEdit: (item: AgendaItem) => void;
  onAddChild: (item: AgendaItem) => void;
  onDelete: (item: AgendaItem) => Promise<unknown>;
  /** The item's sub-items, already laid out by the parent list. */
  children?: ReactNode;
}

/**
 * One agenda item: number, planned time, title, presenter, preparing unit, its documents. It can be
 * dragged by its handle (space to lift and arrows with the keyboard) or moved with Alt+↑ / Alt+↓.
 */
export function AgendaItemCard({ item, meetingId, editable, index, count, onMove, onEdit, onAddChild, onDelete, children }: AgendaItemCardProps) {
  const { t } = useTranslation('meetings');
  const run = useRun();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !editable });
  const files = useAttachFiles(meetingId, item.id, item.title);
  const sub = item.parentId !== null;

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>): void {
    if (!editable || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    // Only the item the focus is in moves, not its parent too.
    event.preventDefault();
    event.stopPropagation();
    const delta = event.key === 'ArrowUp' ? -1 : 1;
    if (index + delta >= 0 && index + delta < count) onMove(item, delta);
  }

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition: transition }}
      className={`ns-agenda-item${sub ? ' ns-agenda-sub' : ''}${isDragging ? ' ns-dragging' : ''}`}
      aria-label={t('agenda.itemLabel', { number: item.number, title: item.title })}
      onKeyDown={onKeyDown}
    >
      <FileDropZone onFiles={(f) => void files.attach(f)} disabled={!editable} className="ns-agenda-card">
        <div className="ns-agenda-row">
          {editable ? (
            <button
              type="button"
              className="ns-drag-handle"
              aria-label={t('agenda.dragHandle', { title: item.title })}
              {...attributes}
              {...listeners}
            >
              <HolderOutlined aria-hidden />
            </button>
          ) : null}
          <div className="ns-agenda-time">
            <div className="ns-agenda-number">{item.number}.</div>
            <div>
              {timeVi(item.plannedStartsAt)}–{timeVi(item.plannedEndsAt)}
            </div>
            <Typography.Text type="secondary" className="ns-small">
              {durationText(item.slotMinutes, t)}
            </Typography.Text>
          </div>
          <div className="ns-agenda-body">
            <Typography.Text strong className="ns-agenda-title">
              {item.title}
            </Typography.Text>
            {item.presenter ? (
              <div className="ns-small">
                <Typography.Text type="secondary">{t('agenda.presentedBy')}: </Typography.Text>
                {presenterText(item.presenter)}
              </div>
            ) : null}
            {item.preparingOrg ? (
              <div className="ns-small">
                <Typography.Text type="secondary">{t('agenda.preparedBy')}: </Typography.Text>
                {item.preparingOrg.name}
              </div>
            ) : null}
            {item.description ? <div className="ns-small ns-prewrap ns-agenda-desc">{item.description}</div> : null}
            {item.outcome ? (
              <div className="ns-small ns-prewrap">
                <Typography.Text type="secondary">{t('agenda.outcomeShort')}: </Typography.Text>
                {item.outcome}
              </div>
            ) : null}
            <ItemDocuments documents={item.documents} editable={editable} />
            {editable ? (
              <AttachStatus progress={files.progress} onCancel={files.cancel} onDismiss={files.dismissFailures} />
            ) : null}
          </div>
          {editable ? (
            <Space size={2} wrap className="ns-agenda-actions" align="start">
              <AttachButton targetName={item.title} onFiles={(f) => void files.attach(f)} busy={files.progress.phase !== 'idle'} />
              <Tooltip title={t('agenda.moveUpHint')}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  aria-label={t('agenda.moveUp', { title: item.title })}
                  aria-keyshortcuts="Alt+ArrowUp"
                  onClick={() => onMove(item, -1)}
                />
              </Tooltip>
              <Tooltip title={t('agenda.moveDownHint')}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={index === count - 1}
                  aria-label={t('agenda.moveDown', { title: item.title })}
                  aria-keyshortcuts="Alt+ArrowDown"
                  onClick={() => onMove(item, 1)}
                />
              </Tooltip>
              <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('agenda.edit', { title: item.title })} onClick={() => onEdit(item)} />
              {!sub ? (
                <Button
                  size="small"
                  type="text"
                  icon={<PlusOutlined />}
                  aria-label={t('agenda.addChild', { title: item.title })}
                  title={t('agenda.addChildShort')}
                  onClick={() => onAddChild(item)}
                />
              ) : null}
              <Popconfirm
                title={t('agenda.deleteConfirm', { title: item.title })}
                description={item.children.length > 0 || item.documents.length > 0 ? t('agenda.deleteHintChildren') : t('agenda.deleteHint')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => run(() => onDelete(item))}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('agenda.delete', { title: item.title })} />
              </Popconfirm>
            </Space>
          ) : null}
        </div>
      </FileDropZone>
      {children}
    </li>
  );
}
