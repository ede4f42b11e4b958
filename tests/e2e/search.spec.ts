import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { OFFICIAL_NOTICE, writeOfficialPdf, writeTextPdf } from '../support/pdf-fixtures.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, mainNav, screenshot, test } from './fixtures.ts';

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const METADATA_TAG = 'Khớp tiêu đề/trích yếu';

/** Its own host on an empty data folder, so what is found is exactly what these tests imported. */
let host: WebHost;
let dataDir: string;
let files: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'nghisu-e2e-search-'));
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-search-files-'));
  host = await startWebHost({ dataDir, staticDir });
  await host.core.call('profile.create', E2E_PROFILE);
});

test.afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

async function importLibrary(): Promise<void> {
  const paths = {
    plan: join(files, 'ke-hoach-duong-sat.pdf'),
    notice: join(files, 'thong-bao-125.pdf'),
    resolution: join(files, 'nghi-quyet-12.pdf'),
    report: join(files, 'bao-cao-tien-do.pdf'),
  };
  await writeOfficialPdf(paths.plan, {
    agency: ['UBND TỈNH LÀO CAI'],
    number: '45/KH-UBND',
    placeDate: 'Lào Cai, ngày 12 tháng 02 năm 2026',
    typeTitle: 'KẾ HOẠCH',
    summary: 'Triển khai dự án Đường sắt Lào Cai - Hà Nội - Hải Phòng',
    bodies: [
      'Căn cứ Nghị quyết số 10-NQ/TU của Tỉnh ủy về phát triển kết cấu hạ tầng giao thông.',
      'Ủy ban nhân dân tỉnh giao các sở, ngành phối hợp với chủ đầu tư bàn giao mặt bằng đúng tiến độ.',
    ],
  });
  await writeOfficialPdf(paths.notice, {
    ...OFFICIAL_NOTICE,
    bodies: [
      'Ngày 03 tháng 01 năm 2026, Ban Chỉ đạo đã họp để đánh giá tiến độ các dự án trọng điểm của tỉnh.',
      'Giao Sở Xây dựng phối hợp với Ban Quản lý dự án Đường sắt hoàn thành hồ sơ giải phóng mặt bằng.',
    ],
  });
  await writeOfficialPdf(paths.resolution, {
    agency: ['TỈNH ỦY LÀO CAI', 'BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ'],
    number: '12/NQ-BCĐ',
    placeDate: 'Lào Cai, ngày 20 tháng 01 năm 2026',
    typeTitle: 'NGHỊ QUYẾT',
    summary: 'Về nhiệm vụ trọng tâm năm 2026',
    bodies: ['Căn cứ Quy chế làm việc, Ban Chỉ đạo quyết nghị các nhiệm vụ trọng tâm về chuyển đổi số.'],
  });
  await writeTextPdf(paths.report, [
    'Báo cáo tiến độ tháng 01 năm 2026 của các sở, ngành.',
    'Các công trình giao thông nông thôn đã hoàn thành 80% khối lượng.',
    'Tuyến đường sắt khổ tiêu chuẩn đang hoàn thiện báo cáo nghiên cứu khả thi.',
  ]);
  const { results } = await host.core.call('documents.importFiles', { paths: Object.values(paths) });
  expect(results.every((r) => r.ok)).toBe(true);
}

async function openSearch(page: Page): Promise<Locator> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Tìm kiếm', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tìm kiếm' })).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' });
  // The cursor is in the box at once: typing searches.
  await expect(box).toBeFocused();
  return box;
}

function results(page: Page): Locator {
  return page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByRole('article');
}

/** Every metadata hit comes before every body-only hit. */
async function expectMetadataHitsFirst(page: Page): Promise<void> {
  const tagged = await results(page).evaluateAll((articles, tag) => articles.map((a) => a.textContent?.includes(tag) ?? false), METADATA_TAG);
  expect(tagged.length).toBeGreaterThan(1);
  expect(tagged).toContain(true);
  expect(tagged).toContain(false);
  expect(tagged.indexOf(false)).toBeGreaterThan(tagged.lastIndexOf(true));
}

test.describe.configure({ mode: 'serial' });

test('with nothing imported the search says so, with tips for typing without diacritics', async ({ page }) => {
  await openSearch(page);
  await expect(page.getByText('Chưa có dữ liệu để tìm kiếm.')).toBeVisible();
  await expect(page.getByText('Gõ không dấu vẫn tìm được: nghi quyet → Nghị quyết.')).toBeVisible();
  await screenshot(page, 'search-empty-library');
  await importLibrary();
});

