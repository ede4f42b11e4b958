import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, test } from './fixtures.ts';

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

let host: WebHost;
let dataDir: string;
let files: string;
let documentId: string;

/** A Word file with a macro project: stored like any .docx, but not a plain document to open. */
async function macroDocx(file: string): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), '[Content_Types].xml');
  zip.addBuffer(Buffer.from('<w:document/>'), 'word/document.xml');
  zip.addBuffer(Buffer.from('VBA project'), 'word/vbaProject.bin');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(file, Buffer.concat(chunks));
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'nghisu-e2e-open-'));
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-open-files-'));
  host = await startWebHost({ dataDir, staticDir });
  await host.core.call('profile.create', E2E_PROFILE);
  await macroDocx(join(files, 'Tờ trình có macro.docx'));
  const { results } = await host.core.call('documents.importFiles', { paths: [join(files, 'Tờ trình có macro.docx')] });
  if (!results[0]?.ok) throw new Error('import failed');
  documentId = results[0].document.id;
});

test.afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

test('a document with macros opens only after the user agrees, and then only as a download', async ({ page }) => {
  await page.goto(host.url.replace(/#.*$/, '') + `#/documents/${documentId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tờ trình có macro.docx' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Mở tài liệu' }).click();
  const question = page.getByRole('dialog');
  await expect(question.locator('.ant-modal-confirm-title')).toHaveText('Mở tệp không phải tài liệu thông thường?');
  await expect(question).toContainText('"Tờ trình có macro.docm" là tài liệu Office có macro (mã lệnh).');
  // A click while antd's modal is still zooming in can be lost: click again until it is gone.
  const notOpen = question.getByRole('button', { name: 'Không mở' });
  await expect(async () => {
    if (await notOpen.isVisible()) await notOpen.click({ timeout: 2_000 });
    await expect(question).toBeHidden({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });

  await page.getByRole('button', { name: 'Mở tài liệu' }).click();
  const fetched = page.context().waitForEvent('request', (r) => r.url().includes('confirmed=1') && !r.url().includes('check=1'));
  const again = page.getByRole('dialog');
  await expect(again).not.toHaveClass(/ant-zoom-appear/);
  await again.getByRole('button', { name: 'Vẫn mở' }).click();
  // The new tab turns into a download and closes; what it was served is checked on the same address.
  const response = await fetch((await fetched).url());
  expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
});
