// The machine's clock zone must not matter: run as if the laptop were set to New York.
process.env.TZ = 'America/New_York';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wordText, zipEntry } from '../support/docx-text.ts';
import { writePlan } from '../support/plan-rows.ts';
import { exported, meetingWithDraft, pdfPages, meetingsWorld, query, readyMeeting, refused, type MeetingsWorld } from './meetings-fixture.ts';
import { readStoredBlob } from '../support/document-store.ts';

function at(local: string): void {
  vi.setSystemTime(new Date(`${local}+07:00`));
}

let w: MeetingsWorld;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-04-02T09:00:00');
  w = await meetingsWorld();
});
afterEach(async () => {
  await w.core.close();
  vi.useRealTimers();
});

/** Kế hoạch năm 2026 of the committee: economy and society, one target outside any group. */
function plan() {
  const { d } = w;
  return writePlan(w.core.databaseFile, {
    title: 'Kế hoạch thực hiện các chỉ tiêu phát triển kinh tế - xã hội năm 2026',
    committeeId: d.committee,
    years: [2026, 2026],
    groups: [
      { code: 'I', title: 'Chỉ tiêu kinh tế' },
      { code: '1', title: 'Thu, chi ngân sách', parent: 0 },
      { code: 'II', title: 'Chỉ tiêu xã hội' },
    ],
    targets: [
      { name: 'Tốc độ tăng trưởng GRDP', measure: '%', ownerOrgId: d.ubnd, group: 0, goals: { '2026': 9, '2026-Q1': 8 } },
      { name: 'Thu ngân sách nhà nước trên địa bàn', measure: 'tỷ đồng', ownerOrgId: d.soTaiChinh, group: 1, goals: { '2026': 12_000 } },
      { name: 'Tỷ lệ hộ nghèo', measure: '%', ownerOrgId: d.vanPhong, direction: 'lower', group: 2, goals: { '2026': 3, '2026-Q1': 3.5 } },
      { name: 'Số vụ tai nạn giao thông', measure: 'vụ', ownerOrgId: d.congAn, direction: 'lower', group: null, goals: { '2026-Q1': 40 } },
    ],
  });
}

