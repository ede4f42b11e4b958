import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { dayKey } from '../../shared/vn-time.ts';
import { zipEntry } from '../support/docx-text.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nghisu opinions', () => {
  it('sends a request to a member’s data folder and brings the signed answers back, then summarises them', async () => {
    const secretariat = tempDir();
    const core = await createCore({ dataDir: secretariat, logToFile: false });
    const s = await publishedMeeting(core);
    const [attached] = await core.call('documents.listForMeeting', { meetingId: s.meetingId });
    await core.close();
    const member = tempDir();
    const setup = await createCore({ dataDir: member, logToFile: false });
    await setup.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở GTVT', workRole: 'member' });
    await setup.close();
    const files = tempDir();
    const S = ['--data-dir', secretariat];
    const M = ['--data-dir', member];

    const created = nghisu(...S, '--json', 'opinions', 'create', '--committee', s.committeeId, '--title', 'Dự thảo Quy chế làm việc', '--question', 'Đồng ý thông qua Quy chế?', '--question', 'Đồng ý họp định kỳ hằng quý?', '--deadline', dayKey(new Date()), '--to', s.member.id, '--to', s.chair.id, '--document', attached!.document.id);
    expect(created.code, created.stderr).toBe(0);
    const requestId = (JSON.parse(created.stdout) as { id: string }).id;
    const request = join(files, 'lay y kien.nsykien');
    const exported = nghisu(...S, 'opinions', 'export', requestId, '--out', request);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('Đã xuất');
    expect(nghisu(...S, 'opinions', 'export', requestId, '--out', request).code).toBe(1);

    // The member trusts the secretariat's key only when asked to.
    const refused = nghisu(...M, 'opinions', 'import', request);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PACK_UNTRUSTED');
    const received = nghisu(...M, 'opinions', 'import', request, '--trust-signer');
    expect(received.code, received.stderr).toBe(0);
    expect(received.stdout).toContain('Đã nhận phiếu lấy ý kiến "Dự thảo Quy chế làm việc"');

    expect(nghisu(...M, 'opinions', 'answer', requestId, '--question', '1', '--choice', 'maybe').code).toBe(2);
    const noText = nghisu(...M, 'opinions', 'answer', requestId, '--question', '2', '--choice', 'other');
    expect(noText.code).toBe(1);
    expect(noText.stderr).toContain('INVALID_INPUT');
    expect(nghisu(...M, 'opinions', 'answer', requestId, '--question', '1', '--choice', 'agree').code).toBe(0);
    const other = nghisu(...M, 'opinions', 'answer', requestId, '--question', '2', '--choice', 'other', '--text', 'Đề nghị họp định kỳ hằng tháng');
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).toContain('→ Ý kiến khác: Đề nghị họp định kỳ hằng tháng');
    const answers = join(files, 'tra loi.nsykien');
    const sent = nghisu(...M, 'opinions', 'export-answers', requestId, '--out', answers);
    expect(sent.code, sent.stderr).toBe(0);

    // The secretariat binds the member's key to her person in the directory, then imports.
    const untrusted = nghisu(...S, 'opinions', 'import', answers);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toContain('PACK_UNTRUSTED');
    expect(nghisu(...S, 'opinions', 'import', answers, '--trust-signer').stderr).toContain('--person');
    const imported = nghisu(...S, 'opinions', 'import', answers, '--trust-signer', '--person', s.member.id);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Đã nhập 2 câu trả lời của Lê Thị Đào');

    const status = nghisu(...S, 'opinions', 'status', requestId);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Đã trả lời: 1/2');
    expect(status.stdout).toContain('Nguyễn Văn Chủ, Phó Chủ tịch UBND tỉnh: CHƯA trả lời');
    const remind = nghisu(...S, 'opinions', 'remind', requestId);
    expect(remind.code, remind.stderr).toBe(0);
    expect(remind.stdout).toContain('Đôn đốc 1 người chưa trả lời:\n  Nguyễn Văn Chủ');

    const summary = nghisu(...S, 'opinions', 'summary', requestId);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toContain('Đồng ý 0, không đồng ý 0, ý kiến khác 1, chưa có ý kiến 1');
    expect(summary.stdout).toContain('- Lê Thị Đào (Ý kiến khác): Đề nghị họp định kỳ hằng tháng');
    const docx = join(files, 'tong hop.docx');
    const written = nghisu(...S, 'opinions', 'summary', requestId, '--out', docx);
    expect(written.code, written.stderr).toBe(0);
    const xml = await zipEntry(docx, 'word/document.xml');
    expect(xml).toContain('Lê Thị Đào');
    expect(xml).toContain('Đề nghị họp định kỳ hằng tháng');
    expect(xml).toContain('Nguyễn Văn Chủ');
  }, 240_000);
});
