import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, ImportFileResult } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { stageUpload } from '../../electron/core/files/staging.ts';
import { blobStoreFiles, inspectStore, readStoredBlob, storedBlobPath } from '../support/document-store.ts';
import { insertMeeting } from '../support/meeting-rows.ts';
import { FIXTURE_PDFS, OFFICIAL_NOTICE, writeOfficialPdf, writeTextPdf } from '../support/pdf-fixtures.ts';
import { Database, sha256 } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function open(dir = tempDir()): Promise<{ core: Core; dir: string }> {
  core = await createCore({ dataDir: dir, logToFile: false });
  return { core, dir };
}

function ok(result: ImportFileResult) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result;
}

describe('document import', () => {
  it('stores an official PDF once, by hash, with its metadata recognised, its pages and its text', async () => {
    const { core, dir } = await open();
    const file = join(tempDir(), 'Thông báo 125.pdf');
    await writeOfficialPdf(file, OFFICIAL_NOTICE);
    const { results } = await core.call('documents.importFiles', { paths: [file] });
    const r = ok(results[0]!);
    expect(r.duplicate).toBe(false);
    expect(r.document).toMatchObject({
      fileName: 'Thông báo 125.pdf',
      kind: 'pdf',
      mime: 'application/pdf',
      sha256: sha256(file),
      size: readFileSync(file).length,
      pageCount: 2,
      number: '125',
      notation: 'TB-BCĐ',
      issueDate: '2026-01-05',
      issuer: 'BAN CHỈ ĐẠO CÁC CÔNG TRÌNH',
      summary: OFFICIAL_NOTICE.summary,
      typeCode: 'TB',
      typeLabel: 'Thông báo',
      classification: 'normal',
      urgency: 'normal',
      textStatus: 'indexed',
    });
    // At rest the file is encrypted (ADR 0014): its plain bytes hash to its name, its disk bytes do not.
    expect(sha256(storedBlobPath(dir, r.document.sha256))).not.toBe(r.document.sha256);
    expect(createHash('sha256').update(readStoredBlob(dir, r.document.sha256)).digest('hex')).toBe(r.document.sha256);

    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const pages = db.prepare('SELECT page_no, text FROM document_pages WHERE document_id = ? ORDER BY page_no').all(r.document.id) as { page_no: number; text: string }[];
    const audit = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'documents.import' AND entity_id = ?").pluck().get(r.document.id);
    db.close();
    expect(pages.map((p) => p.page_no)).toEqual([1, 2]);
    expect(pages[0]!.text).toContain('Số: 125/TB-BCĐ');
    expect(pages[0]!.text).toContain('Ban Chỉ đạo đã họp');
    expect(pages[1]!.text).toContain('Giao Sở Xây dựng chủ trì');
    expect(pages[0]!.text).toBe(pages[0]!.text.normalize('NFC'));
    expect(audit).toBe(1);

    const detail = await core.call('documents.get', { id: r.document.id });
    expect(detail.versions).toEqual([expect.objectContaining({ id: r.document.id, current: true })]);
    expect(detail.uses).toEqual([]);
  });

  it('keeps one copy however often the same bytes are imported, under any name', async () => {
    const { core, dir } = await open();
    const file = join(tempDir(), 'a.pdf');
    await writeTextPdf(file, ['Nghị quyết về đường sắt']);
    const copy = join(tempDir(), 'ban-sao.pdf');
    copyFileSync(file, copy);
    const first = ok((await core.call('documents.importFiles', { paths: [file] })).results[0]!);
    const again = await core.call('documents.importFiles', { paths: [copy, file] });
    for (const r of again.results) expect(ok(r)).toMatchObject({ duplicate: true, document: { id: first.document.id, fileName: 'a.pdf' } });
    const store = inspectStore(dir);
    expect(store.documents).toHaveLength(1);
    expect(store.blobs).toEqual([first.document.sha256]);
    expect(store.blobRows).toEqual([first.document.sha256]);
    expect(store.pages).toBe(1);
  });

  it('imports the real-world fixture PDFs with their page counts and text', async () => {
    const { core } = await open();
    const names = ['tracemonkey_freetext.pdf', 'rotated.pdf', 'outlines_se.pdf', 'xfa_issue14315.pdf'];
    const { results } = await core.call('documents.importFiles', { paths: names.map((n) => join(FIXTURE_PDFS, n)) });
    const docs = results.map(ok).map((r) => r.document);
    expect(docs.map((d) => [d.fileName, d.pageCount, d.textStatus])).toEqual([
      ['tracemonkey_freetext.pdf', 14, 'indexed'],
      ['rotated.pdf', 1, 'indexed'],
      ['outlines_se.pdf', 2, 'indexed'],
      ['xfa_issue14315.pdf', 1, 'indexed'],
    ]);
    const trace = await core.call('documents.search', { query: 'trace-based just-in-time' });
    expect(trace.hits[0]?.document.fileName).toBe('tracemonkey_freetext.pdf');
    expect(trace.hits[0]?.pages[0]?.pageNo).toBe(1);
    const rotated = await core.call('documents.search', { query: 'rotated text' });
    expect(rotated.hits.map((h) => h.document.fileName)).toEqual(['rotated.pdf']);
    const world = await core.call('documents.search', { query: 'world' });
    expect(world.hits[0]?.pages.map((p) => p.pageNo)).toEqual([2]);
  });

  it('stores Word, Excel and images as attachments (no text), and refuses files whose content lies about their type', async () => {
    const { core, dir } = await open();
    const folder = tempDir();
    const docx = join(folder, 'Báo cáo.docx');
    writeFileSync(docx, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml nội dung')]));
    const png = join(folder, 'so-do.png');
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]));
    const fakeXlsx = join(folder, 'bang.xlsx');
    writeFileSync(fakeXlsx, 'đây là văn bản, không phải bảng tính');
    const exe = join(folder, 'chuong-trinh.exe');
    writeFileSync(exe, 'MZ....');
    const { results } = await core.call('documents.importFiles', { paths: [docx, png, fakeXlsx, exe] });
    expect(ok(results[0]!).document).toMatchObject({
      kind: 'attachment',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pageCount: null,
      textStatus: 'none',
      fileName: 'Báo cáo.docx',
    });
    expect(ok(results[1]!).document).toMatchObject({ kind: 'attachment', mime: 'image/png' });
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'FILE_INVALID' } });
    expect(!results[2]!.ok && results[2]!.error.message.vi).toContain('bang.xlsx');
    expect(results[3]).toMatchObject({ ok: false, error: { code: 'FILE_INVALID' } });
    expect(inspectStore(dir).blobs).toHaveLength(2);
    // Attachments are found by their name.
    const found = await core.call('documents.search', { query: 'bao cao' });
    expect(found.hits.map((h) => [h.document.fileName, h.metadataHit])).toEqual([['Báo cáo.docx', true]]);
  });

  it('imports staged uploads into a meeting agenda item, reports progress per file and releases the uploads', async () => {
    const { core, dir } = await open();
    const rows = insertMeeting(dir);
    const folder = tempDir();
    const refs = [];
    for (const [i, text] of ['Tờ trình về Đường sắt', 'Báo cáo của Ban Chỉ đạo'].entries()) {
      const file = join(folder, `f${i}.pdf`);
      await writeTextPdf(file, [text]);
      const staged = await stageUpload(core.paths, createReadStream(file), 10_000_000);
      refs.push({ uploadId: staged.uploadId, fileName: `Tài liệu ${i + 1}.pdf` });
    }
    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));
    const batchId = '01890a5d-ac96-774b-bcce-b302099a8057';
    const result = await core.call('documents.import', { files: refs, meetingId: rows.meetingId, agendaItemId: rows.agendaItemIds[1]!, batchId });
    expect(result.batchId).toBe(batchId);
    expect(result.results.map((r) => ok(r).document.fileName)).toEqual(['Tài liệu 1.pdf', 'Tài liệu 2.pdf']);
    for (const ref of refs) expect(existsSync(join(core.paths.staging, ref.uploadId))).toBe(false);

    const progress = events.filter((e) => e.event === 'documents.importProgress').map((e) => e.payload as { state: string; done: number; total: number; batchId: string });
    expect(progress.filter((p) => p.state === 'started')).toHaveLength(2);
    expect(progress.filter((p) => p.state === 'imported').map((p) => p.done).sort()).toEqual([1, 2]);
    expect(progress.every((p) => p.total === 2 && p.batchId === batchId)).toBe(true);

    const attached = await core.call('documents.listForMeeting', { meetingId: rows.meetingId });
    expect(attached.map((a) => [a.agendaItemId, a.position])).toEqual([
      [rows.agendaItemIds[1], 1],
      [rows.agendaItemIds[1], 2],
    ]);
    // Importing the same files into the meeting again attaches nothing twice.
    const again = await core.call('documents.importFiles', {
      paths: [join(folder, 'f0.pdf')],
      meetingId: rows.meetingId,
      agendaItemId: rows.agendaItemIds[1]!,
    });
    expect(ok(again.results[0]!).duplicate).toBe(true);
    expect(await core.call('documents.listForMeeting', { meetingId: rows.meetingId })).toHaveLength(2);
  });

  it('fails an upload that is gone on its own, and refuses a batch for an unknown meeting before touching any file', async () => {
    const { core, dir } = await open();
    const gone = await core.call('documents.import', { files: [{ uploadId: '01890a5d-ac96-774b-bcce-b302099a8057', fileName: 'mat.pdf' }] });
    expect(gone.results[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const file = join(tempDir(), 'x.pdf');
    await writeTextPdf(file, ['Nội dung']);
    await expect(core.call('documents.importFiles', { paths: [file], meetingId: '01890a5d-ac96-774b-bcce-b302099a8058' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(inspectStore(dir).documents).toHaveLength(0);
  });

  it('cancels a running batch: the rest come back CANCELLED and nothing is half-stored', async () => {
    const { core, dir } = await open();
    const folder = tempDir();
    const paths: string[] = [];
    for (let i = 0; i < 12; i++) {
      const file = join(folder, `van-ban-${i}.pdf`);
      await writeTextPdf(file, Array.from({ length: 6 }, (_, p) => `Văn bản ${i}, trang ${p + 1}: Ban Chỉ đạo kết luận về đường sắt.`));
      paths.push(file);
    }
    const batchId = '01890a5d-ac96-774b-bcce-b302099a8059';
    core.subscribe((e) => {
      if (e.event === 'documents.importProgress' && e.payload.state === 'imported') void core.call('documents.cancelImport', { batchId });
    });
    const { results } = await core.call('documents.importFiles', { paths, batchId });
    const imported = results.filter((r) => r.ok);
    const cancelled = results.filter((r) => !r.ok);
    expect(imported.length).toBeGreaterThanOrEqual(1);
    expect(cancelled.length).toBeGreaterThan(0);
    for (const r of cancelled) expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const store = inspectStore(dir);
    expect(store.documents).toHaveLength(imported.length);
    expect(store.blobs).toHaveLength(imported.length);
    expect(store.temps).toEqual([]);
    expect(store.pages).toBe(store.expectedPages);
    expect(await core.call('documents.cancelImport', { batchId })).toEqual({ cancelled: false });
    // The cancelled files import normally afterwards.
    const retry = await core.call('documents.importFiles', { paths });
    expect(retry.results.every((r) => r.ok)).toBe(true);
    expect(blobStoreFiles(dir).blobs).toHaveLength(12);
  });
});
