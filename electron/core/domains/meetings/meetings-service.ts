import { v7 as uuidv7 } from 'uuid';
import {
  MEETING_MAX_DAYS,
  meetingStatusLabels,
  type Classification,
  type LocalizedText,
  type MeetingChange,
  type MeetingSaveResult,
} from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError, invalidInput } from '../../errors.ts';
import type { MeetingChangeLog } from './change-log.ts';
import { arrowText, change, changedText, classificationLabels, yesNo } from './change-text.ts';
import type { DirectoryNames } from './directory-names.ts';
import type { MeetingsInput } from './input-types.ts';
import { MEETING_ROW_SQL, type BridgePointRow, type MeetingRow } from './meeting-row.ts';
import type { MeetingReader } from './meeting-reader.ts';
import { notFound, type References } from './references.ts';
import { meetingSearchKey } from './title-search.ts';
import { sameTimeNextWeek, timeDateVi } from '../../../../shared/vn-time.ts';

export interface MeetingsServiceDeps {
  reader: MeetingReader;
  changeLog: MeetingChangeLog;
  refs: References;
  names: DirectoryNames;
}

/** The editable fields, as the service compares and stores them. */
interface Fields {
  committeeId: string;
  kindCode: string;
  title: string;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  online: boolean;
  bridgePoints: BridgePointRow[];
  chairPersonId: string | null;
  secretaryPersonId: string | null;
  chairingOrgId: string | null;
  classification: Classification;
  description: string | null;
}

const labels: Record<keyof Fields, LocalizedText> = {
  committeeId: { vi: 'Ban Chỉ đạo', en: 'Committee' },
  kindCode: { vi: 'Loại cuộc họp', en: 'Kind' },
  title: { vi: 'Tên cuộc họp', en: 'Title' },
  startsAt: { vi: 'Thời gian bắt đầu', en: 'Start' },
  endsAt: { vi: 'Thời gian kết thúc', en: 'End' },
  roomId: { vi: 'Phòng họp', en: 'Room' },
  online: { vi: 'Họp trực tuyến', en: 'Online' },
  bridgePoints: { vi: 'Điểm cầu', en: 'Bridge points' },
  chairPersonId: { vi: 'Chủ trì', en: 'Chair' },
  secretaryPersonId: { vi: 'Thư ký', en: 'Secretary' },
  chairingOrgId: { vi: 'Đơn vị chủ trì', en: 'Chairing unit' },
  classification: { vi: 'Độ mật', en: 'Classification' },
  description: { vi: 'Mô tả', en: 'Description' },
};

const bridgeText = (points: BridgePointRow[]) =>
  points.length === 0 ? null : points.map((p) => (p.location ? `${p.name} (${p.location})` : p.name)).join('; ');

