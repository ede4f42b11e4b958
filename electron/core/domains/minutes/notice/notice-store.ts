import { createHash } from 'node:crypto';
import type { NoticeRecipient, NoticeStatus } from '../../../../../shared/contract/index.ts';
import { canonicalJson } from '../../../../../shared/minutes/blocks.ts';
import type { MinutesContent } from '../../../../../shared/minutes/document.ts';
import type { SqliteDatabase } from '../../../runtime.ts';
import type { ActorFields } from '../minutes-store.ts';

export interface NoticeRow {
  id: string;
  meeting_id: string;
  content: string;
  number: string | null;
  recipients: string;
  signer_titles: string;
  signer_name: string | null;
  version: number;
  status: NoticeStatus;
  issued_at: string | null;
  issued_by: string | null;
  issued_by_name: string | null;
  issued_sha256: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  updated_by_name: string | null;
}

/** Everything a notice says, as the columns hold it. */
export interface NoticeFields {
  content: MinutesContent;
  number: string | null;
  recipients: NoticeRecipient[];
  signerTitles: string[];
  signerName: string | null;
}

/** SHA-256 of the canonical JSON of all a notice says: the issued hash covers number, Nơi nhận and signer too. */
export function noticeHash(fields: NoticeFields): string {
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

export function fieldsOf(row: NoticeRow): NoticeFields {
  return {
    content: JSON.parse(row.content) as MinutesContent,
    number: row.number,
    recipients: JSON.parse(row.recipients) as NoticeRecipient[],
    signerTitles: JSON.parse(row.signer_titles) as string[],
    signerName: row.signer_name,
  };
}

/** The columns a notice's fields are stored in; the content's canonical JSON may be passed when already made. */
export function columnsOf(f: NoticeFields, content = canonicalJson(f.content)) {
  return {
    content,
    number: f.number,
    recipients: JSON.stringify(f.recipients),
    signer_titles: JSON.stringify(f.signerTitles),
    signer_name: f.signerName,
  };
}

export type NoticeColumns = ReturnType<typeof columnsOf>;

/** The SQL of the notices table; every write runs inside the caller's transaction. */
export function createNoticeStore(db: SqliteDatabase) {
  const byMeeting = db.prepare('SELECT * FROM notices WHERE meeting_id = ?');
  const insert = db.prepare(
    `INSERT INTO notices (id, meeting_id, content, number, recipients, signer_titles, signer_name, version, status, created_at, updated_at, updated_by, updated_by_name)
     VALUES (@id, @meeting_id, @content, @number, @recipients, @signer_titles, @signer_name, 1, 'draft', @at, @at, @actor_id, @actor_name)`,
  );
  const update = db.prepare(
    `UPDATE notices SET content = @content, number = @number, recipients = @recipients, signer_titles = @signer_titles, signer_name = @signer_name,
       version = version + 1, updated_at = @at, updated_by = @actor_id, updated_by_name = @actor_name WHERE id = @id`,
  );
  const issue = db.prepare(
    `UPDATE notices SET status = 'issued', issued_sha256 = @sha256, issued_at = @at, issued_by = @actor_id, issued_by_name = @actor_name,
       version = version + 1, updated_at = @at WHERE id = @id`,
  );
  const reopen = db.prepare(
    `UPDATE notices SET status = 'draft', issued_sha256 = NULL, issued_at = NULL, issued_by = NULL, issued_by_name = NULL,
       version = version + 1, updated_at = @at, updated_by = @actor_id, updated_by_name = @actor_name WHERE id = @id`,
  );

  return {
    get: (meetingId: string) => byMeeting.get(meetingId) as NoticeRow | undefined,
    create: (row: { id: string; meeting_id: string; at: string; fields: NoticeFields } & ActorFields) => {
      const { fields, ...rest } = row;
      insert.run({ ...rest, ...columnsOf(fields) });
    },
    update: (row: { id: string; at: string; columns: NoticeColumns } & ActorFields) => {
      const { columns, ...rest } = row;
      update.run({ ...rest, ...columns });
    },
    issue: (row: { id: string; at: string; sha256: string } & ActorFields) => issue.run(row),
    reopen: (row: { id: string; at: string } & ActorFields) => reopen.run(row),
  };
}
