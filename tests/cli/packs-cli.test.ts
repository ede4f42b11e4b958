import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nghisu pack and seed', () => {
  it('exports a pack, and a member imports it only once the signer is trusted', async () => {
    const secretariat = tempDir();
    const core = await createCore({ dataDir: secretariat, logToFile: false });
    const { meetingId } = await publishedMeeting(core);
    await core.close();

    const file = join(tempDir(), 'goi hop.nghisu');
    const exported = nghisu('--data-dir', secretariat, 'pack', 'export', meetingId, file);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('Đã xuất gói');
    expect(nghisu('--data-dir', secretariat, 'pack', 'export', meetingId, file).code).toBe(1);

    const member = tempDir();
    const setup = await createCore({ dataDir: member, logToFile: false });
    await setup.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở GTVT', workRole: 'member' });
    await setup.close();

    const dry = nghisu('--data-dir', member, 'pack', 'import', file, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('CHƯA tin cậy');
    const refused = nghisu('--data-dir', member, 'pack', 'import', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PACK_UNTRUSTED');
    const imported = nghisu('--data-dir', member, '--json', 'pack', 'import', file, '--trust-signer');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ meeting: { id: meetingId }, documents: 2, signer: { trusted: true } });
    const shown = nghisu('--data-dir', member, 'meetings', 'show', meetingId);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Phiên họp thường kỳ quý IV');
  }, 180_000);

  it('--trust-signer trusts the key for the pack’s committee only; an older pack needs --allow-downgrade', async () => {
    const secretariat = tempDir();
    const core = await createCore({ dataDir: secretariat, logToFile: false });
    const s = await publishedMeeting(core);
    const r1 = join(tempDir(), 'r1.nghisu');
    await core.call('packs.exportFile', { meetingId: s.meetingId, file: r1 });
    await core.call('meetings.update', { id: s.meetingId, title: 'Phiên họp thường kỳ quý IV (dời lịch)' });
    const r2 = join(tempDir(), 'r2.nghisu');
    await core.call('packs.exportFile', { meetingId: s.meetingId, file: r2 });
    await core.close();

    const member = tempDir();
    const setup = await createCore({ dataDir: member, logToFile: false });
    await setup.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở GTVT', workRole: 'member' });
    await setup.close();
    expect(nghisu('--data-dir', member, 'pack', 'import', r2, '--trust-signer').code).toBe(0);
    const check = await createCore({ dataDir: member, logToFile: false });
    const keys = await check.call('keys.listTrusted', {});
    await check.close();
    expect(keys.map((k) => k.grants)).toEqual([[expect.objectContaining({ purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' })]]);

    const dry = nghisu('--data-dir', member, 'pack', 'import', r1, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('CẢNH BÁO');
    const refused = nghisu('--data-dir', member, 'pack', 'import', r1);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PACK_DOWNGRADE');
    expect(nghisu('--data-dir', member, 'meetings', 'show', s.meetingId).stdout).toContain('(dời lịch)');
    const accepted = nghisu('--data-dir', member, 'pack', 'import', r1, '--allow-downgrade');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(nghisu('--data-dir', member, 'meetings', 'show', s.meetingId).stdout).not.toContain('(dời lịch)');

    // The secretariat imports the member's shared notes: trusting her key needs the person it speaks for.
    const m = await createCore({ dataDir: member, logToFile: false });
    const [attached] = await m.call('documents.listForMeeting', { meetingId: s.meetingId });
    await m.call('annotations.create', {
      id: '0190a6f0-7b8c-7def-8123-456789abcd01',
      documentId: attached!.document.id,
      kind: 'note',
      pageIndex: 0,
      color: '#ffb000',
      geometry: { at: [400, 450] },
      contents: 'Ý kiến',
      shared: true,
    });
    const exported = await m.call('annotations.exportShared', { documentId: attached!.document.id });
    await m.close();
    const notes = join(member, 'exports', exported.exportId, exported.fileName);
    const noPerson = nghisu('--data-dir', secretariat, 'annotations', 'import', notes, '--trust-signer');
    expect(noPerson.code).toBe(1);
    expect(noPerson.stderr).toContain('--person');
    const ok = nghisu('--data-dir', secretariat, '--json', 'annotations', 'import', notes, '--trust-signer', '--person', s.member.id);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ imported: 1, authorName: 'Lê Thị Đào' });
  }, 240_000);

  it('seeds a year of one province into an empty folder, and refuses a folder with data', () => {
    const dir = tempDir();
    const r = nghisu('--data-dir', dir, '--json', 'seed', '--years', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ committees: 30, meetings: 300, agendaItems: 2500, documents: 4000, pages: 10000 });
    const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
    const missing = (db.prepare('SELECT DISTINCT blob_sha256 FROM documents').pluck().all() as string[]).filter(
      (sha) => !existsSync(join(dir, 'blobs', sha.slice(0, 2), sha.slice(2))),
    );
    db.close();
    expect(missing).toEqual([]);
    const again = nghisu('--data-dir', dir, 'seed', '--years', '1');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('thư mục dữ liệu trống');
    expect(nghisu('--data-dir', dir, 'seed', '--years', '0').code).toBe(2);
  }, 180_000);
  it('a pack with a Mật document says whom it is sealed to and who has no key; a member not among them is told what was left out', async () => {
    const secretariat = tempDir();
    const core = await createCore({ dataDir: secretariat, logToFile: false });
    const s = await publishedMeeting(core);
    const [attached] = await core.call('documents.listForMeeting', { meetingId: s.meetingId });
    await core.call('documents.update', { id: attached!.document.id, classification: 'secret' });
    const daoDir = tempDir();
    const dao = await createCore({ dataDir: daoDir, logToFile: false });
    const daoKey = await dao.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở GTVT', workRole: 'member' });
    await dao.close();
    await core.call('keys.trust', { publicKey: daoKey.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
    await core.close();

    const file = join(tempDir(), 'goi-mat.nghisu');
    const exported = nghisu('--data-dir', secretariat, 'pack', 'export', s.meetingId, file, '--release-classified', 'Gửi thành viên dự họp');
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('Tài liệu mật (1) mã hóa cho: Lê Thị Đào');
    expect(exported.stdout).toContain('Chưa có khóa tin cậy (không mở được): Nguyễn Văn Chủ');

    const chairDir = tempDir();
    const chair = await createCore({ dataDir: chairDir, logToFile: false });
    await chair.call('profile.create', { fullName: 'Nguyễn Văn Chủ', position: 'Phó Chủ tịch UBND tỉnh', unitName: 'UBND tỉnh', workRole: 'member' });
    await chair.close();
    const told = nghisu('--data-dir', chairDir, 'pack', 'import', file, '--trust-signer');
    expect(told.code, told.stderr).toBe(0);
    expect(told.stdout).toContain('1 tài liệu mật trong gói được mã hóa cho thành viên khác');
    const opened = nghisu('--data-dir', daoDir, '--json', 'pack', 'import', file, '--trust-signer');
    expect(opened.code, opened.stderr).toBe(0);
    expect(JSON.parse(opened.stdout)).toMatchObject({ documents: 2, withheld: [] });
  }, 180_000);
});
