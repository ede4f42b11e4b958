import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../support/sqlite.ts';
import { writeTextPdf } from '../support/pdf-fixtures.ts';
import { syncWorld, UNITS, type Laptop } from './sync-world.ts';

const world = syncWorld();

async function evidencePdf(l: Laptop): Promise<{ id: string; sha256: string }> {
  const file = join(l.dir, 'bao-cao-tien-do.pdf');
  await writeTextPdf(file, ['Báo cáo tiến độ triển khai nền tảng số tỉnh: đã hoàn thành 60% khối lượng.']);
  const imported = await l.core.call('documents.importFiles', { paths: [file] });
  const r = imported.results[0]!;
  if (!r.ok) throw new Error(r.error.message.en);
  return { id: r.document.id, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

function rows<T>(l: Laptop, sql: string, ...params: unknown[]): T[] {
  const db = new Database(l.core.databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

describe('liên thông: the secretariat assigns, the lead unit reports and asks, the secretariat decides', () => {
  it('carries the task, the progress with its evidence PDF, the extension request and its approval between two laptops through the hub', async () => {
    const hub = await world.hub();
    const office = await world.laptop(hub, 'office');
    const khcn = await world.laptop(hub, 'khcn');

    const task = await office.core.call('tasks.create', {
      task: {
        content: 'Xây dựng nền tảng số dùng chung của tỉnh',
        leadUnit: UNITS.khcn.code,
        coordinatingUnits: [UNITS.finance.code],
        assignedOn: '2026-11-02',
        deadline: { kind: 'date', date: '2026-12-31' },
        urgency: 'urgent',
      },
    });
    // A classified task is given the same way and never leaves the laptop.
    await office.core.call('tasks.create', {
      task: { content: 'Rà soát phương án bảo vệ bí mật nhà nước', leadUnit: UNITS.khcn.code, deadline: { kind: 'date', date: '2026-12-31' }, classification: 'secret' },
    });
    expect((await office.core.call('sync.status', {})).pending).toBe(1);

    const first = await office.core.call('sync.run', {});
    expect(first).toMatchObject({ pushed: 1, pending: 0, error: null });
    const held = await hub.query<{ id: string; lead_unit: string; assigner_unit: string }>('SELECT id, lead_unit, assigner_unit FROM assignments');
    expect(held).toEqual([{ id: task.id, lead_unit: UNITS.khcn.code, assigner_unit: UNITS.office.code }]);

    // The Sở's laptop sees the task after a pull, as the lead unit's.
    const pulled = await khcn.core.call('sync.run', {});
    expect(pulled).toMatchObject({ pulled: 1, error: null });
    const received = await khcn.core.call('tasks.get', { id: task.id });
    expect(received).toMatchObject({
      content: 'Xây dựng nền tảng số dùng chung của tỉnh',
      leadUnit: { id: khcn.units.khcn, code: UNITS.khcn.code },
      coordinatingUnits: [{ id: khcn.units.finance }],
      dueDate: '2026-12-31',
      urgency: 'urgent',
      status: 'assigned',
      received: { assignerCode: UNITS.office.code, assignerName: UNITS.office.name },
    });
    expect((await office.core.call('tasks.get', { id: task.id })).received).toBeNull();
    expect((await khcn.core.call('tasks.list', {})).items.map((t) => t.id)).toEqual([task.id]);
    // The assigner's part stays the assigner's.
    await expect(khcn.core.call('tasks.pause', { id: task.id, reason: 'Tạm dừng' })).rejects.toMatchObject({ code: 'INVALID_STATE' });

    // 60% with an evidence PDF, then an extension request.
    const pdf = await evidencePdf(khcn);
    await khcn.core.call('tasks.report', { id: task.id, percent: 60, text: 'Đã hoàn thành khảo sát và thiết kế hệ thống.', documentIds: [pdf.id] });
    await khcn.core.call('tasks.requestExtension', { id: task.id, to: '2027-02-26', reason: 'Chờ bố trí kinh phí năm 2027.' });
    expect(await khcn.core.call('sync.run', {})).toMatchObject({ pushed: 2, pending: 0, error: null });
    expect((await hub.query<{ n: string }>('SELECT count(*) AS n FROM files WHERE sha256 = $1', [pdf.sha256]))[0]!.n).toBe('1');

    // The secretariat sees the progress, the evidence and the request.
    await office.core.call('sync.run', {});
    const seen = await office.core.call('tasks.get', { id: task.id });
    expect(seen).toMatchObject({ status: 'in_progress', percent: 60, extensionPending: true });
    const progress = seen.events.find((e) => e.kind === 'progress')!;
    expect(progress).toMatchObject({ percent: 60, text: 'Đã hoàn thành khảo sát và thiết kế hệ thống.' });
    expect(progress.documents).toHaveLength(1);
    expect(rows<{ blob_sha256: string }>(office, 'SELECT blob_sha256 FROM documents WHERE id = ?', progress.documents[0]!.id)).toEqual([{ blob_sha256: pdf.sha256 }]);
    const request = seen.extensions.find((x) => x.status === 'pending')!;
    expect(request).toMatchObject({ toDate: '2027-02-26', reason: 'Chờ bố trí kinh phí năm 2027.' });

    // Approved at the office → the Sở's laptop sees the new deadline.
    await office.core.call('tasks.decideExtension', { extensionId: request.id, approve: true, note: 'Đồng ý gia hạn.' });
    expect(await office.core.call('sync.run', {})).toMatchObject({ pushed: 1, pending: 0, error: null });
    await khcn.core.call('sync.run', {});
    const after = await khcn.core.call('tasks.get', { id: task.id });
    expect(after).toMatchObject({ dueDate: '2027-02-26', judgedBy: '2027-02-26', originalDeadline: '2026-12-31', extensionPending: false, percent: 60 });
    expect(after.extensions).toMatchObject([{ id: request.id, status: 'approved', note: 'Đồng ý gia hạn.' }]);

    // Nothing lost, nothing doubled: the hub's rows and both laptops' rows agree.
    const hubEvents = await hub.query<{ id: string }>('SELECT id FROM assignment_events ORDER BY id');
    const travelling = "('progress','completed','accepted','returned','paused','resumed','cancelled','reminded','extension_requested','extension_approved','extension_refused')";
    for (const l of [office, khcn]) {
      expect(rows<{ id: string }>(l, `SELECT id FROM task_events WHERE task_id = ? AND kind IN ${travelling} ORDER BY id`, task.id)).toEqual(hubEvents);
      expect(rows(l, 'SELECT count(*) AS n FROM sync_outbox')).toEqual([{ n: 0 }]);
    }
    expect(await hub.query('SELECT count(*)::int AS n FROM assignments')).toEqual([{ n: 1 }]);
    const status = await office.core.call('sync.status', {});
    expect(status).toMatchObject({ pending: 0, conflicts: 0, rejected: 0, lastError: null, unitCode: UNITS.office.code });
    expect(status.lastSuccessAt).not.toBeNull();
  });
});

describe('liên thông: meeting packs through the hub', () => {
  it('the secretariat publishes a published meeting’s signed pack; a member unit’s laptop fetches it and imports it only once its signer is trusted', async () => {
    const hub = await world.hub();
    const office = await world.laptop(hub, 'office');
    const finance = await world.laptop(hub, 'finance');
    const police = await world.laptop(hub, 'police');
    const core = office.core;
    const chair = await core.call('people.create', { fullName: 'Nguyễn Văn Chủ', position: 'Phó Chủ tịch UBND tỉnh', organizationId: office.units.office });
    const member = await core.call('people.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở Tài chính', organizationId: office.units.finance });
    const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo chuyển đổi số tỉnh' });
    await core.call('committees.setMembers', {
      committeeId: committee.id,
      members: [
        { role: 'head', personId: chair.id },
        { role: 'member', personId: member.id },
      ],
    });
    const { meeting } = await core.call('meetings.create', {
      committeeId: committee.id,
      kindCode: 'regular',
      title: 'Phiên họp Ban Chỉ đạo chuyển đổi số tháng 12',
      startsAt: '2026-12-14T01:00:00.000Z',
      endsAt: '2026-12-14T04:00:00.000Z',
      chairPersonId: chair.id,
    });
    await core.call('agenda.add', { meetingId: meeting.id, title: 'Kết quả chuyển đổi số năm 2026', presenter: { personId: member.id }, durationMinutes: 30 });
    await core.call('participants.add', { meetingId: meeting.id, personId: chair.id, role: 'chair' });
    await core.call('participants.add', { meetingId: meeting.id, personId: member.id, role: 'member' });
    await core.call('meetings.setStatus', { id: meeting.id, status: 'published' });

    const published = await core.call('sync.publishPack', { meetingId: meeting.id });
    expect(published).toMatchObject({ direction: 'out', kind: 'meeting_pack', state: 'pending', meetingId: meeting.id });
    expect(await core.call('sync.run', {})).toMatchObject({ error: null });
    expect((await core.call('sync.publications', {}))[0]).toMatchObject({ id: published.id, state: 'sent' });
    expect(await hub.query('SELECT recipients FROM publications')).toEqual([{ recipients: [UNITS.office.code, UNITS.finance.code] }]);

    // A member unit's laptop fetches it; the signer is not trusted yet, so it waits, nothing imported.
    expect(await finance.core.call('sync.run', {})).toMatchObject({ pulled: 1, error: null });
    const [waiting] = await finance.core.call('sync.publications', {});
    expect(waiting).toMatchObject({ direction: 'in', state: 'waiting', title: 'Phiên họp Ban Chỉ đạo chuyển đổi số tháng 12' });
    expect(waiting!.message).toContain('dấu vân tay');
    await expect(finance.core.call('meetings.get', { id: meeting.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Trusted after checking the fingerprint: verified and imported as from a file.
    expect(await finance.core.call('sync.importPublication', { id: waiting!.id, trustSigner: true })).toMatchObject({ state: 'imported' });
    expect((await finance.core.call('meetings.get', { id: meeting.id })).title).toBe('Phiên họp Ban Chỉ đạo chuyển đổi số tháng 12');

    // A unit that is not in the committee never sees it, nor its file.
    expect(await police.core.call('sync.run', {})).toMatchObject({ pulled: 0, error: null });
    expect(await police.core.call('sync.publications', {})).toEqual([]);
  });
});

describe('liên thông: written opinions through the hub', () => {
  it('the secretariat sends a request to the units of the members asked; a member answers online; the answers come back verified and attributed', async () => {
    const hub = await world.hub();
    const office = await world.laptop(hub, 'office');
    const finance = await world.laptop(hub, 'finance');
    const police = await world.laptop(hub, 'police');
    const s = office.core;
    const lan = await s.call('people.create', { fullName: 'Nguyễn Thị Lan', position: 'Giám đốc Sở Tài chính', organizationId: office.units.finance });
    const absent = await s.call('people.create', { fullName: 'Trần Văn Vắng', position: 'Giám đốc Sở Khoa học và Công nghệ', organizationId: office.units.khcn });
    const committee = await s.call('committees.create', { name: 'Ban Chỉ đạo chuyển đổi số tỉnh' });
    await s.call('committees.setMembers', {
      committeeId: committee.id,
      members: [
        { role: 'member', personId: lan.id },
        { role: 'member', personId: absent.id },
      ],
    });
    const request = await s.call('opinions.create', {
      committeeId: committee.id,
      title: 'Dự thảo Kế hoạch chuyển đổi số năm 2027',
      questions: ['Đồng ý thông qua dự thảo Kế hoạch?'],
      deadline: '2099-12-31',
    });

    // Not connected yet on a fourth laptop: a clear refusal, nothing queued.
    const offline = await world.laptop(hub, 'khcn', { configure: false });
    await expect(offline.core.call('sync.publishOpinionRequest', { requestId: request.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });

    const sent = await s.call('sync.publishOpinionRequest', { requestId: request.id });
    expect(sent).toMatchObject({ direction: 'out', kind: 'opinion_request', requestId: request.id, meetingId: null, state: 'pending' });
    expect(await s.call('sync.run', {})).toMatchObject({ error: null });
    expect(await hub.query('SELECT kind, request_id, meeting_id, recipients FROM publications')).toEqual([
      { kind: 'opinion_request', request_id: request.id, meeting_id: null, recipients: [UNITS.khcn.code, UNITS.finance.code] },
    ]);

    // The member's laptop gets it; the secretariat's key is not trusted for this committee yet.
    expect(await finance.core.call('sync.run', {})).toMatchObject({ pulled: 1, error: null });
    const [waiting] = await finance.core.call('sync.publications', {});
    expect(waiting).toMatchObject({ direction: 'in', kind: 'opinion_request', requestId: request.id, state: 'waiting' });
    expect(waiting!.message).toContain('dấu vân tay');
    expect(await finance.core.call('opinions.list', {})).toEqual([]);
    // Answers cannot go back before the request is here.
    await expect(finance.core.call('sync.publishOpinionAnswers', { requestId: request.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await finance.core.call('sync.importPublication', { id: waiting!.id, trustSigner: true })).toMatchObject({ state: 'imported' });
    const received = await finance.core.call('opinions.get', { requestId: request.id });
    expect(received).toMatchObject({ origin: 'received', title: 'Dự thảo Kế hoạch chuyển đổi số năm 2027' });

    await finance.core.call('opinions.answer', { requestId: request.id, questionId: received.questionList[0]!.id, choice: 'other', text: 'Đề nghị bổ sung chỉ tiêu chính quyền số.' });
    const answers = await finance.core.call('sync.publishOpinionAnswers', { requestId: request.id });
    expect(answers).toMatchObject({ direction: 'out', kind: 'opinion_answers', requestId: request.id, state: 'pending' });
    expect(await finance.core.call('sync.run', {})).toMatchObject({ error: null });
    expect((await finance.core.call('sync.publications', {})).find((p) => p.id === answers.id)).toMatchObject({ state: 'sent' });
    // Only the unit that asked receives the answers.
    expect((await hub.query<{ recipients: string[] }>("SELECT recipients FROM publications WHERE kind = 'opinion_answers'"))[0]!.recipients).toEqual([UNITS.office.code]);

    // The secretariat fetches them: the member's key is not trusted as Lan's yet, so they wait.
    expect(await s.call('sync.run', {})).toMatchObject({ pulled: 1, error: null });
    const inbox = (await s.call('sync.publications', {})).find((p) => p.direction === 'in')!;
    expect(inbox).toMatchObject({ kind: 'opinion_answers', requestId: request.id, state: 'waiting' });
    expect((await s.call('opinions.get', { requestId: request.id })).answered).toBe(0);
    await expect(s.call('sync.importPublication', { id: inbox.id, trustSigner: true })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await s.call('sync.importPublication', { id: inbox.id, trustSigner: true, personId: lan.id })).toMatchObject({ state: 'imported' });
    const summary = await s.call('opinions.summary', { requestId: request.id });
    expect(summary.answered.map((a) => a.name)).toEqual(['Nguyễn Thị Lan']);
    expect(summary.notAnswered.map((a) => a.name)).toEqual(['Trần Văn Vắng']);
    expect(JSON.stringify(summary.questions)).toContain('Đề nghị bổ sung chỉ tiêu chính quyền số.');

    // A unit that was not asked sees neither the request nor the answers, and cannot answer.
    expect(await police.core.call('sync.run', {})).toMatchObject({ pulled: 0, error: null });
    expect(await police.core.call('sync.publications', {})).toEqual([]);
  });
});