test('"duong sat" finds "Đường sắt": metadata hits first, then pages with highlighted snippets', async ({ page }) => {
  const box = await openSearch(page);
  await expect(page.getByText('Chưa có dữ liệu để tìm kiếm.')).toBeHidden();
  await expect(page.getByText('Gõ không dấu vẫn tìm được: nghi quyet → Nghị quyết.')).toBeVisible();
  await screenshot(page, 'search-tips');

  await box.fill('duong sat');
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/search\?q=duong(\+|%20)sat$/);
  await expect(page.getByText('Tìm thấy 3 tài liệu có “duong sat”.')).toBeVisible();
  await expect(results(page)).toHaveCount(3);
  await expectMetadataHitsFirst(page);

  const plan = results(page).filter({ hasText: '45/KH-UBND' });
  await expect(plan).toContainText(METADATA_TAG);
  await expect(plan).toContainText('45/KH-UBND — Triển khai dự án Đường sắt Lào Cai - Hà Nội - Hải Phòng');

  const notice = results(page).filter({ hasText: '125/TB-BCĐ' });
  await expect(notice).not.toContainText(METADATA_TAG);
  const noticePage = notice.getByRole('listitem').filter({ hasText: 'Trang 2' });
  await expect(noticePage.locator('mark')).toHaveText(['Đường sắt']);
  await expect(noticePage).toContainText('Ban Quản lý dự án Đường sắt hoàn thành hồ sơ');

  const report = results(page).filter({ hasText: 'bao-cao-tien-do.pdf' });
  await expect(report.getByRole('listitem')).toHaveCount(1);
  await expect(report.getByRole('listitem')).toContainText('Trang 3');
  await expect(report.locator('mark')).toHaveText(['đường sắt']);
  await screenshot(page, 'search-duong-sat');
});

test('"nghi quyet" and "BAN CHI DAO" find the words with their diacritics, highlighted', async ({ page }) => {
  const box = await openSearch(page);
  await box.fill('nghi quyet');
  await box.press('Enter');
  await expect(page.getByText(/^Tìm thấy \d+ tài liệu có “nghi quyet”\.$/)).toBeVisible();
  // The resolution itself matches by its type; the plan mentions a Nghị quyết in its body.
  const resolution = results(page).filter({ hasText: '12/NQ-BCĐ' });
  await expect(resolution).toContainText(METADATA_TAG);
  const plan = results(page).filter({ hasText: '45/KH-UBND' });
  await expect(plan.getByRole('listitem').filter({ hasText: 'Trang 1' }).locator('mark')).toHaveText(['Nghị quyết']);
  await expectMetadataHitsFirst(page);
  await screenshot(page, 'search-nghi-quyet');

  await box.fill('BAN CHI DAO');
  await box.press('Enter');
  await expect(page).toHaveURL(/q=BAN(\+|%20)CHI(\+|%20)DAO$/);
  await expect(page.getByText(/^Tìm thấy \d+ tài liệu có “BAN CHI DAO”\.$/)).toBeVisible();
  const marks = await results(page).locator('mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) expect(mark.toLocaleLowerCase('vi')).toBe('ban chỉ đạo');
  // Capitals in the header and mixed case in the body are found alike.
  await expect(results(page).filter({ hasText: '12/NQ-BCĐ' }).locator('mark').filter({ hasText: /^Ban Chỉ đạo$/ })).toBeVisible();
  await expect(results(page).filter({ hasText: '125/TB-BCĐ' }).locator('mark').filter({ hasText: /^BAN CHỈ ĐẠO$/ })).toBeVisible();
  await screenshot(page, 'search-ban-chi-dao');

  // Back returns to the previous search, box and results alike.
  await page.goBack();
  await expect(page).toHaveURL(/q=nghi(\+|%20)quyet$/);
  await expect(box).toHaveValue('nghi quyet');
  await expect(page.getByText(/^Tìm thấy \d+ tài liệu có “nghi quyet”\.$/)).toBeVisible();
});

test('nothing found is said plainly; a result opens the document', async ({ page }) => {
  const box = await openSearch(page);
  await box.fill('cao tốc Nội Bài');
  await box.press('Enter');
  await expect(page.getByText('Không tìm thấy tài liệu nào có “cao tốc Nội Bài”.')).toBeVisible();
  await screenshot(page, 'search-no-results');

  await box.fill('duong sat');
  await box.press('Enter');
  await results(page).filter({ hasText: '45/KH-UBND' }).getByRole('link', { name: /45\/KH-UBND/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kế hoạch số 45/KH-UBND' })).toBeVisible();
});

test('Ctrl+K and "/" open the search from anywhere with the cursor in the box', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('heading', { level: 1, name: 'Tìm kiếm' })).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' });
  await expect(box).toBeFocused();

  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.type('ban chi dao');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Tìm thấy \d+ tài liệu có “ban chi dao”\.$/)).toBeVisible();
});
