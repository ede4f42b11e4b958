import type { ServiceContext } from '../../context.ts';
import { foldForIndex } from './fold.ts';

/** The metadata a document is found by (documents_fts). */
export interface IndexedMetadata {
  number: string | null;
  notation: string | null;
  fileName: string;
  issuer: string | null;
  typeLabel: string | null;
  summary: string | null;
}

/**
 * Writes the two full-text indexes. Both are contentless (the text lives once, in document_pages
 * and documents), keyed by the integer rid, with đ folded (see fold.ts). Every call belongs inside
 * the caller's transaction; a document's pages go in one batch of prepared inserts.
 */
export function createTextIndex(ctx: ServiceContext) {
  const { db } = ctx;
  const insertPage = db.prepare('INSERT INTO document_pages (document_id, page_no, text) VALUES (?, ?, ?)');
  const insertPageFts = db.prepare('INSERT INTO document_pages_fts (rowid, text) VALUES (?, ?)');
  const deletePageFts = db.prepare('DELETE FROM document_pages_fts WHERE rowid IN (SELECT rid FROM document_pages WHERE document_id = ?)');
  const deleteMetaFts = db.prepare('DELETE FROM documents_fts WHERE rowid = ?');
  const insertMetaFts = db.prepare('INSERT INTO documents_fts (rowid, title, summary) VALUES (?, ?, ?)');

  return {
    /** Store and index a document's pages (page 1 first). */
    addPages(documentId: string, pages: readonly string[]): void {
      for (let i = 0; i < pages.length; i++) {
        const text = pages[i]!;
        const { lastInsertRowid } = insertPage.run(documentId, i + 1, text);
        if (text !== '') insertPageFts.run(lastInsertRowid, foldForIndex(text));
      }
    },
    /** Drop a document's pages from the index (before its rows go). */
    removePages(documentId: string): void {
      deletePageFts.run(documentId);
    },
    /** (Re)index what a document is found by: title = number/notation, file name, issuer, type. */
    setMetadata(rid: number, meta: IndexedMetadata): void {
      deleteMetaFts.run(rid);
      const numberNotation = [meta.number, meta.notation].filter(Boolean).join('/');
      const title = [numberNotation, meta.fileName.replace(/[._]+/g, ' '), meta.issuer, meta.typeLabel].filter(Boolean).join('\n');
      insertMetaFts.run(rid, foldForIndex(title), foldForIndex(meta.summary ?? ''));
    },
    removeMetadata(rid: number): void {
      deleteMetaFts.run(rid);
    },
  };
}

export type TextIndex = ReturnType<typeof createTextIndex>;
