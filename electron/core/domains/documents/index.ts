import type { Classification, documentsMethods, Urgency } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import { blobKeyOf, blobPathOf } from '../../files/blob-file.ts';
import { sweepExports } from '../../files/exports.ts';
import { sweepScratch } from '../../files/scratch.ts';
import { sweepStaging } from '../../files/staging.ts';
import type { Domain } from '../domain.ts';
import { createAttachmentsService } from './attachments.ts';
import { createBlobRows, storeBlobFromFile } from './blob-store.ts';
import { sweepBlobs } from './blob-sweep.ts';
import { encryptPlainBlobs, type EncryptionPassResult } from './blob-encryption-pass.ts';
import { createDocumentReader } from './document-rows.ts';
import { createDocumentWriter, type NewDocument } from './document-writer.ts';
import { createExtractionPool, type ExtractionPool, type ExtractedText, type TextLayout } from './extract/extract-pool.ts';
import { extractError } from './import-errors.ts';
import { createHandOver } from './hand-over.ts';
import { createImportService } from './import-service.ts';
import { createLibraryService } from './library.ts';
import { createSearchService } from './search.ts';
import { createTextIndex } from './text-index.ts';
import { ExtractFailure } from './extract/extract-pool.ts';

export { prefillFromFirstPage, type Prefill } from './prefill.ts';
export type { NewDocument } from './document-writer.ts';

/** A documents row as stored and as a meeting pack carries it. */
export interface StoredDocumentRow {
  id: string;
  blob_sha256: string;
  file_name: string;
  kind: 'pdf' | 'attachment';
  mime: string;
  page_count: number | null;
  number: string | null;
  notation: string | null;
  issue_date: string | null;
  issuer: string | null;
  summary: string | null;
  type_code: string | null;
  classification: Classification;
  urgency: Urgency;
  previous_version_id: string | null;
  created_at: string;
  updated_at: string;
}
export type { ExtractedText, LayoutItem, PageLayout, TextLayout } from './extract/extract-pool.ts';

/**
 * The document store: content-addressed files, PDF text in worker threads, metadata, the
 * full-text index, the library and documents in meetings. `start()` cleans up after a crash;
 * `close()` stops the extraction workers.
 */
