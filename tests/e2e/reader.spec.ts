import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { writeCorruptPdf, writeTextPdf } from '../support/pdf-fixtures.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, mainNav, screenshot, test } from './fixtures.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { READER_DOC, writeEncryptedPdf, writeReaderPdf } from './support/reader-pdfs.ts';
import { inkedPixels, scroller, serveInstead, waitFirstPage, zoomTo } from './support/reader-page.ts';
import { seedDirectory } from './support/seed.ts';

/**
 * A member reading a meeting document in the app: the PDF reader over the browser host, with a
 * library and a meeting of its own.
 */
let lab: IsolatedHost;
let files: string;
const ids = { report: '', other: '', broken: '', picture: '', meeting: '' };
const file = (name: string) => join(files, name);

const REPORT_NAME = 'Báo cáo tiến độ công trình trọng điểm.pdf';
const OTHER_NAME = 'Kế hoạch giải phóng mặt bằng.pdf';
const BROKEN_NAME = 'Tài liệu nhận qua thư điện tử.pdf';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  lab = await isolatedHost('reader', E2E_PROFILE);
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-reader-files-'));
  await writeReaderPdf(file(REPORT_NAME));
  await writeTextPdf(file(OTHER_NAME), ['Kế hoạch giải phóng mặt bằng dự án Đường sắt Lào Cai - Hà Nội - Hải Phòng.', 'Trang hai.']);
  await writeTextPdf(file(BROKEN_NAME), ['Một tài liệu bình thường khi nhập vào kho.']);
  writeFileSync(
    file('so-do.png'),
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  );
  const core = lab.host.core;
  const dir = await seedDirectory(core);
  const { meeting } = await core.call('meetings.create', {
    committeeId: dir.committee.id,
    kindCode: 'regular',
    title: 'Họp Ban Chỉ đạo quý IV năm 2026',
    startsAt: '2026-12-14T01:00:00.000Z',
    endsAt: '2026-12-14T04:00:00.000Z',
    chairPersonId: dir.people.chair.id,
  });
  ids.meeting = meeting.id;
  const { itemId } = await core.call('agenda.add', { meetingId: meeting.id, title: 'Tiến độ dự án đường sắt', durationMinutes: 30 });
  const { itemId: second } = await core.call('agenda.add', { meetingId: meeting.id, title: 'Giải phóng mặt bằng', durationMinutes: 30 });
  const imported = await core.call('documents.importFiles', { paths: [file(REPORT_NAME)], meetingId: meeting.id, agendaItemId: itemId });
  const other = await core.call('documents.importFiles', { paths: [file(OTHER_NAME)], meetingId: meeting.id, agendaItemId: second });
  const rest = await core.call('documents.importFiles', { paths: [file(BROKEN_NAME), file('so-do.png')] });
  const id = (r: (typeof imported.results)[number] | undefined) => {
    if (!r?.ok) throw new Error(`import failed: ${JSON.stringify(r)}`);
    return r.document.id;
  };
  ids.report = id(imported.results[0]);
  ids.other = id(other.results[0]);
  ids.broken = id(rest.results[0]);
  ids.picture = id(rest.results[1]);
});

// Each test starts reading from the top (the reader remembers the last position per document).
test.beforeEach(async () => {
  for (const documentId of [ids.report, ids.other]) {
    await lab.host.core.call('reader.savePosition', { documentId, pageIndex: 0, offset: 0, zoom: 'page-width', rotation: 0 });
  }
});

test.afterAll(async () => {
  await lab.close();
  rmSync(files, { recursive: true, force: true });
});

function pageInput(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Số trang cần đến' });
}

async function openReader(page: Page, documentId: string, meetingId?: string): Promise<void> {
  const path = meetingId ? `/meetings/${meetingId}/documents/${documentId}/read` : `/documents/${documentId}/read`;
  await page.goto(`${lab.host.url}#${path}`);
}

async function pageBox(page: Page, pageNumber: number) {
  return page.locator(`.pdfViewer .page[data-page-number="${pageNumber}"]`).boundingBox();
}

/** The page whose top is closest to the top of the view. */
async function topPage(page: Page): Promise<number> {
  return page.evaluate(() => {
    const container = document.querySelector('.ns-reader-scroll')!.getBoundingClientRect();
    let best = 0;
    let bestDistance = Infinity;
    for (const div of document.querySelectorAll<HTMLElement>('.pdfViewer .page')) {
      const d = Math.abs(div.getBoundingClientRect().top - container.top);
      if (d < bestDistance) {
        bestDistance = d;
        best = Number(div.dataset['pageNumber']);
      }
    }
    return best;
  });
}

