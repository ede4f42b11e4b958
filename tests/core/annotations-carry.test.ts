import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { Annotation, NewAnnotation, Quad } from '../../shared/contract/index.ts';
import { findQuote, quadsForRange, searchableText, type PositionedText } from '../../shared/annotations/text-quads.ts';
import { FONT_BOLD, FONT_REGULAR } from '../support/pdf-fixtures.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { coresClosedAfterEach } from '../support/open-core.ts';

const open = coresClosedAfterEach();

const A = 'Ban Chỉ đạo đánh giá tiến độ các công trình trọng điểm.';
const B = 'Đề nghị Sở Tài chính bố trí vốn đối ứng kịp thời.';
const C = 'Nội dung này sẽ được lược bỏ trong bản sửa đổi.';
const D = 'Thành phần mời họp gồm các thành viên Ban Chỉ đạo.';
const E = 'Phụ lục số liệu chi tiết của các huyện.';
const ADDED = 'Bổ sung: tình hình giải ngân vốn đầu tư công.';

/** Sentences placed on A4 pages at [x, top] (pdfkit measures from the top). */
async function writePdf(file: string, pages: { text: string; at: [number, number] }[][]): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  pages.forEach((sentences, i) => {
    if (i > 0) doc.addPage();
    doc.font('bold').fontSize(14).text(`Trang ${i + 1}`, 72, 60);
    for (const s of sentences) doc.font('regular').fontSize(13).text(s.text, s.at[0], s.at[1], { width: 460, lineBreak: false });
  });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.end();
  await once(out, 'finish');
}

/** The same pages with no text layer at all, as a scanner makes them. */
async function writeScan(file: string, pages: number): Promise<void> {
  const doc = new PDFDocument({ size: 'A4' });
  for (let i = 0; i < pages; i++) {
    if (i > 0) doc.addPage();
    doc.rect(72, 100, 400, 20).fill('#555555');
  }
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.end();
  await once(out, 'finish');
}

const V1 = [
  [
    { text: A, at: [72, 120] as [number, number] },
    { text: B, at: [72, 200] as [number, number] },
    { text: C, at: [72, 280] as [number, number] },
  ],
  [{ text: D, at: [72, 120] as [number, number] }],
  [{ text: E, at: [72, 120] as [number, number] }],
];
/** v2: a sentence added on top pushes A down, B moves to page 2 further right, C is dropped, page 3 is gone. */
const V2 = [
  [
    { text: ADDED, at: [72, 120] as [number, number] },
    { text: A, at: [72, 320] as [number, number] },
  ],
  [
    { text: D, at: [72, 120] as [number, number] },
    { text: B, at: [110, 400] as [number, number] },
  ],
];

const PAGE_HEIGHT = 841.89;

/** Word boxes of a sentence on a page as poppler sees them, in PDF space: the independent check. */
function popplerBox(file: string, pageNo: number, sentence: string): [number, number, number, number] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(pageNo), '-l', String(pageNo), file, '-'], { encoding: 'utf8' });
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    box: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])],
    text: m[5]!.replace(/&amp;/g, '&'),
  }));
  const wanted = sentence.split(' ');
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((w, k) => words[i + k]!.text === w)) {
      const run = words.slice(i, i + wanted.length).map((w) => w.box);
      const x1 = Math.min(...run.map((b) => b[0]!));
      const x2 = Math.max(...run.map((b) => b[2]!));
      const top = Math.min(...run.map((b) => b[1]!));
      const bottom = Math.max(...run.map((b) => b[3]!));
      return [x1, PAGE_HEIGHT - bottom, x2, PAGE_HEIGHT - top];
    }
  }
  throw new Error(`"${sentence}" not on page ${pageNo}`);
}

