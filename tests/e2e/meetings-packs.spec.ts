import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeOfficialPdf } from '../support/pdf-fixtures.ts';
import { rewriteZip } from '../support/zip-entries.ts';
import { modalOpened } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { seedDirectory } from './support/seed.ts';
import { shot } from './support/shots.ts';
import { expect, screenshot, test } from './fixtures.ts';

/**
 * A member's laptop refuses a meeting pack that was tampered with, cut short or never signed, with
 * a clear Vietnamese message, and stores nothing from it; the genuine pack then imports.
 */

test.use({ actionTimeout: 15_000 });

const MEETING = 'Phiên họp thường kỳ quý IV năm 2026';

let secretariat: IsolatedHost;
let member: IsolatedHost;
let files: string;
let meetingId: string;
const pack = (name: string) => join(files, name);

test.beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-packs-'));
  secretariat = await isolatedHost('packs-secretariat', {
    fullName: 'Nguyễn Thị Hương',
    position: 'Chuyên viên Văn phòng',
    unitName: 'Văn phòng UBND tỉnh Lào Cai',
    workRole: 'secretariat',
  });
  member = await isolatedHost('packs-member', {
    fullName: 'Nguyễn Văn Thành',
    position: 'Giám đốc Sở Xây dựng',
    unitName: 'Sở Xây dựng tỉnh Lào Cai',
    workRole: 'member',
  });

  // The secretariat's side, through the core: a published meeting with a PDF, exported.
  const core = secretariat.host.core;
  const dir = await seedDirectory(core);
  const { meeting } = await core.call('meetings.create', {
    committeeId: dir.committee.id,
    kindCode: 'regular',
    title: MEETING,
    startsAt: '2026-12-14T01:00:00.000Z',
    endsAt: '2026-12-14T04:00:00.000Z',
    chairPersonId: dir.people.chair.id,
  });
  const { itemId } = await core.call('agenda.add', {
    meetingId: meeting.id,
    title: 'Báo cáo tiến độ giải phóng mặt bằng',
    presenter: { organizationId: dir.units.construction.id },
    durationMinutes: 30,
  });
  meetingId = meeting.id;
  await core.call('participants.addCommittee', { meetingId: meeting.id });
  await writeOfficialPdf(join(files, 'Báo cáo 12-BC-SXD.pdf'), {
    agency: ['UBND TỈNH LÀO CAI', 'SỞ XÂY DỰNG'],
    number: '12/BC-SXD',
    placeDate: 'Lào Cai, ngày 01 tháng 12 năm 2026',
    typeTitle: 'BÁO CÁO',
    summary: 'Tiến độ giải phóng mặt bằng các công trình trọng điểm',
    bodies: ['Sở Xây dựng báo cáo tiến độ giải phóng mặt bằng các công trình trọng điểm trên địa bàn tỉnh.'],
  });
  await core.call('documents.importFiles', { paths: [join(files, 'Báo cáo 12-BC-SXD.pdf')], meetingId: meeting.id, agendaItemId: itemId });
  await core.call('meetings.setStatus', { id: meeting.id, status: 'published' });
  await core.call('packs.exportFile', { meetingId: meeting.id, file: pack('goi.nghisu') });

  // The bad copies a member might be handed.
  await rewriteZip(pack('goi.nghisu'), pack('goi-bi-sua.nghisu'), (entries) => {
    const name = [...entries.keys()].find((n) => n.startsWith('documents/'))!;
    const bytes = Buffer.from(entries.get(name)!);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    entries.set(name, bytes);
  });
  await rewriteZip(pack('goi.nghisu'), pack('goi-khong-chu-ky.nghisu'), (entries) => entries.delete('manifest.sig'));
  const whole = readFileSync(pack('goi.nghisu'));
  writeFileSync(pack('goi-thieu.nghisu'), whole.subarray(0, whole.length >> 1));
  writeFileSync(pack('khong-phai-goi.nghisu'), readFileSync(join(files, 'Báo cáo 12-BC-SXD.pdf')));
});

