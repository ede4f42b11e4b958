import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { v4 as uuidv4 } from 'uuid';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createCore } from '../../electron/core/index.ts';
import { dataPaths } from '../../electron/core/context.ts';
import { stageUpload } from '../../electron/core/files/staging.ts';
import {
  declareSize,
  renameEntry,
  sha256,
  sha256OfZeros,
  testSigner,
  writeSignedNotes,
  writeSignedPack,
  writeManyEntriesZip,
  HOSTILE_COMMITTEE_ID,
  writeZip,
  type TestSigner,
  type ZipPart,
} from '../support/hostile-files.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { failure } from '../support/core-failure.ts';

const MEASURE = join(import.meta.dirname, '../support/call-rss.ts');
const MB = 1024 * 1024;
/** Before the limits these files took 4 to 5 GB; reading them now must not grow memory beyond this. */
const MAX_GROWTH_MB = 200;

interface Measured {
  baselineKb: number;
  peakKb: number;
  outcome: { ok: true; result: unknown } | { ok: false; code: string; details: { limit?: string } | undefined; vi: string; en: string };
}

/** One call in a child process of its own, so that its peak memory is measured alone. */
function measure(dataDir: string, method: string, input: unknown): Measured & { growthMb: number } {
  const run = spawnSync(process.execPath, [MEASURE, dataDir, method, JSON.stringify(input)], { encoding: 'utf8', timeout: 180_000 });
  expect(run.status, run.stderr).toBe(0);
  const out = JSON.parse(run.stdout) as Measured;
  return { ...out, growthMb: (out.peakKb - out.baselineKb) / 1024 };
}

/**
 * A member's data folder (closed again, for a child process to open), trusting `trusted` if given:
 * for the hostile packs' committee, or for the notes of the person the hostile notes name.
 */
async function memberFolder(trusted?: TestSigner, purpose: 'pack' | 'notes' = 'pack'): Promise<string> {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, logToFile: false });
  try {
    await core.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
    if (trusted && purpose === 'pack') {
      await core.call('keys.trust', { publicKey: trusted.publicKey, label: 'Văn phòng thử', scope: { purpose: 'pack', committeeId: HOSTILE_COMMITTEE_ID, committeeName: 'Ban Chỉ đạo thử' } });
    }
    if (trusted && purpose === 'notes') {
      const person = await core.call('people.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở' });
      await core.call('keys.trust', { publicKey: trusted.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: person.id } });
    }
  } finally {
    await core.close();
  }
  return dir;
}

function rows(dir: string): Record<string, number> {
  const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['meetings', 'documents', 'blobs', 'pack_imports', 'annotations', 'annotation_imports', 'people']) {
      out[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Everything under a folder, recursively (empty when it does not exist). */
function filesUnder(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]) : [];
}

