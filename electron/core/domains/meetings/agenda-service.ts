import { v7 as uuidv7 } from 'uuid';
import type { Agenda, LocalizedText, MeetingChange, PresenterInput } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import type { MeetingChangeLog } from './change-log.ts';
import { arrowText, change, changedText, minutesText } from './change-text.ts';
import type { DirectoryNames } from './directory-names.ts';
import type { MeetingsInput } from './input-types.ts';
import type { MeetingReader } from './meeting-reader.ts';
import { notFound, type References } from './references.ts';

interface ItemRow {
  id: string;
  meeting_id: string;
  parent_id: string | null;
  position: number;
  title: string;
  description: string | null;
  presenter_person_id: string | null;
  presenter_org_id: string | null;
  preparing_org_id: string | null;
  duration_minutes: number;
  outcome: string | null;
}

const DEPTH_MESSAGE = {
  message: 'Chương trình họp chỉ có hai cấp: nội dung và nội dung con',
  messageEn: 'an agenda has two levels only: items and their sub-items',
};

const itemLabel = (number: string, title: string): LocalizedText => ({ vi: `nội dung ${number} "${title}"`, en: `item ${number} "${title}"` });

/** The agenda: ordered items with sub-items, presenters, preparing units and planned durations. */
export function createAgendaService(
  ctx: ServiceContext,
  deps: { reader: MeetingReader; changeLog: MeetingChangeLog; refs: References; names: DirectoryNames },
) {
  const { db } = ctx;
  const { reader, changeLog, refs, names } = deps;
  const selectItem = db.prepare(
    `SELECT id, meeting_id, parent_id, position, title, description, presenter_person_id, presenter_org_id,
       preparing_org_id, duration_minutes, outcome
     FROM agenda_items WHERE id = ?`,
  );
  const siblingIds = db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS ? ORDER BY position, id').pluck();
  const positionOf = db.prepare('SELECT position FROM agenda_items WHERE id = ?').pluck();
  const childCount = db.prepare('SELECT count(*) FROM agenda_items WHERE parent_id = ?').pluck();
  const documentCount = db
    .prepare('SELECT count(*) FROM meeting_documents WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE id = @id OR parent_id = @id)')
    .pluck();
  const insert = db.prepare(
    `INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, description, presenter_person_id, presenter_org_id,
       preparing_org_id, duration_minutes, created_at, updated_at)
     VALUES (@id, @meetingId, @parentId, @position, @title, @description, @presenterPersonId, @presenterOrgId,
       @preparingOrgId, @durationMinutes, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE agenda_items SET title = @title, description = @description, presenter_person_id = @presenter_person_id,
       presenter_org_id = @presenter_org_id, preparing_org_id = @preparing_org_id, duration_minutes = @duration_minutes,
       outcome = @outcome, updated_at = @now
     WHERE id = @id`,
  );
  const place = db.prepare('UPDATE agenda_items SET parent_id = ?, position = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM agenda_items WHERE id = ?');

  function loadItem(id: string): ItemRow {
    const row = selectItem.get(id) as ItemRow | undefined;
    if (!row) throw notFound('nội dung chương trình họp', 'Agenda item');
    return row;
  }

  /** "3" for a top-level item, "3.2" for a sub-item. */
  function numberOf(item: Pick<ItemRow, 'parent_id' | 'position'>): string {
    if (item.parent_id === null) return String(item.position + 1);
    return `${(positionOf.get(item.parent_id) as number) + 1}.${item.position + 1}`;
  }

  /** A parent must be a top-level item of the same meeting. */
  function loadParent(meetingId: string, parentId: string): ItemRow {
    const parent = selectItem.get(parentId) as ItemRow | undefined;
    if (!parent || parent.meeting_id !== meetingId) {
      throw invalidInput([
        { path: 'parentId', message: 'Không tìm thấy nội dung cha trong cuộc họp này', messageEn: 'the parent item is not in this meeting' },
      ]);
    }
    if (parent.parent_id !== null) throw invalidInput([{ path: 'parentId', ...DEPTH_MESSAGE }]);
    return parent;
  }

  function renumber(ids: readonly string[], parentId: string | null, now: string): void {
    ids.forEach((id, i) => place.run(parentId, i, now, id));
  }

  function presenterColumns(p: PresenterInput | null) {
    if (p === null) return { presenter_person_id: null, presenter_org_id: null };
    return 'personId' in p ? { presenter_person_id: p.personId, presenter_org_id: null } : { presenter_person_id: null, presenter_org_id: p.organizationId };
  }

  function checkPresenter(p: PresenterInput | null | undefined): void {
    if (!p) return;
    if ('personId' in p) refs.require('person', 'presenter.personId', p.personId);
    else refs.require('organization', 'presenter.organizationId', p.organizationId);
  }

  const presenterName = (row: Pick<ItemRow, 'presenter_person_id' | 'presenter_org_id'>) =>
    row.presenter_person_id ? names.person(row.presenter_person_id) : names.organization(row.presenter_org_id);

  function finish(meetingId: string, changed: boolean): Agenda {
    if (changed) ctx.events.emit('data.changed', { area: 'meetings', id: meetingId });
    return reader.agenda(meetingId);
  }

  return {
    add(input: MeetingsInput<'agenda.add'>): { itemId: string; agenda: Agenda } {
      const itemId = uuidv7();
      db.transaction(() => {
        changeLog.assertEditable(input.meetingId);
        if (input.parentId !== null) loadParent(input.meetingId, input.parentId);
        checkPresenter(input.presenter);
        refs.require('organization', 'preparingOrgId', input.preparingOrgId);
        const position = siblingIds.all(input.meetingId, input.parentId).length;
        insert.run({
          id: itemId,
          meetingId: input.meetingId,
          parentId: input.parentId,
          position,
          title: input.title,
          description: input.description,
          presenterPersonId: input.presenter && 'personId' in input.presenter ? input.presenter.personId : null,
          presenterOrgId: input.presenter && 'organizationId' in input.presenter ? input.presenter.organizationId : null,
          preparingOrgId: input.preparingOrgId,
          durationMinutes: input.durationMinutes,
          now: ctx.now().toISOString(),
        });
        const label = itemLabel(numberOf({ parent_id: input.parentId, position }), input.title);
        changeLog.record(input.meetingId, [
          change('agenda', 'agenda.add', { vi: `Thêm ${label.vi}`, en: `Added ${label.en}` }, { after: { id: itemId, title: input.title } }),
        ]);
        ctx.audit.record({ action: 'agenda.add', entity: 'agenda_item', entityId: itemId, detail: { meetingId: input.meetingId } });
      })();
      return { itemId, agenda: finish(input.meetingId, true) };
    },

    update(input: MeetingsInput<'agenda.update'>): Agenda {
      let meetingId = '';
      const changed = db.transaction(() => {
        const row = loadItem(input.id);
        meetingId = row.meeting_id;
        changeLog.assertEditable(row.meeting_id);
        const next: ItemRow = { ...row };
        if (input.title !== undefined) next.title = input.title;
        if (input.description !== undefined) next.description = input.description;
        if (input.presenter !== undefined) Object.assign(next, presenterColumns(input.presenter));
        if (input.preparingOrgId !== undefined) next.preparing_org_id = input.preparingOrgId;
        if (input.durationMinutes !== undefined) next.duration_minutes = input.durationMinutes;
        if (input.outcome !== undefined) next.outcome = input.outcome;

        const label = itemLabel(numberOf(row), row.title);
        const changes: MeetingChange[] = [];
        const add = (what: string, text: LocalizedText, before: unknown, after: unknown) =>
          changes.push(change('agenda', what, { vi: `Sửa ${label.vi}: ${text.vi}`, en: `Edited ${label.en}: ${text.en}` }, { before, after }));
        if (next.title !== row.title) add('agenda.title', arrowText({ vi: 'Tên', en: 'Title' }, row.title, next.title), row.title, next.title);
        if (next.description !== row.description) add('agenda.description', changedText({ vi: 'Mô tả', en: 'Description' }), null, null);
        if (next.presenter_person_id !== row.presenter_person_id || next.presenter_org_id !== row.presenter_org_id) {
          checkPresenter(input.presenter);
          add(
            'agenda.presenter',
            arrowText({ vi: 'Trình bày', en: 'Presenter' }, presenterName(row), presenterName(next)),
            { personId: row.presenter_person_id, organizationId: row.presenter_org_id },
            { personId: next.presenter_person_id, organizationId: next.presenter_org_id },
          );
        }
        if (next.preparing_org_id !== row.preparing_org_id) {
          refs.require('organization', 'preparingOrgId', next.preparing_org_id);
          add(
            'agenda.preparingOrg',
            arrowText({ vi: 'Đơn vị chuẩn bị', en: 'Preparing unit' }, names.organization(row.preparing_org_id), names.organization(next.preparing_org_id)),
            row.preparing_org_id,
            next.preparing_org_id,
          );
        }
        if (next.duration_minutes !== row.duration_minutes) {
          add(
            'agenda.duration',
            arrowText({ vi: 'Thời lượng', en: 'Duration' }, minutesText(row.duration_minutes), minutesText(next.duration_minutes)),
            row.duration_minutes,
            next.duration_minutes,
          );
        }
        if (next.outcome !== row.outcome) add('agenda.outcome', changedText({ vi: 'Kết quả', en: 'Outcome' }), null, null);
        if (changes.length === 0) return false;
        update.run({ ...next, now: ctx.now().toISOString() });
        changeLog.record(row.meeting_id, changes);
        ctx.audit.record({ action: 'agenda.update', entity: 'agenda_item', entityId: row.id, detail: { fields: changes.map((c) => c.what) } });
        return true;
      })();
      return finish(meetingId, changed);
    },

    delete(input: MeetingsInput<'agenda.delete'>): Agenda {
      let meetingId = '';
      db.transaction(() => {
        const row = loadItem(input.id);
        meetingId = row.meeting_id;
        changeLog.assertEditable(row.meeting_id);
        const label = itemLabel(numberOf(row), row.title);
        const children = childCount.get(row.id) as number;
        const documents = documentCount.get({ id: row.id }) as number;
        const along: LocalizedText[] = [];
        if (children > 0) along.push({ vi: `${children} nội dung con`, en: `${children} sub-item(s)` });
        if (documents > 0) along.push({ vi: `${documents} tài liệu`, en: `${documents} document(s)` });
        const suffix = along.length
          ? { vi: ` (cùng ${along.map((a) => a.vi).join(' và ')})`, en: ` (with ${along.map((a) => a.en).join(' and ')})` }
          : { vi: '', en: '' };
        remove.run(row.id);
        renumber(siblingIds.all(row.meeting_id, row.parent_id) as string[], row.parent_id, ctx.now().toISOString());
        changeLog.record(row.meeting_id, [
          change('agenda', 'agenda.delete', { vi: `Xóa ${label.vi}${suffix.vi}`, en: `Removed ${label.en}${suffix.en}` }, { before: { id: row.id, title: row.title } }),
        ]);
        ctx.audit.record({ action: 'agenda.delete', entity: 'agenda_item', entityId: row.id, detail: { meetingId: row.meeting_id, children, documents } });
      })();
      return finish(meetingId, true);
    },

    move(input: MeetingsInput<'agenda.move'>): Agenda {
      let meetingId = '';
      const changed = db.transaction(() => {
        const row = loadItem(input.id);
        meetingId = row.meeting_id;
        changeLog.assertEditable(row.meeting_id);
        if (input.parentId !== null) {
          if (input.parentId === row.id) {
            throw invalidInput([{ path: 'parentId', message: 'Không thể đặt nội dung vào trong chính nó', messageEn: 'an item cannot contain itself' }]);
          }
          const parent = selectItem.get(input.parentId) as ItemRow | undefined;
          if (parent && parent.parent_id === row.id) {
            throw invalidInput([
              { path: 'parentId', message: 'Không thể đặt nội dung vào trong nội dung con của chính nó', messageEn: 'an item cannot go under its own sub-item' },
            ]);
          }
          loadParent(row.meeting_id, input.parentId);
          if ((childCount.get(row.id) as number) > 0) {
            throw invalidInput([
              {
                path: 'parentId',
                message: 'Nội dung đang có nội dung con nên không thể trở thành nội dung con (chương trình chỉ có hai cấp)',
                messageEn: 'an item with sub-items cannot become a sub-item (an agenda has two levels only)',
              },
            ]);
          }
        }
        const before = numberOf(row);
        const oldSiblings = siblingIds.all(row.meeting_id, row.parent_id) as string[];
        const currentIndex = oldSiblings.indexOf(row.id);
        const remaining = oldSiblings.filter((id) => id !== row.id);
        const sameParent = input.parentId === row.parent_id;
        const target = sameParent ? [...remaining] : (siblingIds.all(row.meeting_id, input.parentId) as string[]);
        const index = Math.min(input.index, target.length);
        if (sameParent && index === currentIndex) return false;
        target.splice(index, 0, row.id);
        const now = ctx.now().toISOString();
        if (!sameParent) renumber(remaining, row.parent_id, now);
        renumber(target, input.parentId, now);
        const after = numberOf({ parent_id: input.parentId, position: index });
        changeLog.record(row.meeting_id, [
          change(
            'agenda',
            'agenda.move',
            { vi: `Chuyển nội dung "${row.title}" từ mục ${before} sang mục ${after}`, en: `Moved item "${row.title}" from ${before} to ${after}` },
            { before, after },
          ),
        ]);
        ctx.audit.record({ action: 'agenda.move', entity: 'agenda_item', entityId: row.id, detail: { parentId: input.parentId, index } });
        return true;
      })();
      return finish(meetingId, changed);
    },
  };
}
