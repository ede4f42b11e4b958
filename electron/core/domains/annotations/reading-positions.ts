import type { AnnotationsInput, ReaderPosition, ReaderRotation, ReaderZoom } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { documentNotFound } from '../documents/document-rows.ts';

interface PositionRow {
  document_id: string;
  page_index: number;
  offset: number;
  zoom: string;
  rotation: number;
  updated_at: string;
}

function zoomOf(text: string): ReaderZoom {
  if (text === 'page-width' || text === 'page-fit') return text;
  const n = Number(text);
  return Number.isInteger(n) && n >= 10 && n <= 800 ? n : 'page-width';
}

/**
 * Where the reader last was in each document. Not audited: it is where the eyes were, not a change
 * anyone needs to trace.
 */
export function createReadingPositions(ctx: ServiceContext) {
  const select = ctx.db.prepare('SELECT * FROM reading_positions WHERE document_id = ?');
  const documentExists = ctx.db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
  const upsert = ctx.db.prepare(
    `INSERT INTO reading_positions (document_id, page_index, offset, zoom, rotation, updated_at)
     VALUES (@documentId, @pageIndex, @offset, @zoom, @rotation, @updatedAt)
     ON CONFLICT (document_id) DO UPDATE SET page_index = excluded.page_index, offset = excluded.offset,
       zoom = excluded.zoom, rotation = excluded.rotation, updated_at = excluded.updated_at`,
  );

  function toPosition(row: PositionRow): ReaderPosition {
    return {
      documentId: row.document_id,
      pageIndex: row.page_index,
      offset: row.offset,
      zoom: zoomOf(row.zoom),
      rotation: ([0, 90, 180, 270].includes(row.rotation) ? row.rotation : 0) as ReaderRotation,
      updatedAt: row.updated_at,
    };
  }

  return {
    get({ documentId }: AnnotationsInput<'reader.getPosition'>): ReaderPosition | null {
      if (!documentExists.get(documentId)) throw documentNotFound();
      const row = select.get(documentId) as PositionRow | undefined;
      return row ? toPosition(row) : null;
    },
    save(input: AnnotationsInput<'reader.savePosition'>): ReaderPosition {
      if (!documentExists.get(input.documentId)) throw documentNotFound();
      upsert.run({ ...input, zoom: String(input.zoom), updatedAt: ctx.now().toISOString() });
      return toPosition(select.get(input.documentId) as PositionRow);
    },
  };
}