function expectRefused(m: Measured, code: string, limit?: string): void {
  expect(m.outcome.ok, JSON.stringify(m.outcome)).toBe(false);
  if (m.outcome.ok) return;
  expect(m.outcome.code).toBe(code);
  if (limit) expect(m.outcome.details?.limit).toBe(limit);
  expect(m.outcome.vi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  expect(m.outcome.en.length).toBeGreaterThan(20);
}

describe('hostile meeting packs', () => {
  it('a zip bomb (a few hundred KB inflating to 256 MB) is refused from its declared sizes: memory flat, nothing stored, tmp/ empty', async () => {
    const signer = testSigner();
    const dir = await memberFolder(signer);
    const before = rows(dir);
    const file = join(tempDir(), 'bom.nghisu');
    const size = 256 * MB;
    await writeSignedPack(file, signer, [{ part: { name: '', zeros: size }, size, sha256: sha256OfZeros(size) }]);

    const m = measure(dir, 'packs.importFile', { file });
    expectRefused(m, 'PACK_INVALID', 'ratio');
    expect(m.growthMb).toBeLessThan(MAX_GROWTH_MB);
    expect(rows(dir)).toEqual(before);
    expect(filesUnder(join(dir, 'tmp'))).toEqual([]);
    expect(filesUnder(join(dir, 'blobs')).filter((f) => !f.startsWith('.'))).toEqual([]);
  }, 240_000);

  it('an entry that declares 1,000 bytes and inflates to 128 MB is stopped while it streams: memory flat, nothing stored, tmp/ empty', async () => {
    const signer = testSigner();
    const dir = await memberFolder(signer);
    const before = rows(dir);
    const file = join(tempDir(), 'noi-doi.nghisu');
    const sha = sha256OfZeros(128 * MB);
    await writeSignedPack(file, signer, [{ part: { name: '', zeros: 128 * MB }, size: 1000, sha256: sha }]);
    declareSize(file, `documents/${sha}`, 1000);

    const m = measure(dir, 'packs.importFile', { file });
    expectRefused(m, 'PACK_INVALID');
    expect(m.growthMb).toBeLessThan(MAX_GROWTH_MB);
    expect(rows(dir)).toEqual(before);
    expect(filesUnder(join(dir, 'tmp'))).toEqual([]);
  }, 240_000);

  it('a pack of 100,000 entries is refused from its end record, before one entry is listed', async () => {
    const dir = await memberFolder();
    const file = join(tempDir(), 'nhieu-tep.nghisu');
    writeManyEntriesZip(file, 100_000);
    const core = await createCore({ dataDir: dir, logToFile: false });
    try {
      const e = await failure(core.call('packs.importFile', { file }));
      expect(e.code).toBe('PACK_INVALID');
      expect(e.details).toMatchObject({ limit: 'entries', max: 20_000 });
      expect(e.text.vi).toContain('hơn 20.000 tệp');
    } finally {
      await core.close();
    }
  }, 60_000);

  it('refuses entry names that climb out, are absolute, use backslashes or come twice', async () => {
    const signer = testSigner();
    const dir = await memberFolder(signer);
    const before = rows(dir);
    const work = tempDir();
    const content = Buffer.from('{}');
    const odd: [string, (file: string) => Promise<void>][] = [
      ['../../evil.sh', async (f) => { await writeZip(f, [{ name: 'xx/xx/evil.sh', bytes: content }]); renameEntry(f, 'xx/xx/evil.sh', '../../evil.sh'); }],
      ['/etc/evil', async (f) => { await writeZip(f, [{ name: 'xetc/evil', bytes: content }]); renameEntry(f, 'xetc/evil', '/etc/evil'); }],
      ['documents\\evil', async (f) => { await writeZip(f, [{ name: 'documents/evil', bytes: content }]); renameEntry(f, 'documents/evil', 'documents\\evil'); }],
      ['meeting.json twice', async (f) => { await writeZip(f, [{ name: 'meeting.json', bytes: content }, { name: 'meeting.json', bytes: content }]); }],
    ];
    const core = await createCore({ dataDir: dir, logToFile: false });
    try {
      for (const [what, make] of odd) {
        const file = join(work, `${odd.findIndex(([w]) => w === what)}.nghisu`);
        await make(file);
        const e = await failure(core.call('packs.importFile', { file }));
        expect(e.code, what).toBe('PACK_INVALID');
      }
    } finally {
      await core.close();
    }
    expect(rows(dir)).toEqual(before);
    expect(existsSync(join(dir, '..', 'evil.sh'))).toBe(false);
    expect(filesUnder(join(dir, 'tmp'))).toEqual([]);
  }, 60_000);

  it("an unknown signer's pack is described from its manifest and meeting, and refused without one document byte read", async () => {
    const stranger = testSigner();
    const dir = await memberFolder();
    const before = rows(dir);
    const file = join(tempDir(), 'la.nghisu');
    // 16 MB whose hash the manifest misstates: reading them would end in "changed after it was signed".
    const bytes = randomBytes(16 * MB);
    await writeSignedPack(file, stranger, [{ part: { name: '', bytes, compress: false }, size: bytes.length, sha256: sha256(Buffer.from('khác')) }]);

    const core = await createCore({ dataDir: dir, logToFile: false });
    try {
      const preview = await core.call('packs.importFile', { file, dryRun: true });
      expect(preview.signer).toMatchObject({ trusted: false, fingerprint: stranger.fingerprint });
      expect(preview.meeting.title).toBe('Phiên họp thử');
      const e = await failure(core.call('packs.importFile', { file }));
      expect(e.code).toBe('PACK_UNTRUSTED');
    } finally {
      await core.close();
    }
    expect(rows(dir)).toEqual(before);
    expect(filesUnder(join(dir, 'tmp'))).toEqual([]);
  }, 60_000);

  it('tmp/ is emptied at start of what ended processes left, and the scratch of a live process is kept', async () => {
    const dir = await memberFolder();
    const tmp = join(dir, 'tmp');
    const dead = join(tmp, `pack-2147483646-${uuidv4()}`);
    const legacy = join(tmp, `pack-${uuidv4()}`);
    const live = join(tmp, `pack-${process.pid}-${uuidv4()}`);
    for (const folder of [dead, legacy, live]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'x'), Buffer.alloc(1024));
    }
    writeFileSync(join(tmp, 'seed'), 'leftover');
    const core = await createCore({ dataDir: dir, logToFile: false });
    await core.close();
    expect(readdirSync(tmp)).toEqual([live.slice(tmp.length + 1)]);
  });
});

