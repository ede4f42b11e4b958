import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { createLogger } from '../../electron/core/logger.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('logs keep file names out (they are user data)', () => {
  it('a failed import logs the failure without the file name or its folder', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir });
    // A file that went away between the choice and the import fails below the validation (ENOENT).
    const folder = join(tempDir(), 'Kế hoạch nhân sự mật');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, 'Danh sách cán bộ diện quy hoạch.pdf');
    const { results } = await core.call('documents.importFiles', { paths: [path] });
    expect(results[0]).toMatchObject({ ok: false });
    await core.close();
    const log = readFileSync(join(dir, 'logs', 'core.log'), 'utf8');
    expect(log).toContain('core started');
    expect(log).not.toContain('Danh sách cán bộ');
    expect(log).not.toContain('Kế hoạch nhân sự');
  });

  it('the logger itself censors file names and the paths inside errors', async () => {
    const dir = tempDir();
    const { log, close } = createLogger({ dir, name: 'test' });
    const err = Object.assign(new Error("ENOENT: no such file or directory, open '/home/a/Tờ trình mật.pdf'"), {
      code: 'ENOENT',
      path: '/home/a/Tờ trình mật.pdf',
    });
    log.warn({ err, fileName: 'Báo cáo mật.pdf', files: { fileName: 'Kết luận.docx' } }, 'failed');
    await close();
    const text = readFileSync(join(dir, 'test.log'), 'utf8');
    expect(text).toContain('ENOENT');
    for (const secret of ['Tờ trình mật', 'Báo cáo mật', 'Kết luận']) expect(text).not.toContain(secret);
  });
});
