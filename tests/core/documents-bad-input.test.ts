import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { inspectStore } from '../support/document-store.ts';
import { FIXTURE_PDFS, OFFICIAL_NOTICE, writeCorruptPdf, writeOfficialPdf, writeTextPdf, writeTruncatedPdf } from '../support/pdf-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/** Import one bad file and check the error is clear, names the file, and nothing was stored. */
async function expectRefused(make: (file: string) => Promise<void> | void, name: string, code: ErrorCode, words: RegExp) {
  const dir = tempDir();
  core = await createCore({ dataDir: dir, logToFile: false });
  const file = join(tempDir(), name);
  await make(file);
  const { results } = await core.call('documents.importFiles', { paths: [file] });
  const r = results[0]!;
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message.vi).toContain(name);
  expect(r.error.message.en).toContain(name);
  expect(`${r.error.message.vi} ${r.error.message.en}`).toMatch(words);
  const store = inspectStore(dir);
  expect(store.documents).toEqual([]);
  expect(store.blobs).toEqual([]);
  expect(store.blobRows).toEqual([]);
  expect(store.temps).toEqual([]);
  expect(store.pages).toBe(0);
}

describe('bad files are refused one by one, with a clear error, storing nothing', () => {
  it('a corrupt PDF (garbled cross-reference table and objects)', async () => {
    const good = join(tempDir(), 'goc.pdf');
    await writeOfficialPdf(good, OFFICIAL_NOTICE);
    await expectRefused((f) => writeCorruptPdf(f, readFileSync(good)), 'hong.pdf', 'PDF_INVALID', /bị hỏng|damaged/);
  });

  it('a PDF cut short', async () => {
    await expectRefused((f) => writeTruncatedPdf(f, join(FIXTURE_PDFS, 'tracemonkey_freetext.pdf'), 0.4), 'tai-do-dang.pdf', 'PDF_INVALID', /bị hỏng|damaged/);
  });

  it('a password-protected PDF', async () => {
    await expectRefused((f) => writeTextPdf(f, ['Tài liệu Mật'], { userPassword: 'bimat' }), 'co-mat-khau.pdf', 'PDF_ENCRYPTED', /mật khẩu.*password/s);
  });

  it('a zero-byte file', async () => {
    await expectRefused((f) => writeFileSync(f, ''), 'rong.pdf', 'FILE_INVALID', /rỗng.*empty/s);
  });

  it('a text file named .pdf', async () => {
    await expectRefused((f) => writeFileSync(f, 'Kính gửi: Ban Chỉ đạo\nĐây là văn bản thường.\n'), 'van-ban.pdf', 'PDF_INVALID', /không phải là PDF.*not a PDF/s);
  });

  it('a path that is a folder or does not exist', async () => {
    core = await createCore({ dataDir: tempDir(), logToFile: false });
    const folder = tempDir();
    const { results } = await core.call('documents.importFiles', { paths: [folder, join(folder, 'khong-co.pdf')] });
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['FILE_INVALID', 'NOT_FOUND']);
  });

  it('in a batch, the bad files in the middle fail and the rest are imported', async () => {
    const dir = tempDir();
    core = await createCore({ dataDir: dir, logToFile: false });
    const folder = tempDir();
    const good = (i: number) => join(folder, `tot-${i}.pdf`);
    await writeTextPdf(good(1), ['Nghị quyết số 1']);
    await writeOfficialPdf(good(2), OFFICIAL_NOTICE);
    await writeTextPdf(good(3), ['Kế hoạch số 3', 'trang hai']);
    const corrupt = join(folder, 'hong.pdf');
    writeCorruptPdf(corrupt, readFileSync(good(2)));
    const locked = join(folder, 'khoa.pdf');
    await writeTextPdf(locked, ['Mật'], { userPassword: 'x' });
    const empty = join(folder, 'rong.pdf');
    writeFileSync(empty, '');
    const text = join(folder, 'chu.pdf');
    writeFileSync(text, 'không phải PDF');
    const { results } = await core.call('documents.importFiles', { paths: [good(1), corrupt, locked, good(2), empty, text, good(3)] });
    expect(results.map((r) => [r.fileName, r.ok ? 'ok' : r.error.code])).toEqual([
      ['tot-1.pdf', 'ok'],
      ['hong.pdf', 'PDF_INVALID'],
      ['khoa.pdf', 'PDF_ENCRYPTED'],
      ['tot-2.pdf', 'ok'],
      ['rong.pdf', 'FILE_INVALID'],
      ['chu.pdf', 'PDF_INVALID'],
      ['tot-3.pdf', 'ok'],
    ]);
    const store = inspectStore(dir);
    expect(store.documents).toHaveLength(3);
    expect(store.blobs).toHaveLength(3);
    expect(store.blobRows).toEqual(store.blobs);
    expect(store.temps).toEqual([]);
    expect(store.pages).toBe(5);
    expect(store.metaIndex).toBe(3);
    expect(store.wrongHash).toEqual([]);
  });
});