test('a PDF opens from the library: first page drawn, page labels, go to page, zoom and rotate', async ({ page }) => {
  await page.goto(lab.host.url);
  // While the app sits idle, pdf.js's worker is already fetched, so opening a document does not wait for it.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('pdf.worker'))))
    .toBe(true);
  await mainNav(page).getByRole('link', { name: 'Tài liệu', exact: true }).click();
  await page.getByRole('row').filter({ hasText: REPORT_NAME }).getByRole('link').first().click();
  await page.getByRole('button', { name: `Đọc ${REPORT_NAME} trong ứng dụng` }).click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${ids.report}/read$`));
  await waitFirstPage(page);
  expect(await inkedPixels(page, 1)).toBeGreaterThan(500);
  await expect(pageInput(page)).toHaveValue('i');
  await expect(page.getByRole('status').filter({ hasText: 'Trang i / 12' })).toBeAttached();
  await screenshot(page, 'reader-open');

  // "5" is a page label: the seventh page of the file.
  await pageInput(page).fill('5');
  await pageInput(page).press('Enter');
  await expect.poll(() => topPage(page)).toBe(7);
  await expect(pageInput(page)).toHaveValue('5');

  await zoomTo(page, '150%');
  // A4 is 595 pt wide: 150 % on a 96 dpi screen is 1190 CSS px.
  await expect.poll(async () => Math.round((await pageBox(page, 7))!.width)).toBeGreaterThan(1180);
  await zoomTo(page, 'Vừa trang');
  const viewport = (await scroller(page).boundingBox())!;
  await expect.poll(async () => (await pageBox(page, 7))!.height).toBeLessThan(viewport.height);
  await zoomTo(page, 'Vừa chiều rộng');
  await expect.poll(async () => (await pageBox(page, 7))!.width).toBeGreaterThan(viewport.width - 80);
  const before = (await pageBox(page, 7))!.width;
  await page.mouse.move(viewport.x + viewport.width / 2, viewport.y + viewport.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await pageBox(page, 7))!.width).toBeLessThan(before - 20);
  await page.keyboard.press('Control+Equal');
  await page.keyboard.press('Control+Equal');
  await expect.poll(async () => (await pageBox(page, 7))!.width).toBeGreaterThan(before - 20);

  await page.getByRole('button', { name: 'Xoay phải' }).click();
  await expect.poll(async () => {
    const box = (await pageBox(page, 7))!;
    return box.width > box.height;
  }).toBe(true);
  await expect.poll(() => inkedPixels(page, 7)).toBeGreaterThan(500);
  await screenshot(page, 'reader-rotated');
  await page.getByRole('button', { name: 'Xoay trái' }).click();
  await expect.poll(async () => {
    const box = (await pageBox(page, 7))!;
    return box.width < box.height;
  }).toBe(true);

  await page.keyboard.press('End');
  await expect(pageInput(page)).toHaveValue('10');
  await page.keyboard.press('Home');
  await expect(pageInput(page)).toHaveValue('i');
  await page.keyboard.press('PageDown');
  await expect.poll(() => scroller(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
});

test('thumbnails and the outline take the reader to their page', async ({ page }) => {
  await openReader(page, ids.report);
  await waitFirstPage(page);
  const thumbs = page.getByRole('list', { name: 'Trang' });
  await expect(thumbs.locator('canvas[data-drawn="0"]').first()).toBeAttached();
  await thumbs.getByRole('button', { name: 'Trang 8' }).click();
  await expect(pageInput(page)).toHaveValue('8');
  await expect.poll(() => topPage(page)).toBe(10);
  await screenshot(page, 'reader-thumbnails');

  await page.getByRole('tab', { name: 'Mục lục' }).click();
  await page.getByText(READER_DOC.outline[1]!).click();
  await expect.poll(() => topPage(page)).toBe(5);
  await expect(pageInput(page)).toHaveValue('3');
  await screenshot(page, 'reader-outline');
});

test('find ignores diacritics and folds đ: all hits highlighted, Enter and Shift+Enter move', async ({ page }) => {
  await openReader(page, ids.report);
  await waitFirstPage(page);
  await scroller(page).click();
  // Find starts from the page being read: read from the top.
  await page.keyboard.press('Home');
  await expect(pageInput(page)).toHaveValue('i');
  await page.keyboard.press('Control+f');
  const field = page.getByRole('textbox', { name: 'Tìm trong tài liệu' });
  await expect(field).toBeFocused();
  await field.fill('duong sat');
  const counter = page.getByRole('search').getByRole('status');
  await expect(counter).toHaveText('1/3');
  await expect.poll(() => topPage(page)).toBe(3);
  const current = page.locator('.pdfViewer .page[data-page-number="3"] .ns-find-hit-current');
  await expect(current).toHaveCount(1);
  // The highlight sits on the words themselves (the text layer's span for that line).
  const line = page.locator('.pdfViewer .page[data-page-number="3"] .textLayer span').filter({ hasText: 'Đường sắt Lào Cai' }).first();
  const hitBox = (await current.boundingBox())!;
  const lineBox = (await line.boundingBox())!;
  expect(Math.abs(hitBox.y + hitBox.height / 2 - (lineBox.y + lineBox.height / 2))).toBeLessThan(lineBox.height / 2);
  expect(hitBox.x).toBeGreaterThan(lineBox.x);
  await screenshot(page, 'reader-find');

  await field.press('Enter');
  await expect(counter).toHaveText('2/3');
  await expect(page.locator('.pdfViewer .page[data-page-number="6"] .ns-find-hit-current')).toHaveCount(1);
  await field.press('Enter');
  await expect(counter).toHaveText('3/3');
  await field.press('Shift+Enter');
  await expect(counter).toHaveText('2/3');
  await page.getByRole('button', { name: 'Kết quả tiếp (Enter)' }).click();
  await expect(counter).toHaveText('3/3');

  await field.fill('BAN CHI DAO');
  await expect(counter).toHaveText('1/1');
  await expect.poll(() => topPage(page)).toBe(1);
  await expect(page.locator('.pdfViewer .page[data-page-number="1"] .ns-find-hit')).toHaveCount(1);

  await field.fill('Đường sắt');
  await expect(counter).toHaveText('1/3');

  await field.fill('cao tốc Nội Bài');
  await expect(counter).toHaveText('Không tìm thấy');
  await screenshot(page, 'reader-find-none');
  await field.press('Escape');
  await expect(page.getByRole('search')).toHaveCount(0);
  await expect(page.locator('.ns-find-hit')).toHaveCount(0);
});

test('text can be selected and copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lab.host.origin });
  await openReader(page, ids.report);
  await waitFirstPage(page);
  const span = page.locator('.pdfViewer .page[data-page-number="1"] .textLayer span').filter({ hasText: 'Ban Chỉ đạo yêu cầu' }).first();
  await expect(span).toBeVisible();
  const box = (await span.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected.replace(/\s+/g, ' ')).toContain('Ban Chỉ đạo yêu cầu');
  await page.keyboard.press('Control+c');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.replace(/\s+/g, ' ')).toContain('Ban Chỉ đạo yêu cầu các sở');
  await screenshot(page, 'reader-selection');
});

test('an annotation already in the PDF (made in another reader) is displayed', async ({ page }) => {
  await openReader(page, ids.report);
  await waitFirstPage(page);
  await zoomTo(page, '100%');
  await page.keyboard.press('Home');
  await expect(page.locator('.pdfViewer .page[data-page-number="1"] .annotationLayer .squareAnnotation')).toBeAttached();
  // The red frame of its appearance stream is on the page canvas.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('.pdfViewer .page[data-page-number="1"] canvas')!;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let red = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! > 200 && data[i + 1]! < 80 && data[i + 2]! < 80) red++;
        return red;
      }),
    )
    .toBeGreaterThan(200);
  await screenshot(page, 'reader-existing-annotation');
});

test('reload comes back to the same page, zoom and rotation', async ({ page }) => {
  await openReader(page, ids.report);
  await waitFirstPage(page);
  await zoomTo(page, '125%');
  await page.getByRole('button', { name: 'Xoay phải' }).click();
  await pageInput(page).fill('7');
  await pageInput(page).press('Enter');
  await expect(pageInput(page)).toHaveValue('7');
  await expect
    .poll(async () => (await lab.host.core.call('reader.getPosition', { documentId: ids.report }))?.pageIndex)
    .toBe(8);
  const saved = await lab.host.core.call('reader.getPosition', { documentId: ids.report });
  expect(saved).toMatchObject({ zoom: 125, rotation: 90 });

  await page.reload();
  await waitFirstPage(page);
  await expect(pageInput(page)).toHaveValue('7');
  await expect.poll(() => topPage(page)).toBe(9);
  await expect(page.locator('.ns-reader-zoom')).toContainText('125%');
  const box = (await pageBox(page, 9))!;
  expect(box.width).toBeGreaterThan(box.height);
  await screenshot(page, 'reader-restored');
});

test('opened from an agenda item, the agenda is alongside and leads to the next document', async ({ page }) => {
  await page.goto(`${lab.host.url}#/meetings/${ids.meeting}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Họp Ban Chỉ đạo quý IV năm 2026' })).toBeVisible();
  await page.getByRole('link', { name: `Đọc ${REPORT_NAME} trong ứng dụng` }).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${ids.meeting}/documents/${ids.report}/read$`));
  await waitFirstPage(page);
  const agenda = page.getByRole('navigation', { name: 'Chương trình' });
  await expect(page.getByRole('tab', { name: 'Chương trình' })).toHaveAttribute('aria-selected', 'true');
  await expect(agenda).toContainText('1. Tiến độ dự án đường sắt');
  await expect(agenda).toContainText('2. Giải phóng mặt bằng');
  await screenshot(page, 'reader-from-meeting');

  await agenda.getByRole('link', { name: /Kế hoạch giải phóng mặt bằng/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${ids.meeting}/documents/${ids.other}/read$`));
  await waitFirstPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(OTHER_NAME);

  await page.getByRole('button', { name: 'Quay lại cuộc họp' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Họp Ban Chỉ đạo quý IV năm 2026' })).toBeVisible();
});