describe('action plans and reported values', () => {
  it('lists the plan and reads back its tree, goals and periods', async () => {
    const { planId, targetIds } = plan();
    const list = await w.core.call('plans.list', { committeeId: w.d.committee });
    expect(list).toMatchObject([{ id: planId, yearFrom: 2026, yearTo: 2026, targets: 4, reported: 0, thresholds: { nearPercent: 80, metPercent: 100 } }]);
    expect(await w.core.call('plans.list', { committeeId: '01900000-0000-7000-8000-0000000000ff' })).toEqual([]);
    const detail = await w.core.call('plans.get', { planId });
    expect(detail.groups.map((g) => [g.code, g.parentId === null])).toEqual([['I', true], ['1', false], ['II', true]]);
    expect(detail.targets[1]).toMatchObject({ id: targetIds[1], measure: 'tỷ đồng', ownerUnit: { name: 'Sở Tài chính' }, goals: { '2026': 12_000 }, actuals: {} });
    expect(detail.periods).toEqual(['2026', '2026-Q1']);
  });

  it('a report is kept as history; the standing as of a past day uses what was known then', async () => {
    const { planId, targetIds } = plan();
    const [grdp, , poverty] = targetIds;
    await w.core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
    at('2026-04-05T10:00:00');
    await w.core.call('targets.report', { targetId: grdp!, period: '2026-Q1', value: 7.1, note: 'Số ước tính' });
    await w.core.call('targets.report', { targetId: poverty!, period: '2026-Q1', value: 3.2 });
    at('2026-04-20T10:00:00');
    // The statistics office's final figure replaces the estimate.
    const corrected = await w.core.call('targets.report', { targetId: grdp!, period: '2026-Q1', value: 8.2, note: 'Số chính thức của Cục Thống kê' });
    expect(corrected).toMatchObject({ value: 8.2, period: '2026-Q1', note: 'Số chính thức của Cục Thống kê' });

    const now = await w.core.call('plans.standing', { planId, period: '2026-Q1' });
    const row = (id: string) => now.rows.find((r) => r.targetId === id)!;
    expect(row(grdp!)).toMatchObject({ goal: 8, goalPeriod: '2026-Q1', actual: 8.2, percent: 102.5, status: 'met' });
    // Lower is better: 3,5 % allowed, 3,2 % reached.
    expect(row(poverty!)).toMatchObject({ goal: 3.5, actual: 3.2, status: 'met' });
    // Only a yearly goal: compared with the year's plan.
    expect(row(targetIds[1]!)).toMatchObject({ goal: 12_000, goalPeriod: '2026', actual: null, status: 'none' });
    expect(now.counts).toEqual({ met: 2, near: 0, missed: 0, none: 2 });

    const then = await w.core.call('plans.standing', { planId, period: '2026-Q1', asOf: '2026-04-10' });
    expect(then.rows.find((r) => r.targetId === grdp)).toMatchObject({ actual: 7.1, percent: 88.8, status: 'near' });
    const before = await w.core.call('plans.standing', { planId, period: '2026-Q1', asOf: '2026-04-04' });
    expect(before.counts.none).toBe(4);

    const history = await w.core.call('targets.history', { targetId: grdp! });
    expect(history.actuals.map((a) => a.value)).toEqual([8.2, 7.1]);
    // Who reported, as they were named then.
    expect(history.actuals[0]!.reportedBy?.name).toBe('Đỗ Quang Đạt, Chuyên viên');
    expect(history.goals).toEqual([{ period: '2026', value: 9 }, { period: '2026-Q1', value: 8 }]);
    expect(history.target.actuals['2026-Q1']!.value).toBe(8.2);
    expect((await w.core.call('plans.list', {}))[0]!.reported).toBe(2);
    const audit = query<{ action: string; detail: string }>(w.core, "SELECT action, detail FROM audit_log WHERE action = 'targets.report'");
    expect(audit).toHaveLength(3);
  });

  it('the heat-map crosses owning units with the plan’s top-level groups', async () => {
    const { planId, targetIds, groupIds } = plan();
    await w.core.call('targets.report', { targetId: targetIds[0]!, period: '2026-Q1', value: 6 });
    await w.core.call('targets.report', { targetId: targetIds[3]!, period: '2026-Q1', value: 52 });
    const s = await w.core.call('plans.standing', { planId, period: '2026-Q1' });
    expect(s.heatmap.groups).toEqual([
      { id: groupIds[0], title: 'I. Chỉ tiêu kinh tế' },
      { id: groupIds[2], title: 'II. Chỉ tiêu xã hội' },
      { id: null, title: 'Chỉ tiêu khác' },
    ]);
    // The sub-group's target counts under its top-level group "I".
    const cell = (unitId: string, groupId: string | null) => s.heatmap.cells.find((c) => c.unitId === unitId && c.groupId === groupId);
    expect(cell(w.d.soTaiChinh, groupIds[0]!)).toMatchObject({ counts: { none: 1 }, meanPercent: null });
    expect(cell(w.d.ubnd, groupIds[0]!)).toMatchObject({ counts: { missed: 1 }, meanPercent: 75 });
    expect(cell(w.d.congAn, null)).toMatchObject({ counts: { missed: 1 }, meanPercent: 76.9 });
    expect(s.heatmap.units.map((u) => u?.name)).toHaveLength(4);
  });

  it('thresholds set per plan change the verdicts and are audited', async () => {
    const { planId, targetIds } = plan();
    await w.core.call('targets.report', { targetId: targetIds[0]!, period: '2026-Q1', value: 7.4 });
    expect((await w.core.call('plans.standing', { planId, period: '2026-Q1' })).rows[0]!.status).toBe('near');
    await w.core.call('plans.setThresholds', { planId, thresholds: { nearPercent: 95, metPercent: 100 } });
    expect((await w.core.call('plans.standing', { planId, period: '2026-Q1' })).rows[0]!.status).toBe('missed');
    expect(query(w.core, "SELECT 1 FROM audit_log WHERE action = 'plans.setThresholds'")).toHaveLength(1);
  });

  it('refuses a period outside the plan, a missing evidence document and an unknown target, writing nothing', async () => {
    const { targetIds, planId } = plan();
    const e = await refused(w.core.call('targets.report', { targetId: targetIds[0]!, period: '2027-Q1', value: 9 }), 'INVALID_INPUT');
    expect(JSON.stringify(e.details ?? e.message)).toContain('Quý I/2027 nằm ngoài thời gian của kế hoạch');
    await refused(w.core.call('targets.report', { targetId: targetIds[0]!, period: '2026', value: 9, evidenceDocumentId: '01900000-0000-7000-8000-0000000000aa' }), 'NOT_FOUND');
    await refused(w.core.call('targets.report', { targetId: '01900000-0000-7000-8000-0000000000ab', period: '2026', value: 9 }), 'NOT_FOUND');
    await refused(w.core.call('plans.get', { planId: '01900000-0000-7000-8000-0000000000ac' }), 'NOT_FOUND');
    expect(query(w.core, 'SELECT 1 FROM target_actuals')).toHaveLength(0);
    expect((await w.core.call('plans.get', { planId })).plan.reported).toBe(0);
  });
});