test.afterAll(async () => {
  await secretariat?.close();
  await member?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

async function openImporter(page: Page) {
  await page.getByRole('button', { name: /Nhận gói tài liệu/ }).first().click();
  return page.getByRole('dialog', { name: 'Nhận gói tài liệu cuộc họp' });
}

test('a tampered, truncated, unsigned or foreign file is refused clearly and nothing is imported', async ({ page }) => {
  await page.goto(member.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  const importer = await openImporter(page);
  await expect(importer.getByText('Kéo thả tệp gói tài liệu (.nghisu) vào đây')).toBeVisible();
  await shot(page, 'packs-import-choose');

  for (const bad of ['goi-thieu.nghisu', 'goi-khong-chu-ky.nghisu', 'khong-phai-goi.nghisu']) {
    await importer.getByLabel('Chọn tệp gói tài liệu (.nghisu)').setInputFiles(pack(bad));
    await expect(importer.getByRole('heading', { level: 2, name: 'Gói tài liệu không hợp lệ' })).toBeVisible();
    await expect(importer.getByText(`Không có gì được nhập từ tệp “${bad}”.`)).toBeVisible();
    if (bad === 'goi-khong-chu-ky.nghisu') await shot(page, 'packs-import-unsigned');
    await importer.getByRole('button', { name: 'Chọn tệp khác' }).click();
  }

  const core = member.host.core;
  expect((await core.call('meetings.list', {})).total).toBe(0);
  expect((await core.call('documents.list', {})).total).toBe(0);
  expect(await core.call('keys.listTrusted', {})).toEqual([]);

  // A document altered inside a pack from a key this laptop does not trust: only the signer is shown,
  // not one document byte is read before the member decides on the key.
  await importer.getByLabel('Chọn tệp gói tài liệu (.nghisu)').setInputFiles(pack('goi-bi-sua.nghisu'));
  await expect(importer.getByText('Khóa ký gói này chưa được tin cậy trên máy này')).toBeVisible();
  await importer.getByRole('button', { name: 'Hủy' }).click();
  await expect(importer).toBeHidden();
  expect((await core.call('meetings.list', {})).total).toBe(0);

  // The genuine pack: the member declines the unknown key first — still nothing stored.
  await openImporter(page);
  await importer.getByLabel('Chọn tệp gói tài liệu (.nghisu)').setInputFiles(pack('goi.nghisu'));
  await expect(importer.getByText('Khóa ký gói này chưa được tin cậy trên máy này')).toBeVisible();
  await importer.getByRole('button', { name: 'Hủy' }).click();
  await expect(importer).toBeHidden();
  expect((await core.call('meetings.list', {})).total).toBe(0);

  // …then compares the fingerprint, trusts the key and imports.
  const again = await openImporter(page);
  await again.getByLabel('Chọn tệp gói tài liệu (.nghisu)').setInputFiles(pack('goi.nghisu'));
  const fingerprint = (await secretariat.host.core.call('profile.get', {}))!.fingerprint;
  await expect(again.getByLabel('Dấu vân tay khóa')).toHaveText(fingerprint);
  await expect(again.getByText(/Khi tin cậy, khóa này chỉ được nhận gói tài liệu của/)).toBeVisible();
  await again.getByRole('button', { name: /Tin cậy khóa này và nhập/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
  // Trusted for the packs of this meeting's committee only.
  expect((await core.call('keys.listTrusted', {})).map((k) => k.grants.map((g) => g.purpose))).toEqual([['pack']]);
  await expect(page.getByRole('button', { name: 'Mở tài liệu Báo cáo 12-BC-SXD.pdf' })).toBeVisible();
  expect((await core.call('meetings.list', {})).total).toBe(1);

  // The list marks it as received.
  await page.getByRole('link', { name: 'Danh sách cuộc họp' }).click();
  await expect(page.getByRole('row', { name: new RegExp(MEETING) })).toContainText('Nhận từ gói, bản 1');
  await shot(page, 'packs-member-list');

  // Once the key is trusted, the altered document is found by its hash and the whole pack refused.
  const documentsBefore = (await core.call('documents.list', {})).total;
  const tampered = await openImporter(page);
  await tampered.getByLabel('Chọn tệp gói tài liệu (.nghisu)').setInputFiles(pack('goi-bi-sua.nghisu'));
  await expect(tampered.getByRole('heading', { level: 2, name: 'Gói tài liệu không hợp lệ' })).toBeVisible();
  await expect(tampered.getByText('Không có gì được nhập từ tệp “goi-bi-sua.nghisu”.')).toBeVisible();
  await shot(page, 'packs-import-tampered');
  expect((await core.call('documents.list', {})).total).toBe(documentsBefore);
});

test('a pack carrying a Mật document asks the secretariat for the reason; Hủy exports nothing', async ({ page }) => {
  const core = secretariat.host.core;
  const [attached] = await core.call('documents.listForMeeting', { meetingId });
  await core.call('documents.update', { id: attached!.document.id, classification: 'confidential' });
  await page.goto(`${secretariat.host.url}#/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();

  // No participant's key is trusted yet: no one could open it, so nothing is asked and nothing exported.
  await page.getByRole('button', { name: 'Xuất gói tài liệu' }).click();
  await expect(page.getByText(/chưa người dự họp nào .*có khóa được tin cậy/)).toBeVisible();
  await screenshot(page, 'packs-classified-no-recipients'); // with the message: shot() waits for it to go
  const thanh = (await core.call('people.list', { query: 'Nguyễn Văn Thành' })).items[0]!;
  const memberKey = (await member.host.core.call('profile.get', {}))!;
  await core.call('keys.trust', { publicKey: memberKey.publicKey, label: 'Nguyễn Văn Thành', scope: { purpose: 'notes', personId: thanh.id } });

  await page.getByRole('button', { name: 'Xuất gói tài liệu' }).click();
  const ask = page.getByRole('dialog', { name: 'Gửi tài liệu Mật trong gói tài liệu' });
  await modalOpened(ask);
  await expect(ask).toContainText('chỉ mở được trên máy của người dự họp mà bạn đã tin cậy khóa');
  // Who will and who will not be able to open it, before the secretariat decides.
  await expect(ask).toContainText('Chỉ mở được trên máy của: Nguyễn Văn Thành');
  await expect(ask).toContainText('Chưa có khóa tin cậy, sẽ không mở được: Đặng Quốc Hùng, Hoàng Thị Mai, Trần Văn Bình');
  await ask.getByRole('button', { name: 'Hủy' }).click();
  await expect(ask).toBeHidden();

  await page.getByRole('button', { name: 'Xuất gói tài liệu' }).click();
  // The reason box takes the focus once the dialog's form is mounted: only then does "Xác nhận" validate it.
  await expect(ask.getByRole('textbox', { name: 'Lý do gửi trong gói' })).toBeFocused();
  await modalOpened(ask);
  await ask.getByRole('button', { name: 'Xác nhận và xuất gói' }).click();
  await expect(ask.getByText('Hãy ghi rõ lý do gửi tài liệu mật trong gói.')).toBeVisible();
  await ask.getByRole('textbox', { name: 'Lý do gửi trong gói' }).fill('Gửi thành viên Ban Chỉ đạo dự họp ngày 14/12');
  await shot(page, 'packs-classified-release');
  const download = page.waitForEvent('download');
  await ask.getByRole('button', { name: 'Xác nhận và xuất gói' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.nghisu$/);
  const sealedPack = pack('goi-mat.nghisu');
  await (await download).saveAs(sealedPack);
  await expect(page.getByText(/^Đã xuất gói tài liệu bản/)).toContainText('1 tài liệu mật được mã hóa, chỉ mở được trên máy của: Nguyễn Văn Thành.');
  await expect(page.getByText('Chưa có khóa tin cậy của Đặng Quốc Hùng, Hoàng Thị Mai, Trần Văn Bình: máy của họ sẽ không mở được các tài liệu mật (Danh bạ → Khóa tin cậy).')).toBeVisible();
  await screenshot(page, 'packs-classified-sealed');

  const releases = (await core.call('audit.list', { filter: { action: 'classified.release' }, limit: 10 })).items;
  expect(releases.map((r) => r.detail)).toEqual([expect.objectContaining({ channel: 'pack', reason: 'Gửi thành viên Ban Chỉ đạo dự họp ngày 14/12' })]);

  // Nguyễn Văn Thành's laptop opens the sealed document.
  const received = await member.host.core.call('packs.importFile', { file: sealedPack });
  expect(received.withheld).toEqual([]);
  expect(await member.host.core.call('documents.get', { id: attached!.document.id })).toMatchObject({ fileName: 'Báo cáo 12-BC-SXD.pdf', classification: 'confidential' });

  // Hoàng Thị Mai's laptop, whose key the secretariat has not trusted, is told what it will not get.
  const other = await isolatedHost('packs-other', { fullName: 'Hoàng Thị Mai', position: 'Phó Chủ tịch UBND tỉnh', unitName: 'UBND tỉnh Lào Cai', workRole: 'member' });
  try {
    const signer = (await core.call('profile.get', {}))!;
    const { committee } = await core.call('meetings.get', { id: meetingId });
    await other.host.core.call('keys.trust', { publicKey: signer.publicKey, label: 'Văn phòng UBND tỉnh', scope: { purpose: 'pack', committeeId: committee.id, committeeName: committee.name } });
    await page.goto(other.host.url);
    const importer = await openImporter(page);
    await importer.getByLabel('Chọn tệp gói tài liệu (.nghisu)').setInputFiles(sealedPack);
    await expect(importer.getByText('1 tài liệu mật không gửi cho máy này')).toBeVisible();
    await expect(importer.getByText(/khóa của máy này không nằm trong số đó/)).toBeVisible();
    await shot(page, 'packs-import-withheld');
    await importer.getByRole('button', { name: 'Nhập gói' }).click();
    await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
    expect((await other.host.core.call('documents.list', {})).total).toBe(0);
  } finally {
    await other.close();
  }
});
