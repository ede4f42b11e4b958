import { v7 as uuidv7 } from 'uuid';
import { Database } from './sqlite.ts';

/**
 * Directory rows written with plain SQL, as another module (or an import) would leave them, so
 * tests of meetings do not depend on the directory's own methods.
 */
export function directoryRows(databaseFile: string) {
  const now = '2025-12-01T00:00:00.000Z';
  function run(sql: string, params: Record<string, unknown>): void {
    const db = new Database(databaseFile);
    try {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.prepare(sql).run({ now, ...params });
    } finally {
      db.close();
    }
  }

  return {
    organization(name: string, shortName: string | null = null): string {
      const id = uuidv7();
      run('INSERT INTO organizations (id, name, short_name, created_at, updated_at) VALUES (@id, @name, @shortName, @now, @now)', {
        id,
        name,
        shortName,
      });
      return id;
    },

    person(fullName: string, opts: { position?: string; organizationId?: string; email?: string } = {}): string {
      const id = uuidv7();
      run(
        `INSERT INTO people (id, full_name, position, organization_id, email, created_at, updated_at)
         VALUES (@id, @fullName, @position, @organizationId, @email, @now, @now)`,
        { id, fullName, position: opts.position ?? null, organizationId: opts.organizationId ?? null, email: opts.email ?? null },
      );
      return id;
    },

    committee(name: string, opts: { shortName?: string; quorumPercent?: number } = {}): string {
      const id = uuidv7();
      run(
        `INSERT INTO committees (id, name, short_name, quorum_percent, created_at, updated_at)
         VALUES (@id, @name, @shortName, @quorumPercent, @now, @now)`,
        { id, name, shortName: opts.shortName ?? null, quorumPercent: opts.quorumPercent ?? 50 },
      );
      return id;
    },

    member(committeeId: string, role: 'head' | 'deputy' | 'member' | 'secretary' | 'standing_agency', who: { personId?: string; organizationId?: string }, position: number): string {
      const id = uuidv7();
      run(
        `INSERT INTO committee_members (id, committee_id, person_id, organization_id, role, position)
         VALUES (@id, @committeeId, @personId, @organizationId, @role, @position)`,
        { id, committeeId, personId: who.personId ?? null, organizationId: who.organizationId ?? null, role, position },
      );
      return id;
    },

    room(name: string, location: string | null = null): string {
      const id = uuidv7();
      run('INSERT INTO rooms (id, name, location, created_at, updated_at) VALUES (@id, @name, @location, @now, @now)', { id, name, location });
      return id;
    },

    /** A stored document (with its blob row) as the documents module would leave it. */
    document(opts: { fileName: string; number?: string; notation?: string; summary?: string; pageCount?: number }): string {
      const id = uuidv7();
      const sha = uuidv7().replace(/-/g, '').padEnd(64, '0');
      run('INSERT INTO blobs (sha256, size, stored_at) VALUES (@sha, 1000, @now)', { sha });
      run(
        `INSERT INTO documents (id, blob_sha256, file_name, kind, mime, page_count, number, notation, summary, created_at, updated_at)
         VALUES (@id, @sha, @fileName, 'pdf', 'application/pdf', @pageCount, @number, @notation, @summary, @now, @now)`,
        { id, sha, fileName: opts.fileName, pageCount: opts.pageCount ?? 1, number: opts.number ?? null, notation: opts.notation ?? null, summary: opts.summary ?? null },
      );
      return id;
    },

    /** Places a document in a meeting (under an agenda item or not), as documents.attach would. */
    attach(meetingId: string, documentId: string, agendaItemId: string | null, position: number): string {
      const id = uuidv7();
      run(
        `INSERT INTO meeting_documents (id, meeting_id, agenda_item_id, document_id, position, attached_at)
         VALUES (@id, @meetingId, @agendaItemId, @documentId, @position, @now)`,
        { id, meetingId, agendaItemId, documentId, position },
      );
      return id;
    },
  };
}

export type DirectoryRows = ReturnType<typeof directoryRows>;

/** A province committee with its members, a room and a few units: what most meeting tests start from. */
export function seedCommittee(databaseFile: string, opts: { quorumPercent?: number } = {}) {
  const rows = directoryRows(databaseFile);
  const ubnd = rows.organization('Ủy ban nhân dân tỉnh Lào Cai', 'UBND tỉnh');
  const congAn = rows.organization('Công an tỉnh Lào Cai', 'Công an tỉnh');
  const soTaiChinh = rows.organization('Sở Tài chính', 'STC');
  const vanPhong = rows.organization('Văn phòng UBND tỉnh', 'VP UBND');
  const committee = rows.committee('Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh', {
    shortName: 'BCĐ PCTN',
    quorumPercent: opts.quorumPercent ?? 50,
  });
  const head = rows.person('Nguyễn Văn Hùng', { position: 'Chủ tịch UBND tỉnh', organizationId: ubnd, email: 'hung.nv@laocai.gov.vn' });
  const deputy = rows.person('Trần Thị Mai', { position: 'Phó Chủ tịch UBND tỉnh', organizationId: ubnd });
  const member1 = rows.person('Lê Đức Thắng', { position: 'Giám đốc Công an tỉnh', organizationId: congAn });
  const member2 = rows.person('Phạm Thị Ngọc Ánh', { position: 'Giám đốc Sở Tài chính', organizationId: soTaiChinh });
  const secretary = rows.person('Đỗ Quang Đạt', { position: 'Chuyên viên', organizationId: vanPhong, email: 'dat.dq@laocai.gov.vn' });
  rows.member(committee, 'head', { personId: head }, 0);
  rows.member(committee, 'deputy', { personId: deputy }, 1);
  rows.member(committee, 'member', { personId: member1 }, 2);
  rows.member(committee, 'member', { personId: member2 }, 3);
  rows.member(committee, 'secretary', { personId: secretary }, 4);
  rows.member(committee, 'standing_agency', { organizationId: vanPhong }, 5);
  const room = rows.room('Phòng họp số 1', 'Tầng 3, trụ sở UBND tỉnh');
  const room2 = rows.room('Phòng họp trực tuyến');
  return { rows, committee, ubnd, congAn, soTaiChinh, vanPhong, head, deputy, member1, member2, secretary, room, room2 };
}

export type SeededCommittee = ReturnType<typeof seedCommittee>;
