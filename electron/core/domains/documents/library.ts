import type { DocumentDetail, DocumentsInput, DocumentSummary, DocumentUse, DocumentVersion, Page } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError, invalidInput } from '../../errors.ts';
import type { BlobRows } from './blob-store.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_FROM, toSummary, type DocumentReader, type DocumentRow } from './document-rows.ts';
import type { DocumentWriter } from './document-writer.ts';
import { parseQuery } from './match-query.ts';
import type { TextIndex } from './text-index.ts';

type ListInput = DocumentsInput<'documents.list'>;

/** Filters shared by the library list and search, as SQL over `documents d`. */
export function documentFilters(input: Omit<Partial<ListInput>, 'query' | 'sort' | 'limit' | 'offset'>): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    sql.push(clause);
    params.push(value);
  };
  if (input.typeCode !== undefined) add('d.type_code = ?', input.typeCode);
  if (input.classification !== undefined) add('d.classification = ?', input.classification);
  if (input.urgency !== undefined) add('d.urgency = ?', input.urgency);
  if (input.kind !== undefined) add('d.kind = ?', input.kind);
  if (input.issuedFrom !== undefined) add('d.issue_date >= ?', input.issuedFrom);
  if (input.issuedTo !== undefined) add('d.issue_date <= ?', input.issuedTo);
  if (input.meetingId !== undefined) add('EXISTS (SELECT 1 FROM meeting_documents md WHERE md.document_id = d.id AND md.meeting_id = ?)', input.meetingId);
  return { sql, params };
}

const FIELD_COLUMNS = {
  fileName: 'file_name',
  number: 'number',
  notation: 'notation',
  issueDate: 'issue_date',
  issuer: 'issuer',
  summary: 'summary',
  typeCode: 'type_code',
  classification: 'classification',
  urgency: 'urgency',
} as const;

