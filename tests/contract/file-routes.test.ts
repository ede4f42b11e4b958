import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptBytes } from '../../electron/core/files/blob-cipher.ts';
import { blobPathOf } from '../../electron/core/files/blob-file.ts';
import { writeExport } from '../../electron/core/files/exports.ts';
import { stagedFile } from '../../electron/core/files/staging.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { FIXTURE_PDFS } from '../support/pdf-fixtures.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

/** The browser host's file hand-over: uploads into staging, downloads of exports and stored blobs. */
describe('browser host file routes', () => {
  let host: WebHost;
  beforeEach(async () => {
    const staticDir = tempDir();
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    host = await startWebHost({ staticDir, dataDir: tempDir() });
  });
  afterEach(async () => {
    await host.close();
  });

  const upload = (body: string, headers: Record<string, string>) =>
    fetch(`${host.origin}/files/upload`, { method: 'POST', body, headers: { origin: host.origin, ...headers } });

  it('stages an upload under a fresh id, keeping the Vietnamese file name', async () => {
    const res = await upload('xin chào', { 'x-nghisu-token': host.token, 'x-file-name': encodeURIComponent('Báo cáo tuần.pdf') });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; result: { uploadId: string; fileName: string; bytes: number } };
    expect(body.result).toMatchObject({ fileName: 'Báo cáo tuần.pdf', bytes: Buffer.byteLength('xin chào') });
    const file = stagedFile(host.core.paths, { uploadId: body.result.uploadId, fileName: body.result.fileName });
    expect(readFileSync(file, 'utf8')).toBe('xin chào');
  });

  it('refuses uploads without the token, from another origin, or without a name', async () => {
    expect((await upload('x', { 'x-file-name': 'a.pdf' })).status).toBe(401);
    expect((await upload('x', { 'x-nghisu-token': 'wrong', 'x-file-name': 'a.pdf' })).status).toBe(401);
    const foreign = await fetch(`${host.origin}/files/upload`, {
      method: 'POST',
      body: 'x',
      headers: { origin: 'http://evil.example', 'x-nghisu-token': host.token, 'x-file-name': 'a.pdf' },
    });
    expect(foreign.status).toBe(403);
    const nameless = await upload('x', { 'x-nghisu-token': host.token });
    expect(nameless.status).toBe(400);
    expect(existsSync(host.core.paths.staging) ? readdirSync(host.core.paths.staging) : []).toEqual([]);
  });

  it('serves an export as an attachment with its UTF-8 name, only with the token', async () => {
    const made = await writeExport(host.core.paths, 'Giấy mời họp.ics', 'text/calendar', 'BEGIN:VCALENDAR');
    const url = `${host.origin}/files/export/${made.exportId}/${encodeURIComponent(made.fileName)}`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(`${url}?token=${host.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Giấy mời họp.ics')}`);
    expect(await res.text()).toBe('BEGIN:VCALENDAR');
  });

  it('answers 404 for unknown exports, malformed hashes and path tricks', async () => {
    for (const path of [
      '/files/export/0190d3f5-0000-7000-8000-000000000000/x.pdf',
      '/files/blob/not-a-hash/x.pdf',
      '/files/blob/..%2F..%2Fnghisu.db/x',
      '/files/export/..%2F..%2Fnghisu.db/x',
    ]) {
      expect((await fetch(`${host.origin}${path}?token=${host.token}`)).status, path).toBe(404);
    }
  });

  /** Put bytes into the store as an import would (encrypted file, blob row, document row); answers their SHA-256. */
  async function store(bytes: Buffer, classification = 'normal'): Promise<string> {
    const sha = createHash('sha256').update(bytes).digest('hex');
    const file = blobPathOf(host.core.paths, sha);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await encryptBytes(host.core.blobAccess()!.key, bytes));
    const db = new Database(host.core.databaseFile);
    try {
      const now = new Date().toISOString();
      db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)').run(sha, bytes.length, now);
      db.prepare(
        `INSERT INTO documents (id, blob_sha256, file_name, kind, mime, classification, created_at, updated_at)
         VALUES (?, ?, 'x', 'attachment', 'application/octet-stream', ?, ?, ?)`,
      ).run(crypto.randomUUID(), sha, classification, now, now);
    } finally {
      db.close();
    }
    return sha;
  }

  /** The open URL for stored bytes under `name`. */
  async function stored(bytes: Buffer, name: string, query = ''): Promise<string> {
    return `${host.origin}/files/blob/${await store(bytes)}/${encodeURIComponent(name)}?token=${host.token}&inline=1${query}`;
  }

  const releases = () => {
    const db = new Database(host.core.databaseFile, { readonly: true });
    try {
      return db
        .prepare("SELECT json_extract(detail, '$.channel') AS channel, json_extract(detail, '$.reason') AS reason FROM audit_log WHERE action = 'classified.release'")
        .all();
    } finally {
      db.close();
    }
  };

  it('a Mật document is neither saved nor opened without a reason; the reader still gets it; a release is recorded once it goes', async () => {
    const pdf = readFileSync(join(FIXTURE_PDFS, 'rotated.pdf'));
    const sha = await store(pdf, 'confidential');
    const base = `${host.origin}/files/blob/${sha}/${encodeURIComponent('Báo cáo mật.pdf')}?token=${host.token}`;
    for (const query of ['', '&inline=1', '&inline=1&check=1', '&check=1']) {
      const refused = await fetch(base + query);
      expect(refused.status, query).toBe(403);
      expect(((await refused.json()) as { error: { code: string; details: { channel: string } } }).error).toMatchObject({
        code: 'CLASSIFIED',
        details: { channel: query.includes('inline') ? 'file.open' : 'file.save' },
      });
    }
    const read = await fetch(`${base}&read=1`);
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).equals(pdf)).toBe(true);
    expect(releases()).toEqual([]);

    const why = `&release=${encodeURIComponent('Gửi Thường trực Tỉnh ủy')}`;
    // Asking with the reason answers yes but records nothing: nothing has gone yet.
    expect(await (await fetch(`${base}&inline=1&check=1${why}`)).json()).toMatchObject({ ok: true, result: { status: 'opened' } });
    expect(await (await fetch(`${base}&check=1${why}`)).json()).toEqual({ ok: true, result: null });
    expect(releases()).toEqual([]);
    const opened = await fetch(`${base}&inline=1${why}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/pdf');
    const saved = await fetch(`${base}${why}`);
    expect(saved.status).toBe(200);
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(releases()).toEqual([
      { channel: 'file.open', reason: 'Gửi Thường trực Tỉnh ủy' },
      { channel: 'file.save', reason: 'Gửi Thường trực Tỉnh ủy' },
    ]);
    const blank = await fetch(`${base}&release=${encodeURIComponent('   ')}`);
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
  });

  it('hands over a stored document in its plain bytes, which are encrypted on the disk, and nothing while the app is locked', async () => {
    const pdf = readFileSync(join(FIXTURE_PDFS, 'rotated.pdf'));
    const sha = await store(pdf);
    expect(readFileSync(blobPathOf(host.core.paths, sha)).includes(pdf.subarray(0, 200))).toBe(false);
    const base = `${host.origin}/files/blob/${sha}/${encodeURIComponent('Tờ trình.pdf')}?token=${host.token}`;
    for (const query of ['&read=1', '', '&inline=1']) {
      const res = await fetch(base + query);
      expect(res.status, query).toBe(200);
      expect(res.headers.get('content-length')).toBe(String(pdf.length));
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf), query).toBe(true);
    }
    await host.core.call('profile.create', { fullName: 'Trần Thị Thư', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
    await host.core.call('security.setPassphrase', { passphrase: 'Họp giao ban tuần 49/2026' });
    await host.core.call('security.lock', {});
    for (const query of ['&read=1', '', '&inline=1']) {
      const res = await fetch(base + query);
      expect(res.status, query).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('LOCKED');
    }
    await host.core.call('security.unlock', { passphrase: 'Họp giao ban tuần 49/2026' });
    expect((await fetch(`${base}&read=1`)).status).toBe(200);
  });

  it('bytes in the store that no document claims are not handed over', async () => {
    const bytes = readFileSync(join(FIXTURE_PDFS, 'rotated.pdf'));
    const sha = createHash('sha256').update(bytes).digest('hex');
    const file = blobPathOf(host.core.paths, sha);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    expect((await fetch(`${host.origin}/files/blob/${sha}/x.pdf?token=${host.token}&inline=1`)).status).toBe(404);
    expect((await fetch(`${host.origin}/files/blob/${sha}/x.pdf?token=${host.token}`)).status).toBe(404);
  });

  it('opens in a tab by the open rules: the type from the bytes, nosniff, programs refused', async () => {
    const pdf = await fetch(await stored(readFileSync(join(FIXTURE_PDFS, 'rotated.pdf')), 'Tờ trình.exe.pdf'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline;/);

    // HTML renamed to .pdf is served as the text it is, under a .txt name, never as a page.
    const html = await fetch(await stored(Buffer.from('<html><body>Xin chào</body></html>'), 'Báo cáo.pdf'));
    expect(html.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(html.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Báo cáo.txt')}`);

    const exe = await fetch(await stored(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]), 'Giấy mời.pdf'));
    expect(exe.status).toBe(403);
    expect(((await exe.json()) as { error: { code: string } }).error.code).toBe('FILE_INVALID');
    const rlo = await fetch(await stored(readFileSync(join(FIXTURE_PDFS, 'rotated.pdf')), 'Báo cáo\u202Efdp.exe'));
    expect(rlo.status).toBe(403);
  });

  it('asks before a file that is not a plain document, then only as a download', async () => {
    const unknown = Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x10]);
    const check = await fetch(await stored(unknown, 'Dữ liệu.pdf', '&check=1'));
    expect(await check.json()).toMatchObject({ ok: true, result: { status: 'needs-confirmation', fileName: 'Dữ liệu.bin' } });
    expect((await fetch(await stored(unknown, 'Dữ liệu.pdf'))).status).toBe(409);
    const agreed = await fetch(await stored(unknown, 'Dữ liệu.pdf', '&confirmed=1'));
    expect(agreed.status).toBe(200);
    expect(agreed.headers.get('content-type')).toBe('application/octet-stream');
    expect(agreed.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(agreed.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
