import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { PublicKeyFile } from '../../shared/contract/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { dataPaths } from '../../electron/core/context.ts';
import { exportFile } from '../../electron/core/files/exports.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, mainNav, screenshot, test } from './fixtures.ts';
import { choose, confirmPopover, pick as pickIn } from './support/antd.ts';

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/** A host of its own on an empty data folder, so these journeys start from nothing and touch nobody else's data. */
async function isolatedHost(withProfile: boolean): Promise<{ host: WebHost; dir: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'nghisu-e2e-directory-'));
  const host = await startWebHost({ dataDir: dir, staticDir });
  if (withProfile) await host.core.call('profile.create', E2E_PROFILE);
  return {
    host,
    dir,
    close: async () => {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openDirectory(page: Page, host: WebHost, tab: string): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Danh mục', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Danh mục' })).toBeVisible();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** antd's Select on the page: open it, type to search, take the option (shared helper). */
const pick = (page: Page, combobox: string, search: string, option: string | RegExp) => pickIn(page, page, combobox, search, option);

function dialog(page: Page, name: string) {
  return page.getByRole('dialog', { name });
}

test.describe('first run', () => {
  let env: Awaited<ReturnType<typeof isolatedHost>>;
  test.beforeAll(async () => {
    env = await isolatedHost(false);
  });
  test.afterAll(async () => {
    await env.close();
  });

  test('asks who uses this computer, makes the profile and its key, then opens the app', async ({ page }) => {
    await page.goto(env.host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Chào mừng đến với Nghị Sự' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Cho biết ai đang dùng máy này' })).toBeVisible();
    await expect(page).toHaveTitle('Chào mừng đến với Nghị Sự — Nghị Sự');
    await expect(mainNav(page)).toHaveCount(0);
    await screenshot(page, 'directory-first-run');

    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await expect(page.getByText('Không được để trống.')).toHaveCount(3);
    expect(await env.host.core.call('profile.get', {})).toBeNull();

    await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Phạm Văn Dũng');
    await page.getByRole('textbox', { name: 'Chức vụ' }).fill('Giám đốc Sở Tài chính');
    await page.getByRole('textbox', { name: 'Đơn vị công tác' }).fill('Sở Tài chính tỉnh Lào Cai');
    const member = page.getByRole('radio', { name: /^Thành viên Ban Chỉ đạo/ });
    await page.locator('label').filter({ has: member }).click();
    await expect(member).toBeChecked();
    await screenshot(page, 'directory-first-run-filled');
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
    const profile = await env.host.core.call('profile.get', {});
    expect(profile).toMatchObject({ fullName: 'Phạm Văn Dũng', position: 'Giám đốc Sở Tài chính', workRole: 'member' });

    // The profile page shows the key's fingerprint and exports the public key.
    await mainNav(page).getByRole('link', { name: 'Danh mục', exact: true }).click();
    await page.getByRole('tab', { name: 'Hồ sơ của tôi', exact: true }).click();
    await expect(page.getByText(profile!.fingerprint, { exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Họ và tên' })).toHaveValue('Phạm Văn Dũng');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất khóa công khai' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('khoa-cong-khai-pham-van-dung.json');
    const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as PublicKeyFile;
    expect(exported).toMatchObject({ format: 'nghisu-public-key', publicKey: profile!.publicKey, fingerprint: profile!.fingerprint });
    await expect(page.getByText('Đã lưu tệp khoa-cong-khai-pham-van-dung.json.')).toBeVisible();
    await screenshot(page, 'directory-profile');

    // A reload goes straight to the app: the profile is stored.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Danh mục' })).toBeVisible();
  });
});

test.describe('the directory', () => {
  test.describe.configure({ mode: 'serial' });
  let env: Awaited<ReturnType<typeof isolatedHost>>;
  test.beforeAll(async () => {
    env = await isolatedHost(true);
  });
  test.afterAll(async () => {
    await env.close();
  });

  test('units: add a hierarchy with organ codes; a malformed or taken code is refused under its field', async ({ page }) => {
    await openDirectory(page, env.host, 'Cơ quan, đơn vị');
    await expect(page.getByText('Chưa có cơ quan, đơn vị nào.')).toBeVisible();
    await screenshot(page, 'directory-units-empty');

    await page.getByRole('button', { name: 'Thêm đơn vị' }).first().click();
    let form = dialog(page, 'Thêm cơ quan, đơn vị');
    await form.getByRole('textbox', { name: 'Tên cơ quan, đơn vị' }).fill('Ủy ban nhân dân tỉnh Lào Cai');
    await form.getByRole('textbox', { name: 'Tên viết tắt' }).fill('UBND tỉnh');
    const code = form.getByRole('textbox', { name: 'Mã định danh' });
    await code.fill('000-00-00-H41');
    await form.getByRole('button', { name: 'Lưu' }).click();
    const invalid = form.getByText(/^Mã định danh không đúng định dạng/);
    await expect(invalid).toBeVisible();
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, 'directory-unit-bad-code');
    expect(await env.host.core.call('organizations.list', {})).toEqual([]);

    await code.fill('000.00.00.h41');
    await expect(code).toHaveValue('000.00.00.H41');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã thêm “Ủy ban nhân dân tỉnh Lào Cai”.')).toBeVisible();
    await expect(form).toBeHidden();

    for (const [name, organCode] of [
      ['Văn phòng UBND tỉnh', '000.00.31.H41'],
      ['Sở Tài chính', '000.00.31.H41'],
    ] as const) {
      await page.getByRole('button', { name: 'Thêm đơn vị' }).first().click();
      form = dialog(page, 'Thêm cơ quan, đơn vị');
      await form.getByRole('textbox', { name: 'Tên cơ quan, đơn vị' }).fill(name);
      await form.getByRole('textbox', { name: 'Mã định danh' }).fill(organCode);
      await pick(page, 'Đơn vị cấp trên', 'uy ban', 'Ủy ban nhân dân tỉnh Lào Cai');
      await form.getByRole('button', { name: 'Lưu' }).click();
      if (name === 'Sở Tài chính') {
        // The core refuses the taken code; the reason appears under the field, naming the other unit.
        await expect(form.getByText('Mã định danh 000.00.31.H41 đã được dùng cho "Văn phòng UBND tỉnh".')).toBeVisible();
        await screenshot(page, 'directory-unit-code-taken');
        await form.getByRole('textbox', { name: 'Mã định danh' }).fill('000.00.12.H41');
        await form.getByRole('button', { name: 'Lưu' }).click();
      }
      await expect(page.getByText(`Đã thêm “${name}”.`)).toBeVisible();
      await expect(form).toBeHidden();
    }

    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: /Sở Tài chính/ })).toContainText('000.00.12.H41');
    await expect(table.getByRole('row', { name: /Văn phòng UBND tỉnh/ })).toContainText('000.00.31.H41');
    const units = await env.host.core.call('organizations.list', {});
    const province = units.find((u) => u.organCode === '000.00.00.H41')!;
    expect(units.map((u) => [u.name, u.depth, u.parentId === province.id])).toEqual([
      ['Ủy ban nhân dân tỉnh Lào Cai', 0, false],
      ['Sở Tài chính', 1, true],
      ['Văn phòng UBND tỉnh', 1, true],
    ]);

    // Search without diacritics keeps the tree around the match.
    await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('tai chinh');
    await expect(table.getByRole('row', { name: /Sở Tài chính/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Văn phòng UBND tỉnh/ })).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('');
    await screenshot(page, 'directory-units');

    // A unit with sub-units is not deleted; the reason is said in Vietnamese.
    await page.getByRole('button', { name: 'Xóa Ủy ban nhân dân tỉnh Lào Cai' }).click();
    await confirmPopover(page, 'Xóa');
    await expect(page.getByText(/Không xóa được "Ủy ban nhân dân tỉnh Lào Cai" vì còn 2 đơn vị trực thuộc/)).toBeVisible();
    expect(await env.host.core.call('organizations.list', {})).toHaveLength(3);
  });

  test('people: add, validate, find without diacritics', async ({ page }) => {
    // Three forms filled and saved one after another: more than the default budget on a loaded machine.
    test.slow();
    await openDirectory(page, env.host, 'Cán bộ');
    await expect(page.getByText('Chưa có cán bộ nào.')).toBeVisible();
    await screenshot(page, 'directory-people-empty');

    for (const person of [
      { name: 'Trần Văn Bình', position: 'Chánh Văn phòng', unit: 'Văn phòng UBND tỉnh', search: 'van phong', email: 'tvbinh@laocai.gov.vn' },
      { name: 'Lê Thị Cúc', position: 'Giám đốc Sở', unit: 'Sở Tài chính', search: 'tai chinh', email: '' },
      { name: 'Đặng Quốc Hùng', position: 'Chủ tịch UBND tỉnh', unit: 'Ủy ban nhân dân tỉnh Lào Cai', search: 'uy ban', email: '' },
    ]) {
      await page.getByRole('button', { name: 'Thêm cán bộ' }).first().click();
      const form = dialog(page, 'Thêm cán bộ');
      await form.getByRole('textbox', { name: 'Họ và tên' }).fill(person.name);
      await form.getByRole('textbox', { name: 'Chức vụ' }).fill(person.position);
      await pick(page, 'Đơn vị', person.search, person.unit);
      if (person.email) {
        const email = form.getByRole('textbox', { name: 'Thư điện tử' });
        await email.fill('tvbinh@');
        await form.getByRole('button', { name: 'Lưu' }).click();
        await expect(form.getByText('Địa chỉ thư điện tử không hợp lệ.')).toBeVisible();
        await screenshot(page, 'directory-person-bad-email');
        await email.fill(person.email);
      }
      await form.getByRole('button', { name: 'Lưu' }).click();
      await expect(page.getByText(`Đã thêm “${person.name}”.`)).toBeVisible();
      await expect(form).toBeHidden();
    }
    await expect(page.getByText('3 cán bộ')).toBeVisible();

    const search = page.getByRole('searchbox', { name: 'Tìm cán bộ' });
    await search.fill('tran van binh');
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows.filter({ hasText: 'Trần Văn Bình' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Lê Thị Cúc' })).toHaveCount(0);
    await search.fill('dang quoc');
    await expect(rows.filter({ hasText: 'Đặng Quốc Hùng' })).toHaveCount(1);
    await search.fill('');
    await expect(page.getByText('3 cán bộ')).toBeVisible();
    await screenshot(page, 'directory-people');
    expect((await env.host.core.call('people.list', { query: 'binh' })).items[0]).toMatchObject({
      fullName: 'Trần Văn Bình',
      organizationName: 'Văn phòng UBND tỉnh',
      email: 'tvbinh@laocai.gov.vn',
    });
  });

  test('committee: create it, add members with roles, one head only, save', async ({ page }) => {
    await openDirectory(page, env.host, 'Ban Chỉ đạo');
    await expect(page.getByText('Chưa có Ban Chỉ đạo nào.')).toBeVisible();
    await page.getByRole('button', { name: 'Thêm Ban Chỉ đạo' }).first().click();
    const form = dialog(page, 'Thêm Ban Chỉ đạo');
    await form.getByRole('textbox', { name: 'Tên Ban Chỉ đạo' }).fill('Ban Chỉ đạo chuyển đổi số tỉnh');
    await form.getByRole('textbox', { name: 'Tên viết tắt' }).fill('BCĐ CĐS');
    await form.getByRole('spinbutton', { name: 'Tỷ lệ có mặt tối thiểu (%)' }).fill('60');
    await choose(page, form.getByRole('combobox', { name: 'Biểu quyết thông qua khi' }), 'Quá nửa tổng số thành viên');
    await form.getByRole('checkbox', { name: 'Khi số phiếu ngang nhau, theo ý kiến của người chủ trì' }).check();
    await form.getByRole('button', { name: 'Lưu' }).click();

    // A new committee opens on its member list.
    await expect(page.getByRole('heading', { level: 2, name: 'Ban Chỉ đạo chuyển đổi số tỉnh' })).toBeVisible();
    await expect(page.getByText('Chưa có thành viên.', { exact: false })).toBeVisible();
    await expect(page.getByText('Quá nửa tổng số thành viên; ngang nhau theo người chủ trì')).toBeVisible();
    await pick(page, 'Thêm cán bộ vào Ban Chỉ đạo', 'dang quoc', 'Đặng Quốc Hùng');
    await pick(page, 'Thêm cán bộ vào Ban Chỉ đạo', 'cuc', 'Lê Thị Cúc');
    await pick(page, 'Thêm cán bộ vào Ban Chỉ đạo', 'binh', 'Trần Văn Bình');
    await pick(page, 'Thêm cơ quan thường trực', 'van phong', 'Văn phòng UBND tỉnh');

    const roleOf = (name: string) => page.getByRole('combobox', { name: `Vai trò của ${name}` });
    const chooseRole = (name: string, role: string) => choose(page, roleOf(name), new RegExp(`^${role}$`));
    await expect(roleOf('Đặng Quốc Hùng')).toBeVisible();
    await expect(page.locator('.ant-table-row', { hasText: 'Đặng Quốc Hùng' })).toContainText('Trưởng ban');
    await chooseRole('Lê Thị Cúc', 'Phó Trưởng ban');
    await chooseRole('Trần Văn Bình', 'Trưởng ban');
    await expect(page.getByText('Ban Chỉ đạo chỉ có một Trưởng ban: hãy đổi vai trò của một người.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lưu danh sách thành viên' })).toBeDisabled();
    await chooseRole('Trần Văn Bình', 'Thư ký');
    await page.getByRole('button', { name: 'Đưa Trần Văn Bình lên' }).click();
    await expect(page.getByText('Cần ít nhất 2 thành viên có mặt (60%).')).toBeVisible();
    await screenshot(page, 'directory-committee-members');

    await page.getByRole('button', { name: 'Lưu danh sách thành viên' }).click();
    await expect(page.getByText('Đã lưu danh sách thành viên.')).toBeVisible();
    await expect(page.getByText('Danh sách thành viên có thay đổi chưa lưu.')).toHaveCount(0);

    const [summary] = await env.host.core.call('committees.list', {});
    const committee = await env.host.core.call('committees.get', { id: summary!.id });
    expect(committee).toMatchObject({ name: 'Ban Chỉ đạo chuyển đổi số tỉnh', shortName: 'BCĐ CĐS', quorumPercent: 60, quorumCount: 2, passRule: 'majority_all', tieToChair: true });
    expect(committee.members.map((m) => [m.name, m.role])).toEqual([
      ['Đặng Quốc Hùng', 'head'],
      ['Trần Văn Bình', 'secretary'],
      ['Lê Thị Cúc', 'deputy'],
      ['Văn phòng UBND tỉnh', 'standing_agency'],
    ]);

    await page.getByRole('link', { name: 'Danh sách Ban Chỉ đạo' }).click();
    await expect(page.getByRole('row', { name: /Ban Chỉ đạo chuyển đổi số tỉnh/ })).toContainText('Đặng Quốc Hùng');
    await screenshot(page, 'directory-committees');
  });

  test('import people from a CSV: the preview shows the bad row, commit imports the rest; cancel imports nothing', async ({ page }) => {
    await openDirectory(page, env.host, 'Cán bộ');
    const csv = [
      'STT;Họ và tên;Chức vụ;Đơn vị;Email;Điện thoại',
      '1;Hoàng Thị Lan;Phó Chánh Văn phòng;Văn phòng UBND tỉnh;htlan@laocai.gov.vn;0214 3840 111',
      '2;Vũ Minh Tuấn;Chuyên viên;000.00.12.H41;;',
      '3;Ngô Thị Thu;Kế toán trưởng;Sở Tài chính;thu@;',
      '4;Bùi Văn Tâm;Chuyên viên;Sở Tài chính;;0912 345 678',
    ].join('\r\n');
    const file = { name: 'danh-sach-can-bo.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8') };

    // First a change of mind: cancel writes nothing.
    await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    let importer = dialog(page, 'Nhập cán bộ từ Excel/CSV');
    await importer.getByLabel('Tệp cần nhập').setInputFiles(file);
    await expect(importer.getByText('4 dòng: 3 thêm mới, 0 cập nhật, 0 không đổi, 1 có lỗi sẽ bỏ qua.')).toBeVisible();
    await importer.getByRole('button', { name: 'Hủy' }).click();
    await expect(importer).toBeHidden();
    expect((await env.host.core.call('people.list', {})).total).toBe(3);

    await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    importer = dialog(page, 'Nhập cán bộ từ Excel/CSV');
    await importer.getByLabel('Tệp cần nhập').setInputFiles(file);
    await expect(importer.getByText('Tệp danh-sach-can-bo.csv')).toBeVisible();
    await expect(importer.getByText('4 dòng: 3 thêm mới, 0 cập nhật, 0 không đổi, 1 có lỗi sẽ bỏ qua.')).toBeVisible();
    const bad = importer.getByRole('row', { name: /Ngô Thị Thu/ });
    await expect(bad).toContainText('Có lỗi, bỏ qua');
    await expect(bad).toContainText('Địa chỉ thư điện tử "thu@" không hợp lệ.');
    await expect(importer.getByRole('row', { name: /Vũ Minh Tuấn/ })).toContainText('Thêm mới');
    await screenshot(page, 'directory-import-preview');
    await importer.getByRole('checkbox', { name: 'Chỉ xem dòng có lỗi' }).check();
    await expect(importer.getByRole('row', { name: /Vũ Minh Tuấn/ })).toHaveCount(0);
    await expect(bad).toBeVisible();

    await importer.getByRole('button', { name: 'Nhập 3 dòng hợp lệ' }).click();
    await expect(page.getByText('Đã nhập: 3 thêm mới, 0 cập nhật.')).toBeVisible();
    await expect(importer).toBeHidden();
    await expect(page.getByText('6 cán bộ')).toBeVisible();
    const people = (await env.host.core.call('people.list', {})).items;
    expect(people.map((p) => p.fullName).sort()).toEqual(
      ['Bùi Văn Tâm', 'Hoàng Thị Lan', 'Lê Thị Cúc', 'Trần Văn Bình', 'Vũ Minh Tuấn', 'Đặng Quốc Hùng'].sort(),
    );
    expect(people.find((p) => p.fullName === 'Vũ Minh Tuấn')?.organizationName).toBe('Sở Tài chính');
    await screenshot(page, 'directory-people-imported');

    // A file that is not a spreadsheet is refused with a reason, and nothing is written.
    await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    importer = dialog(page, 'Nhập cán bộ từ Excel/CSV');
    await importer.getByLabel('Tệp cần nhập').setInputFiles({ name: 'ghi-chu.csv', mimeType: 'text/csv', buffer: Buffer.from('Tên hàng,Số lượng\nBút bi,20\n') });
    await expect(importer.getByText(/Không tìm thấy dòng tiêu đề trong tệp "ghi-chu.csv"/)).toBeVisible();
    await screenshot(page, 'directory-import-refused');
    await importer.getByRole('button', { name: 'Hủy' }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp mẫu' }).click();
    expect((await download).suggestedFilename()).toBe('mau-nhap-can-bo.xlsx');
  });

  test('rooms and shared lists: add a room, add a meeting kind, built-in items cannot be deleted', async ({ page }) => {
    await openDirectory(page, env.host, 'Phòng họp');
    await expect(page.getByText('Chưa có phòng họp nào.')).toBeVisible();
    await page.getByRole('button', { name: 'Thêm phòng họp' }).first().click();
    const room = dialog(page, 'Thêm phòng họp');
    await room.getByRole('textbox', { name: 'Tên phòng họp' }).fill('Phòng họp tầng 3');
    await room.getByRole('textbox', { name: 'Địa điểm' }).fill('Trụ sở khối 1, UBND tỉnh');
    await room.getByRole('spinbutton', { name: 'Sức chứa (người)' }).fill('60');
    await room.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã thêm “Phòng họp tầng 3”.')).toBeVisible();
    expect(await env.host.core.call('rooms.list', {})).toEqual([expect.objectContaining({ name: 'Phòng họp tầng 3', capacity: 60 })]);

    await page.getByRole('tab', { name: 'Danh mục dùng chung', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Xóa Thường kỳ' })).toBeDisabled();
    await page.getByRole('button', { name: 'Thêm mục: Loại cuộc họp' }).click();
    const item = dialog(page, 'Thêm mục vào “Loại cuộc họp”');
    await item.getByRole('textbox', { name: 'Mã' }).fill('truc tuyen');
    await item.getByRole('textbox', { name: 'Tên hiển thị' }).fill('Trực tuyến');
    await item.getByRole('button', { name: 'Lưu' }).click();
    await expect(item.getByText(/^Mã chỉ gồm chữ/)).toBeVisible();
    await item.getByRole('textbox', { name: 'Mã' }).fill('online');
    await item.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã thêm “Trực tuyến”.')).toBeVisible();
    await screenshot(page, 'directory-catalogs');
    expect((await env.host.core.call('catalogs.list', { catalog: 'meeting_kind' })).map((k) => k.code)).toEqual([
      'regular',
      'thematic',
      'extraordinary',
      'online',
    ]);
  });

  test('trusted keys: a member checks the fingerprint, trusts the secretariat key, and can remove it', async ({ page }) => {
    // The secretariat's laptop, standing in: a core of its own that exports its public key.
    const otherDir = mkdtempSync(join(tmpdir(), 'nghisu-e2e-secretariat-'));
    const other = await createCore({ dataDir: otherDir, logToFile: false });
    const secretariat = await other.call('profile.create', {
      fullName: 'Lý Thu Hà',
      position: 'Chánh Văn phòng',
      unitName: 'Văn phòng UBND tỉnh Lào Cai',
      workRole: 'secretariat',
    });
    const exported = await other.call('profile.exportPublicKey', {});
    const keyFile = readFileSync(exportFile(dataPaths(otherDir), exported.exportId)!.file);
    await other.close();
    rmSync(otherDir, { recursive: true, force: true });

    await openDirectory(page, env.host, 'Hồ sơ của tôi');
    await expect(page.getByText('Chưa tin cậy khóa nào.')).toBeVisible();
    await page.getByLabel('Tệp khóa công khai').setInputFiles({ name: exported.fileName, mimeType: 'application/json', buffer: keyFile });
    const confirm = dialog(page, 'Tin cậy khóa này?');
    await expect(confirm.getByText(secretariat.fingerprint)).toBeVisible();
    await expect(confirm.getByText('Lý Thu Hà, Chánh Văn phòng, Văn phòng UBND tỉnh Lào Cai')).toBeVisible();
    // Trusted for one thing: the packs of one committee.
    await expect(confirm.getByRole('button', { name: 'Tin cậy khóa' })).toBeDisabled();
    await pick(page, 'Ban Chỉ đạo', 'chuyen doi', 'Ban Chỉ đạo chuyển đổi số tỉnh');
    await screenshot(page, 'directory-trust-key');
    await confirm.getByRole('button', { name: 'Tin cậy khóa' }).click();
    await expect(page.getByText('Đã tin cậy khóa của “Lý Thu Hà, Chánh Văn phòng, Văn phòng UBND tỉnh Lào Cai”.')).toBeVisible();
    expect(await env.host.core.call('keys.listTrusted', {})).toEqual([
      expect.objectContaining({ fingerprint: secretariat.fingerprint, grants: [expect.objectContaining({ purpose: 'pack', committeeName: 'Ban Chỉ đạo chuyển đổi số tỉnh' })] }),
    ]);
    await expect(page.getByText('Gói tài liệu của Ban Chỉ đạo chuyển đổi số tỉnh')).toBeVisible();
    await screenshot(page, 'directory-trusted-keys');

    await page.getByRole('button', { name: 'Bỏ tin cậy khóa của Lý Thu Hà, Chánh Văn phòng, Văn phòng UBND tỉnh Lào Cai' }).click();
    await confirmPopover(page, 'Bỏ tin cậy');
    await expect(page.getByText('Chưa tin cậy khóa nào.')).toBeVisible();
    expect(await env.host.core.call('keys.listTrusted', {})).toEqual([]);
  });
});
