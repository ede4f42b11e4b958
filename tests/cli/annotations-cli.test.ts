import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotatedDocument, documentWithProfile } from '../support/annotated-document.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

/** Runs the real `nghisu` executable, as an administrator's script would. */
function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nghisu annotations', () => {
  it('exports a document’s annotations as PDF, flattened PDF and XFDF, never overwriting without --force', async () => {
    const a = await annotatedDocument();
    await a.core.close();
    const out = tempDir();
    const pdf = join(out, 'co-ghi-chu.pdf');
    const r = nghisu('--data-dir', a.dir, '--json', 'annotations', 'export', a.document.id, '--format', 'pdf', pdf);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ documentId: a.document.id, format: 'pdf', annotations: 9, file: pdf });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const again = nghisu('--data-dir', a.dir, 'annotations', 'export', a.document.id, '--format', 'pdf', pdf);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[CONFLICT]');
    expect(again.stderr).toContain('--force');
    const forced = nghisu('--data-dir', a.dir, 'annotations', 'export', a.document.id, '--format', 'pdf-flattened', pdf, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/^Đã xuất 9 ghi chú \(PDF bản in\) vào /);

    const xfdf = join(out, 'ghi-chu.xfdf');
    const x = nghisu('--data-dir', a.dir, '--lang', 'en', 'annotations', 'export', a.document.id, xfdf, '--format', 'xfdf');
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toContain('Exported 9 annotations (XFDF)');
    expect(readFileSync(xfdf, 'utf8')).toContain('<xfdf xmlns="http://ns.adobe.com/xfdf/"');
  });

  it('exports a Mật document only with --release-classified "reason", and records the reason', async () => {
    const a = await annotatedDocument();
    await a.core.call('documents.update', { id: a.document.id, classification: 'confidential' });
    await a.core.close();
    const pdf = join(tempDir(), 'mat.pdf');
    const refused = nghisu('--data-dir', a.dir, 'annotations', 'export', a.document.id, '--format', 'pdf', pdf);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[CLASSIFIED]');
    expect(refused.stderr).toContain('--release-classified');
    expect(existsSync(pdf)).toBe(false);

    const r = nghisu('--data-dir', a.dir, 'annotations', 'export', a.document.id, '--format', 'pdf', pdf, '--release-classified', 'Trình Thường trực Tỉnh ủy');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(pdf)).toBe(true);
    const db = new Database(join(a.dir, 'nghisu.db'), { readonly: true });
    const detail = db.prepare("SELECT detail FROM audit_log WHERE action = 'classified.release'").pluck().all() as string[];
    db.close();
    expect(detail.map((d) => JSON.parse(d) as unknown)).toEqual([
      expect.objectContaining({ channel: 'annotations.exportFile', classification: 'confidential', reason: 'Trình Thường trực Tỉnh ủy' }),
    ]);
  });

  it('rejects a wrong command line with exit code 2', async () => {
    const dir = tempDir();
    const id = '0190d3f5-7a1b-7000-8000-000000000001';
    expect(nghisu('--data-dir', dir, 'annotations', 'export', id, '--format', 'docx', join(dir, 'a.docx')).code).toBe(2);
    expect(nghisu('--data-dir', dir, 'annotations', 'export', id, join(dir, 'a.pdf')).code).toBe(2);
    expect(nghisu('--data-dir', dir, 'annotations', 'import').code).toBe(2);
  });

  it('imports XFDF into another data folder, finding the document by its file name, and reports bad files', async () => {
    const a = await annotatedDocument();
    const xfdf = join(tempDir(), 'ghi-chu.xfdf');
    await a.core.call('annotations.exportFile', { documentId: a.document.id, format: 'xfdf', file: xfdf });
    await a.core.close();
    const fresh = await documentWithProfile(tempDir(), a.pdfFile);
    await fresh.core.close();

    const r = nghisu('--data-dir', fresh.dir, 'annotations', 'import', xfdf);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Đã nhập ghi chú vào tài liệu ${fresh.document.id}: 9 mới, 0 cập nhật (người ghi: Trần Văn Bình).`);
    const json = nghisu('--data-dir', fresh.dir, '--json', 'annotations', 'import', xfdf, '--document', fresh.document.id);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ documentId: fresh.document.id, imported: 0, updated: 9 });

    const bad = join(tempDir(), 'hong.xfdf');
    writeFileSync(bad, '<?xml version="1.0"?><xfdf><annots><square page="0"></annots>');
    const b = nghisu('--data-dir', fresh.dir, 'annotations', 'import', bad, '--document', fresh.document.id);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('[FILE_INVALID]');
    const missing = nghisu('--data-dir', fresh.dir, 'annotations', 'import', join(tempDir(), 'khong-co.xfdf'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\[(NOT_FOUND|IO_ERROR)\]/);
  });
});
