import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { annotatedDocument, type AnnotatedDocument } from '../support/annotated-document.ts';
import { pageText, renderPage, countColour } from '../support/poppler.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { failure } from '../support/core-failure.ts';

let doc: AnnotatedDocument | undefined;
afterEach(async () => {
  await doc?.core.close();
  doc = undefined;
});

/** A member's annotated document, marked Tối mật, with one note shared with the meeting. */
async function secretDocument(): Promise<AnnotatedDocument> {
  doc = await annotatedDocument();
  await doc.core.call('documents.update', { id: doc.document.id, classification: 'secret' });
  const first = doc.annotations[0]!;
  await doc.core.call('annotations.update', { id: first.id, revision: first.revision, shared: true });
  return doc;
}

function releases(dir: string) {
  const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
  try {
    return (db.prepare("SELECT at, entity, entity_id, detail FROM audit_log WHERE action = 'classified.release' ORDER BY rowid").all() as {
      at: string;
      entity: string;
      entity_id: string;
      detail: string;
    }[]).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

const exportsIn = (dir: string) => (existsSync(join(dir, 'exports')) ? readdirSync(join(dir, 'exports')) : []);

describe('classified documents leave the laptop only by an explicit, audited decision (defect 8)', () => {
  it('refuses every annotations export of a Tối mật document without a release, producing nothing', async () => {
    const { core, dir, document } = await secretDocument();
    const documentId = document.id;
    const attempts: [string, () => Promise<unknown>][] = [
      ['annotated PDF', () => core.call('annotations.exportPdf', { documentId, flatten: false })],
      ['flattened PDF', () => core.call('annotations.exportPdf', { documentId, flatten: true })],
      ['XFDF', () => core.call('annotations.exportXfdf', { documentId })],
      ['my notes DOCX', () => core.call('annotations.exportNotes', { documentId, format: 'docx' })],
      ['my notes PDF', () => core.call('annotations.exportNotes', { documentId, format: 'pdf' })],
      ['shared notes', () => core.call('annotations.exportShared', { documentId })],
    ];
    for (const [what, attempt] of attempts) {
      const e = await failure(attempt());
      expect({ what, code: e.code }).toEqual({ what, code: 'CLASSIFIED' });
      expect(e.text.vi).toContain('Tối mật');
      expect(e.text.vi).toContain('lý do');
      expect(e.text.en).toContain('secret');
    }
    const file = join(tempDir(), 'ra-ngoai.pdf');
    expect((await failure(core.call('annotations.exportFile', { documentId, format: 'pdf', file }))).code).toBe('CLASSIFIED');
    expect(existsSync(file)).toBe(false);
    expect(exportsIn(dir)).toEqual([]);
    expect(releases(dir)).toEqual([]);
  });

  it('a blank reason is no decision: refused as invalid input, nothing recorded', async () => {
    const { core, dir, document } = await secretDocument();
    const e = await failure(core.call('annotations.exportPdf', { documentId: document.id, flatten: false, releaseClassified: { reason: '   ' } }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(exportsIn(dir)).toEqual([]);
    expect(releases(dir)).toEqual([]);
  });

  it('with a reason, exports and records who, what, why and when for each one', async () => {
    const { core, dir, document } = await secretDocument();
    const documentId = document.id;
    const releaseClassified = { reason: 'Gửi Văn phòng Tỉnh ủy theo Công văn 12/VP' };
    const before = Date.now();
    await core.call('annotations.exportPdf', { documentId, flatten: true, releaseClassified });
    await core.call('annotations.exportXfdf', { documentId, releaseClassified });
    await core.call('annotations.exportNotes', { documentId, format: 'docx', releaseClassified });
    await core.call('annotations.exportShared', { documentId, releaseClassified });
    const file = join(tempDir(), 'ra-ngoai.pdf');
    await core.call('annotations.exportFile', { documentId, format: 'pdf', file, releaseClassified });
    expect(existsSync(file)).toBe(true);
    expect(exportsIn(dir)).toHaveLength(4);

    const profile = (await core.call('profile.get', {}))!;
    const rows = releases(dir);
    expect(rows.map((r) => r.detail.channel)).toEqual([
      'annotations.exportPdf',
      'annotations.exportXfdf',
      'annotations.exportNotes',
      'annotations.exportShared',
      'annotations.exportFile',
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ entity: 'document', entity_id: documentId });
      expect(r.detail).toMatchObject({ classification: 'secret', reason: releaseClassified.reason, actorId: profile.id, actorName: 'Trần Văn Bình' });
      expect(Date.parse(r.at)).toBeGreaterThanOrEqual(before - 1000);
    }
  });

  it('a normal document needs no release and records none', async () => {
    doc = await annotatedDocument();
    await doc.core.call('annotations.exportPdf', { documentId: doc.document.id, flatten: false });
    await doc.core.call('annotations.exportXfdf', { documentId: doc.document.id });
    expect(releases(doc.dir)).toEqual([]);
  });

  it('draws the exporter’s name, unit and the time on every page of an exported classified PDF, annotated and flattened', async () => {
    const { core, document } = await secretDocument();
    const releaseClassified = { reason: 'In cho phiên họp Thường trực' };
    for (const format of ['pdf', 'pdf-flattened'] as const) {
      const file = join(tempDir(), `${format}.pdf`);
      await core.call('annotations.exportFile', { documentId: document.id, format, file, releaseClassified });
      const pages = (await PDFDocument.load(readFileSync(file))).getPageCount();
      expect(pages).toBe(3);
      for (let page = 1; page <= pages; page += 1) {
        const text = pageText(file, page).replace(/\s+/g, ' ');
        expect({ format, page, text }).toEqual({ format, page, text: expect.stringContaining('TỐI MẬT · Trần Văn Bình · Sở Xây dựng tỉnh Lào Cai') });
        expect(text).toMatch(/Xuất lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/);
        // The tilted, tiled lines are drawn over the page, not only the footer: red ink across it.
        const raster = renderPage(file, page, 36);
        expect(countColour(raster, [0, 0, raster.width, raster.height], [240, 200, 200], 30)).toBeGreaterThan(200);
      }
    }
  });

  it('the “my notes” PDF of a classified document carries the watermark too', async () => {
    const { core, dir, document } = await secretDocument();
    const exported = await core.call('annotations.exportNotes', { documentId: document.id, format: 'pdf', releaseClassified: { reason: 'Lưu hồ sơ họp' } });
    const file = join(dir, 'exports', exported.exportId, exported.fileName);
    const pages = (await PDFDocument.load(readFileSync(file))).getPageCount();
    for (let page = 1; page <= pages; page += 1) {
      expect(pageText(file, page).replace(/\s+/g, ' ')).toContain('TỐI MẬT · Trần Văn Bình · Sở Xây dựng tỉnh Lào Cai');
    }
  });

  it('a normal document’s export carries no watermark', async () => {
    doc = await annotatedDocument();
    const file = join(tempDir(), 'thuong.pdf');
    await doc.core.call('annotations.exportFile', { documentId: doc.document.id, format: 'pdf-flattened', file });
    for (let page = 1; page <= 3; page += 1) expect(pageText(file, page)).not.toContain('Trần Văn Bình');
  });
});

describe('a classified document’s own file is saved or opened outside the app only with a release (defect 8)', () => {
  it('refuses both without a reason, answers a check with one without recording, records each hand-over that happens', async () => {
    const { core, dir, document } = await secretDocument();
    const sha256 = document.sha256;
    for (const channel of ['open', 'save'] as const) {
      const e = await failure(core.call('documents.handOver', { sha256, channel }));
      expect(e.code).toBe('CLASSIFIED');
      expect(e.details).toMatchObject({ classification: 'secret', channel: `file.${channel}` });
      expect((await failure(core.call('documents.handOver', { sha256, channel, check: true }))).code).toBe('CLASSIFIED');
    }
    const releaseClassified = { reason: 'Chuyển bản sao cho Công an tỉnh' };
    expect(await core.call('documents.handOver', { sha256, channel: 'open', releaseClassified, check: true })).toEqual({ classification: 'secret', released: true });
    expect(releases(dir)).toEqual([]);
    await core.call('documents.handOver', { sha256, channel: 'open', releaseClassified });
    await core.call('documents.handOver', { sha256, channel: 'save', releaseClassified });
    expect(releases(dir).map((r) => [r.entity_id, r.detail.channel, r.detail.reason])).toEqual([
      [document.id, 'file.open', releaseClassified.reason],
      [document.id, 'file.save', releaseClassified.reason],
    ]);
  });

  it('the strictest of the documents sharing the bytes decides; a normal one needs nothing; unknown bytes are not found', async () => {
    doc = await annotatedDocument();
    const { core, dir, document } = doc;
    expect(await core.call('documents.handOver', { sha256: document.sha256, channel: 'save' })).toEqual({ classification: 'normal', released: false });
    expect(releases(dir)).toEqual([]);
    // The same bytes kept a second time under Mật: the Mật copy rules for both.
    const db = new Database(join(dir, 'nghisu.db'));
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO documents (id, blob_sha256, file_name, kind, mime, classification, created_at, updated_at)
       VALUES ('0190d3f5-7a1b-7000-8000-00000000d0c2', ?, 'Bản lưu mật.pdf', 'pdf', 'application/pdf', 'confidential', ?, ?)`,
    ).run(document.sha256, now, now);
    db.close();
    expect((await failure(core.call('documents.handOver', { sha256: document.sha256, channel: 'open' }))).code).toBe('CLASSIFIED');
    expect((await failure(core.call('documents.handOver', { sha256: 'a'.repeat(64), channel: 'open' }))).code).toBe('NOT_FOUND');
  });
});
