import { annotationKindLabels, type Annotation, type DocumentSummary } from '../../../../../shared/contract/index.ts';

/**
 * What a "my notes" export says, whatever its format: a title naming the document as officials
 * cite it (số/ký hiệu and trích yếu), who wrote the notes and when they were exported, and each
 * note in page order.
 */
export interface NotesOutline {
  title: string;
  documentLine: string;
  authorLine: string;
  exportedLine: string;
  entries: NoteEntry[];
}

export interface NoteEntry {
  /** "Trang 2". */
  page: string;
  /** "Tô sáng". */
  kind: string;
  /** The words a markup marks, when it marks text. */
  quoted: string | null;
  contents: string | null;
  /** "14:30 ngày 05/01/2026". */
  time: string;
  /** Carried from an older version but not yet placed on this one. */
  unplaced: boolean;
}

/** Vietnam keeps UTC+7 all year, so local time is a fixed offset from the stored instant. */
export function vietnamTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ngày ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function documentName(doc: DocumentSummary): string {
  const reference = doc.number ? `Số ${doc.number}${doc.notation ? `/${doc.notation}` : ''}` : null;
  const parts = [reference, doc.summary].filter((p): p is string => !!p);
  return parts.length ? parts.join(' — ') : doc.fileName;
}

export function notesOutline(doc: DocumentSummary, annotations: readonly Annotation[], author: string, now: Date): NotesOutline {
  const ordered = [...annotations].sort((a, b) => a.pageIndex - b.pageIndex || a.createdAt.localeCompare(b.createdAt));
  return {
    title: 'GHI CHÚ CỦA TÔI',
    documentLine: `Tài liệu: ${documentName(doc).normalize('NFC')}`,
    authorLine: `Người ghi: ${author.normalize('NFC')}`,
    exportedLine: `Xuất lúc ${vietnamTime(now.toISOString())} — ${ordered.length} ghi chú`,
    entries: ordered.map((a) => ({
      page: `Trang ${a.pageIndex + 1}`,
      kind: annotationKindLabels[a.kind].vi,
      quoted: a.quotedText?.normalize('NFC') ?? null,
      contents: a.contents?.normalize('NFC') ?? null,
      time: vietnamTime(a.updatedAt),
      unplaced: a.placement === 'unplaced',
    })),
  };
}

export const UNPLACED_NOTE = '(chưa đặt được vào bản mới của tài liệu)';