describe('hostile shared-notes files', () => {
  const documentId = uuidv4();

  it('a notes bomb (128 MB of notes in a small file) is refused from its declared size: memory flat, nothing stored', async () => {
    const author = testSigner();
    const dir = await memberFolder(author, 'notes');
    const before = rows(dir);
    const file = join(tempDir(), 'bom.nsghichu');
    const size = 128 * MB;
    await writeSignedNotes(file, author, { part: { zeros: size }, size, sha256: sha256OfZeros(size), count: 1, documentId });

    const m = measure(dir, 'annotations.importFile', { file });
    expectRefused(m, 'PACK_INVALID', 'entryBytes');
    expect(m.growthMb).toBeLessThan(MAX_GROWTH_MB);
    expect(rows(dir)).toEqual(before);
  }, 240_000);

  it('notes within the file size but over a million ink points are refused whole, in bounded memory', async () => {
    const author = testSigner();
    const dir = await memberFolder(author, 'notes');
    const before = rows(dir);
    const stroke = Array.from({ length: 20_000 }, (_, i) => [100 + (i % 400), 100 + (i % 300), 0.5]);
    const notes = Array.from({ length: 51 }, () => ({
      id: uuidv4(),
      documentId,
      kind: 'ink',
      pageIndex: 0,
      geometry: { strokes: [stroke] },
      color: '#FF0000',
      createdAt: '2026-12-01T01:00:00.000Z',
      updatedAt: '2026-12-01T01:00:00.000Z',
    }));
    const bytes = Buffer.from(JSON.stringify(notes));
    expect(bytes.length).toBeLessThan(32 * MB);
    const file = join(tempDir(), 'muc.nsghichu');
    await writeSignedNotes(file, author, { part: { bytes }, size: bytes.length, sha256: sha256(bytes), count: notes.length, documentId });

    const m = measure(dir, 'annotations.importFile', { file });
    expectRefused(m, 'PACK_INVALID');
    expect(m.growthMb).toBeLessThan(2 * MAX_GROWTH_MB);
    expect(rows(dir)).toEqual(before);
  }, 240_000);

  it("an unknown author's notes are never read: refused as untrusted even though they are broken", async () => {
    const stranger = testSigner();
    const dir = await memberFolder();
    const before = rows(dir);
    const bytes = Buffer.from('không phải JSON');
    const file = join(tempDir(), 'la.nsghichu');
    await writeSignedNotes(file, stranger, { part: { bytes }, size: bytes.length, sha256: sha256(bytes), count: 1, documentId });
    const core = await createCore({ dataDir: dir, logToFile: false });
    try {
      expect((await failure(core.call('annotations.importFile', { file }))).code).toBe('PACK_UNTRUSTED');
    } finally {
      await core.close();
    }
    expect(rows(dir)).toEqual(before);
  }, 60_000);
});

