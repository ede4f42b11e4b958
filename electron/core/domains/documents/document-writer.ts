import type { Classification, DocumentKind, Urgency } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { TextIndex } from './text-index.ts';

/** Everything a new document row holds; the blob must be stored and recorded already. */
export interface NewDocument {
  id: string;
  sha256: string;
  fileName: string;
  kind: DocumentKind;
  mime: string;
  /** PDFs: the text of every page; page_count is its length. Attachments: null. */
  pages: readonly string[] | null;
  /** When pages are not at hand (a pack without texts): the page count to record. */
  pageCount?: number | null;
  /** The text could not be read (the document is kept, just not searchable by its body). */
  textFailed?: boolean;
  number: string | null;
  notation: string | null;
  issueDate: string | null;
  issuer: string | null;
  summary: string | null;
  typeCode: string | null;
  classification: Classification;
  urgency: Urgency;
  previousVersionId?: string | null;
  createdBy: string | null;
  createdAt: string;
  /** Defaults to createdAt. */
  updatedAt?: string;
}

/** Inserts a document with its pages and index entries; call inside a transaction. */
export function createDocumentWriter(ctx: ServiceContext, index: TextIndex) {
  const { db } = ctx;
  const insert = db.prepare(`INSERT INTO documents (id, blob_sha256, file_name, kind, mime, page_count, number, notation,
      issue_date, issuer, summary, type_code, classification, urgency, previous_version_id, text_status, created_by,
      created_at, updated_at)
    VALUES (@id, @sha256, @fileName, @kind, @mime, @pageCount, @number, @notation, @issueDate, @issuer, @summary,
      @typeCode, @classification, @urgency, @previousVersionId, @textStatus, @createdBy, @createdAt, @updatedAt)`);
  const typeLabel = db.prepare("SELECT label FROM catalog_items WHERE catalog = 'document_type' AND code = ?").pluck();

  return {
    /** The catalog label of a type code, or undefined when the code is not in the catalog. */
    typeLabel: (code: string) => typeLabel.get(code) as string | undefined,
    insert(doc: NewDocument): number {
      const typeCode = doc.typeCode !== null && typeLabel.get(doc.typeCode) !== undefined ? doc.typeCode : null;
      const textStatus = doc.textFailed ? 'failed' : doc.pages === null ? 'none' : 'indexed';
      const { lastInsertRowid } = insert.run({
        id: doc.id,
        sha256: doc.sha256,
        fileName: doc.fileName,
        kind: doc.kind,
        mime: doc.mime,
        pageCount: doc.pages === null ? (doc.pageCount ?? null) : doc.pages.length,
        number: doc.number,
        notation: doc.notation,
        issueDate: doc.issueDate,
        issuer: doc.issuer,
        summary: doc.summary,
        typeCode,
        classification: doc.classification,
        urgency: doc.urgency,
        previousVersionId: doc.previousVersionId ?? null,
        textStatus,
        createdBy: doc.createdBy,
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt ?? doc.createdAt,
      });
      const rid = Number(lastInsertRowid);
      if (doc.pages) index.addPages(doc.id, doc.pages);
      index.setMetadata(rid, {
        number: doc.number,
        notation: doc.notation,
        fileName: doc.fileName,
        issuer: doc.issuer,
        typeLabel: typeCode === null ? null : (typeLabel.get(typeCode) as string),
        summary: doc.summary,
      });
      return rid;
    },
  };
}

export type DocumentWriter = ReturnType<typeof createDocumentWriter>;
