import { createHash } from 'node:crypto';
import type { MinutesActor, MinutesRevisionKind, MinutesRevisionSummary, MinutesStatus } from '../../../../shared/contract/index.ts';
import { canonicalJson, conclusionsOf } from '../../../../shared/minutes/blocks.ts';
import type { MinutesContent } from '../../../../shared/minutes/document.ts';
import type { SqliteDatabase } from '../../runtime.ts';

export interface MinutesRow {
  id: string;
  meeting_id: string;
  content: string;
  content_sha256: string;
  version: number;
  status: MinutesStatus;
  finalized_at: string | null;
  finalized_by: string | null;
  finalized_by_name: string | null;
  final_sha256: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  updated_by_name: string | null;
}

export interface RevisionRow {
  revision: number;
  kind: MinutesRevisionKind;
  content: string;
  content_sha256: string;
  author_id: string | null;
  author_name: string | null;
  started_at: string;
  saved_at: string;
  note: string | null;
}

/** SHA-256 of the canonical JSON: the same content always hashes the same, whatever the key order. */
export function contentHash(content: MinutesContent): { json: string; sha256: string } {
  const json = canonicalJson(content);
  return { json, sha256: createHash('sha256').update(json, 'utf8').digest('hex') };
}

export function toRevisionSummary(r: RevisionRow): MinutesRevisionSummary {
  return {
    revision: r.revision,
    kind: r.kind,
    author: { id: r.author_id, name: r.author_name },
    startedAt: r.started_at,
    savedAt: r.saved_at,
    note: r.note,
    sha256: r.content_sha256,
  };
}