function quadsBox(quads: Quad[]): [number, number, number, number] {
  const xs = quads.flatMap((q) => [q[0], q[2], q[4], q[6]]);
  const ys = quads.flatMap((q) => [q[1], q[3], q[5], q[7]]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A draft meeting with v1 attached, the member's profile, and v2 imported (not yet the attached version). */
async function meetingWithVersions(v2Pages: 'text' | 'scan' = 'text') {
  const core = await open();
  await core.call('profile.create', { fullName: 'Trần Văn Bình', position: 'Phó Trưởng ban', unitName: 'Sở Xây dựng', workRole: 'secretariat' });
  const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo các dự án trọng điểm' });
  const { meeting } = await core.call('meetings.create', {
    committeeId: committee.id,
    kindCode: 'regular',
    title: 'Phiên họp thường kỳ',
    startsAt: '2026-12-07T01:00:00.000Z',
    endsAt: '2026-12-07T04:00:00.000Z',
  });
  const dir = tempDir();
  const v1File = join(dir, 'Báo cáo (bản 1).pdf');
  const v2File = join(dir, 'Báo cáo (bản 2).pdf');
  await writePdf(v1File, V1);
  if (v2Pages === 'text') await writePdf(v2File, V2);
  else await writeScan(v2File, 2);
  const first = await core.call('documents.importFiles', { paths: [v1File], meetingId: meeting.id });
  const second = await core.call('documents.importFiles', { paths: [v2File] });
  const v1 = first.results[0]!.ok ? first.results[0]!.document.id : '';
  const v2 = second.results[0]!.ok ? second.results[0]!.document.id : '';
  const [attachment] = await core.call('documents.listForMeeting', { meetingId: meeting.id });
  const note = (fields: Omit<NewAnnotation, 'id' | 'documentId'>): NewAnnotation => ({ id: uuidv7(), documentId: v1, ...fields });
  return { core, v1, v2, v1File, v2File, attachmentId: attachment!.attachmentId, note };
}

/** A highlight quad roughly where a sentence is on v1 (the carrier recomputes quads from v2's text anyway). */
const roughQuad = (top: number): Quad => [72, PAGE_HEIGHT - top, 400, PAGE_HEIGHT - top, 72, PAGE_HEIGHT - top - 16, 400, PAGE_HEIGHT - top - 16];

describe('quads over quoted text (pure)', () => {
  const items: PositionedText[] = [
    { str: 'Ban Chỉ đạo họp', transform: [12, 0, 0, 12, 72, 700], width: 96, height: 12 },
    { str: '', transform: [1, 0, 0, 1, 168, 700], width: 0, height: 0 },
    { str: 'thường kỳ quý IV', transform: [12, 0, 0, 12, 72, 684], width: 100, height: 12 },
  ];
  it('finds a passage across lines whatever the spacing and case, one quad per line, UL UR LL LR', () => {
    const text = searchableText(items);
    const [hit, ...more] = findQuote(text, 'HỌP\n  thường   kỳ');
    expect(more).toEqual([]);
    const quads = quadsForRange(items, text, hit!.start, hit!.end);
    expect(quads).toHaveLength(2);
    const [first, second] = quads as [Quad, Quad];
    // First line: from inside the run to its end; upper edge above the baseline, lower below.
    expect(first[0]).toBeGreaterThan(72 + 96 * 0.6);
    expect(first[2]).toBeCloseTo(168, 1);
    expect(first[1]).toBeGreaterThan(700);
    expect(first[5]).toBeLessThan(700);
    expect(first[0]).toBe(first[4]);
    expect(first[2]).toBe(first[6]);
    // Second line starts at the run's start and ends before "quý".
    expect(second[0]).toBe(72);
    expect(second[2]).toBeLessThan(72 + 100 * 0.7);
    expect(second[1]).toBeGreaterThan(684);
    expect(second[5]).toBeLessThan(684);
  });

  it('follows rotated text and finds nothing that is not there', () => {
    const vertical: PositionedText[] = [{ str: 'Kết luận', transform: [0, 12, -12, 0, 300, 100], width: 48, height: 12 }];
    const text = searchableText(vertical);
    const [hit] = findQuote(text, 'kết luận');
    const [q] = quadsForRange(vertical, text, hit!.start, hit!.end) as [Quad];
    // Written upwards: the quad runs from y=100 to y=148, left of the baseline x=300 for its upper side.
    expect(Math.min(q[1], q[3], q[5], q[7])).toBeCloseTo(100, 0);
    expect(Math.max(q[1], q[3], q[5], q[7])).toBeCloseTo(148, 0);
    expect(q[0]).toBeLessThan(300);
    expect(q[4]).toBeGreaterThan(300);
    expect(findQuote(text, 'kết luận số 2')).toEqual([]);
    expect(findQuote(text, '   ')).toEqual([]);
  });
});

describe('carrying notes to a document’s newer version', () => {
  it('moves markup with its text, keeps the rest by page, lists what cannot be placed, once', async () => {
    const { core, v1, v2, v2File, attachmentId, note } = await meetingWithVersions();
    const made: Record<string, Annotation> = {};
    const save = async (name: string, input: NewAnnotation) => (made[name] = await core.call('annotations.create', input));
    await save('a', note({ kind: 'highlight', pageIndex: 0, color: '#ffd400', opacity: 0.5, geometry: { quads: [roughQuad(120)] }, quotedText: A, contents: 'Cần số liệu', shared: true }));
    await save('b', note({ kind: 'underline', pageIndex: 0, color: '#0055ff', geometry: { quads: [roughQuad(200)] }, quotedText: B }));
    await save('c', note({ kind: 'strikeout', pageIndex: 0, color: '#e02020', geometry: { quads: [roughQuad(280)] }, quotedText: C }));
    await save('ink', note({ kind: 'ink', pageIndex: 0, color: '#1a7f37', thickness: 3, geometry: { strokes: [[[100, 500, 0.4], [150, 540, 0.6], [200, 500, 0.8]]] } }));
    // A sticky note beside B, quoting it: it goes where B went, keeping its place beside it.
    await save('noteB', note({ kind: 'note', pageIndex: 0, color: '#ffb000', geometry: { at: [480, PAGE_HEIGHT - 195] }, quotedText: B, contents: 'Hỏi Sở Tài chính' }));
    await save('rect', note({ kind: 'rectangle', pageIndex: 2, color: '#7030a0', geometry: { rect: [100, 200, 250, 300] } }));
    const gone = await save('gone', note({ kind: 'ellipse', pageIndex: 1, color: '#0070c0', geometry: { rect: [150, 300, 350, 420] } }));
    await core.call('annotations.delete', { ids: [gone.id] });
    // The user had already annotated the new version: theirs stays, the copies come beside it.
    const early = await core.call('annotations.create', { id: uuidv7(), documentId: v2, kind: 'arrow', pageIndex: 1, color: '#e02020', geometry: { from: [120, 200], to: [300, 260] } });

    await core.call('documents.replaceVersion', { attachmentId, documentId: v2 });
    await core.idle();

    const list = (await core.call('annotations.list', { documentId: v2 })).annotations;
    const copyOf = (name: string) => list.find((a) => a.carriedFrom === made[name]!.id);
    expect(list).toHaveLength(7);
    expect(list.find((a) => a.id === early.id)).toMatchObject({ origin: 'local', placement: 'placed' });
    expect(copyOf('gone')).toBeUndefined();
    for (const name of ['a', 'b', 'c', 'ink', 'noteB', 'rect']) {
      const copy = copyOf(name)!;
      const from = made[name]!;
      expect(copy, name).toMatchObject({ origin: 'carried', kind: from.kind, color: from.color, contents: from.contents, quotedText: from.quotedText, shared: from.shared, authorId: from.authorId, authorName: from.authorName, editable: true });
      expect(copy.id).not.toBe(from.id);
    }

    // A: same page, further down; the new quads sit on the words as poppler sees them.
    const a = copyOf('a')!;
    expect(a).toMatchObject({ pageIndex: 0, placement: 'placed' });
    const aBox = quadsBox((a.geometry as { quads: Quad[] }).quads);
    const aWords = popplerBox(v2File, 1, A);
    expect(Math.abs(aBox[0] - aWords[0])).toBeLessThan(3);
    expect(Math.abs(aBox[2] - aWords[2])).toBeLessThan(15);
    expect(aBox[1]).toBeLessThan(aWords[1] + 3);
    expect(aBox[3]).toBeGreaterThan(aWords[3] - 3);
    expect(aBox[3] - aBox[1]).toBeLessThan(25);

    // B: moved to page 2, and further right.
    const b = copyOf('b')!;
    expect(b).toMatchObject({ pageIndex: 1, placement: 'placed' });
    const bBox = quadsBox((b.geometry as { quads: Quad[] }).quads);
    const bWords = popplerBox(v2File, 2, B);
    expect(Math.abs(bBox[0] - bWords[0])).toBeLessThan(3);
    expect(Math.abs(bBox[2] - bWords[2])).toBeLessThan(15);
    expect(Math.abs((bBox[1] + bBox[3]) / 2 - (bWords[1] + bWords[3]) / 2)).toBeLessThan(4);

    // The note quoting B went along with it: same offset from the sentence as before.
    const noteB = copyOf('noteB')!;
    expect(noteB).toMatchObject({ pageIndex: 1, placement: 'placed' });
    const [nx, ny] = (noteB.geometry as { at: [number, number] }).at;
    const bOld = popplerBox(join(v2File, '..', 'Báo cáo (bản 1).pdf'), 1, B);
    expect(nx - bWords[0]).toBeCloseTo(480 - bOld[0], 0);
    expect(ny - bWords[1]).toBeCloseTo(PAGE_HEIGHT - 195 - bOld[1], 0);

    // C was dropped from v2: listed as unplaced, its old geometry kept for the user to place.
    expect(copyOf('c')).toMatchObject({ pageIndex: 0, placement: 'unplaced', geometry: made['c']!.geometry });
    // Ink without a quote: same page, same coordinates.
    expect(copyOf('ink')).toMatchObject({ pageIndex: 0, placement: 'placed', geometry: made['ink']!.geometry });
    // Page 3 is gone: unplaced on the last page.
    expect(copyOf('rect')).toMatchObject({ pageIndex: 1, placement: 'unplaced', geometry: made['rect']!.geometry });

    // The user places the unplaced one where it belongs.
    const c = copyOf('c')!;
    const placed = await core.call('annotations.update', { id: c.id, revision: c.revision, pageIndex: 0, geometry: { quads: [roughQuad(500)] }, placed: true });
    expect(placed.placement).toBe('placed');

    // Done once: the marker holds the counts, and neither another change nor a restart carries again.
    const db = new Database(core.databaseFile, { readonly: true });
    expect(db.prepare('SELECT from_document_id, to_document_id, placed, unplaced FROM annotation_carries').all()).toEqual([
      { from_document_id: v1, to_document_id: v2, placed: 4, unplaced: 2 },
    ]);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'annotations.carry'").pluck().get()).toBe(1);
    db.close();
    const dataDir = core.dataDir;
    await core.close();
    const reopened = await open(dataDir);
    await reopened.idle();
    expect((await reopened.call('annotations.list', { documentId: v2 })).annotations).toHaveLength(7);
    // The old version keeps its notes.
    expect((await reopened.call('annotations.list', { documentId: v1 })).annotations).toHaveLength(6);
  });

  it('on a scanned new version without text, markup is listed as unplaced and drawings keep their page', async () => {
    const { core, v2, attachmentId, note } = await meetingWithVersions('scan');
    const hl = await core.call('annotations.create', note({ kind: 'highlight', pageIndex: 0, color: '#ffd400', geometry: { quads: [roughQuad(120)] }, quotedText: A }));
    const ink = await core.call('annotations.create', note({ kind: 'ink', pageIndex: 1, color: '#1a7f37', geometry: { strokes: [[[100, 500, 0.5], [200, 520, 0.5]]] } }));
    await core.call('documents.replaceVersion', { attachmentId, documentId: v2 });
    await core.idle();
    const list = (await core.call('annotations.list', { documentId: v2 })).annotations;
    expect(list.find((a) => a.carriedFrom === hl.id)).toMatchObject({ placement: 'unplaced', pageIndex: 0 });
    expect(list.find((a) => a.carriedFrom === ink.id)).toMatchObject({ placement: 'placed', pageIndex: 1, geometry: ink.geometry });
  });

  it('carries a member’s notes when a meeting pack brings the newer version', async () => {
    const s = await publishedMeeting(await open());
    const m = await open();
    await m.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
    const r1 = join(tempDir(), 'r1.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file: r1 });
    await m.call('packs.importFile', { file: r1 });
    // The three-page report.
    const attached = (await s.core.call('documents.listForMeeting', { meetingId: s.meetingId })).find((a) => a.document.fileName === 'bao-cao.pdf');
    const v1 = attached!.document.id;
    const ink = await m.call('annotations.create', { id: uuidv7(), documentId: v1, kind: 'ink', pageIndex: 2, color: '#1a7f37', geometry: { strokes: [[[100, 500, 0.5], [200, 520, 0.5]]] } });
    const hl = await m.call('annotations.create', { id: uuidv7(), documentId: v1, kind: 'highlight', pageIndex: 0, color: '#ffd400', geometry: { quads: [roughQuad(120)] }, quotedText: 'Câu này không có trong bản mới' });

    const newer = join(tempDir(), 'bao-cao-v2.pdf');
    await writePdf(newer, V2);
    const v2 = await s.core.call('documents.importFiles', { paths: [newer] });
    const v2Id = v2.results[0]!.ok ? v2.results[0]!.document.id : '';
    await s.core.call('documents.replaceVersion', { attachmentId: attached!.attachmentId, documentId: v2Id });
    const r2 = join(tempDir(), 'r2.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file: r2 });
    await m.call('packs.importFile', { file: r2 });
    await m.idle();

    const list = (await m.call('annotations.list', { documentId: v2Id })).annotations;
    expect(list).toHaveLength(2);
    // v1 had three pages, v2 has two: the page is gone, so the stroke is listed on the last page.
    expect(list.find((a) => a.carriedFrom === ink.id)).toMatchObject({ placement: 'unplaced', pageIndex: 1, authorName: 'Lê Thị Đào' });
    expect(list.find((a) => a.carriedFrom === hl.id)).toMatchObject({ placement: 'unplaced', pageIndex: 0 });
  });
});
