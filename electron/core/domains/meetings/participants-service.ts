import { v7 as uuidv7 } from 'uuid';
import {
  participantRoleLabels,
  rsvpStatusLabels,
  type CommitteeRole,
  type LocalizedText,
  type MeetingChange,
  type ParticipantList,
  type ParticipantRole,
} from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError, invalidInput } from '../../errors.ts';
import type { MeetingChangeLog } from './change-log.ts';
import { arrowText, change } from './change-text.ts';
import type { DirectoryNames } from './directory-names.ts';
import type { MeetingsInput } from './input-types.ts';
import type { MeetingReader } from './meeting-reader.ts';
import { PARTICIPANT_BY_ID_SQL, type ParticipantRow } from './participant-rows.ts';
import { notFound, type References } from './references.ts';

/** How a committee role becomes a meeting role when the whole committee is invited. */
const roleFromCommittee: Record<CommitteeRole, ParticipantRole> = {
  head: 'chair',
  deputy: 'member',
  member: 'member',
  secretary: 'secretary',
  standing_agency: 'member',
};

const roleText = (role: ParticipantRole) => participantRoleLabels[role];

/** Thành phần tham dự: people and units with their role, order and answer to the invitation. */
export function createParticipantsService(
  ctx: ServiceContext,
  deps: { reader: MeetingReader; changeLog: MeetingChangeLog; refs: References; names: DirectoryNames },
) {
  const { db } = ctx;
  const { reader, changeLog, refs, names } = deps;
  const selectOne = db.prepare(PARTICIPANT_BY_ID_SQL);
  const findPerson = db.prepare('SELECT id FROM participants WHERE meeting_id = ? AND person_id = ?').pluck();
  const findOrganization = db.prepare('SELECT id FROM participants WHERE meeting_id = ? AND organization_id = ?').pluck();
  const orderedIds = db.prepare('SELECT id FROM participants WHERE meeting_id = ? ORDER BY position, id').pluck();
  const hasChair = db.prepare("SELECT 1 FROM participants WHERE meeting_id = ? AND role = 'chair' LIMIT 1").pluck();
  const committeeMembers = db.prepare(
    `SELECT cm.person_id, cm.organization_id, cm.role FROM committee_members cm
     JOIN meetings m ON m.committee_id = cm.committee_id
     WHERE m.id = ? ORDER BY cm.position, cm.id`,
  );
  const insert = db.prepare('INSERT INTO participants (id, meeting_id, person_id, organization_id, role, position) VALUES (?, ?, ?, ?, ?, ?)');
  const setRole = db.prepare('UPDATE participants SET role = ? WHERE id = ?');
  const setPosition = db.prepare('UPDATE participants SET position = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM participants WHERE id = ?');
  const setRsvp = db.prepare(
    'UPDATE participants SET rsvp = ?, rsvp_reason = ?, rsvp_delegate_id = ?, rsvp_delegate_name = ? WHERE id = ?',
  );

  function load(id: string): ParticipantRow {
    const row = selectOne.get(id) as ParticipantRow | undefined;
    if (!row) throw notFound('thành phần tham dự', 'Participant');
    return row;
  }

  function renumber(ids: readonly string[]): void {
    ids.forEach((id, i) => setPosition.run(i, id));
  }

  function record(meetingId: string, changes: MeetingChange[], action: string, entityId: string, detail: Record<string, unknown>): void {
    changeLog.record(meetingId, changes);
    ctx.audit.record({ action, entity: 'participant', entityId, detail: { meetingId, ...detail } });
  }

  function finish(meetingId: string, changed: boolean): ParticipantList {
    if (changed) ctx.events.emit('data.changed', { area: 'meetings', id: meetingId });
    return reader.participants(meetingId);
  }

  const who = (row: Pick<ParticipantRow, 'name'>) => row.name;

  return {
    add(input: MeetingsInput<'participants.add'>): ParticipantList & { participantId: string } {
      const participantId = uuidv7();
      db.transaction(() => {
        changeLog.assertEditable(input.meetingId);
        const personId = input.personId ?? null;
        const organizationId = input.organizationId ?? null;
        refs.require('person', 'personId', personId);
        refs.require('organization', 'organizationId', organizationId);
        const name = personId ? names.person(personId)! : names.organization(organizationId)!;
        const existing = personId ? findPerson.get(input.meetingId, personId) : findOrganization.get(input.meetingId, organizationId);
        if (existing !== undefined) {
          throw new CoreError('CONFLICT', {
            vi: `${name} đã có trong thành phần tham dự cuộc họp này.`,
            en: `${name} is already a participant of this meeting.`,
          });
        }
        insert.run(participantId, input.meetingId, personId, organizationId, input.role, orderedIds.all(input.meetingId).length);
        const role = roleText(input.role);
        record(
          input.meetingId,
          [change('participants', 'participants.add', { vi: `Thêm thành phần tham dự: ${name} (${role.vi})`, en: `Added participant: ${name} (${role.en})` }, { after: { personId, organizationId, role: input.role } })],
          'participants.add',
          participantId,
          { role: input.role },
        );
      })();
      return { participantId, ...finish(input.meetingId, true) };
    },

    addCommittee(input: MeetingsInput<'participants.addCommittee'>): ParticipantList & { added: number } {
      const added = db.transaction(() => {
        changeLog.assertEditable(input.meetingId);
        const members = committeeMembers.all(input.meetingId) as Array<{ person_id: string | null; organization_id: string | null; role: CommitteeRole }>;
        let chairTaken = hasChair.get(input.meetingId) !== undefined;
        let position = orderedIds.all(input.meetingId).length;
        const changes: MeetingChange[] = [];
        for (const m of members) {
          const present = m.person_id ? findPerson.get(input.meetingId, m.person_id) : findOrganization.get(input.meetingId, m.organization_id);
          if (present !== undefined) continue;
          let role = roleFromCommittee[m.role];
          // One Trưởng ban chairs; if the meeting already has a chair (e.g. a Phó Trưởng ban chairs this one), the head attends as a member.
          if (role === 'chair' && chairTaken) role = 'member';
          if (role === 'chair') chairTaken = true;
          insert.run(uuidv7(), input.meetingId, m.person_id, m.organization_id, role, position++);
          const name = m.person_id ? names.person(m.person_id) : names.organization(m.organization_id);
          changes.push(
            change('participants', 'participants.add', { vi: `Thêm thành phần tham dự: ${name} (${roleText(role).vi})`, en: `Added participant: ${name} (${roleText(role).en})` }, { after: { personId: m.person_id, organizationId: m.organization_id, role } }),
          );
        }
        if (changes.length > 0) record(input.meetingId, changes, 'participants.addCommittee', input.meetingId, { added: changes.length });
        return changes.length;
      })();
      return { added, ...finish(input.meetingId, added > 0) };
    },

    update(input: MeetingsInput<'participants.update'>): ParticipantList {
      let meetingId = '';
      const changed = db.transaction(() => {
        const row = load(input.id);
        meetingId = row.meeting_id;
        changeLog.assertEditable(row.meeting_id);
        if (row.organization_id && (input.role === 'chair' || input.role === 'secretary')) {
          throw invalidInput([{ path: 'role', message: 'Cơ quan, đơn vị chỉ là thành viên hoặc khách mời', messageEn: 'a unit can only be a member or a guest' }]);
        }
        if (row.role === input.role) return false;
        setRole.run(input.role, row.id);
        const text = arrowText({ vi: `Vai trò của ${who(row)}`, en: `Role of ${who(row)}` }, roleText(row.role), roleText(input.role));
        record(row.meeting_id, [change('participants', 'participants.role', text, { before: row.role, after: input.role })], 'participants.update', row.id, { role: input.role });
        return true;
      })();
      return finish(meetingId, changed);
    },

    remove(input: MeetingsInput<'participants.remove'>): ParticipantList {
      let meetingId = '';
      db.transaction(() => {
        const row = load(input.id);
        meetingId = row.meeting_id;
        changeLog.assertEditable(row.meeting_id);
        remove.run(row.id);
        renumber(orderedIds.all(row.meeting_id) as string[]);
        record(
          row.meeting_id,
          [change('participants', 'participants.remove', { vi: `Bỏ thành phần tham dự: ${who(row)}`, en: `Removed participant: ${who(row)}` }, { before: { personId: row.person_id, organizationId: row.organization_id, role: row.role } })],
          'participants.remove',
          row.id,
          {},
        );
      })();
      return finish(meetingId, true);
    },

    move(input: MeetingsInput<'participants.move'>): ParticipantList {
      let meetingId = '';
      const changed = db.transaction(() => {
        const row = load(input.id);
        meetingId = row.meeting_id;
        changeLog.assertEditable(row.meeting_id);
        const ids = orderedIds.all(row.meeting_id) as string[];
        const from = ids.indexOf(row.id);
        const rest = ids.filter((id) => id !== row.id);
        const to = Math.min(input.index, rest.length);
        if (from === to) return false;
        rest.splice(to, 0, row.id);
        renumber(rest);
        record(
          row.meeting_id,
          [change('participants', 'participants.move', { vi: `Đổi thứ tự thành phần tham dự: ${who(row)} từ vị trí ${from + 1} sang ${to + 1}`, en: `Reordered participants: ${who(row)} from ${from + 1} to ${to + 1}` }, { before: from, after: to })],
          'participants.move',
          row.id,
          { index: to },
        );
        return true;
      })();
      return finish(meetingId, changed);
    },

    setRsvp(input: MeetingsInput<'participants.setRsvp'>): ParticipantList {
      let meetingId = '';
      const changed = db.transaction(() => {
        const row = load(input.id);
        meetingId = row.meeting_id;
        changeLog.assertEditable(row.meeting_id);
        const delegateId = input.delegatePersonId ?? null;
        refs.require('person', 'delegatePersonId', delegateId);
        if (delegateId !== null && delegateId === row.person_id) {
          throw invalidInput([{ path: 'delegatePersonId', message: 'Không thể ủy quyền cho chính mình', messageEn: 'a participant cannot delegate to themselves' }]);
        }
        const delegateName = delegateId ? names.person(delegateId) : (input.delegateName ?? null);
        const reason = input.reason ?? null;
        if (row.rsvp === input.rsvp && row.rsvp_reason === reason && row.rsvp_delegate_id === delegateId && row.rsvp_delegate_name === delegateName) {
          return false;
        }
        setRsvp.run(input.rsvp, reason, delegateId, delegateName, row.id);
        const label = rsvpStatusLabels[input.rsvp];
        const detail: LocalizedText =
          input.rsvp === 'delegated'
            ? { vi: `${label.vi} cho ${delegateName}`, en: `${label.en} to ${delegateName}` }
            : label;
        const because: LocalizedText = reason ? { vi: ` (lý do: ${reason})`, en: ` (reason: ${reason})` } : { vi: '', en: '' };
        record(
          row.meeting_id,
          [change('participants', 'participants.rsvp', { vi: `${who(row)}: ${detail.vi}${because.vi}`, en: `${who(row)}: ${detail.en}${because.en}` }, { before: row.rsvp, after: input.rsvp })],
          'participants.setRsvp',
          row.id,
          { rsvp: input.rsvp },
        );
        return true;
      })();
      return finish(meetingId, changed);
    },
  };
}
