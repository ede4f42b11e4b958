import {
  geometryByKind,
  type Annotation,
  type AnnotationAuthor,
  type AnnotationGeometry,
  type AnnotationKind,
  type AnnotationList,
  type AnnotationOrigin,
  type AnnotationsInput,
} from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { documentNotFound } from '../documents/document-rows.ts';

/** An annotations row as stored. */
export interface AnnotationRow {
  id: string;
  document_id: string;
  page_index: number;
  kind: AnnotationKind;
  geometry: string;
  color: string;
  thickness: number;
  opacity: number;
  contents: string | null;
  quoted_text: string | null;
  font_size: number | null;
  shared: 0 | 1;
  author_id: string | null;
  author_name: string;
  origin: AnnotationOrigin;
  import_id: string | null;
  placement: 'placed' | 'unplaced';
  carried_from: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** What an importer or the version carrier hands over to be stored as is. */
export interface StoredAnnotation {
  id: string;
  documentId: string;
  pageIndex: number;
  kind: AnnotationKind;
  geometry: AnnotationGeometry;
  color: string;
  thickness: number;
  opacity: number;
  contents: string | null;
  quotedText: string | null;
  fontSize: number | null;
  shared: boolean;
  authorId: string | null;
  authorName: string;
  origin: AnnotationOrigin;
  importId?: string | null;
  placement?: 'placed' | 'unplaced';
  carriedFrom?: string | null;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, document_id, page_index, kind, geometry, color, thickness, opacity, contents, quoted_text,
  font_size, shared, author_id, author_name, origin, import_id, placement, carried_from, revision, created_at,
  updated_at, deleted_at`;

export function annotationNotFound(): CoreError {
  return new CoreError('NOT_FOUND', { vi: 'Không tìm thấy ghi chú.', en: 'Annotation not found.' });
}

function geometryError(kind: AnnotationKind, geometry: unknown): AnnotationGeometry {
  const parsed = geometryByKind[kind].safeParse(geometry);
  if (!parsed.success) {
    throw new CoreError(
      'INVALID_INPUT',
      { vi: 'Vị trí của ghi chú không hợp lệ.', en: 'The annotation geometry is invalid.' },
      { issues: parsed.error.issues.map((i) => ({ path: ['geometry', ...i.path.map(String)], message: i.message })) },
    );
  }
  return parsed.data as AnnotationGeometry;
}

/**
 * Whether a note from a file may take the place of the stored note with its id: a member's signed
 * note only by a newer signed file of the same person, and a signed file never replaces a note
 * that is not that person's signed note (the user's own, an XFDF one).
 */
function mayReplace(existing: AnnotationRow, item: StoredAnnotation): boolean {
  const signed = existing.origin === 'shared-import';
  if (signed || item.origin === 'shared-import') return signed && item.origin === 'shared-import' && existing.author_id === item.authorId;
  return true;
}

/**
 * Annotations in SQLite. Each save is one small transaction (row + audit) committed with
 * synchronous=FULL, so a stroke whose save returned survives a killed process.
 */
export function createAnnotationStore(ctx: ServiceContext) {
  const { db } = ctx;
  const profile = db.prepare('SELECT id, full_name FROM profile LIMIT 1');
  const documentRow = db.prepare('SELECT id, kind, page_count, file_name FROM documents WHERE id = ?');
  const byId = db.prepare(`SELECT ${COLUMNS} FROM annotations WHERE id = ?`);
  const live = db.prepare(
    `SELECT ${COLUMNS} FROM annotations WHERE document_id = ? AND deleted_at IS NULL ORDER BY page_index, rid`,
  );
  const insert = db.prepare(
    `INSERT INTO annotations (id, document_id, page_index, kind, geometry, color, thickness, opacity, contents,
       quoted_text, font_size, shared, author_id, author_name, origin, import_id, placement, carried_from,
       revision, created_at, updated_at)
     VALUES (@id, @document_id, @page_index, @kind, @geometry, @color, @thickness, @opacity, @contents,
       @quoted_text, @font_size, @shared, @author_id, @author_name, @origin, @import_id, @placement,
       @carried_from, 1, @created_at, @updated_at)`,
  );
  const overwrite = db.prepare(
    `UPDATE annotations SET page_index = @page_index, geometry = @geometry, color = @color, thickness = @thickness,
       opacity = @opacity, contents = @contents, quoted_text = @quoted_text, font_size = @font_size, shared = @shared,
       author_id = @author_id, author_name = @author_name, import_id = @import_id, placement = @placement,
       revision = revision + 1, updated_at = @updated_at, deleted_at = NULL
     WHERE id = @id`,
  );
  const setDeleted = db.prepare('UPDATE annotations SET deleted_at = ?, revision = revision + 1 WHERE id = ? AND deleted_at IS NULL');
  const clearDeleted = db.prepare('UPDATE annotations SET deleted_at = NULL, revision = revision + 1, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL');

  function me(): { id: string; full_name: string } {
    const row = profile.get() as { id: string; full_name: string } | undefined;
    if (!row) {
      throw new CoreError('PROFILE_REQUIRED', {
        vi: 'Cần tạo hồ sơ người dùng trước khi ghi chú.',
        en: 'Create your profile before annotating.',
      });
    }
    return row;
  }

  function toAnnotation(row: AnnotationRow): Annotation {
    return {
      id: row.id,
      documentId: row.document_id,
      pageIndex: row.page_index,
      kind: row.kind,
      geometry: JSON.parse(row.geometry) as AnnotationGeometry,
      color: row.color,
      thickness: row.thickness,
      opacity: row.opacity,
      contents: row.contents,
      quotedText: row.quoted_text,
      fontSize: row.font_size,
      shared: row.shared === 1,
      authorId: row.author_id,
      authorName: row.author_name,
      origin: row.origin,
      editable: row.origin !== 'shared-import',
      placement: row.placement,
      carriedFrom: row.carried_from,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** The document an annotation goes on: a stored PDF with that page. */
  function checkTarget(documentId: string, pageIndex: number): void {
    const doc = documentRow.get(documentId) as { kind: string; page_count: number | null; file_name: string } | undefined;
    if (!doc) throw documentNotFound();
    if (doc.kind !== 'pdf') {
      throw new CoreError('INVALID_INPUT', {
        vi: `"${doc.file_name}" không phải tệp PDF nên không ghi chú được.`,
        en: `"${doc.file_name}" is not a PDF, so it cannot be annotated.`,
      });
    }
    if (doc.page_count !== null && pageIndex >= doc.page_count) {
      throw new CoreError('INVALID_INPUT', {
        vi: `Tài liệu chỉ có ${doc.page_count} trang.`,
        en: `The document has only ${doc.page_count} pages.`,
      });
    }
  }

  function row(id: string): AnnotationRow {
    const r = byId.get(id) as AnnotationRow | undefined;
    if (!r) throw annotationNotFound();
    return r;
  }

  function changed(documentId: string): void {
    ctx.events.emit('data.changed', { area: 'annotations', id: documentId });
  }

  function params(a: StoredAnnotation) {
    return {
      id: a.id,
      document_id: a.documentId,
      page_index: a.pageIndex,
      kind: a.kind,
      geometry: JSON.stringify(a.geometry),
      color: a.color,
      thickness: a.thickness,
      opacity: a.opacity,
      contents: a.contents,
      quoted_text: a.quotedText,
      font_size: a.fontSize,
      shared: a.shared ? 1 : 0,
      author_id: a.authorId,
      author_name: a.authorName,
      origin: a.origin,
      import_id: a.importId ?? null,
      placement: a.placement ?? 'placed',
      carried_from: a.carriedFrom ?? null,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    };
  }

  return {
    toAnnotation,
    get: (id: string) => toAnnotation(row(id)),
    /** Live rows of a document, by page then creation order (exports and imports read these). */
    rows: (documentId: string) => live.all(documentId) as AnnotationRow[],
    /** The local profile (author of everything made here); PROFILE_REQUIRED before the first run. */
    me,

    list({ documentId }: AnnotationsInput<'annotations.list'>): AnnotationList {
      if (!documentRow.get(documentId)) throw documentNotFound();
      const self = (profile.get() as { id: string } | undefined)?.id ?? null;
      const annotations = (live.all(documentId) as AnnotationRow[]).map(toAnnotation);
      const authors = new Map<string, AnnotationAuthor>();
      for (const a of annotations) {
        const key = `${a.authorId ?? ''}\u0000${a.authorName}`;
        const entry = authors.get(key);
        if (entry) entry.count += 1;
        else authors.set(key, { authorId: a.authorId, authorName: a.authorName, count: 1, self: a.authorId !== null && a.authorId === self });
      }
      return { documentId, annotations, authors: [...authors.values()] };
    },

    create(input: AnnotationsInput<'annotations.create'>): Annotation {
      const existing = byId.get(input.id) as AnnotationRow | undefined;
      if (existing) {
        // A retried save (or redo) of the same note: the stored one is the answer.
        if (existing.document_id !== input.documentId || existing.kind !== input.kind) {
          throw new CoreError('CONFLICT', { vi: 'Mã ghi chú đã được dùng.', en: 'That annotation id is already used.' });
        }
        return toAnnotation(existing);
      }
      const author = me();
      const geometry = geometryError(input.kind, input.geometry);
      const now = ctx.now().toISOString();
      db.transaction(() => {
        checkTarget(input.documentId, input.pageIndex);
        insert.run(
          params({
            ...input,
            geometry,
            authorId: author.id,
            authorName: author.full_name,
            origin: 'local',
            createdAt: now,
            updatedAt: now,
          }),
        );
        ctx.audit.record({
          action: 'annotations.create',
          entity: 'annotation',
          entityId: input.id,
          detail: { documentId: input.documentId, kind: input.kind, pageIndex: input.pageIndex },
        });
      })();
      changed(input.documentId);
      return toAnnotation(row(input.id));
    },

    update(input: AnnotationsInput<'annotations.update'>): Annotation {
      const current = row(input.id);
      if (current.deleted_at !== null) throw annotationNotFound();
      if (current.origin === 'shared-import') {
        throw new CoreError('INVALID_STATE', {
          vi: `Đây là ghi chú của ${current.author_name}; chỉ người viết mới sửa được.`,
          en: `This note is ${current.author_name}'s; only its author can edit it.`,
        });
      }
      if (current.revision !== input.revision) {
        throw new CoreError('CONFLICT', {
          vi: 'Ghi chú vừa được thay đổi ở nơi khác; hãy tải lại.',
          en: 'The annotation changed meanwhile; reload it.',
        });
      }
      const next: StoredAnnotation = {
        ...toAnnotation(current),
        geometry: input.geometry === undefined ? (JSON.parse(current.geometry) as AnnotationGeometry) : geometryError(current.kind, input.geometry),
        pageIndex: input.pageIndex ?? current.page_index,
        color: input.color ?? current.color,
        thickness: input.thickness ?? current.thickness,
        opacity: input.opacity ?? current.opacity,
        contents: input.contents === undefined ? current.contents : input.contents,
        fontSize: input.fontSize === undefined ? current.font_size : input.fontSize,
        shared: input.shared ?? current.shared === 1,
        importId: current.import_id,
        placement: input.placed ? 'placed' : current.placement,
        updatedAt: ctx.now().toISOString(),
      };
      db.transaction(() => {
        checkTarget(current.document_id, next.pageIndex);
        overwrite.run(params(next));
        ctx.audit.record({
          action: 'annotations.update',
          entity: 'annotation',
          entityId: input.id,
          detail: { documentId: current.document_id, fields: Object.keys(input).filter((k) => k !== 'id' && k !== 'revision') },
        });
      })();
      changed(current.document_id);
      return toAnnotation(row(input.id));
    },

    delete({ ids }: AnnotationsInput<'annotations.delete'>): { ids: string[] } {
      const rows = ids.map(row);
      const now = ctx.now().toISOString();
      const deleted: string[] = [];
      db.transaction(() => {
        for (const r of rows) {
          if (setDeleted.run(now, r.id).changes === 0) continue;
          deleted.push(r.id);
          ctx.audit.record({ action: 'annotations.delete', entity: 'annotation', entityId: r.id, detail: { documentId: r.document_id } });
        }
      })();
      for (const documentId of new Set(rows.map((r) => r.document_id))) changed(documentId);
      return { ids: deleted };
    },

    restore({ ids }: AnnotationsInput<'annotations.restore'>): Annotation[] {
      const rows = ids.map(row);
      const now = ctx.now().toISOString();
      db.transaction(() => {
        for (const r of rows) {
          if (clearDeleted.run(now, r.id).changes === 0) continue;
          ctx.audit.record({ action: 'annotations.restore', entity: 'annotation', entityId: r.id, detail: { documentId: r.document_id } });
        }
      })();
      for (const documentId of new Set(rows.map((r) => r.document_id))) changed(documentId);
      return ids.map((id) => toAnnotation(row(id)));
    },

    /**
     * Store annotations made elsewhere (XFDF, a member's shared file, a carried copy). Synchronous:
     * call inside the caller's transaction. A row with the same id is brought up to date; returns
     * how many were new and how many updated.
     */
    putMany(items: readonly StoredAnnotation[]): { imported: number; updated: number } {
      let imported = 0;
      let updated = 0;
      for (const item of items) {
        const geometry = geometryError(item.kind, item.geometry);
        checkTarget(item.documentId, item.pageIndex);
        const existing = byId.get(item.id) as AnnotationRow | undefined;
        if (existing && (existing.document_id !== item.documentId || existing.kind !== item.kind || !mayReplace(existing, item))) {
          throw new CoreError('CONFLICT', {
            vi: 'Tệp có ghi chú trùng mã với một ghi chú khác trên máy này.',
            en: 'The file has an annotation whose id belongs to another annotation here.',
          });
        }
        if (existing) {
          overwrite.run(params({ ...item, geometry }));
          updated += 1;
        } else {
          insert.run(params({ ...item, geometry }));
          imported += 1;
        }
      }
      return { imported, updated };
    },
    changed,
  };
}

export type AnnotationStore = ReturnType<typeof createAnnotationStore>;