describe('hostile spreadsheets', () => {
  it('a staff list with a 200 MB embedded image imports its rows in bounded memory (the image is never read)', async () => {
    const dir = await memberFolder();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị']);
    sheet.addRow([1, 'Nguyễn Văn An', 'Chánh Văn phòng', 'Văn phòng UBND tỉnh']);
    sheet.addRow([2, 'Lê Thị Cúc', 'Phó Giám đốc', 'Sở Tài chính']);
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200 * MB)]);
    const image = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    sheet.addImage(image, 'F2:H10');
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(4 * MB);
    const uploadId = uuidv4();
    mkdirSync(join(dir, 'staging'), { recursive: true });
    writeFileSync(join(dir, 'staging', uploadId), bytes);

    const m = measure(dir, 'directory.importPreview', { upload: { uploadId, fileName: 'danh-sach.xlsx' }, kind: 'people' });
    expect(m.outcome.ok, JSON.stringify(m.outcome)).toBe(true);
    const preview = (m.outcome as { result: { rows: { rowNumber: number; values: Record<string, string> }[] } }).result;
    expect(preview.rows.map((r) => [r.rowNumber, r.values['fullName']])).toEqual([
      [2, 'Nguyễn Văn An'],
      [3, 'Lê Thị Cúc'],
    ]);
    expect(m.growthMb).toBeLessThan(MAX_GROWTH_MB);
  }, 240_000);

  it('a worksheet bomb is refused with the limit it crossed, before it is inflated', async () => {
    const dir = await memberFolder();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Danh sách').addRow(['Họ và tên', 'Chức vụ', 'Đơn vị']);
    const plain = join(tempDir(), 'danh-sach.xlsx');
    await workbook.xlsx.writeFile(plain);
    // The same workbook, its sheet replaced by 200 MB that compress a thousandfold.
    const zip = await yauzl.openPromise(plain, { lazyEntries: true });
    const parts: ZipPart[] = [];
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      parts.push(entry.fileName === 'xl/worksheets/sheet1.xml' ? { name: entry.fileName, zeros: 200 * MB } : { name: entry.fileName, bytes: Buffer.concat(chunks) });
    }
    zip.close();
    const bomb = join(tempDir(), 'bom.xlsx');
    await writeZip(bomb, parts);
    const uploadId = uuidv4();
    mkdirSync(join(dir, 'staging'), { recursive: true });
    writeFileSync(join(dir, 'staging', uploadId), readFileSync(bomb));

    const core = await createCore({ dataDir: dir, logToFile: false });
    try {
      const e = await failure(core.call('directory.importPreview', { upload: { uploadId, fileName: 'bom.xlsx' }, kind: 'people' }));
      expect(e.code).toBe('FILE_INVALID');
      expect(e.details).toMatchObject({ limit: 'entryBytes' });
      expect(e.text.vi).toContain('vượt giới hạn an toàn');
    } finally {
      await core.close();
    }
    expect(rows(dir).people).toBe(0);
  }, 120_000);
});

describe('uploads', () => {
  it('are refused once the uploads waiting in staging pass their total, and the refused one leaves nothing', async () => {
    const paths = dataPaths(tempDir());
    await stageUpload(paths, Readable.from([Buffer.alloc(600)]), 1000, 1000);
    const e = await failure(stageUpload(paths, Readable.from([Buffer.alloc(600)]), 1000, 1000));
    expect(e.code).toBe('FILE_INVALID');
    expect(e.details).toMatchObject({ limit: 'stagedBytes' });
    expect(readdirSync(paths.staging)).toHaveLength(1);
  });
});