function fieldsOf(row: MeetingRow, bridgePoints: BridgePointRow[]): Fields {
  return {
    committeeId: row.committee_id,
    kindCode: row.kind_code,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    roomId: row.room_id,
    online: row.online === 1,
    bridgePoints,
    chairPersonId: row.chair_person_id,
    secretaryPersonId: row.secretary_person_id,
    chairingOrgId: row.chairing_org_id,
    classification: row.classification,
    description: row.description,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Create, edit, clone and delete meetings. */
export function createMeetingsService(ctx: ServiceContext, deps: MeetingsServiceDeps) {
  const { db } = ctx;
  const { reader, changeLog, refs, names } = deps;
  const selectRow = db.prepare(MEETING_ROW_SQL);
  const selectBridge = db.prepare('SELECT name, location FROM meeting_bridge_points WHERE meeting_id = ? ORDER BY position, id');
  const insertMeeting = db.prepare(
    `INSERT INTO meetings (id, committee_id, kind_code, title, search_key, starts_at, ends_at, room_id, online, chair_person_id,
       secretary_person_id, chairing_org_id, classification, status, description, cloned_from_id, created_by, created_at, updated_at)
     VALUES (@id, @committeeId, @kindCode, @title, @searchKey, @startsAt, @endsAt, @roomId, @online, @chairPersonId,
       @secretaryPersonId, @chairingOrgId, @classification, 'draft', @description, @clonedFromId, @createdBy, @now, @now)`,
  );
  const updateMeeting = db.prepare(
    `UPDATE meetings SET committee_id = @committeeId, kind_code = @kindCode, title = @title, search_key = @searchKey,
       starts_at = @startsAt, ends_at = @endsAt, room_id = @roomId, online = @online, chair_person_id = @chairPersonId,
       secretary_person_id = @secretaryPersonId, chairing_org_id = @chairingOrgId, classification = @classification,
       description = @description, updated_at = @now
     WHERE id = @id`,
  );
  const deleteBridge = db.prepare('DELETE FROM meeting_bridge_points WHERE meeting_id = ?');
  const insertBridge = db.prepare('INSERT INTO meeting_bridge_points (id, meeting_id, name, location, position) VALUES (?, ?, ?, ?, ?)');
  const deleteMeeting = db.prepare('DELETE FROM meetings WHERE id = ?');
  const agendaOf = db.prepare(
    `SELECT id, parent_id, position, title, description, presenter_person_id, presenter_org_id, preparing_org_id, duration_minutes
     FROM agenda_items WHERE meeting_id = ? ORDER BY parent_id IS NOT NULL, position`,
  );
  const insertAgenda = db.prepare(
    `INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, description, presenter_person_id, presenter_org_id,
       preparing_org_id, duration_minutes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const participantsOf = db.prepare('SELECT person_id, organization_id, role, position FROM participants WHERE meeting_id = ? ORDER BY position, id');
  const insertParticipant = db.prepare(
    'INSERT INTO participants (id, meeting_id, person_id, organization_id, role, position) VALUES (?, ?, ?, ?, ?, ?)',
  );

  function loadRow(id: string): MeetingRow {
    const row = selectRow.get(id) as MeetingRow | undefined;
    if (!row) throw notFound('cuộc họp', 'Meeting');
    return row;
  }

  function checkReferences(f: Partial<Fields>): void {
    refs.require('committee', 'committeeId', f.committeeId);
    refs.require('kind', 'kindCode', f.kindCode);
    refs.require('room', 'roomId', f.roomId);
    refs.require('person', 'chairPersonId', f.chairPersonId);
    refs.require('person', 'secretaryPersonId', f.secretaryPersonId);
    refs.require('organization', 'chairingOrgId', f.chairingOrgId);
  }

  /** An update may move only the start: the combined times must still make sense. */
  function checkTimes(f: Fields): void {
    const ms = Date.parse(f.endsAt) - Date.parse(f.startsAt);
    if (ms <= 0) {
      throw invalidInput([
        { path: 'endsAt', message: 'Thời gian kết thúc phải sau thời gian bắt đầu', messageEn: 'the end must be after the start' },
      ]);
    }
    if (ms > MEETING_MAX_DAYS * 24 * 3600_000) {
      throw invalidInput([
        { path: 'endsAt', message: `Cuộc họp kéo dài tối đa ${MEETING_MAX_DAYS} ngày`, messageEn: `a meeting lasts at most ${MEETING_MAX_DAYS} days` },
      ]);
    }
  }

  function writeBridgePoints(meetingId: string, points: readonly BridgePointRow[]): void {
    deleteBridge.run(meetingId);
    points.forEach((p, i) => insertBridge.run(uuidv7(), meetingId, p.name, p.location, i));
  }

  function params(id: string, f: Fields, now: string) {
    return {
      id,
      committeeId: f.committeeId,
      kindCode: f.kindCode,
      title: f.title,
      searchKey: meetingSearchKey(f.title),
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      roomId: f.roomId,
      online: f.online ? 1 : 0,
      chairPersonId: f.chairPersonId,
      secretaryPersonId: f.secretaryPersonId,
      chairingOrgId: f.chairingOrgId,
      classification: f.classification,
      description: f.description,
      now,
    };
  }

  /** Field-level differences in words members read. */
  function describe(before: Fields, after: Fields): MeetingChange[] {
    const changes: MeetingChange[] = [];
    const keys = Object.keys(labels) as (keyof Fields)[];
    for (const key of keys) {
      const b = before[key];
      const a = after[key];
      if (same(b, a)) continue;
      const label = labels[key];
      let text: LocalizedText;
      switch (key) {
        case 'committeeId':
          text = arrowText(label, names.committee(b as string), names.committee(a as string));
          break;
        case 'kindCode':
          text = arrowText(label, names.kind(b as string), names.kind(a as string));
          break;
        case 'startsAt':
        case 'endsAt':
          text = arrowText(label, timeDateVi(b as string), timeDateVi(a as string));
          break;
        case 'roomId':
          text = arrowText(label, names.room(b as string | null), names.room(a as string | null));
          break;
        case 'online':
          text = arrowText(label, yesNo(b as boolean), yesNo(a as boolean));
          break;
        case 'bridgePoints':
          text = arrowText(label, bridgeText(b as BridgePointRow[]), bridgeText(a as BridgePointRow[]));
          break;
        case 'chairPersonId':
        case 'secretaryPersonId':
          text = arrowText(label, names.person(b as string | null), names.person(a as string | null));
          break;
        case 'chairingOrgId':
          text = arrowText(label, names.organization(b as string | null), names.organization(a as string | null));
          break;
        case 'classification':
          text = arrowText(label, classificationLabels[b as Classification], classificationLabels[a as Classification]);
          break;
        case 'description':
          text = changedText(label);
          break;
        default:
          text = arrowText(label, b as string, a as string);
      }
      changes.push(change('meeting', key, text, { before: b, after: a }));
    }
    return changes;
  }

  function saved(id: string): MeetingSaveResult {
    const meeting = reader.detail(id);
    return { meeting, warnings: meeting.warnings };
  }

  function emit(id: string): void {
    ctx.events.emit('data.changed', { area: 'meetings', id });
  }

  return {
    create(input: MeetingsInput<'meetings.create'>): MeetingSaveResult {
      const id = uuidv7();
      const fields: Fields = { ...input, bridgePoints: input.bridgePoints.map((p) => ({ name: p.name, location: p.location })) };
      db.transaction(() => {
        checkReferences(fields);
        insertMeeting.run({ ...params(id, fields, ctx.now().toISOString()), clonedFromId: null, createdBy: ctx.actorId() });
        writeBridgePoints(id, fields.bridgePoints);
        ctx.audit.record({ action: 'meetings.create', entity: 'meeting', entityId: id, detail: { committeeId: fields.committeeId, startsAt: fields.startsAt } });
      })();
      emit(id);
      return saved(id);
    },

    update(input: MeetingsInput<'meetings.update'>): MeetingSaveResult {
      const changed = db.transaction(() => {
        const row = loadRow(input.id);
        changeLog.assertEditable(input.id);
        const before = fieldsOf(row, selectBridge.all(input.id) as BridgePointRow[]);
        const after: Fields = { ...before };
        for (const key of Object.keys(labels) as (keyof Fields)[]) {
          const value = (input as Record<string, unknown>)[key];
          if (value !== undefined) (after as unknown as Record<string, unknown>)[key] = value;
        }
        if (input.bridgePoints) after.bridgePoints = input.bridgePoints.map((p) => ({ name: p.name, location: p.location }));
        checkTimes(after);
        const changes = describe(before, after);
        if (changes.length === 0) return false;
        // Only the references that changed: a room deleted meanwhile must not block editing the title.
        checkReferences(Object.fromEntries(changes.map((c) => [c.what, c.after])) as Partial<Fields>);
        updateMeeting.run(params(input.id, after, ctx.now().toISOString()));
        if (changes.some((c) => c.what === 'bridgePoints')) writeBridgePoints(input.id, after.bridgePoints);
        changeLog.record(input.id, changes);
        ctx.audit.record({ action: 'meetings.update', entity: 'meeting', entityId: input.id, detail: { fields: changes.map((c) => c.what) } });
        return true;
      })();
      if (changed) emit(input.id);
      return saved(input.id);
    },

    clone(input: MeetingsInput<'meetings.clone'>): MeetingSaveResult {
      const id = uuidv7();
      db.transaction(() => {
        const source = loadRow(input.id);
        const startsAt = input.startsAt ?? sameTimeNextWeek(source.starts_at);
        const endsAt = new Date(Date.parse(startsAt) + Date.parse(source.ends_at) - Date.parse(source.starts_at)).toISOString();
        const now = ctx.now().toISOString();
        const fields: Fields = { ...fieldsOf(source, selectBridge.all(input.id) as BridgePointRow[]), startsAt, endsAt };
        insertMeeting.run({ ...params(id, fields, now), clonedFromId: source.id, createdBy: ctx.actorId() });
        writeBridgePoints(id, fields.bridgePoints);
        // Parents come first (ORDER BY parent_id IS NOT NULL), so each sub-item finds its new parent id.
        const newIds = new Map<string, string>();
        for (const item of agendaOf.all(input.id) as Array<Record<string, string | number | null>>) {
          const newId = uuidv7();
          newIds.set(item['id'] as string, newId);
          const parent = item['parent_id'] === null ? null : (newIds.get(item['parent_id'] as string) ?? null);
          insertAgenda.run(
            newId, id, parent, item['position'], item['title'], item['description'], item['presenter_person_id'],
            item['presenter_org_id'], item['preparing_org_id'], item['duration_minutes'], now, now,
          );
        }
        for (const p of participantsOf.all(input.id) as Array<{ person_id: string | null; organization_id: string | null; role: string; position: number }>) {
          insertParticipant.run(uuidv7(), id, p.person_id, p.organization_id, p.role, p.position);
        }
        ctx.audit.record({ action: 'meetings.clone', entity: 'meeting', entityId: id, detail: { from: source.id, startsAt } });
      })();
      emit(id);
      return saved(id);
    },

    delete(input: MeetingsInput<'meetings.delete'>): { id: string } {
      db.transaction(() => {
        const row = loadRow(input.id);
        changeLog.assertEditable(input.id);
        if (row.status !== 'draft') {
          const state = meetingStatusLabels[row.status];
          throw new CoreError('INVALID_STATE', {
            vi: `Chỉ xóa được cuộc họp ở trạng thái "Nháp"; cuộc họp này đang ở trạng thái "${state.vi}". Hãy lưu trữ cuộc họp khi đã kết thúc thay vì xóa.`,
            en: `Only draft meetings can be deleted; this one is "${state.en}". Archive it once it has ended instead.`,
          });
        }
        deleteMeeting.run(input.id);
        ctx.audit.record({ action: 'meetings.delete', entity: 'meeting', entityId: input.id, detail: { title: row.title } });
      })();
      emit(input.id);
      return { id: input.id };
    },
  };
}
