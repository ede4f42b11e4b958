import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDaysKey, dayKey } from '../../shared/vn-time.ts';
import type { Core } from '../../electron/core/index.ts';
import { fingerprintOf } from '../../electron/core/domains/directory/signing.ts';
import { failure } from '../support/core-failure.ts';
import { docxParagraphs, zipEntry } from '../support/docx-text.ts';
import { memberKey } from '../support/member-key.ts';
import { coresClosedAfterEach } from '../support/open-core.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { readZipEntries, rewriteZip, writeZipEntries } from '../support/zip-entries.ts';

const open = coresClosedAfterEach();

afterEach(() => {
  vi.useRealTimers();
});

/** Rows of every written-opinions table, the documents and the audit entries: what a refused file must leave as it was. */
function state(core: Core): Record<string, number> {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    const tables = ['opinion_requests', 'opinion_questions', 'opinion_recipients', 'opinion_documents', 'opinion_own_answers', 'opinion_replies', 'opinion_reply_answers', 'opinion_reminders', 'documents', 'blobs', 'trusted_keys', 'audit_log'];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

async function member(fullName: string, position: string) {
  const core = await open();
  const profile = await core.call('profile.create', { fullName, position, unitName: 'Sở Giao thông vận tải', workRole: 'member' });
  return { core, profile };
}

/**
 * A secretariat with a committee and a PDF, and two members' laptops that trust its key for the
 * committee's packs; the secretariat trusts each member's key as that member's. A third person is
 * asked but has no laptop here (they never answer).
 */
async function world() {
  const s = await publishedMeeting(await open());
  const third = await s.core.call('people.create', { fullName: 'Phạm Văn Bảy', position: 'Phó Giám đốc Sở Tài chính' });
  const [attached] = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
  const documentId = attached!.document.id;
  const dao = await member('Lê Thị Đào', 'Giám đốc Sở');
  const chu = await member('Nguyễn Văn Chủ', 'Phó Chủ tịch UBND tỉnh');
  for (const m of [dao, chu]) {
    await m.core.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng Ban Chỉ đạo', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' } });
  }
  await s.core.call('keys.trust', { publicKey: dao.profile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
  await s.core.call('keys.trust', { publicKey: chu.profile.publicKey, label: 'Nguyễn Văn Chủ', scope: { purpose: 'notes', personId: s.chair.id } });
  const today = dayKey(new Date());
  const request = await s.core.call('opinions.create', {
    committeeId: s.committeeId,
    title: 'Dự thảo Kế hoạch đầu tư đường sắt Lào Cai – Hà Nội',
    body: 'Văn phòng xin ý kiến các đồng chí thành viên về dự thảo kèm theo.',
    questions: ['Đồng ý thông qua dự thảo Kế hoạch?', 'Đồng ý giao Sở Giao thông vận tải chủ trì?'],
    deadline: today,
    documentIds: [documentId],
    recipientIds: [s.member.id, s.chair.id, third.id],
  });
  const dir = tempDir();
  const requestFile = join(dir, 'lay-y-kien.nsykien');
  await s.core.call('opinions.exportFile', { requestId: request.id, file: requestFile });
  return { s, dao, chu, third, documentId, request, requestFile, dir, today };
}

async function answered(m: { core: Core }, requestId: string, file: string, answers: Array<{ choice: 'agree' | 'disagree' | 'other'; text?: string }>) {
  const detail = await m.core.call('opinions.get', { requestId });
  for (const [i, a] of answers.entries()) await m.core.call('opinions.answer', { requestId, questionId: detail.questionList[i]!.id, choice: a.choice, text: a.text });
  await m.core.call('opinions.exportAnswersFile', { requestId, file });
  return file;
}

/** A signed file made by hand, as a forger or another app would: `entries` hashed into a manifest signed by `key`. */
async function handMade(out: string, head: Record<string, unknown>, entries: Map<string, Buffer>, key: ReturnType<typeof memberKey>, fullName = 'Người lạ') {
  const files = [...entries].map(([path, bytes]) => ({ path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }));
  const manifest = Buffer.from(
    JSON.stringify({
      ...head,
      version: 1,
      createdAt: new Date().toISOString(),
      signer: { profileId: '01900000-0000-7000-8000-0000000000aa', fullName, position: '', unitName: '', publicKey: key.publicKey, fingerprint: fingerprintOf(key.publicKey) },
      files,
    }),
  );
  await writeZipEntries(out, new Map([...entries, ['manifest.json', manifest], ['manifest.sig', Buffer.from(key.sign(manifest).toString('base64'))]]));
  return out;
}

describe('written opinions (lấy ý kiến bằng văn bản)', () => {
  it('goes from the request to the members and back, reminds who has not answered, and summarises in a DOCX', async () => {
    const { s, dao, chu, documentId, request, requestFile, dir, today } = await world();
    expect(request).toMatchObject({ origin: 'local', questions: 2, recipients: 3, answered: 0, deadline: today });
    const entries = await readZipEntries(requestFile);
    expect([...entries.keys()].sort()).toEqual(expect.arrayContaining(['manifest.json', 'manifest.sig', 'request.json', `text/${documentId}.json`]));
    expect(JSON.parse(entries.get('manifest.json')!.toString())).toMatchObject({ format: 'nghisu.opinion-request', requestId: request.id, committee: { id: s.committeeId } });

    // The member's laptop receives the request with its document, readable and searchable there.
    const received = await dao.core.call('opinions.importFile', { file: requestFile });
    expect(received).toMatchObject({ kind: 'request', requestId: request.id, questions: 2, documents: 1, updated: false });
    const sent = await s.core.call('documents.get', { id: documentId });
    expect(await dao.core.call('documents.get', { id: documentId })).toMatchObject({ fileName: sent.fileName, sha256: sent.sha256, pageCount: sent.pageCount });
    const onLaptop = await dao.core.call('opinions.get', { requestId: request.id });
    expect(onLaptop).toMatchObject({ origin: 'received', title: request.title, documents: [{ id: documentId }], signer: { fingerprint: expect.any(String) } });
    expect(onLaptop.recipientList.map((r) => r.name)).toEqual(['Lê Thị Đào', 'Nguyễn Văn Chủ', 'Phạm Văn Bảy']);
    // Importing the same request again refreshes it and keeps the member's answers.
    expect((await dao.core.call('opinions.importFile', { file: requestFile })).kind).toBe('request');

    // The secretariat cannot answer its own request, and a member cannot send a request on.
    expect((await failure(s.core.call('opinions.answer', { requestId: request.id, questionId: onLaptop.questionList[0]!.id, choice: 'agree' }))).code).toBe('INVALID_STATE');
    expect((await failure(dao.core.call('opinions.exportFile', { requestId: request.id, file: join(dir, 'x.nsykien') }))).code).toBe('INVALID_STATE');
    // Nothing answered yet: nothing to send.
    expect((await failure(dao.core.call('opinions.exportAnswersFile', { requestId: request.id, file: join(dir, 'empty.nsykien') }))).code).toBe('INVALID_STATE');

    const daoFirst = await answered(dao, request.id, join(dir, 'dao-1.nsykien'), [
      { choice: 'agree' },
      { choice: 'other', text: 'Đề nghị giao Sở Tài chính phối hợp bố trí kinh phí' },
    ]);
    const first = await s.core.call('opinions.importFile', { file: daoFirst });
    expect(first).toMatchObject({ kind: 'answers', requestId: request.id, person: { id: s.member.id, name: 'Lê Thị Đào' }, answers: 2, late: false, replaced: false, unchanged: false });

    // Status: who answered, who not; a reminder goes to those who have not.
    let status = await s.core.call('opinions.get', { requestId: request.id });
    expect(status.answered).toBe(1);
    expect(status.recipientList.filter((r) => r.answeredAt === null).map((r) => r.name)).toEqual(['Nguyễn Văn Chủ', 'Phạm Văn Bảy']);
    const reminder = await s.core.call('opinions.remind', { requestId: request.id });
    expect(reminder.people.map((p) => p.name)).toEqual(['Nguyễn Văn Chủ', 'Phạm Văn Bảy']);
    status = await s.core.call('opinions.get', { requestId: request.id });
    expect(status.recipientList.find((r) => r.name === 'Phạm Văn Bảy')!.remindedAt).toBe(reminder.remindedAt);
    expect(status.recipientList.find((r) => r.name === 'Lê Thị Đào')!.remindedAt).toBeNull();

    // The chair answers two days after the deadline: accepted, marked late.
    await chu.core.call('opinions.importFile', { file: requestFile });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${addDaysKey(today, 2)}T09:00:00+07:00`));
    const chuFile = await answered(chu, request.id, join(dir, 'chu.nsykien'), [{ choice: 'disagree', text: 'Cần đánh giá thêm tác động môi trường' }, { choice: 'agree' }]);
    vi.useRealTimers();
    expect(await s.core.call('opinions.importFile', { file: chuFile })).toMatchObject({ person: { name: 'Nguyễn Văn Chủ' }, late: true });

    // Đào changes her mind: the newer file replaces the earlier; the earlier is then refused, the same one changes nothing.
    const daoSecond = await answered(dao, request.id, join(dir, 'dao-2.nsykien'), [{ choice: 'disagree' }]);
    expect(await s.core.call('opinions.importFile', { file: daoSecond })).toMatchObject({ replaced: true, unchanged: false });
    const before = state(s.core);
    expect((await failure(s.core.call('opinions.importFile', { file: daoFirst }))).code).toBe('CONFLICT');
    expect(await s.core.call('opinions.importFile', { file: daoSecond })).toMatchObject({ unchanged: true });
    expect(state(s.core)).toEqual(before);

    const summary = await s.core.call('opinions.summary', { requestId: request.id });
    expect(summary.questions.map((q) => q.counts)).toEqual([
      { agree: 0, disagree: 2, other: 0, none: 1 },
      { agree: 1, disagree: 0, other: 1, none: 1 },
    ]);
    expect(summary.questions[1]!.texts).toEqual([{ personId: s.member.id, name: 'Lê Thị Đào', choice: 'other', text: 'Đề nghị giao Sở Tài chính phối hợp bố trí kinh phí' }]);
    expect(summary.answered.map((p) => [p.name, p.late])).toEqual([['Lê Thị Đào', false], ['Nguyễn Văn Chủ', true]]);
    expect(summary.notAnswered.map((p) => p.name)).toEqual(['Phạm Văn Bảy']);

    const docx = join(dir, 'tong-hop.docx');
    await s.core.call('opinions.exportSummaryFile', { requestId: request.id, file: docx });
    const xml = await zipEntry(docx, 'word/document.xml');
    const paragraphs = await docxParagraphs(docx);
    for (const words of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Nơi nhận:', 'TL. TRƯỞNG BAN', 'Phạm Văn Bảy', 'Trả lời sau thời hạn']) {
      expect(xml, words).toContain(words);
    }
    expect(paragraphs.some((p) => p.startsWith('Tổng hợp ý kiến bằng văn bản của thành viên về dự thảo Kế hoạch đầu tư đường sắt'))).toBe(true);
    expect(paragraphs).toContain('- Đồng chí Lê Thị Đào (ý kiến khác): Đề nghị giao Sở Tài chính phối hợp bố trí kinh phí');
    expect(paragraphs).toContain('- Đồng chí Nguyễn Văn Chủ (không đồng ý): Cần đánh giá thêm tác động môi trường');
    expect(paragraphs.some((p) => p.startsWith('Chưa có ý kiến (đã đôn đốc ngày'))).toBe(true);
    // The counts table: STT, question, đồng ý, không đồng ý, ý kiến khác, chưa có ý kiến.
    const row = (question: string) => paragraphs.slice(paragraphs.indexOf(question) - 1, paragraphs.indexOf(question) + 5);
    expect(row('Đồng ý thông qua dự thảo Kế hoạch?')).toEqual(['1', 'Đồng ý thông qua dự thảo Kế hoạch?', '0', '2', '0', '1']);
    expect(row('Đồng ý giao Sở Giao thông vận tải chủ trì?')).toEqual(['2', 'Đồng ý giao Sở Giao thông vận tải chủ trì?', '1', '0', '1', '1']);
    expect(paragraphs.some((p) => p.includes('đã nhận được ý kiến của 2/3 thành viên (1 thành viên trả lời sau thời hạn)'))).toBe(true);

    const db = new Database(s.core.databaseFile, { readonly: true });
    const actions = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'opinions.%' ORDER BY seq").pluck().all();
    db.close();
    expect(actions).toEqual(['opinions.create', 'opinions.export', 'opinions.importAnswers', 'opinions.remind', 'opinions.importAnswers', 'opinions.importAnswers', 'opinions.exportSummary']);
  }, 120_000);

  it('refuses bad files with a Vietnamese reason, changing nothing', async () => {
    const { s, dao, third, request, requestFile, dir } = await world();

    // A member who has not trusted the secretariat's key for this committee.
    const stranger = await member('Trần Văn Lạ', 'Chuyên viên');
    let before = state(stranger.core);
    const untrusted = await failure(stranger.core.call('opinions.importFile', { file: requestFile }));
    expect(untrusted.code).toBe('PACK_UNTRUSTED');
    expect(untrusted.text.vi).toContain('chưa được tin cậy');
    expect(state(stranger.core)).toEqual(before);
    // --trust-signer: trusted for this committee's packs, then imported.
    expect(await stranger.core.call('opinions.importFile', { file: requestFile, trustSigner: true })).toMatchObject({ kind: 'request' });

    // Broken request files on the member's laptop.
    before = state(dao.core);
    const garbage = join(dir, 'rac.nsykien');
    writeFileSync(garbage, 'đây không phải tệp zip');
    const truncated = join(dir, 'cut.nsykien');
    const bytes = readFileSync(requestFile);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const tampered = join(dir, 'sua.nsykien');
    await rewriteZip(requestFile, tampered, (e) => e.set('request.json', Buffer.from(e.get('request.json')!.toString().replace('Đồng ý thông qua', 'Đồng ý bác bỏ'))));
    const swapped = join(dir, 'doi-tai-lieu.nsykien');
    await rewriteZip(requestFile, swapped, (e) => {
      const path = [...e.keys()].find((k) => k.startsWith('documents/'))!;
      const pdf = Buffer.from(e.get(path)!);
      pdf[pdf.length - 10] = (pdf[pdf.length - 10] ?? 0) ^ 0xff;
      e.set(path, pdf);
    });
    const extra = join(dir, 'them.nsykien');
    await rewriteZip(requestFile, extra, (e) => e.set('text/01900000-0000-7000-8000-000000000009.json', Buffer.from('[]')));
    const forgedSigner = join(dir, 'gia-mao.nsykien');
    await rewriteZip(requestFile, forgedSigner, (e) => {
      const m = JSON.parse(e.get('manifest.json')!.toString());
      const other = memberKey();
      m.signer.publicKey = other.publicKey;
      m.signer.fingerprint = fingerprintOf(other.publicKey);
      e.set('manifest.json', Buffer.from(JSON.stringify(m)));
    });
    for (const [file, words] of [
      [garbage, 'không phải tệp lấy ý kiến'],
      [truncated, 'không phải tệp lấy ý kiến'],
      [tampered, 'đã bị thay đổi sau khi ký'],
      [swapped, 'đã bị thay đổi sau khi ký'],
      [extra, 'đã bị thay đổi sau khi ký'],
      [forgedSigner, 'Chữ ký của tệp'],
    ] as const) {
      const refused = await failure(dao.core.call('opinions.importFile', { file }));
      expect(refused.code, file).toBe('PACK_INVALID');
      expect(refused.text.vi, file).toContain(words);
    }
    expect(state(dao.core)).toEqual(before);

    // Answers files on the secretariat's laptop.
    await dao.core.call('opinions.importFile', { file: requestFile });
    const good = await answered(dao, request.id, join(dir, 'dao.nsykien'), [{ choice: 'agree' }, { choice: 'agree' }]);
    before = state(s.core);
    const tamperedAnswers = join(dir, 'tra-loi-sua.nsykien');
    await rewriteZip(good, tamperedAnswers, (e) => e.set('answers.json', Buffer.from(e.get('answers.json')!.toString().replace(/agree/g, 'disagree'))));
    expect((await failure(s.core.call('opinions.importFile', { file: tamperedAnswers }))).code).toBe('PACK_INVALID');

    // Signed by a key the secretariat does not trust.
    const forger = memberKey();
    const answers = Buffer.from(JSON.stringify([{ questionId: request.questionList[0]!.id, choice: 'agree', text: null }]));
    const head = { format: 'nghisu.opinion-answers', requestId: request.id, sequence: 9 };
    const unknownKey = await handMade(join(dir, 'la.nsykien'), head, new Map([['answers.json', answers]]), forger);
    const wrongSigner = await failure(s.core.call('opinions.importFile', { file: unknownKey }));
    expect(wrongSigner.code).toBe('PACK_UNTRUSTED');
    expect(wrongSigner.text.vi).toContain('chưa được tin cậy');
    // --trust-signer needs the person the key belongs to.
    expect((await failure(s.core.call('opinions.importFile', { file: unknownKey, trustSigner: true }))).code).toBe('INVALID_INPUT');
    expect(state(s.core)).toEqual(before);

    // A key trusted as a person who was not asked.
    const outsider = await s.core.call('people.create', { fullName: 'Vũ Thị Ngoài', position: 'Chuyên viên' });
    await s.core.call('keys.trust', { publicKey: forger.publicKey, label: 'Vũ Thị Ngoài', scope: { purpose: 'notes', personId: outsider.id } });
    before = state(s.core);
    const notAsked = await failure(s.core.call('opinions.importFile', { file: unknownKey }));
    expect(notAsked.code).toBe('PACK_UNTRUSTED');
    expect(notAsked.text.vi).toContain('không có trong danh sách được xin ý kiến');
    expect(state(s.core)).toEqual(before);

    // Someone else's request: answers to a request this laptop did not make.
    const elsewhere = await handMade(join(dir, 'noi-khac.nsykien'), { ...head, requestId: '01900000-0000-7000-8000-0000000000bb' }, new Map([['answers.json', answers]]), forger);
    const foreign = await failure(s.core.call('opinions.importFile', { file: elsewhere }));
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign.text.vi).toContain('không lập trên máy này');
    expect(state(s.core)).toEqual(before);

    // A question the request does not have, signed by a trusted recipient's key: refused whole.
    await s.core.call('keys.untrust', { fingerprint: fingerprintOf(forger.publicKey) });
    await s.core.call('keys.trust', { publicKey: forger.publicKey, label: 'Phạm Văn Bảy', scope: { purpose: 'notes', personId: third.id } });
    before = state(s.core);
    const badQuestion = Buffer.from(JSON.stringify([{ questionId: '01900000-0000-7000-8000-0000000000cc', choice: 'agree', text: null }]));
    const strayQuestion = await handMade(join(dir, 'cau-la.nsykien'), head, new Map([['answers.json', badQuestion]]), forger, 'Phạm Văn Bảy');
    expect((await failure(s.core.call('opinions.importFile', { file: strayQuestion }))).code).toBe('PACK_INVALID');
    // An answers file carrying more than answers.json.
    const withExtra = await handMade(join(dir, 'thua.nsykien'), head, new Map([['answers.json', answers], ['request.json', Buffer.from('{}')]]), forger, 'Phạm Văn Bảy');
    expect((await failure(s.core.call('opinions.importFile', { file: withExtra }))).code).toBe('PACK_INVALID');
    // A request file brought to the secretariat that made it.
    expect((await failure(s.core.call('opinions.importFile', { file: requestFile }))).code).toBe('INVALID_STATE');
    expect(state(s.core)).toEqual(before);

    // The good file still goes in after all that.
    expect(await s.core.call('opinions.importFile', { file: good })).toMatchObject({ kind: 'answers', person: { name: 'Lê Thị Đào' } });
  }, 120_000);
});
