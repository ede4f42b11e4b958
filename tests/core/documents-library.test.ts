import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { insertMeeting, setMeetingStatus } from '../support/meeting-rows.ts';
import { OFFICIAL_NOTICE, writeOfficialPdf, writeTextPdf } from '../support/pdf-fixtures.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function library(): Promise<{ core: Core; dir: string; notice: DocumentSummary; plain: DocumentSummary; newer: DocumentSummary }> {
  const dir = tempDir();
  core = await createCore({ dataDir: dir, logToFile: false });
  const folder = tempDir();
  await writeOfficialPdf(join(folder, 'thong-bao.pdf'), { ...OFFICIAL_NOTICE, marks: ['MẬT', 'KHẨN'] });
  await writeTextPdf(join(folder, 'ghi-chu.pdf'), ['Ghi chú cuộc họp']);
  await writeOfficialPdf(join(folder, 'thong-bao-v2.pdf'), { ...OFFICIAL_NOTICE, number: '126/TB-BCĐ', placeDate: 'Lào Cai, ngày 07 tháng 01 năm 2026' });
  // One at a time, so "newest first" has a fixed order.
  const imported: DocumentSummary[] = [];
  for (const name of ['thong-bao.pdf', 'ghi-chu.pdf', 'thong-bao-v2.pdf']) {
    const r = (await core.call('documents.importFiles', { paths: [join(folder, name)] })).results[0]!;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    imported.push(r.document);
  }
  const [notice, plain, newer] = imported;
  return { core, dir, notice: notice!, plain: plain!, newer: newer! };
}

function meetingChanges(dir: string, meetingId: string): { revision: number; summary: string }[] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT revision, summary FROM meeting_changes WHERE meeting_id = ? ORDER BY revision').all(meetingId) as { revision: number; summary: string }[];
  } finally {
    db.close();
  }
}

