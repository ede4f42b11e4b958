/**
 * Minutes figures of issue 12, on the bench's data folder:
 *   minutes.autosave.p95_ms   one keystroke's save (the whole content, validated, hashed, indexed)
 *                             of a 30-page minutes, as the editor autosaves it (200 saves)
 *   minutes.export_docx_ms    the Biên bản of a 40-item meeting as DOCX (median of 5 after a warm-up)
 *   minutes.export_pdf_ms     the same as PDF
 *   minutes.notice_pdf_ms     its Thông báo kết luận (40 conclusions) as PDF, for reference
 */
import { v7 as uuidv7 } from 'uuid';
import type { BlockNode, MinutesContent } from '../../shared/minutes/document.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { percentile, type Figure } from './stats.ts';

type Add = (name: string, value: number, unit: string, budget: number | null, kind: Figure['kind']) => void;

const ITEMS = 40;
const SAVES = 200;
const SENTENCE = 'Các thành viên Ban Chỉ đạo thảo luận về tiến độ giải phóng mặt bằng, nguồn vốn đối ứng và trách nhiệm của từng sở, ngành trong quý tới.';

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 });
const para = (t: string) => ({ type: 'paragraph', children: [text(t)], direction: null, format: '', indent: 0, version: 1 });

/** A meeting of 40 agenda items, held, with its prefilled draft. */
async function heldMeeting(core: Core): Promise<string> {
  const committee = (await core.call('committees.list', {}))[0]!;
  const chair = (await core.call('people.list', { limit: 1 })).items[0]!;
  const { meeting } = await core.call('meetings.create', {
    committeeId: committee.id,
    kindCode: 'regular',
    title: 'Phiên họp đo hiệu năng biên bản',
    startsAt: '2026-11-20T01:00:00.000Z',
    endsAt: '2026-11-20T09:00:00.000Z',
    chairPersonId: chair.id,
  });
  for (let i = 1; i <= ITEMS; i++) await core.call('agenda.add', { meetingId: meeting.id, title: `Nội dung ${i}: báo cáo tiến độ dự án trọng điểm`, durationMinutes: 10 });
  await core.call('participants.add', { meetingId: meeting.id, personId: chair.id, role: 'chair' });
  await core.call('meetings.setStatus', { id: meeting.id, status: 'published' });
  await core.call('meetings.setStatus', { id: meeting.id, status: 'in_progress' });
  await core.call('minutes.draft', { meetingId: meeting.id });
  return meeting.id;
}

/** About 30 pages: under each item, two opinions, a conclusion and five paragraphs of discussion. */
function thirtyPages(content: MinutesContent): MinutesContent {
  const blocks: BlockNode[] = [];
  for (const b of content.root.children) {
    blocks.push(b);
    if (b.type !== 'ns-item') continue;
    const added = [
      { type: 'ns-opinion', id: uuidv7(), personId: null, speaker: 'Đồng chí Giám đốc Sở Kế hoạch và Đầu tư', text: SENTENCE, version: 1 },
      { type: 'ns-opinion', id: uuidv7(), personId: null, speaker: 'Đồng chí Giám đốc Sở Tài chính', text: SENTENCE, version: 1 },
      ...Array.from({ length: 5 }, () => para(`${SENTENCE} ${SENTENCE}`)),
      { type: 'ns-conclusion', id: uuidv7(), text: `Giao các sở, ngành hoàn thành nội dung ${b.number} đúng hạn.`, leadUnitId: null, coordinatingUnitIds: [], deadline: '2027-03-31', version: 1 },
    ];
    blocks.push(...(added as unknown as BlockNode[]));
  }
  return { ...content, root: { ...content.root, children: blocks } };
}

async function medianOf(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return percentile(samples, 50);
}

/** Measures the core's figures; returns the meeting whose 30-page minutes the open figure uses. */
export async function measureMinutes(dataDir: string, add: Add, log: (text: string) => void): Promise<string> {
  const core = await createCore({ dataDir, logToFile: false });
  try {
    const meetingId = await heldMeeting(core);
    const draft = (await core.call('minutes.get', { meetingId }))!;
    let content = thirtyPages(draft.content);
    let version = (await core.call('minutes.save', { meetingId, baseVersion: draft.version, content })).version;
    log(`  biên bản: ${content.root.children.length} khối, ${(JSON.stringify(content).length / 1024).toFixed(0)} kB`);

    // A keystroke: one more letter at the end of one paragraph, the whole content saved.
    const paragraphs = content.root.children.flatMap((b, i) => (b.type === 'paragraph' && b.children.length ? [i] : []));
    const samples: number[] = [];
    for (let k = 0; k < SAVES; k++) {
      const at = paragraphs[k % paragraphs.length]!;
      const children = [...content.root.children];
      const p = children[at] as { children: { text: string }[] };
      children[at] = { ...p, children: [{ ...p.children[0]!, text: `${p.children[0]!.text}a` }] } as unknown as BlockNode;
      content = { ...content, root: { ...content.root, children } };
      const t = performance.now();
      version = (await core.call('minutes.save', { meetingId, baseVersion: version, content })).version;
      samples.push(performance.now() - t);
    }
    add('minutes.autosave.p95_ms', percentile(samples, 95), 'ms', 10, 'max');
    add('minutes.autosave.p50_ms', percentile(samples, 50), 'ms', null, 'info');

    for (const format of ['docx', 'pdf'] as const) {
      add(`minutes.export_${format}_ms`, await medianOf(5, () => core.call('minutes.export', { meetingId, document: 'minutes', format })), 'ms', 1500, 'max');
    }
    const notice = await medianOf(5, () => core.call('minutes.export', { meetingId, document: 'notice', format: 'pdf' }));
    add('minutes.notice_pdf_ms', notice, 'ms', null, 'info');
    return meetingId;
  } finally {
    await core.close();
  }
}
