import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../../shared/contract/index.ts';

interface SortableAgendaListProps {
  items: readonly AgendaItem[];
  label: string;
  className?: string;
  /** An item was dropped at `index` among these siblings. */
  onDrop: (item: AgendaItem, index: number) => void;
  renderItem: (item: AgendaItem, index: number) => ReactNode;
}

/** A list of sibling agenda items that reorders by drag and drop, with the pointer or the keyboard. */
export function SortableAgendaList({ items, label, className, onDrop, renderItem }: SortableAgendaListProps) {
  const { t } = useTranslation('meetings');
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so clicks on the handle stay clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: unknown) => items.find((i) => i.id === id)?.title ?? '';
  const placeOf = (id: unknown) => items.findIndex((i) => i.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.start', { title: titleOf(active.id), place: placeOf(active.id), total: items.length }),
    onDragOver: ({ active, over }) => (over ? t('dnd.over', { title: titleOf(active.id), place: placeOf(over.id), total: items.length }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('dnd.end', { title: titleOf(active.id), place: placeOf(over.id), total: items.length }) : undefined),
    onDragCancel: ({ active }) => t('dnd.cancel', { title: titleOf(active.id) }),
  };

  function onDragEnd({ active, over }: DragEndEvent): void {
    if (!over || active.id === over.id) return;
    const item = items.find((i) => i.id === active.id);
    const index = items.findIndex((i) => i.id === over.id);
    if (item && index >= 0) onDrop(item, index);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        <ol className={className} aria-label={label}>
          {items.map((item, index) => renderItem(item, index))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