export function createDocumentsDomain(ctx: ServiceContext) {
  let pool: ExtractionPool | undefined;
  const extraction = () => (pool ??= createExtractionPool({ log: ctx.log, blobKey: blobKeyOf(ctx.databaseKey) }));
  const reader = createDocumentReader(ctx);
  const index = createTextIndex(ctx);
  const writer = createDocumentWriter(ctx, index);
  const blobs = createBlobRows(ctx);
  const attachments = createAttachmentsService(ctx, reader);
  const imports = createImportService(ctx, { pool: extraction, reader, writer, blobs, attachments });
  const library = createLibraryService(ctx, { reader, writer, index, blobs });
  const search = createSearchService(ctx, reader);
  const handOver = createHandOver(ctx, reader);

  const handlers: DomainHandlers<typeof documentsMethods> = {
    'documents.import': (input) => imports.fromUploads(input),
    'documents.importFiles': (input) => imports.fromPaths(input),
    'documents.cancelImport': (input) => imports.cancel(input),
    'documents.list': (input) => library.list(input),
    'documents.get': (input) => library.get(input),
    'documents.handOver': (input) => handOver(input),
    'documents.update': (input) => library.update(input),
    'documents.delete': (input) => library.delete(input),
    'documents.search': (input) => search.search(input),
    'documents.attach': (input) => attachments.attach(input),
    'documents.detach': (input) => attachments.detach(input),
    'documents.replaceVersion': (input) => attachments.replaceVersion(input),
    'documents.reorderAttachments': (input) => attachments.reorder(input),
    'documents.listForMeeting': (input) => attachments.listForMeeting(input),
  };

  const encryption = new AbortController();
  let encryptionPass: Promise<EncryptionPassResult> = Promise.resolve({ encrypted: 0, damaged: 0 });

  const domain = {
    handlers,
    start(): void {
      const swept = sweepBlobs(ctx);
      if (swept.removedFiles + swept.removedRows > 0) ctx.log.info(swept, 'document store: crash leftovers removed');
      sweepStaging(ctx.paths);
      const scratch = sweepScratch(ctx.paths);
      if (scratch > 0) ctx.log.info({ removed: scratch }, 'tmp: leftovers of ended processes removed');
      sweepExports(ctx.paths);
      encryptionPass = encryptPlainBlobs(ctx, encryption.signal).then(
        (r) => {
          if (r.encrypted + r.damaged > 0) ctx.log.info(r, 'document store: files stored in the clear encrypted');
          return r;
        },
        (err: unknown) => {
          ctx.log.warn({ err }, 'document store: encrypting the stored files stopped; it resumes at the next start');
          return { encrypted: 0, damaged: 0 };
        },
      );
    },
    /** Resolves when the start's pass over files stored in the clear by an older version is over. */
    encryptionPass: () => encryptionPass,
    async close(): Promise<void> {
      encryption.abort();
      await encryptionPass;
      imports.cancelAll();
      await pool?.close();
      pool = undefined;
    },

    // Services for other domains (meeting packs) and the benchmark.

    /** Files into the library and a meeting, as `documents.importFiles` does (minutes attach their PDF). */
    importPaths: (input: { paths: string[]; meetingId: string; agendaItemId?: string }) => imports.fromPaths(input),
    /** Where a stored blob's bytes are: encrypted, read them with `blobKey` (files/blob-cipher.ts). */
    blobPath: (sha256: string) => blobPathOf(ctx.paths, sha256),
    blobKey: blobKeyOf(ctx.databaseKey),
    /** Store a file's bytes durably (verified against `expectedSha256` when given) and record the blob. */
    storeBlobFromFile: (file: string, expectedSha256?: string) => storeBlobFromFile(ctx, blobs, file, expectedSha256),
    /** Text of every page of a PDF, read in a worker; throws PDF_INVALID / PDF_ENCRYPTED naming `fileName`. */
    async extractPdfText(file: string, fileName: string): Promise<ExtractedText> {
      try {
        return await extraction().extract(file);
      } catch (e) {
        throw e instanceof ExtractFailure ? extractError(fileName, e) : e;
      }
    },
    /**
     * Where the text of some pages (0-based, or 'all') of a PDF sits, read in a worker: for
     * carrying annotations to a new version. Throws PDF_INVALID / PDF_ENCRYPTED naming `fileName`.
     */
    async textLayout(file: string, pageIndexes: number[] | 'all', fileName = file): Promise<TextLayout> {
      try {
        return await extraction().layout(file, pageIndexes);
      } catch (e) {
        throw e instanceof ExtractFailure ? extractError(fileName, e) : e;
      }
    },
    /**
     * Insert a document (given id, metadata and page texts) for a blob already stored with
     * storeBlobFromFile, and index it. Synchronous: call inside the caller's transaction. Returns
     * false (and changes nothing) when a document with that id exists.
     */
    insertDocument(doc: NewDocument): boolean {
      if (reader.find(doc.id)) return false;
      writer.insert(doc);
      return true;
    },
    /**
     * The same for a document row as a meeting pack carries it (snake_case columns). Without page
     * texts a PDF is stored with its page count and text_status 'failed' (not searchable by body).
     */
    insertPackDocument(row: StoredDocumentRow, pages: string[] | undefined): boolean {
      if (reader.find(row.id)) return false;
      writer.insert({
        id: row.id,
        sha256: row.blob_sha256,
        fileName: row.file_name,
        kind: row.kind,
        mime: row.mime,
        pages: row.kind === 'pdf' ? (pages ?? null) : null,
        pageCount: row.page_count,
        textFailed: row.kind === 'pdf' && pages === undefined,
        number: row.number,
        notation: row.notation,
        issueDate: row.issue_date,
        issuer: row.issuer,
        summary: row.summary,
        typeCode: row.type_code,
        classification: row.classification,
        urgency: row.urgency,
        previousVersionId: row.previous_version_id,
        createdBy: null,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      });
      return true;
    },
    /** Replace a document's metadata index entry after the caller changed its row. */
    reindexMetadata(id: string): void {
      const row = reader.get(id);
      index.setMetadata(row.rid, {
        number: row.number,
        notation: row.notation,
        fileName: row.file_name,
        issuer: row.issuer,
        typeLabel: row.type_label,
        summary: row.summary,
      });
    },
    /** A document as the contract shows it. */
    detail: (id: string) => library.get({ id }),
    attachments,
  };
  return domain satisfies Domain;
}

export type DocumentsDomain = ReturnType<typeof createDocumentsDomain>;
