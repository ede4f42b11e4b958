import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFileResult, SearchResult } from '../../shared/contract/index.ts';
import { inspectStore } from '../support/document-store.ts';
import { OFFICIAL_NOTICE, writeOfficialPdf, writeTextPdf } from '../support/pdf-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nghisu import-pdf and search', () => {
  it('imports every good file of a mixed batch, reports each, exits 1 for the bad ones, then finds the text', async () => {
    const dir = tempDir();
    const folder = tempDir();
    const notice = join(folder, 'thong-bao.pdf');
    await writeOfficialPdf(notice, { ...OFFICIAL_NOTICE, bodies: ['Triển khai Nghị quyết về Đường sắt Lào Cai.', 'Ban Chỉ đạo giao nhiệm vụ.'] });
    const report = join(folder, 'bao-cao.pdf');
    await writeTextPdf(report, ['Báo cáo tiến độ', 'Dự án đường sắt đạt 40% khối lượng.']);
    const fake = join(folder, 'gia.pdf');
    writeFileSync(fake, 'không phải PDF');
    const empty = join(folder, 'rong.pdf');
    writeFileSync(empty, '');

    const r = nghisu('--data-dir', dir, 'import-pdf', notice, fake, report, empty);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^✓ thong-bao\.pdf — đã nhập \(Số 125\/TB-BCĐ · Thông báo · thong-bao\.pdf, 2 trang\)$/);
    expect(lines[1]).toMatch(/^✗ gia\.pdf — Tệp "gia\.pdf" không phải là PDF/);
    expect(lines[2]).toMatch(/^✓ bao-cao\.pdf — đã nhập/);
    expect(lines[3]).toMatch(/^✗ rong\.pdf — Tệp "rong\.pdf" rỗng/);
    expect(lines[4]).toBe('Đã nhập 2, đã có sẵn 0, lỗi 2 (tổng 4 tệp).');
    expect(inspectStore(dir).documents).toHaveLength(2);

    const again = nghisu('--data-dir', dir, '--json', 'import-pdf', notice);
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout) as { results: ImportFileResult[] };
    expect(json.results[0]).toMatchObject({ ok: true, duplicate: true, fileName: 'thong-bao.pdf' });
    const en = nghisu('--data-dir', dir, '--lang', 'en', 'import-pdf', notice);
    expect(en.stdout).toContain('= thong-bao.pdf — already in the library');

    const s = nghisu('--data-dir', dir, 'search', 'duong', 'sat');
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('Số 125/TB-BCĐ · Thông báo · thong-bao.pdf');
    expect(s.stdout).toMatch(/tr\. 1: .*Triển khai Nghị quyết về «Đường sắt» Lào Cai\./);
    expect(s.stdout).toContain('tr. 2: Dự án «đường sắt» đạt 40% khối lượng.');

    const sj = nghisu('--data-dir', dir, '--json', 'search', 'BAN CHI DAO', '--limit', '1');
    const result = JSON.parse(sj.stdout) as SearchResult;
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]).toMatchObject({ metadataHit: true, document: { fileName: 'thong-bao.pdf' } });

    const none = nghisu('--data-dir', dir, 'search', 'không có từ này');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Không tìm thấy tài liệu nào.');
    const bad = nghisu('--data-dir', dir, 'search', '***');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('[INVALID_INPUT]');
    expect(nghisu('--data-dir', dir, 'search', 'x', '--limit', '0').code).toBe(2);
  }, 180_000);
});
