import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { rmSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { CoreEvents, ImportFileResult, ImportResult, UploadRef } from '../../../../shared/contract/index.ts';
import { MAX_UPLOAD_BYTES } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { safeFileName } from '../../files/safe-file-name.ts';
import { releaseUpload, stagedFile } from '../../files/staging.ts';
import type { AttachmentsService } from './attachments.ts';
import { copyToTemp, placeTempBlob, type BlobRows, type TempBlob } from './blob-store.ts';
import { toSummary, type DocumentReader } from './document-rows.ts';
import type { DocumentWriter } from './document-writer.ts';
import { ExtractFailure, type ExtractedText, type ExtractionPool } from './extract/extract-pool.ts';
import { detectFileType, type FileType } from './file-type.ts';
import { cancelled, extractError, toFilePayload } from './import-errors.ts';
import { prefillFromFirstPage, type Prefill } from './prefill.ts';

interface Source {
  /** The name the user knows the file by. */
  fileName: string;
  /** Resolves the file to read; throws (e.g. an upload that is gone) to fail this file only. */
  path: () => string;
  done?: () => void;
}

interface Target {
  meetingId?: string;
  agendaItemId?: string;
  batchId?: string;
}

type Progress = CoreEvents['documents.importProgress']['state'];

const NO_METADATA: Prefill = {
  number: null,
  notation: null,
  issueDate: null,
  issuer: null,
  summary: null,
  typeCode: null,
  classification: 'normal',
  urgency: 'normal',
};

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Imports files one by one (two at a time, as many as there are extraction workers). For each
 * file: check it, copy it into the blob folder while hashing (fsync), read its text in a worker,
 * then in ONE write transaction place the file under its hash and insert the blob, document,
 * pages, index entries and meeting attachment. A failure or a cancel at any step leaves nothing
 * of that file behind; bytes already stored come back as the existing document (`duplicate`).
 */
export function createImportService(
  ctx: ServiceContext,
  deps: {
    pool: () => ExtractionPool;
    reader: DocumentReader;
    writer: DocumentWriter;
    blobs: BlobRows;
    attachments: AttachmentsService;
  },
) {
  const { db } = ctx;
  const running = new Map<string, AbortController>();

  function checkFile(fileName: string, size: number): void {
    if (size === 0) {
      throw new CoreError('FILE_INVALID', { vi: `Tệp "${fileName}" rỗng (0 byte).`, en: `"${fileName}" is empty (0 bytes).` });
    }
    if (size > MAX_UPLOAD_BYTES) {
      throw new CoreError('FILE_INVALID', {
        vi: `Tệp "${fileName}" quá lớn (tối đa 2 GB).`,
        en: `"${fileName}" is too large (2 GB at most).`,
      });
    }
  }

  /** Attach an already stored document to the batch's meeting, if any. */
  function attachExisting(documentId: string, target: Target): void {
    if (!target.meetingId) return;
    const { created } = db.transaction(() => deps.attachments.attachInTransaction(documentId, target.meetingId!, target.agendaItemId ?? null))();
    if (created) deps.attachments.changed(target.meetingId);
  }

  function commit(fileName: string, type: FileType, blob: TempBlob, text: ExtractedText | null, target: Target): ImportFileResult {
    const prefill = text ? prefillFromFirstPage(text.pages[0] ?? '') : NO_METADATA;
    const id = uuidv7();
    const outcome = db
      .transaction(() => {
        // Checked again under the write lock: the same bytes may have landed meanwhile.
        const dup = deps.reader.bySha(blob.sha256);
        const documentId = dup ? dup.id : id;
        if (!dup) {
          placeTempBlob(ctx, blob);
          deps.blobs.record(blob.sha256, blob.size);
          deps.writer.insert({
            id,
            sha256: blob.sha256,
            fileName,
            kind: type.kind,
            mime: type.mime,
            pages: text ? text.pages : null,
            textFailed: text !== null && text.failedPages === text.pageCount,
            ...prefill,
            createdBy: ctx.actorId(),
            createdAt: ctx.now().toISOString(),
          });
          ctx.audit.record({
            action: 'documents.import',
            entity: 'document',
            entityId: id,
            detail: { fileName, sha256: blob.sha256, size: blob.size, pages: text?.pageCount ?? null },
          });
        }
        const attached = target.meetingId
          ? deps.attachments.attachInTransaction(documentId, target.meetingId, target.agendaItemId ?? null).created
          : false;
        return { documentId, duplicate: dup !== undefined, attached };
      })
      .immediate();
    if (outcome.attached) deps.attachments.changed(target.meetingId!);
    ctx.events.emit('data.changed', { area: 'documents', id: outcome.documentId });
    return { fileName, ok: true, document: toSummary(deps.reader.get(outcome.documentId)), duplicate: outcome.duplicate };
  }

  async function importOne(source: Source, target: Target, signal: AbortSignal): Promise<ImportFileResult> {
    const { fileName } = source;
    let blob: TempBlob | undefined;
    try {
      if (signal.aborted) throw cancelled(fileName);
      const path = source.path();
      const info = await stat(path);
      if (!info.isFile()) {
        throw new CoreError('FILE_INVALID', { vi: `"${fileName}" không phải là một tệp.`, en: `"${fileName}" is not a file.` });
      }
      checkFile(fileName, info.size);
      const type = detectFileType(await readHead(path), fileName);
      blob = await copyToTemp(ctx, path, signal);
      checkFile(fileName, blob.size);
      const dup = deps.reader.bySha(blob.sha256);
      if (dup) {
        attachExisting(dup.id, target);
        return { fileName, ok: true, document: toSummary(dup), duplicate: true };
      }
      let text: ExtractedText | null = null;
      if (type.kind === 'pdf') {
        try {
          text = await deps.pool().extract(blob.tmp, signal);
        } catch (e) {
          throw e instanceof ExtractFailure ? extractError(fileName, e) : e;
        }
      }
      if (signal.aborted) throw cancelled(fileName);
      return commit(fileName, type, blob, text, target);
    } catch (e) {
      const aborted = signal.aborted && !(e instanceof CoreError && e.code !== 'CANCELLED');
      // The file name is the user's (it says what the file holds): the error's code and stack are enough.
      if (!(e instanceof CoreError)) ctx.log.warn({ err: e }, 'document import failed');
      return { fileName, ok: false, error: aborted ? cancelled(fileName).payload : toFilePayload(fileName, e) };
    } finally {
      if (blob) rmSync(blob.tmp, { force: true });
      source.done?.();
    }
  }

  async function run(sources: Source[], target: Target): Promise<ImportResult> {
    const batchId = target.batchId ?? uuidv7();
    if (running.has(batchId)) {
      throw new CoreError('CONFLICT', { vi: 'Đợt nhập này đang chạy.', en: 'This import batch is already running.' });
    }
    // A wrong meeting fails the whole call before any file is touched.
    if (target.meetingId) db.transaction(() => deps.attachments.checkTarget(target.meetingId!, target.agendaItemId ?? null))();
    const controller = new AbortController();
    running.set(batchId, controller);
    const total = sources.length;
    let done = 0;
    const progress = (fileName: string, state: Progress) =>
      ctx.events.emit('documents.importProgress', { batchId, done, total, fileName, state });
    const results: ImportFileResult[] = new Array(total);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < total; i = next++) {
        const source = sources[i]!;
        if (controller.signal.aborted) {
          results[i] = { fileName: source.fileName, ok: false, error: cancelled(source.fileName).payload };
          source.done?.();
        } else {
          progress(source.fileName, 'started');
          results[i] = await importOne(source, target, controller.signal);
        }
        done++;
        const r = results[i]!;
        progress(source.fileName, r.ok ? (r.duplicate ? 'duplicate' : 'imported') : r.error.code === 'CANCELLED' ? 'cancelled' : 'failed');
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(total, deps.pool().size) }, lane));
    } finally {
      running.delete(batchId);
    }
    return { batchId, results };
  }

  return {
    fromUploads(input: { files: UploadRef[] } & Target): Promise<ImportResult> {
      return run(
        input.files.map((ref) => ({
          fileName: safeFileName(ref.fileName),
          path: () => stagedFile(ctx.paths, ref),
          done: () => releaseUpload(ctx.paths, ref),
        })),
        input,
      );
    },
    fromPaths(input: { paths: string[] } & Target): Promise<ImportResult> {
      return run(
        input.paths.map((path) => ({ fileName: safeFileName(basename(path)), path: () => path })),
        input,
      );
    },
    cancel({ batchId }: { batchId: string }): { cancelled: boolean } {
      const controller = running.get(batchId);
      if (!controller) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },
    /** Abort every batch (the core is closing). */
    cancelAll(): void {
      for (const controller of running.values()) controller.abort();
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
