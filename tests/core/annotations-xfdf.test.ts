import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation, GeometryOf } from '../../shared/contract/index.ts';
import type { Core } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { stageUpload } from '../../electron/core/files/staging.ts';
import { annotatedDocument, documentWithProfile } from '../support/annotated-document.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function exported() {
  const a = await annotatedDocument();
  cores.push(a.core);
  const file = join(tempDir(), 'ghi-chu.xfdf');
  const r = await a.core.call('annotations.exportFile', { documentId: a.document.id, format: 'xfdf', file });
  expect(r).toMatchObject({ format: 'xfdf', annotations: 9 });
  return { ...a, xfdf: file };
}

/** A fresh data folder with the same PDF imported (its document id differs). */
async function freshFolder(pdfFile?: string) {
  const dir = tempDir();
  const base = await documentWithProfile(dir, pdfFile);
  cores.push(base.core);
  return base;
}

function rows(dir: string, table: 'annotations' | 'annotation_imports'): number {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** What XFDF carries of an annotation; ink pressure is not part of XFDF and comes back as 0.5. */
function carried(a: Annotation) {
  const geometry =
    a.kind === 'ink' ? { strokes: (a.geometry as GeometryOf<'ink'>).strokes.map((s) => s.map(([x, y]) => [x, y, 0.5])) } : a.geometry;
  return { id: a.id, kind: a.kind, pageIndex: a.pageIndex, geometry, color: a.color, thickness: a.thickness, opacity: a.opacity, contents: a.contents, quotedText: a.quotedText, fontSize: a.fontSize, authorName: a.authorName };
}

function expectSame(actual: ReturnType<typeof carried>, expected: ReturnType<typeof carried>): void {
  const flat = (g: unknown): number[] => JSON.stringify(g).match(/-?[\d.]+(e-?\d+)?/g)!.map(Number);
  const a = flat(actual.geometry);
  const e = flat(expected.geometry);
  expect(a.length, `${expected.kind} geometry size`).toBe(e.length);
  a.forEach((v, i) => expect(Math.abs(v - e[i]!), `${expected.kind} geometry[${i}]`).toBeLessThanOrEqual(0.01));
  expect({ ...actual, geometry: null }).toEqual({ ...expected, geometry: null });
}

describe('XFDF', () => {
  it('exports this user’s annotations as ISO 19444-1 XFDF naming the PDF by file name and /ID', async () => {
    const { xfdf, annotations } = await exported();
    const text = readFileSync(xfdf, 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xfdf xmlns="http://ns.adobe.com/xfdf/"')).toBe(true);
    expect(text).toContain('xml:space="preserve"');
    expect(text).toContain('<f href="Báo cáo tiến độ.pdf"/>');
    expect(text).toMatch(/<ids original="[0-9A-F]{32}" modified="[0-9A-F]{32}"\/>/);
    for (const element of ['highlight', 'underline', 'strikeout', 'ink', 'text', 'freetext', 'square', 'circle', 'line']) {
      expect(text, element).toMatch(new RegExp(`<${element} page="\\d"`));
    }
    const highlight = annotations.find((a) => a.kind === 'highlight')!;
    expect(text).toContain(`name="${highlight.id}" title="Trần Văn Bình"`);
    expect(text).toContain('coords="72,740,300,740,72,722,300,722,72,720,200,720,72,702,200,702"');
    expect(text).toContain('<contents>Cần số liệu cụ thể</contents><ns:quoted>Ban Chỉ đạo đánh giá tiến độ</ns:quoted>');
    expect(text).toContain('<inklist><gesture>100,500;150,540;200,500;250,540</gesture><gesture>100,470;260,470</gesture></inklist>');
    expect(text).toMatch(/<line [^>]*start="300,260" end="120,200" head="OpenArrow" tail="None"/);
    expect(text).toMatch(/date="D:\d{14}\+07'00'" creationdate="D:\d{14}\+07'00'"/);
  });

  it('round-trips through a fresh data folder: identical annotations on the same PDF', async () => {
    const { xfdf, annotations, pdfFile } = await exported();
    const fresh = await freshFolder(pdfFile);
    // No --document: the file's <f href> names the PDF.
    const r = await fresh.core.call('annotations.importFile', { file: xfdf });
    expect(r).toEqual({ documentId: fresh.document.id, imported: 9, updated: 0, authorName: 'Trần Văn Bình', skipped: [] });
    const list = await fresh.core.call('annotations.list', { documentId: fresh.document.id });
    expect(list.annotations).toHaveLength(9);
    const byId = new Map(list.annotations.map((a) => [a.id, a]));
    for (const original of annotations) {
      const back = byId.get(original.id);
      expect(back, original.kind).toBeDefined();
      expectSame(carried(back!), carried(original));
      expect(back).toMatchObject({ documentId: fresh.document.id, origin: 'xfdf', editable: true, shared: false, placement: 'placed' });
    }
    expect(rows(fresh.dir, 'annotation_imports')).toBe(1);
  });

  it('updates on re-import instead of duplicating, and records each import and its audit row', async () => {
    const { xfdf, pdfFile } = await exported();
    const fresh = await freshFolder(pdfFile);
    await fresh.core.call('annotations.importFile', { file: xfdf, documentId: fresh.document.id });
    const again = await fresh.core.call('annotations.importFile', { file: xfdf, documentId: fresh.document.id });
    expect(again).toMatchObject({ imported: 0, updated: 9 });
    expect(rows(fresh.dir, 'annotations')).toBe(9);
    expect(rows(fresh.dir, 'annotation_imports')).toBe(2);
    const db = new Database(join(fresh.dir, DATABASE_FILE), { readonly: true });
    const audits = db.prepare("SELECT detail FROM audit_log WHERE action = 'annotations.importXfdf'").pluck().all() as string[];
    db.close();
    expect(audits.map((d) => JSON.parse(d) as { imported: number; updated: number })).toMatchObject([
      { imported: 9, updated: 0 },
      { imported: 0, updated: 9 },
    ]);
  });

  it('imports an upload from the UI onto the open document and tells the UI', async () => {
    const { xfdf, pdfFile } = await exported();
    const fresh = await freshFolder(pdfFile);
    const events: unknown[] = [];
    fresh.core.subscribe((e) => events.push(e));
    const { uploadId } = await stageUpload({ staging: join(fresh.dir, 'staging') } as never, Readable.from(readFileSync(xfdf)), 1e9);
    const r = await fresh.core.call('annotations.importXfdf', { upload: { uploadId, fileName: 'ghi-chu.xfdf' }, documentId: fresh.document.id });
    expect(r.imported).toBe(9);
    expect(events).toContainEqual({ event: 'data.changed', payload: { area: 'annotations', id: fresh.document.id } });
  });

  it('reads what Acrobat writes, skipping and counting the kinds the app does not make', async () => {
    const base = await freshFolder();
    const file = join(tempDir(), 'acrobat.xfdf');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8" ?>
<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve">
<annots>
<highlight color="#ffff00" creationdate="D:20260105093000+07'00'" flags="print" date="D:20260105093512+07'00'" name="5b7c1c1a-3b8e-4c1e-9d57-2d1c2b1a0e11" page="0" coords="72,740,300,740,72,722,300,722" rect="72,722,300,740" subject="Highlight" title="Nguyễn Văn An" opacity="0.4"><contents-richtext><body xmlns="http://www.w3.org/1999/xhtml"><p>Xem lại</p></body></contents-richtext><contents>Xem lại số liệu &amp; nguồn vốn&#10;dòng hai</contents><popup flags="print,nozoom,norotate" open="no" page="0" rect="595,640,775,760"/></highlight>
<freetext creationdate="D:20260105093000+07'00'" flags="print" date="D:20260105093000+07'00'" name="ft-1" page="1" rect="100,100,300,150" subject="Text Box" title="Nguyễn Văn An" width="0" defaultappearance="0 0 1 rg /Helv 14 Tf"><contents>Ý kiến</contents></freetext>
<line color="#FF0000" date="D:20260105093000+07'00'" flags="print" name="ln-1" page="0" rect="90,90,210,210" title="Nguyễn Văn An" start="200,200" end="100,100" head="OpenArrow" width="2"/>
<stamp page="0" rect="10,10,50,50" name="st-1" icon="Approved"/>
<stamp page="0" rect="60,10,90,50" name="st-2" icon="Draft"/>
<caret page="0" rect="10,10,20,20" name="ca-1"/>
</annots>
<f href="C:\\Tai lieu\\Báo cáo tiến độ.pdf"/>
</xfdf>`,
    );
    const r = await base.core.call('annotations.importFile', { file });
    expect(r).toMatchObject({ documentId: base.document.id, imported: 3, updated: 0, authorName: 'Nguyễn Văn An' });
    expect(r.skipped).toEqual([
      { element: 'stamp', count: 2 },
      { element: 'caret', count: 1 },
    ]);
    const list = (await base.core.call('annotations.list', { documentId: base.document.id })).annotations;
    const h = list.find((a) => a.kind === 'highlight')!;
    expect(h).toMatchObject({ id: '5b7c1c1a-3b8e-4c1e-9d57-2d1c2b1a0e11', color: '#FFFF00', opacity: 0.4, contents: 'Xem lại số liệu & nguồn vốn\ndòng hai', authorName: 'Nguyễn Văn An', authorId: null });
    expect(h.createdAt).toBe('2026-01-05T02:30:00.000Z');
    const ft = list.find((a) => a.kind === 'freetext')!;
    expect(ft).toMatchObject({ pageIndex: 1, color: '#0000FF', fontSize: 14, thickness: 0.25, contents: 'Ý kiến' });
    const arrow = list.find((a) => a.kind === 'arrow')!;
    // Acrobat's head is the start of the line: that is where the arrow points.
    expect(arrow.geometry).toEqual({ from: [100, 100], to: [200, 200] });
    // Names that are not UUIDs get a stable id, so importing the file again updates them.
    const again = await base.core.call('annotations.importFile', { file, documentId: base.document.id });
    expect(again).toMatchObject({ imported: 0, updated: 3 });
  });

  describe('refuses a bad file with a clear message and stores nothing', () => {
    const valid = (annots: string, head = '') =>
      `<?xml version="1.0" encoding="UTF-8"?>${head}<xfdf xmlns="http://ns.adobe.com/xfdf/"><f href="Báo cáo tiến độ.pdf"/><annots>${annots}</annots></xfdf>`;
    const square = (attrs: string) => `<square page="0" rect="10,10,50,50" color="#FF0000" name="sq" ${attrs}/>`;
    const cases: [string, string | Buffer, string][] = [
      ['malformed XML', '<xfdf><annots><highlight page="0"></xfdf>', 'XML hỏng'],
      ['truncated XML', valid(square('')).slice(0, 90), 'XML hỏng'],
      ['not XFDF', '<?xml version="1.0"?><svg></svg>', '<xfdf>'],
      ['an external entity (XXE)', valid(`<text page="0" rect="1,1,2,2" color="#FF0000"><contents>&xxe;</contents></text>`, '<!DOCTYPE xfdf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), 'DOCTYPE'],
      [
        'an entity bomb',
        valid('<text page="0" rect="1,1,2,2" color="#FF0000"><contents>&lol3;</contents></text>', '<!DOCTYPE xfdf [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'),
        'DOCTYPE',
      ],
      ['a page the document does not have', valid(square('') + '<square page="7" rect="10,10,50,50" color="#FF0000" name="b"/>'), 'trang 8'],
      ['NaN coordinates', valid(`<highlight page="0" rect="0,0,1,1" color="#FF0000" coords="NaN,1,2,3,4,5,6,7"/>`), 'coords'],
      ['an infinite width', valid(square('width="Infinity"')), 'width'],
      ['absurd coordinates', valid(`<square page="0" rect="0,0,1e9,50" color="#FF0000"/>`), 'ngoài giới hạn'],
      ['a colour that is not #RRGGBB', valid(square('').replace('#FF0000', 'yellow')), 'màu'],
      ['a negative page', valid(square('').replace('page="0"', 'page="-1"')), 'số trang'],
      ['an empty ink gesture', valid('<ink page="0" rect="1,1,2,2" color="#FF0000"><inklist><gesture>1,2;3</gesture></inklist></ink>'), 'gesture'],
      ['a huge file', Buffer.concat([Buffer.from(valid('')), Buffer.alloc(21 * 1024 * 1024, 0x20)]), 'quá lớn'],
    ];
    for (const [name, content, message] of cases) {
      it(name, async () => {
        const base = await freshFolder();
        const file = join(tempDir(), 'xau.xfdf');
        writeFileSync(file, content);
        const err = await base.core.call('annotations.importFile', { file, documentId: base.document.id }).then(
          () => null,
          (e: { code: string; payload: { message: { vi: string; en: string } } }) => e,
        );
        expect(err?.code, name).toBe('FILE_INVALID');
        expect(err!.payload.message.vi).toContain(message);
        expect(err!.payload.message.en).toMatch(/^Invalid XFDF file: /);
        expect(rows(base.dir, 'annotations')).toBe(0);
        expect(rows(base.dir, 'annotation_imports')).toBe(0);
      });
    }
  });

  it('asks which document when the file does not say, or names one that is not here', async () => {
    const base = await freshFolder();
    const noName = join(tempDir(), 'khong-ten.xfdf');
    writeFileSync(noName, '<?xml version="1.0"?><xfdf xmlns="http://ns.adobe.com/xfdf/"><annots/></xfdf>');
    await expect(base.core.call('annotations.importFile', { file: noName })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      payload: { message: { en: expect.stringContaining('--document') } },
    });
    const other = join(tempDir(), 'khac.xfdf');
    writeFileSync(other, '<?xml version="1.0"?><xfdf xmlns="http://ns.adobe.com/xfdf/"><f href="Khác.pdf"/><annots/></xfdf>');
    await expect(base.core.call('annotations.importFile', { file: other })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(rows(base.dir, 'annotation_imports')).toBe(0);
  });
});
