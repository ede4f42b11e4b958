import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Core } from '../../electron/core/index.ts';
import { exportFile } from '../../electron/core/files/exports.ts';
import { annotatedDocument, type AnnotatedDocument } from '../support/annotated-document.ts';
import { wordText, zipEntry } from '../support/docx-text.ts';

/** pdf.js 6 no longer declares isEvalSupported, but the project's rule is to pass it everywhere. */
const PDFJS_OPTIONS = { isEvalSupported: false };

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function setup(): Promise<AnnotatedDocument> {
  const a = await annotatedDocument();
  core = a.core;
  return a;
}

function exportedPath(a: AnnotatedDocument, exportId: string): string {
  return exportFile({ exports: join(a.dir, 'exports') } as never, exportId)!.file;
}

describe('"my notes" export', () => {
  it('writes a Word document in Vietnamese: the document, the author, then each note in page order', async () => {
    const a = await setup();
    const r = await a.core.call('annotations.exportNotes', { documentId: a.document.id, format: 'docx' });
    expect(r).toMatchObject({ fileName: 'Ghi chú - Báo cáo tiến độ.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const file = exportedPath(a, r.exportId);
    const body = await zipEntry(file, 'word/document.xml');
    const lines = wordText(body);
    expect(lines[0]).toBe('GHI CHÚ CỦA TÔI');
    expect(lines).toContain('Tài liệu: Báo cáo tiến độ.pdf');
    expect(lines).toContain('Người ghi: Trần Văn Bình');
    expect(lines.find((l) => l.startsWith('Xuất lúc '))).toMatch(/^Xuất lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} — 9 ghi chú$/);
    // Each note: page and kind, the words it marks in quotation marks, the note itself, the time.
    const highlight = lines.indexOf('Trang 1 — Tô sáng');
    expect(highlight).toBeGreaterThan(0);
    expect(lines.slice(highlight + 1, highlight + 4)).toEqual(['“Ban Chỉ đạo đánh giá tiến độ”', 'Cần số liệu cụ thể', expect.stringMatching(/^\d{2}:\d{2} ngày/)]);
    expect(lines).toContain('Trang 2 — Hộp chữ');
    expect(lines).toContain('Đề nghị bổ sung ý kiến của Phó Trưởng ban');
    const order = lines.filter((l) => l.startsWith('Trang ')).map((l) => Number(l.split(' ')[1]));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(order).toHaveLength(9);
    // NĐ30 habits: Times New Roman, A4, margins 20/15/30/20 mm.
    expect(await zipEntry(file, 'word/styles.xml')).toContain('Times New Roman');
    expect(body).toMatch(/<w:pgSz w:w="1190[0-9]" w:h="1683[0-9]"/);
    expect(body).toMatch(/<w:pgMar w:top="113[0-9]" w:right="85[0-9]" w:bottom="113[0-9]" w:left="170[0-9]"/);
  });

  it('writes the same notes as a PDF whose text is real, searchable Vietnamese', async () => {
    const a = await setup();
    const r = await a.core.call('annotations.exportNotes', { documentId: a.document.id, format: 'pdf' });
    expect(r.fileName).toBe('Ghi chú - Báo cáo tiến độ.pdf');
    const task = getDocument({ data: new Uint8Array(readFileSync(exportedPath(a, r.exportId))), ...PDFJS_OPTIONS });
    const pdf = await task.promise;
    let text = '';
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    }
    await task.destroy();
    for (const expected of [
      'GHI CHÚ CỦA TÔI',
      'Người ghi: Trần Văn Bình',
      'Trang 1 — Tô sáng',
      '“Ban Chỉ đạo đánh giá tiến độ”',
      'Cần số liệu cụ thể',
      'Trang 2 — Hộp chữ',
      'Hỏi Sở Tài chính về nguồn vốn đối ứng',
      'Trang 3 — Mũi tên',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