describe('document library', () => {
  it('lists newest first with filters, paging and a metadata keyword', async () => {
    const { core, notice, plain, newer } = await library();
    expect(notice).toMatchObject({ classification: 'confidential', urgency: 'urgent' });
    const all = await core.call('documents.list', {});
    expect(all.total).toBe(3);
    expect(all.items.map((d) => d.id)).toEqual([newer.id, plain.id, notice.id]);
    expect((await core.call('documents.list', { typeCode: 'TB' })).items.map((d) => d.id)).toEqual([newer.id, notice.id]);
    expect((await core.call('documents.list', { classification: 'confidential' })).items.map((d) => d.id)).toEqual([notice.id]);
    expect((await core.call('documents.list', { urgency: 'urgent' })).total).toBe(1);
    expect((await core.call('documents.list', { issuedFrom: '2026-01-06', issuedTo: '2026-01-31' })).items.map((d) => d.id)).toEqual([newer.id]);
    expect((await core.call('documents.list', { kind: 'attachment' })).total).toBe(0);
    expect((await core.call('documents.list', { query: '126/TB' })).items.map((d) => d.id)).toEqual([newer.id]);
    expect((await core.call('documents.list', { query: 'ghi chu' })).items.map((d) => d.id)).toEqual([plain.id]);
    const page = await core.call('documents.list', { limit: 1, offset: 1, sort: 'issueDate' });
    expect(page).toMatchObject({ total: 3, items: [{ id: notice.id }] });
  });

  it('edits metadata (absent fields stay, null clears), refuses a type not in the catalog, and audits', async () => {
    const { core, dir, plain } = await library();
    const edited = await core.call('documents.update', {
      id: plain.id,
      number: '15',
      notation: 'BB-BCĐ',
      issueDate: '2026-01-05',
      issuer: 'Văn phòng Ban Chỉ đạo',
      summary: 'Biên bản phiên họp',
      typeCode: 'BB',
      classification: 'secret',
      urgency: 'flash',
    });
    expect(edited).toMatchObject({ number: '15', notation: 'BB-BCĐ', typeCode: 'BB', typeLabel: 'Biên bản', classification: 'secret', urgency: 'flash' });
    const partial = await core.call('documents.update', { id: plain.id, summary: null, fileName: 'Biên bản 15.pdf' });
    expect(partial).toMatchObject({ summary: null, number: '15', fileName: 'Biên bản 15.pdf', issuer: 'Văn phòng Ban Chỉ đạo' });
    await expect(core.call('documents.update', { id: plain.id, typeCode: 'XYZ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(core.call('documents.update', { id: '01890a5d-ac96-774b-bcce-b302099a8057', number: '1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'documents.update' AND entity_id = ?").pluck().get(plain.id)).toBe(2);
    db.close();
  });

  it('attaches to a meeting and its agenda items, reorders, replaces with a newer version and detaches', async () => {
    const { core, dir, notice, plain, newer } = await library();
    const { meetingId, agendaItemIds } = insertMeeting(dir);
    const other = insertMeeting(dir, { title: 'Cuộc họp khác' });
    const a = await core.call('documents.attach', { documentId: notice.id, meetingId, agendaItemId: agendaItemIds[0]! });
    const b = await core.call('documents.attach', { documentId: plain.id, meetingId, agendaItemId: agendaItemIds[0]! });
    const c = await core.call('documents.attach', { documentId: plain.id, meetingId });
    expect([a.position, b.position, c.position]).toEqual([1, 2, 1]);
    await expect(core.call('documents.attach', { documentId: notice.id, meetingId, agendaItemId: agendaItemIds[0]! })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(core.call('documents.attach', { documentId: notice.id, meetingId, agendaItemId: other.agendaItemIds[0]! })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const reordered = await core.call('documents.reorderAttachments', { meetingId, agendaItemId: agendaItemIds[0]!, attachmentIds: [b.attachmentId, a.attachmentId] });
    expect(reordered.map((m) => [m.attachmentId, m.position])).toEqual([
      [b.attachmentId, 1],
      [a.attachmentId, 2],
    ]);
    await expect(core.call('documents.reorderAttachments', { meetingId, agendaItemId: agendaItemIds[0]!, attachmentIds: [b.attachmentId] })).rejects.toMatchObject({ code: 'CONFLICT' });

    const replaced = await core.call('documents.replaceVersion', { attachmentId: a.attachmentId, documentId: newer.id });
    expect(replaced).toMatchObject({ attachmentId: a.attachmentId, document: { id: newer.id, previousVersionId: notice.id } });
    const newerDetail = await core.call('documents.get', { id: newer.id });
    expect(newerDetail.versions.map((v) => [v.id, v.current])).toEqual([
      [notice.id, false],
      [newer.id, true],
    ]);
    expect(newerDetail.uses).toEqual([expect.objectContaining({ attachmentId: a.attachmentId, meetingId, agendaItemId: agendaItemIds[0], meetingTitle: 'Phiên họp thường kỳ tháng 1' })]);
    const oldDetail = await core.call('documents.get', { id: notice.id });
    expect(oldDetail.versions.map((v) => v.id)).toEqual([notice.id, newer.id]);
    expect(oldDetail.uses).toEqual([]);
    // The old version stays in the library; going back to it would make a loop.
    expect((await core.call('documents.list', {})).total).toBe(3);
    await expect(core.call('documents.replaceVersion', { attachmentId: a.attachmentId, documentId: notice.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    expect((await core.call('documents.listForMeeting', { meetingId })).map((m) => [m.agendaItemId, m.document.id])).toEqual([
      [null, plain.id],
      [agendaItemIds[0], plain.id],
      [agendaItemIds[0], newer.id],
    ]);
    expect((await core.call('documents.list', { meetingId })).total).toBe(2);
    await core.call('documents.detach', { attachmentId: c.attachmentId });
    await expect(core.call('documents.detach', { attachmentId: c.attachmentId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.call('documents.listForMeeting', { meetingId })).toHaveLength(2);
    // A draft meeting changes freely: nothing recorded.
    expect(meetingChanges(dir, meetingId)).toEqual([]);
  });

  it('records every document change of a published meeting, and refuses archived meetings and meetings from a pack', async () => {
    const { core, dir, notice, newer } = await library();
    const { meetingId } = insertMeeting(dir, { status: 'published' });
    const a = await core.call('documents.attach', { documentId: notice.id, meetingId });
    await core.call('documents.replaceVersion', { attachmentId: a.attachmentId, documentId: newer.id });
    await core.call('documents.detach', { attachmentId: a.attachmentId });
    const changes = meetingChanges(dir, meetingId);
    expect(changes.map((c) => c.revision)).toEqual([1, 2, 3]);
    const texts = changes.map((c) => (JSON.parse(c.summary) as { what: string; text: { vi: string } }[])[0]!);
    expect(texts.map((t) => t.what)).toEqual(['documents.attach', 'documents.replace', 'documents.detach']);
    expect(texts[1]!.text.vi).toBe('Thay tài liệu "thong-bao.pdf" bằng phiên bản mới "thong-bao-v2.pdf"');

    setMeetingStatus(dir, meetingId, 'archived');
    await expect(core.call('documents.attach', { documentId: notice.id, meetingId })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const fromPack = insertMeeting(dir, { origin: 'pack' });
    await expect(core.call('documents.attach', { documentId: notice.id, meetingId: fromPack.meetingId })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(core.call('documents.importFiles', { paths: [join(tempDir(), 'x.pdf')], meetingId: fromPack.meetingId })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('deletes a document only when no meeting uses it, removing its file, pages and index entries', async () => {
    const { core, dir, notice, plain } = await library();
    const { meetingId } = insertMeeting(dir);
    const a = await core.call('documents.attach', { documentId: notice.id, meetingId });
    await expect(core.call('documents.delete', { id: notice.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await core.call('documents.detach', { attachmentId: a.attachmentId });
    const file = join(dir, 'blobs', notice.sha256.slice(0, 2), notice.sha256.slice(2));
    expect(existsSync(file)).toBe(true);
    await core.call('documents.delete', { id: notice.id });
    expect(existsSync(file)).toBe(false);
    await expect(core.call('documents.get', { id: notice.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM document_pages WHERE document_id = ?').pluck().get(notice.id)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM blobs WHERE sha256 = ?').pluck().get(notice.sha256)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM documents_fts').pluck().get()).toBe(2);
    db.close();
    expect((await core.call('documents.list', {})).items.map((d) => d.id)).not.toContain(notice.id);
    expect((await core.call('documents.get', { id: plain.id })).id).toBe(plain.id);
  });
});
