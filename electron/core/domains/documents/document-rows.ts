import type { Classification, DocumentKind, DocumentSummary, TextStatus, Urgency } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';

/** documents joined with its blob's size and its type's label. */
export interface DocumentRow {
  rid: number;
  id: string;
  blob_sha256: string;
  size: number;
  file_name: string;
  kind: DocumentKind;
  mime: string;
  page_count: number | null;
  number: string | null;
  notation: string | null;
  issue_date: string | null;
  issuer: string | null;
  summary: string | null;
  type_code: string | null;
  type_label: string | null;
  classification: Classification;
  urgency: Urgency;
  previous_version_id: string | null;
  text_status: TextStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Select list for DocumentRow; callers add FROM-clause joins, WHERE and ORDER. */
export const DOCUMENT_COLUMNS = `d.rid, d.id, d.blob_sha256, b.size, d.file_name, d.kind, d.mime, d.page_count, d.number,
  d.notation, d.issue_date, d.issuer, d.summary, d.type_code, c.label AS type_label, d.classification, d.urgency,
  d.previous_version_id, d.text_status, d.created_by, d.created_at, d.updated_at`;

/** Joins that complete `documents d` into a DocumentRow. */
export const DOCUMENT_JOINS = `JOIN blobs b ON b.sha256 = d.blob_sha256
  LEFT JOIN catalog_items c ON c.catalog = 'document_type' AND c.code = d.type_code`;

export const DOCUMENT_FROM = `documents d ${DOCUMENT_JOINS}`;

export function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    kind: row.kind,
    mime: row.mime,
    sha256: row.blob_sha256,
    size: row.size,
    pageCount: row.page_count,
    number: row.number,
    notation: row.notation,
    issueDate: row.issue_date,
    issuer: row.issuer,
    summary: row.summary,
    typeCode: row.type_code,
    typeLabel: row.type_label,
    classification: row.classification,
    urgency: row.urgency,
    textStatus: row.text_status,
    previousVersionId: row.previous_version_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function documentNotFound(): CoreError {
  return new CoreError('NOT_FOUND', { vi: 'Không tìm thấy tài liệu.', en: 'Document not found.' });
}

export function createDocumentReader(ctx: ServiceContext) {
  const byId = ctx.db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.id = ?`);
  const byRid = ctx.db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.rid = ?`);
  const bySha = ctx.db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.blob_sha256 = ? ORDER BY d.rid LIMIT 1`);
  // Two documents may share bytes (a copy kept under another classification): the strictest one rules.
  const strictestBySha = ctx.db.prepare(
    `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.blob_sha256 = ?
     ORDER BY CASE d.classification WHEN 'top_secret' THEN 3 WHEN 'secret' THEN 2 WHEN 'confidential' THEN 1 ELSE 0 END DESC, d.rid LIMIT 1`,
  );
  return {
    find: (id: string) => byId.get(id) as DocumentRow | undefined,
    get(id: string): DocumentRow {
      const row = byId.get(id) as DocumentRow | undefined;
      if (!row) throw documentNotFound();
      return row;
    },
    byRid: (rid: number) => byRid.get(rid) as DocumentRow | undefined,
    /** The first document stored with these bytes, if any. */
    bySha: (sha256: string) => bySha.get(sha256) as DocumentRow | undefined,
    /** Of the documents stored with these bytes, the most classified. */
    strictestBySha: (sha256: string) => strictestBySha.get(sha256) as DocumentRow | undefined,
  };
}

export type DocumentReader = ReturnType<typeof createDocumentReader>;