describe('the weekly review joins the meeting loop', () => {
  it('adds an agenda item with the last whole week’s tasks report attached as a PDF, once', async () => {
    at('2026-12-03T09:00:00');
    const { d } = w;
    const earlier = await meetingWithDraft(w);
    const v = await w.core.call('minutes.addConclusion', { meetingId: earlier.id, agendaItemId: earlier.firstItem, text: 'Sở Tài chính rà soát định mức chi.', leadUnitId: d.soTaiChinh });
    await w.core.call('tasks.create', {
      source: { kind: 'conclusion', meetingId: earlier.id, conclusionId: v.conclusions[0]!.id },
      task: { content: 'Rà soát định mức chi thường xuyên', leadUnit: d.soTaiChinh, assignedOn: '2026-11-02', deadline: { kind: 'date', date: '2026-11-27' } },
    });
    // The meeting is on Tuesday 8/12: the week reported is 30/11–6/12, as of today (Thursday 3/12) while it runs.
    const m = await readyMeeting(w, { startsAt: new Date('2026-12-08T08:00:00+07:00').toISOString(), endsAt: new Date('2026-12-08T11:00:00+07:00').toISOString() });
    const added = await w.core.call('reports.addWeeklyReview', { meetingId: m.id });
    expect(added).toMatchObject({ period: '2026-W49', asOf: '2026-12-03' });
    const items = query<{ id: string; title: string; description: string }>(w.core, 'SELECT id, title, description FROM agenda_items WHERE meeting_id = ? ORDER BY position', m.id);
    const item = items.find((i) => i.id === added.agendaItemId)!;
    expect(item.title).toMatch(/^Đánh giá tình hình thực hiện nhiệm vụ tuần/u);
    expect(item.description).toContain('quá hạn 1');
    const attached = query<{ agenda_item_id: string; document_id: string }>(w.core, 'SELECT agenda_item_id, document_id FROM meeting_documents WHERE meeting_id = ?', m.id);
    expect(attached).toEqual([{ agenda_item_id: added.agendaItemId, document_id: added.documentId }]);
    const [blob] = query<{ sha256: string }>(w.core, 'SELECT blob_sha256 AS sha256 FROM documents WHERE id = ?', added.documentId);
    const pages = await pdfPages(readStoredBlob(w.core.dataDir, blob!.sha256));
    expect(pages.join(' ').replace(/\s+/g, ' ')).toContain('Rà soát định mức chi thường xuyên');
    expect(query(w.core, "SELECT 1 FROM audit_log WHERE action = 'reports.attach'")).toHaveLength(1);

    await refused(w.core.call('reports.addWeeklyReview', { meetingId: m.id }), 'CONFLICT');
    await refused(w.core.call('reports.addWeeklyReview', { meetingId: '01900000-0000-7000-8000-0000000000ad' }), 'NOT_FOUND');
  });
});