test('damaged, truncated, empty and password-protected PDFs end in a clear message; the app keeps working', async ({ page }) => {
  // Seven documents opened one after the other, each up to its own 15 s wait.
  test.setTimeout(90_000);
  const good = readFileSync(file(REPORT_NAME));
  writeCorruptPdf(file('hong.pdf'), good);
  await writeEncryptedPdf(file('mat-khau.pdf'));
  const fuzzed = Buffer.from(good);
  for (let i = 0; i < fuzzed.length; i += 37) fuzzed[i] = (fuzzed[i]! * 31 + i) & 0xff;
  const cases: { name: string; bytes: Buffer; text: RegExp }[] = [
    { name: 'corrupt', bytes: readFileSync(file('hong.pdf')), text: /bị hỏng hoặc không đúng định dạng/ },
    { name: 'encrypted', bytes: readFileSync(file('mat-khau.pdf')), text: /được đặt mật khẩu/ },
    { name: 'empty', bytes: Buffer.alloc(0), text: /rỗng \(0 byte\)/ },
    { name: 'garbage', bytes: Buffer.from('Đây không phải tệp PDF mà là một ghi chú.\n'.repeat(40)), text: /bị hỏng hoặc không đúng định dạng/ },
  ];
  for (const c of cases) {
    await serveInstead(page, BROKEN_NAME, c.bytes);
    await openReader(page, ids.broken);
    await expect(page.getByRole('alert').filter({ hasText: c.text })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Mở bằng chương trình khác' })).toBeVisible();
    await screenshot(page, `reader-error-${c.name}`);
    // Nothing else is affected: the rest of the app still answers.
    await mainNav(page).getByRole('link', { name: 'Tài liệu', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
  }

  // Cut short or scrambled: pdf.js may recover part of it; either the pages or a message, never a blank view.
  for (const [name, bytes] of [
    ['truncated', good.subarray(0, Math.floor(good.length * 0.4))],
    ['fuzzed', fuzzed],
  ] as const) {
    await serveInstead(page, BROKEN_NAME, bytes);
    await openReader(page, ids.broken);
    await expect(page.getByRole('alert').or(scroller(page).and(page.locator('[data-first-page-drawn="true"]')))).toBeVisible({ timeout: 15_000 });
    await screenshot(page, `reader-error-${name}`);
  }

  await page.unroute('**/files/blob/**');
  await openReader(page, ids.report);
  await waitFirstPage(page);
});

test('a document that is not a PDF offers the system program instead', async ({ page }) => {
  await openReader(page, ids.picture);
  await expect(page.getByRole('alert')).toContainText('không phải tệp PDF (image/png)');
  await expect(page.getByRole('button', { name: 'Mở bằng chương trình khác' })).toBeVisible();
  await screenshot(page, 'reader-not-pdf');
});
