import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppFileHandler, mimeTypeOf, resolveAppFile } from '../../electron/main/app-files.ts';

let root: string;
let secretDir: string;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'nghisu-app-files-'));
  root = join(base, 'renderer');
  secretDir = base;
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Nghị Sự</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'pdf.worker.mjs'), '');
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
});

afterAll(() => rmSync(secretDir, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('maps the app origin to files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://nghisu/index.html')).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppFile(root, 'app://nghisu/')).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppFile(root, 'app://nghisu/assets/app.js?v=1#x')).toEqual({ ok: true, file: join(root, 'assets', 'app.js') });
    expect(resolveAppFile(root, 'app://nghisu/t%C3%A0i%20li%E1%BB%87u.pdf')).toEqual({ ok: true, file: join(root, 'tài liệu.pdf') });
  });

  it.each([
    'app://nghisu/%2e%2e/secret.txt',
    'app://nghisu/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://nghisu/..%2fsecret.txt',
    'app://nghisu/..%5csecret.txt',
    'app://nghisu/%2e%2e',
  ])('refuses to climb out of the folder: %s', (url) => {
    const result = resolveAppFile(root, url);
    // Either refused outright or still inside the folder (where secret.txt does not exist).
    if (result.ok) expect(result.file.startsWith(join(root, ''))).toBe(true);
    else expect(result.status).toBe(403);
  });

  it('refuses other hosts, other schemes, bad encodings and NUL bytes', () => {
    expect(resolveAppFile(root, 'app://evil/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveAppFile(root, 'file:///etc/passwd')).toEqual({ ok: false, status: 404 });
    expect(resolveAppFile(root, 'app://nghisu/%E0%A4%A')).toEqual({ ok: false, status: 400 });
    expect(resolveAppFile(root, 'app://nghisu/index.html%00.png')).toEqual({ ok: false, status: 400 });
    expect(resolveAppFile(root, 'not a url')).toEqual({ ok: false, status: 400 });
  });
});

describe('mimeTypeOf', () => {
  it('knows what a Vite + pdf.js build ships', () => {
    expect(mimeTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a/pdf.worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a/f.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a/x.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('a/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('createAppFileHandler', () => {
  it('serves files with their type, the CSP and nosniff', async () => {
    const handle = createAppFileHandler(root);
    const res = await handle(new Request('app://nghisu/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files and directories, 403 for traversal, 405 for writes', async () => {
    const handle = createAppFileHandler(root);
    expect((await handle(new Request('app://nghisu/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://nghisu/assets/'))).status).toBe(404);
    // %2e%2e is already folded by URL parsing; an encoded slash survives it and must be caught here.
    expect((await handle(new Request('app://nghisu/..%2fsecret.txt'))).status).toBe(403);
    expect((await handle(new Request('app://nghisu/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const refused = await handle(new Request('app://nghisu/missing.js'));
    expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is strict about the policy the brief asks for', () => {
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
      "connect-src 'self'",
    ]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});