describe('a report stored in a meeting', () => {
  it('goes into the meeting’s documents as a PDF under the chosen item, searchable like any document (so its pack carries it)', async () => {
    at('2026-12-20T09:00:00');
    const m = await readyMeeting(w);
    const stored = await w.core.call('reports.attachToMeeting', { report: 'tasks', kind: 'month', asOf: '2026-12-14', meetingId: m.id, agendaItemId: m.secondItem, issue: { number: '15' } });
    expect(stored.fileName).toBe('Báo cáo nhiệm vụ tháng 12-2026.pdf');
    expect(query(w.core, 'SELECT agenda_item_id FROM meeting_documents WHERE document_id = ?', stored.documentId)).toEqual([{ agenda_item_id: m.secondItem }]);
    await w.core.idle();
    const found = await w.core.call('documents.search', { query: 'Báo cáo tình hình thực hiện nhiệm vụ' });
    expect(found.hits.map((h) => h.document.id)).toContain(stored.documentId);
    const audit = query<{ detail: string }>(w.core, "SELECT detail FROM audit_log WHERE action = 'reports.attach'");
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ report: 'tasks', period: '2026-12', meetingId: m.id, documentId: stored.documentId });
    await refused(w.core.call('reports.attachToMeeting', { report: 'tasks', kind: 'month', meetingId: '01900000-0000-7000-8000-0000000000ae' }), 'NOT_FOUND');

    // A document of the store can be a reported value's evidence.
    const { targetIds } = plan();
    await w.core.call('targets.report', { targetId: targetIds[1]!, period: '2026', value: 12_500, evidenceDocumentId: stored.documentId });
    expect((await w.core.call('targets.history', { targetId: targetIds[1]! })).actuals[0]).toMatchObject({ value: 12_500, evidenceDocumentId: stored.documentId });
  });
});

describe('a committee’s tasks report carries its action plan’s targets', () => {
  it('adds section IV with the targets of the period as known at the cut-off, in Word and in Excel', async () => {
    const { d } = w;
    const { targetIds } = plan();
    const earlier = await meetingWithDraft(w);
    const v = await w.core.call('minutes.addConclusion', { meetingId: earlier.id, agendaItemId: earlier.firstItem, text: 'Đẩy nhanh giải ngân vốn đầu tư công.', leadUnitId: d.soTaiChinh });
    at('2026-03-02T09:00:00');
    await w.core.call('tasks.create', {
      source: { kind: 'conclusion', meetingId: earlier.id, conclusionId: v.conclusions[0]!.id },
      task: { content: 'Đẩy nhanh giải ngân vốn đầu tư công', leadUnit: d.soTaiChinh, assignedOn: '2026-03-02', deadline: { kind: 'date', date: '2026-06-30' } },
    });
    at('2026-03-10T09:00:00');
    await w.core.call('targets.report', { targetId: targetIds[0]!, period: '2026-Q1', value: 8.4 });
    // After the quarter's cut-off (14/3): not in the report as of that day.
    at('2026-03-20T09:00:00');
    await w.core.call('targets.report', { targetId: targetIds[2]!, period: '2026-Q1', value: 5 });

    const input = { kind: 'quarter' as const, asOf: '2026-03-14', committeeId: d.committee };
    const report = await w.core.call('reports.tasks', input);
    expect(report.targets).toMatchObject({ period: '2026-Q1', asOf: '2026-03-14', counts: { met: 1, near: 0, missed: 0, none: 3 } });
    const docx = exported(w.core, await w.core.call('reports.tasksExport', { ...input, format: 'docx' }));
    const file = join(w.dir, 'bc-quy-1.docx');
    writeFileSync(file, docx);
    const paragraphs = wordText(await zipEntry(file, 'word/document.xml'));
    expect(paragraphs).toContain('IV. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU');
    expect(paragraphs).toContain('V. ĐÁNH GIÁ CHUNG, KIẾN NGHỊ, ĐỀ XUẤT');
    expect(paragraphs).toContain('Tốc độ tăng trưởng GRDP');
    expect(paragraphs.some((p) => p.startsWith('Kế hoạch thực hiện các chỉ tiêu phát triển kinh tế - xã hội năm 2026: 4 chỉ tiêu, trong đó đạt 1'))).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported(w.core, await w.core.call('reports.tasksExport', { ...input, format: 'xlsx' })) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('Chỉ tiêu');

    // The standing office's own report (no committee) has no section on targets.
    const office = await w.core.call('reports.tasks', { kind: 'quarter', asOf: '2026-03-14' });
    expect(office.targets).toBeNull();
  });
});
