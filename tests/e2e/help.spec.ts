import { expect, mainNav, openShell, screenshot, test } from './fixtures.ts';

test('F1 opens the guide at the topic of the screen in front of the user, from every area', async ({ page }) => {
  await openShell(page);
  await page.keyboard.press('F1');
  await expect(page.getByRole('heading', { level: 1, name: 'Hướng dẫn sử dụng' })).toBeVisible();
  await expect(page).toHaveURL(/\/help\?topic=meetings$/);
  const meetings = page.getByRole('region', { name: 'Chuẩn bị và tổ chức cuộc họp' });
  await expect(meetings).toHaveClass(/ns-help-topic-focus/);
  await expect(meetings).toContainText('Alt+↑/↓');
  await expect(meetings).toBeInViewport();
  await screenshot(page, 'help-meetings');

  await page.getByRole('button', { name: 'Quay lại màn hình trước' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();

  await mainNav(page).getByRole('link', { name: 'Cài đặt', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page).toHaveURL(/\/help\?topic=settings$/);
  const settings = page.getByRole('region', { name: 'Cài đặt, sao lưu và nhật ký' });
  await expect(settings).toHaveClass(/ns-help-topic-focus/);
  await expect(settings).toBeInViewport();
  await expect(settings).toContainText('Kiểm tra tính toàn vẹn');

  // The contents jump between topics; every topic is on the one page.
  await page.getByRole('navigation', { name: 'Mục lục' }).getByRole('link', { name: 'Đọc và ghi chú tài liệu' }).click();
  await expect(page.getByRole('region', { name: 'Đọc và ghi chú tài liệu' })).toBeInViewport();
  await expect(page.getByRole('region')).toHaveCount(14);
});
