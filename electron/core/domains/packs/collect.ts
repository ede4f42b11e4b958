import type { SqliteDatabase } from '../../runtime.ts';
import { CoreError } from '../../errors.ts';
import type { PackContent } from './format.ts';

const meetingStates = new Set(['published', 'in_progress', 'ended', 'archived']);

/** Everything a member's laptop needs to show the meeting, read in one consistent snapshot. */
export function collectPackContent(
  db: SqliteDatabase,
  meetingId: string,
  options: { asImported?: boolean } = {},
): { content: PackContent; pageTexts: Map<string, string[]> } {
  return db.transaction(() => {
    const meeting = db
      .prepare(
        `SELECT id, committee_id, kind_code, title, starts_at, ends_at, room_id, online, chair_person_id,
                secretary_person_id, chairing_org_id, classification, status, description, revision, created_at, updated_at, origin
         FROM meetings WHERE id = ?`,
      )
      .get(meetingId) as (PackContent['meeting'] & { origin: string }) | undefined;
    if (!meeting) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy cuộc họp.', en: 'Meeting not found.' });
    // A member's copy is read back only to compare it with a newer pack.
    if (options.asImported) {
      /* no export rules apply */
    } else if (!meetingStates.has(meeting.status)) {
      throw new CoreError('INVALID_STATE', {
        vi: 'Cuộc họp còn là bản nháp. Hãy phát hành cuộc họp trước khi xuất gói tài liệu cho thành viên.',
        en: 'The meeting is still a draft. Publish it before exporting a meeting pack for members.',
      });
    }
    if (!options.asImported && meeting.origin !== 'local') {
      throw new CoreError('INVALID_STATE', {
        vi: 'Cuộc họp này nhận từ gói tài liệu của nơi khác; chỉ bộ phận thư ký đã tạo cuộc họp mới xuất được gói.',
        en: 'This meeting came from another pack; only the secretariat that created it can export its pack.',
      });
    }
    const { origin: _origin, ...meetingRow } = meeting;
    void _origin;

    const kind = (db.prepare("SELECT code, label FROM catalog_items WHERE catalog = 'meeting_kind' AND code = ?").get(meeting.kind_code) as
      | PackContent['kind']
      | undefined) ?? { code: meeting.kind_code, label: meeting.kind_code };
    const committee = db
      .prepare('SELECT id, name, short_name, quorum_percent FROM committees WHERE id = ?')
      .get(meeting.committee_id) as PackContent['committee'];
    const room = meeting.room_id
      ? ((db.prepare('SELECT id, name, location, capacity FROM rooms WHERE id = ?').get(meeting.room_id) as PackContent['room']) ?? null)
      : null;
    const bridgePoints = db
      .prepare('SELECT id, name, location, position FROM meeting_bridge_points WHERE meeting_id = ? ORDER BY position')
      .all(meetingId) as PackContent['bridgePoints'];
    const agendaItems = db
      .prepare(
        `SELECT id, parent_id, position, title, description, presenter_person_id, presenter_org_id, preparing_org_id,
                duration_minutes, outcome, created_at, updated_at
         FROM agenda_items WHERE meeting_id = ? ORDER BY parent_id IS NOT NULL, position`,
      )
      .all(meetingId) as PackContent['agendaItems'];
    const participants = db
      .prepare(
        `SELECT id, person_id, organization_id, role, position, rsvp, rsvp_reason, rsvp_delegate_id, rsvp_delegate_name
         FROM participants WHERE meeting_id = ? ORDER BY position`,
      )
      .all(meetingId) as PackContent['participants'];
    const attachments = db
      .prepare(
        `SELECT id, agenda_item_id, document_id, position, attached_at FROM meeting_documents
         WHERE meeting_id = ? ORDER BY agenda_item_id, position`,
      )
      .all(meetingId) as PackContent['attachments'];
    const documentIds = [...new Set(attachments.map((a) => a.document_id))];
    const selectDocument = db.prepare(
      `SELECT id, blob_sha256, file_name, kind, mime, page_count, number, notation, issue_date, issuer, summary, type_code,
              classification, urgency, previous_version_id, created_at, updated_at
       FROM documents WHERE id = ?`,
    );
    const documents = documentIds.map((id) => selectDocument.get(id) as PackContent['documents'][number]);
    // The previous version's file stays on the secretariat's laptop, but its id travels: a member who
    // has it from an earlier pack links the versions (their notes are carried over); for anyone else
    // the import drops the link (apply.ts).

    const selectPages = db.prepare('SELECT text FROM document_pages WHERE document_id = ? ORDER BY page_no').pluck();
    const pageTexts = new Map<string, string[]>();
    if (!options.asImported) {
      for (const d of documents) if (d.kind === 'pdf') pageTexts.set(d.id, selectPages.all(d.id) as string[]);
    }

    const changes = db
      .prepare('SELECT id, revision, at, summary FROM meeting_changes WHERE meeting_id = ? ORDER BY revision')
      .all(meetingId) as PackContent['changes'];

    const personIds = new Set<string>();
    const orgIds = new Set<string>();
    const addPerson = (id: string | null) => id && personIds.add(id);
    const addOrg = (id: string | null) => id && orgIds.add(id);
    addPerson(meeting.chair_person_id);
    addPerson(meeting.secretary_person_id);
    addOrg(meeting.chairing_org_id);
    for (const a of agendaItems) {
      addPerson(a.presenter_person_id);
      addOrg(a.presenter_org_id);
      addOrg(a.preparing_org_id);
    }
    for (const p of participants) {
      addPerson(p.person_id);
      addPerson(p.rsvp_delegate_id);
      addOrg(p.organization_id);
    }
    const selectPerson = db.prepare('SELECT id, full_name, position, organization_id, email, phone FROM people WHERE id = ?');
    const people = [...personIds].map((id) => selectPerson.get(id) as PackContent['people'][number]).filter(Boolean);
    for (const p of people) addOrg(p.organization_id);
    // Parents too, so a member's laptop can show "Sở X thuộc UBND tỉnh".
    const selectOrg = db.prepare('SELECT id, organ_code, name, short_name, parent_id FROM organizations WHERE id = ?');
    const organizations: PackContent['organizations'] = [];
    const pending = [...orgIds];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const org = selectOrg.get(id) as PackContent['organizations'][number] | undefined;
      if (!org) continue;
      organizations.push(org);
      if (org.parent_id) pending.push(org.parent_id);
    }

    return {
      content: {
        meeting: meetingRow,
        kind,
        committee,
        room,
        organizations,
        people,
        bridgePoints,
        agendaItems,
        participants,
        documents,
        attachments,
        changes,
      },
      pageTexts,
    };
  })();
}