/** The SQL of the minutes tables; every write runs inside the caller's transaction. */
export function createMinutesStore(db: SqliteDatabase) {
  const byMeeting = db.prepare('SELECT * FROM minutes WHERE meeting_id = ?');
  const insertMinutes = db.prepare(
    `INSERT INTO minutes (id, meeting_id, content, content_sha256, version, status, created_at, updated_at, updated_by, updated_by_name)
     VALUES (@id, @meeting_id, @content, @content_sha256, 1, 'draft', @at, @at, @actor_id, @actor_name)`,
  );
  const updateContent = db.prepare(
    `UPDATE minutes SET content = @content, content_sha256 = @content_sha256, version = version + 1,
       updated_at = @at, updated_by = @actor_id, updated_by_name = @actor_name WHERE id = @id`,
  );
  const setFinal = db.prepare(
    `UPDATE minutes SET status = 'final', final_sha256 = content_sha256, finalized_at = @at, finalized_by = @actor_id,
       finalized_by_name = @actor_name, version = version + 1, updated_at = @at WHERE id = @id`,
  );
  const setDraft = db.prepare(
    `UPDATE minutes SET status = 'draft', final_sha256 = NULL, finalized_at = NULL, finalized_by = NULL,
       finalized_by_name = NULL, version = version + 1, updated_at = @at, updated_by = @actor_id, updated_by_name = @actor_name WHERE id = @id`,
  );
  const state = db.prepare(
    `SELECT id, meeting_id, content_sha256, version, status, finalized_at, finalized_by, finalized_by_name, final_sha256,
       created_at, updated_at, updated_by, updated_by_name FROM minutes WHERE meeting_id = ?`,
  );
  const contentOf = db.prepare('SELECT content FROM minutes WHERE id = ?').pluck();
  const lastRevision = db.prepare(
    'SELECT revision, kind, content_sha256, author_id, author_name, started_at, saved_at, note FROM minutes_revisions WHERE minutes_id = ? ORDER BY revision DESC LIMIT 1',
  );
  // The newest revision's content is the minutes row's (see extendRevision); sealed ones have theirs in minutes_revision_texts.
  const revisionRow = db.prepare(
    `SELECT r.revision, r.kind, CASE WHEN r.revision = (SELECT max(revision) FROM minutes_revisions WHERE minutes_id = r.minutes_id) THEN m.content ELSE t.content END AS content,
       r.content_sha256, r.author_id, r.author_name, r.started_at, r.saved_at, r.note
     FROM minutes_revisions r JOIN minutes m ON m.id = r.minutes_id
     LEFT JOIN minutes_revision_texts t ON t.minutes_id = r.minutes_id AND t.revision = r.revision
     WHERE r.minutes_id = ? AND r.revision = ?`,
  );
  const revisionRows = db.prepare(
    'SELECT revision, kind, content_sha256, author_id, author_name, started_at, saved_at, note FROM minutes_revisions WHERE minutes_id = ? ORDER BY revision DESC',
  );
  const insertRevision = db.prepare(
    `INSERT INTO minutes_revisions (minutes_id, revision, kind, content_sha256, author_id, author_name, started_at, saved_at, note)
     VALUES (@minutes_id, @revision, @kind, @content_sha256, @actor_id, @actor_name, @at, @at, @note)`,
  );
  const extendRevision = db.prepare('UPDATE minutes_revisions SET content_sha256 = @content_sha256, saved_at = @at WHERE minutes_id = @minutes_id AND revision = @revision');
  const sealNewest = db.prepare(
    `INSERT INTO minutes_revision_texts (minutes_id, revision, content)
     SELECT @minutes_id, max(revision), (SELECT content FROM minutes WHERE id = @minutes_id) FROM minutes_revisions WHERE minutes_id = @minutes_id HAVING max(revision) IS NOT NULL
     ON CONFLICT (minutes_id, revision) DO UPDATE SET content = excluded.content`,
  );
  const clearConclusions = db.prepare('DELETE FROM minutes_conclusions WHERE minutes_id = ?');
  const insertConclusion = db.prepare(
    `INSERT INTO minutes_conclusions (id, minutes_id, meeting_id, agenda_item_id, ordinal, text, lead_unit_id, coordinating_unit_ids, deadline)
     VALUES (@id, @minutes_id, @meeting_id, @agenda_item_id, @ordinal, @text, @lead_unit_id, @coordinating_unit_ids, @deadline)`,
  );
  const conclusionOwner = db.prepare('SELECT minutes_id FROM minutes_conclusions WHERE id = ?').pluck();

  return {
    get: (meetingId: string) => byMeeting.get(meetingId) as MinutesRow | undefined,
    /** The row without its content: what a save checks. */
    state: (meetingId: string) => state.get(meetingId) as Omit<MinutesRow, 'content'> | undefined,
    content: (minutesId: string) => contentOf.get(minutesId) as string,
    lastRevision: (minutesId: string) => lastRevision.get(minutesId) as Omit<RevisionRow, 'content'> | undefined,
    revision: (minutesId: string, revision: number) => revisionRow.get(minutesId, revision) as RevisionRow | undefined,
    revisions: (minutesId: string) => revisionRows.all(minutesId) as Omit<RevisionRow, 'content'>[],
    /** Which minutes a conclusion id already belongs to (ids are unique across all minutes). */
    conclusionOwner: (id: string) => conclusionOwner.get(id) as string | undefined,

    create(row: { id: string; meeting_id: string; content: string; content_sha256: string; at: string } & ActorFields): void {
      insertMinutes.run(row);
    },
    updateContent(row: { id: string; content: string; content_sha256: string; at: string } & ActorFields): void {
      updateContent.run(row);
    },
    finalize: (row: { id: string; at: string } & ActorFields) => setFinal.run(row),
    reopen: (row: { id: string; at: string } & ActorFields) => setDraft.run(row),
    /**
     * A new revision. Call it before the minutes row takes the new content: the revision that was
     * newest gets its final content from the row first (extendRevision left it there).
     */
    addRevision(row: { minutes_id: string; revision: number; kind: MinutesRevisionKind; content_sha256: string; at: string; note: string | null } & ActorFields): void {
      sealNewest.run({ minutes_id: row.minutes_id });
      insertRevision.run(row);
    },
    /**
     * The current sitting's revision takes one more save. Its content is not copied: the newest
     * revision's content is the minutes row's, so a keystroke's save writes the text once, not twice.
     */
    extendRevision(row: { minutes_id: string; revision: number; content_sha256: string; at: string }): void {
      extendRevision.run(row);
    },
    /** The conclusions index, rebuilt from the content. */
    indexConclusions(minutesId: string, meetingId: string, content: MinutesContent): void {
      clearConclusions.run(minutesId);
      for (const c of conclusionsOf(content)) {
        insertConclusion.run({
          id: c.id,
          minutes_id: minutesId,
          meeting_id: meetingId,
          agenda_item_id: c.agendaItemId,
          ordinal: c.ordinal,
          text: c.text,
          lead_unit_id: c.leadUnitId,
          coordinating_unit_ids: JSON.stringify(c.coordinatingUnitIds),
          deadline: c.deadline,
        });
      }
    },
  };
}

export interface ActorFields {
  actor_id: string | null;
  actor_name: string | null;
}

export function actorOf(id: string | null, name: string | null): MinutesActor {
  return { id, name };
}
