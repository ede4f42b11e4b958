import { join } from 'node:path';
import { expect } from 'vitest';
import type { Core } from '../../electron/core/index.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { writeSamplePdf } from '../../electron/core/seed/sample-pdf.ts';
import { tempDir } from './temp-dir.ts';

/** A secretariat laptop with a published meeting: five agenda items, participants and two PDFs. */
export async function publishedMeeting(core: Core) {
  await core.call('profile.create', { fullName: 'Trần Thị Thư', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
  const org = await core.call('organizations.create', { organCode: '000.00.31.H41', name: 'Sở Giao thông vận tải' });
  const chair = await core.call('people.create', { fullName: 'Nguyễn Văn Chủ', position: 'Phó Chủ tịch UBND tỉnh', organizationId: org.id });
  const member = await core.call('people.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', organizationId: org.id });
  const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo các dự án trọng điểm' });
  const { meeting } = await core.call('meetings.create', {
    committeeId: committee.id,
    kindCode: 'regular',
    title: 'Phiên họp thường kỳ quý IV',
    startsAt: '2026-12-07T01:00:00.000Z',
    endsAt: '2026-12-07T04:00:00.000Z',
    chairPersonId: chair.id,
  });
  const items: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const tree = await core.call('agenda.add', { meetingId: meeting.id, title: `Nội dung ${i}: đường sắt`, presenter: { personId: member.id }, durationMinutes: 30 });
    items.push(findLast(tree, `Nội dung ${i}: đường sắt`));
  }
  await core.call('participants.add', { meetingId: meeting.id, personId: chair.id, role: 'chair' });
  await core.call('participants.add', { meetingId: meeting.id, personId: member.id, role: 'member' });
  const dir = tempDir();
  const pdfs = [join(dir, 'bao-cao.pdf'), join(dir, 'to-trinh.pdf')];
  await writeSamplePdf(pdfs[0]!, createRandom(1), 3, 125);
  await writeSamplePdf(pdfs[1]!, createRandom(2), 2, 126);
  const imported = await core.call('documents.importFiles', { paths: pdfs, meetingId: meeting.id, agendaItemId: items[0] });
  expect(imported.results.every((r) => r.ok)).toBe(true);
  await core.call('meetings.setStatus', { id: meeting.id, status: 'published' });
  const profile = (await core.call('profile.get', {}))!;
  return { core, meetingId: meeting.id, committeeId: committee.id, items, pdfs, publicKey: profile.publicKey, member, chair };
}

/** The id of the agenda item with this title in whatever tree shape agenda.* returns. */
export function findLast(tree: unknown, title: string): string {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n['title'] === title && typeof n['id'] === 'string') found.push(n['id']);
      Object.values(n).forEach(walk);
    }
  };
  walk(tree);
  if (found.length === 0) throw new Error(`agenda item ${title} not found`);
  return found[found.length - 1]!;
}

