import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobPathOf } from '../../electron/core/files/blob-file.ts';
import { writeExport } from '../../electron/core/files/exports.ts';
import { stagedFile } from '../../electron/core/files/staging.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { FIXTURE_PDFS } from '../support/pdf-fixtures.ts';
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

  /** Put bytes into the store as an import would, and give the open URL for them under `name`. */
  function stored(bytes: Buffer, name: string, query = ''): string {
    const sha = createHash('sha256').update(bytes).digest('hex');
    const file = blobPathOf(host.core.paths, sha);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return `${host.origin}/files/blob/${sha}/${encodeURIComponent(name)}?token=${host.token}&inline=1${query}`;
  }

  it('opens in a tab by the open rules: the type from the bytes, nosniff, programs refused', async () => {
    const pdf = await fetch(stored(readFileSync(join(FIXTURE_PDFS, 'rotated.pdf')), 'Tờ trình.exe.pdf'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline;/);

    // HTML renamed to .pdf is served as the text it is, under a .txt name, never as a page.
    const html = await fetch(stored(Buffer.from('<html><body>Xin chào</body></html>'), 'Báo cáo.pdf'));
    expect(html.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(html.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Báo cáo.txt')}`);

    const exe = await fetch(stored(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]), 'Giấy mời.pdf'));
    expect(exe.status).toBe(403);
    expect(((await exe.json()) as { error: { code: string } }).error.code).toBe('FILE_INVALID');
    const rlo = await fetch(stored(readFileSync(join(FIXTURE_PDFS, 'rotated.pdf')), 'Báo cáo\u202Efdp.exe'));
    expect(rlo.status).toBe(403);
  });

  it('asks before a file that is not a plain document, then only as a download', async () => {
    const unknown = Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x10]);
    const check = await fetch(stored(unknown, 'Dữ liệu.pdf', '&check=1'));
    expect(await check.json()).toMatchObject({ ok: true, result: { status: 'needs-confirmation', fileName: 'Dữ liệu.bin' } });
    expect((await fetch(stored(unknown, 'Dữ liệu.pdf'))).status).toBe(409);
    const agreed = await fetch(stored(unknown, 'Dữ liệu.pdf', '&confirmed=1'));
    expect(agreed.status).toBe(200);
    expect(agreed.headers.get('content-type')).toBe('application/octet-stream');
    expect(agreed.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(agreed.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
