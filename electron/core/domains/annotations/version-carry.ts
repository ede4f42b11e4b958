import { v7 as uuidv7 } from 'uuid';
import { markupKinds, type AnnotationGeometry } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { blobFile } from '../../files/blob-file.ts';
import { placeNote, QuoteFinder, type VersionText } from './carry/placement.ts';
import type { StoredAnnotation } from './annotation-store.ts';
import type { AnnotationDeps } from './deps.ts';

/** How long after a documents or packs change the carrier looks for new versions (changes come in bursts). */
const DEBOUNCE_MS = 150;

interface Pair {
  fromId: string;
  toId: string;
}

interface DocumentFile {
  id: string;
  blob_sha256: string;
  file_name: string;
  page_count: number | null;
}

/**
 * Carries the notes on a document's older version to its newer version (§5 of issue 4), once per
 * (older, newer) pair. A pair is done when its annotation_carries row exists; the row is written in
 * the same transaction as the copies, so a crash leaves a pair either wholly carried or not at all,
 * and the next start carries it. The text positions of the new version are read in the documents
 * worker before the transaction; the notes are read and placed inside it, so an edit made while
 * the PDF was being read is not lost.
 */
export function createVersionCarry(ctx: ServiceContext, deps: AnnotationDeps) {
  const { db } = ctx;
  const pending = db.prepare(
    `SELECT d.previous_version_id AS fromId, d.id AS toId FROM documents d
     WHERE d.previous_version_id IS NOT NULL AND d.kind = 'pdf'
       AND EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.previous_version_id AND a.deleted_at IS NULL)
       AND NOT EXISTS (SELECT 1 FROM annotation_carries c WHERE c.from_document_id = d.previous_version_id AND c.to_document_id = d.id)
     ORDER BY d.created_at, d.rid`,
  );
  const documentFile = db.prepare('SELECT id, blob_sha256, file_name, page_count FROM documents WHERE id = ?');
  const done = db.prepare('SELECT 1 FROM annotation_carries WHERE from_document_id = ? AND to_document_id = ?').pluck();
  const markDone = db.prepare(
    'INSERT INTO annotation_carries (from_document_id, to_document_id, placed, unplaced, carried_at) VALUES (?, ?, ?, ?, ?)',
  );
  const profileId = db.prepare('SELECT id FROM profile LIMIT 1').pluck();
  const sharedAuthors = db
    .prepare("SELECT DISTINCT author_id FROM annotations WHERE document_id = ? AND origin = 'shared-import' AND deleted_at IS NULL AND author_id IS NOT NULL")
    .pluck();

  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let unsubscribe: (() => void) | undefined;

  /** The positions of the text on the given pages, or none when the PDF cannot be read (a scan still carries by page). */
  async function readText(doc: DocumentFile, pages: number[] | 'all'): Promise<VersionText> {
    const none: VersionText = { pageCount: doc.page_count ?? 0, pages: new Map() };
    if (pages !== 'all' && pages.length === 0) return none;
    const file = blobFile(ctx.paths, doc.blob_sha256);
    if (!file) {
      throw new CoreError('IO_ERROR', {
        vi: `Thiếu tệp của tài liệu "${doc.file_name}" trong kho lưu trữ.`,
        en: `The stored file of "${doc.file_name}" is missing.`,
      });
    }
    try {
      const layout = await deps.documents.textLayout(file, pages, doc.file_name);
      return { pageCount: layout.pageCount, pages: new Map(layout.pages.map((p) => [p.pageIndex, { view: p.view, items: p.items }])) };
    } catch (e) {
      if (e instanceof CoreError && (e.code === 'PDF_INVALID' || e.code === 'PDF_ENCRYPTED')) return none;
      throw e;
    }
  }

  async function carry({ fromId, toId }: Pair): Promise<void> {
    const older = documentFile.get(fromId) as DocumentFile | undefined;
    const newer = documentFile.get(toId) as DocumentFile | undefined;
    if (!older || !newer) return;
    const next = new QuoteFinder(await readText(newer, 'all'));
    // The older version's text only places notes that hang on a passage (not markup: its quads are new).
    const quotedPages = [
      ...new Set(
        deps.store
          .rows(fromId)
          .filter((r) => r.quoted_text && !(markupKinds as readonly string[]).includes(r.kind))
          .map((r) => r.page_index),
      ),
    ];
    let previous: QuoteFinder | null = null;
    try {
      previous = new QuoteFinder(await readText(older, quotedPages));
    } catch (e) {
      if (e instanceof CoreError && e.code === 'CANCELLED') throw e;
      // Without the older text such notes still go where their passage went, unshifted.
    }
    if (closed) return;

    const now = ctx.now().toISOString();
    const counts = db.transaction(() => {
      if (done.get(fromId, toId)) return null;
      const me = (profileId.get() as string | undefined) ?? null;
      // A member who has already shared notes on the newer version carried them there themselves.
      const sharedAgain = new Set(sharedAuthors.all(toId) as string[]);
      const copies: StoredAnnotation[] = [];
      let skipped = 0;
      for (const row of deps.store.rows(fromId)) {
        if (row.author_id !== null && row.author_id !== me && sharedAgain.has(row.author_id)) {
          skipped += 1;
          continue;
        }
        const at = placeNote(
          {
            kind: row.kind,
            pageIndex: row.page_index,
            geometry: JSON.parse(row.geometry) as AnnotationGeometry,
            thickness: row.thickness,
            quotedText: row.quoted_text,
          },
          next,
          previous,
        );
        copies.push({
          id: uuidv7(),
          documentId: toId,
          pageIndex: at.pageIndex,
          kind: row.kind,
          geometry: at.geometry,
          color: row.color,
          thickness: row.thickness,
          opacity: row.opacity,
          contents: row.contents,
          quotedText: row.quoted_text,
          fontSize: row.font_size,
          shared: row.shared === 1,
          authorId: row.author_id,
          authorName: row.author_name,
          origin: 'carried',
          importId: null,
          placement: at.placement,
          carriedFrom: row.id,
          createdAt: row.created_at,
          updatedAt: now,
        });
      }
      deps.store.putMany(copies);
      const placed = copies.filter((c) => c.placement === 'placed').length;
      const unplaced = copies.length - placed;
      markDone.run(fromId, toId, placed, unplaced, now);
      ctx.audit.record({
        action: 'annotations.carry',
        entity: 'document',
        entityId: toId,
        detail: { fromDocumentId: fromId, placed, unplaced, skipped },
      });
      return { placed, unplaced };
    })();
    if (counts) {
      ctx.log.info({ fromId, toId, ...counts }, 'annotations carried to the newer version');
      deps.store.changed(toId);
    }
  }

  /** Every pending pair, again and again while carrying makes new ones (v1 → v2 → v3). */
  async function round(): Promise<void> {
    const failed = new Set<string>();
    for (;;) {
      if (closed) return;
      const pairs = (pending.all() as Pair[]).filter((p) => !failed.has(`${p.fromId}>${p.toId}`));
      if (pairs.length === 0) return;
      for (const pair of pairs) {
        if (closed) return;
        try {
          await carry(pair);
        } catch (e) {
          if (closed || (e instanceof CoreError && e.code === 'CANCELLED')) return;
          // Left pending: tried again after the next documents change or the next start.
          failed.add(`${pair.fromId}>${pair.toId}`);
          ctx.log.warn({ err: e, ...pair }, 'carrying annotations to the newer version failed');
        }
      }
    }
  }

  function catchUp(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await round();
        } while (again && !closed);
      } catch (e) {
        // The database went away under a closing core; whatever is left is carried at the next start.
        if (!closed) ctx.log.error({ err: e }, 'looking for annotations to carry failed');
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function schedule(delayMs: number): void {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void catchUp();
    }, delayMs);
    timer.unref();
  }

  return {
    /** Carry every pending older version's notes; resolves when done. */
    catchUp,
    /** Resolves when no carry is running or waiting to run (tests, close). */
    async idle(): Promise<void> {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
        void catchUp();
      }
      while (running) await running;
    },
    start(): void {
      closed = false;
      unsubscribe = ctx.events.subscribe((e) => {
        if (e.event === 'data.changed' && (e.payload.area === 'documents' || e.payload.area === 'packs')) schedule(DEBOUNCE_MS);
      });
      // Not awaited: start-up does not wait for a PDF to be read; the done-markers make it safe to stop at any time.
      schedule(0);
    },
    async close(): Promise<void> {
      closed = true;
      unsubscribe?.();
      unsubscribe = undefined;
      clearTimeout(timer);
      timer = undefined;
      while (running) await running;
    },
  };
}