/** The library: list, detail, metadata edits and deletion. */
export function createLibraryService(
  ctx: ServiceContext,
  deps: { reader: DocumentReader; writer: DocumentWriter; index: TextIndex; blobs: BlobRows },
) {
  const { db } = ctx;
  const previousOf = db.prepare('SELECT id, file_name, number, notation, issue_date, created_at, previous_version_id FROM documents WHERE id = ?');
  const nextOf = db.prepare(
    'SELECT id, file_name, number, notation, issue_date, created_at, previous_version_id FROM documents WHERE previous_version_id = ? ORDER BY created_at DESC, rid DESC LIMIT 1',
  );
  const usesOf = db.prepare(`SELECT md.id AS attachment_id, m.id AS meeting_id, m.title AS meeting_title, m.starts_at, m.status,
      md.agenda_item_id, a.title AS agenda_title
    FROM meeting_documents md JOIN meetings m ON m.id = md.meeting_id LEFT JOIN agenda_items a ON a.id = md.agenda_item_id
    WHERE md.document_id = ? ORDER BY m.starts_at DESC, md.position`);
  const useCount = db.prepare('SELECT count(DISTINCT meeting_id) FROM meeting_documents WHERE document_id = ?').pluck();
  const removeDocument = db.prepare('DELETE FROM documents WHERE id = ?');
  const liveNotes = db.prepare('SELECT count(*) FROM annotations WHERE document_id = ? AND deleted_at IS NULL').pluck();
  const purgeDeletedNotes = db.prepare('DELETE FROM annotations WHERE document_id = ? AND deleted_at IS NOT NULL');
  const purgeNoteImports = db.prepare('DELETE FROM annotation_imports WHERE document_id = ?');

  type VersionRow = { id: string; file_name: string; number: string | null; notation: string | null; issue_date: string | null; created_at: string; previous_version_id: string | null };

  function versionsOf(row: DocumentRow): DocumentVersion[] {
    const toVersion = (v: VersionRow): DocumentVersion => ({
      id: v.id,
      fileName: v.file_name,
      number: v.number,
      notation: v.notation,
      issueDate: v.issue_date,
      createdAt: v.created_at,
      current: v.id === row.id,
    });
    const seen = new Set<string>([row.id]);
    const older: VersionRow[] = [];
    for (let id = row.previous_version_id; id !== null && !seen.has(id); ) {
      const v = previousOf.get(id) as VersionRow | undefined;
      if (!v) break;
      seen.add(v.id);
      older.unshift(v);
      id = v.previous_version_id;
    }
    const newer: VersionRow[] = [];
    for (let v = nextOf.get(row.id) as VersionRow | undefined; v && !seen.has(v.id); v = nextOf.get(v.id) as VersionRow | undefined) {
      seen.add(v.id);
      newer.push(v);
    }
    const self: VersionRow = { ...row };
    return [...older, self, ...newer].map(toVersion);
  }

  function detail(id: string): DocumentDetail {
    const row = deps.reader.get(id);
    const uses = (usesOf.all(id) as { attachment_id: string; meeting_id: string; meeting_title: string; starts_at: string; status: string; agenda_item_id: string | null; agenda_title: string | null }[]).map(
      (u): DocumentUse => ({
        attachmentId: u.attachment_id,
        meetingId: u.meeting_id,
        meetingTitle: u.meeting_title,
        meetingStartsAt: u.starts_at,
        meetingStatus: u.status,
        agendaItemId: u.agenda_item_id,
        agendaItemTitle: u.agenda_title,
      }),
    );
    return { ...toSummary(row), createdBy: row.created_by, versions: versionsOf(row), uses };
  }

  return {
    list(input: ListInput): Page<DocumentSummary> {
      const { sql, params } = documentFilters(input);
      const filtered = sql.length > 0;
      let match: string | null = null;
      if (input.query) {
        try {
          match = parseQuery(input.query).match;
        } catch {
          // Only punctuation typed: no text filter.
        }
        if (match !== null) {
          // The unary + keeps the planner walking documents in date order (index documents_created)
          // and probing the matches, stopping at the page's end; looking up every match by rid and
          // sorting them costs 10× more when a word is in most documents ("UBND").
          sql.push('+d.rid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)');
          params.push(match);
        }
      }
      const where = sql.length > 0 ? `WHERE ${sql.join(' AND ')}` : '';
      const order =
        input.sort === 'issueDate' ? 'd.issue_date IS NULL, d.issue_date DESC, d.created_at DESC, d.rid DESC' : 'd.created_at DESC, d.rid DESC';
      const items = db
        .prepare(`SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(...params, input.limit, input.offset) as DocumentRow[];
      // With only a keyword, the index alone knows the count: no join back to 40,000 documents.
      const total = (
        match !== null && !filtered
          ? db.prepare('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck().get(match)
          : db.prepare(`SELECT count(*) FROM documents d ${where}`).pluck().get(...params)
      ) as number;
      return { items: items.map(toSummary), total };
    },

    get: ({ id }: DocumentsInput<'documents.get'>) => detail(id),

    update(input: DocumentsInput<'documents.update'>): DocumentDetail {
      const row = deps.reader.get(input.id);
      if (input.typeCode !== undefined && input.typeCode !== null && deps.writer.typeLabel(input.typeCode) === undefined) {
        throw invalidInput([{ path: 'typeCode', message: 'Loại văn bản không có trong danh mục', messageEn: 'not a document type in the catalog' }]);
      }
      const changes: Record<string, unknown> = {};
      for (const [field, column] of Object.entries(FIELD_COLUMNS) as [keyof typeof FIELD_COLUMNS, string][]) {
        const value = input[field];
        if (value !== undefined && value !== (row as unknown as Record<string, unknown>)[column]) changes[column] = value;
      }
      if (Object.keys(changes).length === 0) return detail(input.id);
      const now = ctx.now().toISOString();
      db.transaction(() => {
        const sets = Object.keys(changes).map((c) => `${c} = @${c}`);
        db.prepare(`UPDATE documents SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run({ ...changes, now, id: input.id });
        const fresh = deps.reader.get(input.id);
        deps.index.setMetadata(fresh.rid, {
          number: fresh.number,
          notation: fresh.notation,
          fileName: fresh.file_name,
          issuer: fresh.issuer,
          typeLabel: fresh.type_label,
          summary: fresh.summary,
        });
        ctx.audit.record({ action: 'documents.update', entity: 'document', entityId: input.id, detail: { fields: Object.keys(changes) } });
      })();
      ctx.events.emit('data.changed', { area: 'documents', id: input.id });
      return detail(input.id);
    },

    delete({ id }: DocumentsInput<'documents.delete'>): { id: string } {
      const row = deps.reader.get(id);
      db.transaction(() => {
        const meetings = useCount.get(id) as number;
        if (meetings > 0) {
          throw new CoreError('CONFLICT', {
            vi: `Tài liệu "${row.file_name}" đang có trong ${meetings} cuộc họp; hãy gỡ khỏi cuộc họp trước khi xóa.`,
            en: `"${row.file_name}" is attached to ${meetings} meeting(s); remove it from them before deleting.`,
          });
        }
        const notes = liveNotes.get(id) as number;
        if (notes > 0) {
          throw new CoreError('CONFLICT', {
            vi: `Tài liệu "${row.file_name}" có ${notes} ghi chú; hãy xóa các ghi chú trước khi xóa tài liệu.`,
            en: `"${row.file_name}" has ${notes} annotation(s); delete them before deleting the document.`,
          });
        }
        // Deleted notes are kept only for undo; they go with the document.
        purgeDeletedNotes.run(id);
        purgeNoteImports.run(id);
        deps.index.removePages(id);
        deps.index.removeMetadata(row.rid);
        removeDocument.run(id);
        ctx.audit.record({ action: 'documents.delete', entity: 'document', entityId: id, detail: { fileName: row.file_name, sha256: row.blob_sha256 } });
      })();
      // After the commit: the bytes go only if no other document shares them.
      deps.blobs.collect(row.blob_sha256);
      ctx.events.emit('data.changed', { area: 'documents', id });
      return { id };
    },
  };
}
