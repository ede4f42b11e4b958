import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { type CoreError, type Core } from '../../electron/core/index.ts';
import type { PackImportResult } from '../../shared/contract/index.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { writeSamplePdf } from '../../electron/core/seed/sample-pdf.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { rewriteZip } from '../support/zip-entries.ts';
import { failure } from '../support/core-failure.ts';
import { coresClosedAfterEach } from '../support/open-core.ts';

const open = coresClosedAfterEach();

async function member() {
  const core = await open();
  await core.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
  return core;
}

function counts(core: Core): Record<string, number> {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['meetings', 'agenda_items', 'participants', 'documents', 'document_pages', 'blobs', 'meeting_documents', 'pack_imports', 'trusted_keys']) {
      out[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    }
    return out;
  } finally {
    db.close();
  }
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The profile's private signing key, as a person with access to that laptop has it. */
async function privateKeyOf(core: Core, dataDir: string): Promise<KeyObject> {
  const profile = (await core.call('profile.get', {}))!;
  return createPrivateKey(readFileSync(join(dataDir, 'keys', `${profile.id}.ed25519.pem`), 'utf8'));
}

/**
 * A pack with its meeting.json changed by `edit`, the manifest brought in line and signed again
 * with `key` (whose holder is then the pack's signer): well-formed and validly signed.
 */
async function forge(file: string, out: string, key: KeyObject, signer: { label: string; publicKey: string; fingerprint: string }, edit: (content: Json) => void): Promise<void> {
  await rewriteZip(file, out, (entries) => {
    const content = JSON.parse(entries.get('meeting.json')!.toString('utf8')) as Json;
    edit(content);
    const bytes = Buffer.from(JSON.stringify(content));
    entries.set('meeting.json', bytes);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Json;
    manifest.meetingId = content.meeting.id;
    manifest.revision = content.meeting.revision;
    manifest.signer = signer;
    const listed = (manifest.files as Json[]).find((f) => f.path === 'meeting.json')!;
    listed.size = bytes.length;
    listed.sha256 = createHash('sha256').update(bytes).digest('hex');
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    entries.set('manifest.json', manifestBytes);
    entries.set('manifest.sig', Buffer.from(sign(null, manifestBytes, key).toString('base64')));
  });
}

function row(core: Core, sql: string, ...params: unknown[]): unknown {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return db.prepare(sql).get(...params);
  } finally {
    db.close();
  }
}

describe('meeting packs', () => {
  it('carries a published meeting to a member who trusts the key, documents stored once, searchable', async () => {
    const s = await publishedMeeting(await open());
    const file = join(tempDir(), 'goi.nghisu');
    const exported = await s.core.call('packs.exportFile', { meetingId: s.meetingId, file });
    expect(exported.documents).toBe(2);

    const m = await member();
    const before = counts(m);
    const untrusted = await failure(m.call('packs.importFile', { file }));
    expect(untrusted.code).toBe('PACK_UNTRUSTED');
    expect(untrusted.text.vi).toContain('Trần Thị Thư');
    expect(counts(m)).toEqual(before);

    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng Ban Chỉ đạo', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
    const result = await m.call('packs.importFile', { file });
    expect(result).toMatchObject({ revision: expect.any(Number), documents: 2, previous: null, changes: [] });
    const detail = await m.call('meetings.get', { id: s.meetingId });
    expect(detail.title).toBe('Phiên họp thường kỳ quý IV');
    expect(JSON.stringify(detail)).toContain('Nội dung 5: đường sắt');
    expect(counts(m)).toMatchObject({ meetings: 1, agenda_items: 5, participants: 2, documents: 2, blobs: 2, meeting_documents: 2, pack_imports: 1 });
    const hits = await m.call('documents.search', { query: 'ban chi dao' });
    expect(hits.hits.length).toBeGreaterThan(0);
    // A member cannot edit the secretariat's meeting.
    expect((await failure(m.call('meetings.update', { id: s.meetingId, title: 'Sửa' }))).code).toBe('INVALID_STATE');

    // The same pack again changes nothing and stores nothing twice.
    const again = await m.call('packs.importFile', { file });
    expect(again).toMatchObject({ sameAsPrevious: true, changes: [] });
    expect(counts(m)).toMatchObject({ documents: 2, blobs: 2, pack_imports: 2 });
  });

  it('shows what changed since the pack the member has, keeps old versions and the member’s own documents', async () => {
    const s = await publishedMeeting(await open());
    const m = await member();
    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
    const first = join(tempDir(), 'r1.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file: first });
    await m.call('packs.importFile', { file: first });
    // The member's own document, imported by hand.
    const own = join(tempDir(), 'cua-toi.pdf');
    await writeSamplePdf(own, createRandom(9), 1, 999);
    await m.call('documents.importFiles', { paths: [own] });

    await s.core.call('meetings.update', { id: s.meetingId, startsAt: '2026-12-07T07:00:00.000Z', endsAt: '2026-12-07T09:00:00.000Z' });
    await s.core.call('agenda.add', { meetingId: s.meetingId, title: 'Nội dung bổ sung: giải phóng mặt bằng', durationMinutes: 15 });
    const newer = join(tempDir(), 'bao-cao-v2.pdf');
    await writeSamplePdf(newer, createRandom(3), 2, 125);
    const v2 = await s.core.call('documents.importFiles', { paths: [newer] });
    const newId = v2.results[0]!.ok ? v2.results[0]!.document.id : '';
    const attachments = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
    await s.core.call('documents.replaceVersion', { attachmentId: attachments[0]!.attachmentId, documentId: newId });
    const second = join(tempDir(), 'r2.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file: second });

    const preview = await m.call('packs.importFile', { file: second, dryRun: true });
    const texts = preview.changes.map((c) => c.text.vi).join('\n');
    expect(texts).toContain('Thời gian');
    expect(texts).toContain('Thêm nội dung: "Nội dung bổ sung: giải phóng mặt bằng"');
    expect(texts).toContain('Thay tài liệu bằng phiên bản mới');
    expect(counts(m).pack_imports).toBe(1);

    const result = await m.call('packs.importFile', { file: second });
    expect(result.previous).not.toBeNull();
    const c = counts(m);
    // 2 from the first pack + the new version + the member's own; the old version is kept.
    expect(c.documents).toBe(4);
    expect(c.agenda_items).toBe(6);
    const library = await m.call('documents.list', {});
    expect(library.items.map((d) => d.fileName)).toContain('cua-toi.pdf');
    const history = await m.call('packs.history', { meetingId: s.meetingId });
    expect(history).toHaveLength(2);
    expect(history[0]!.changes.length).toBeGreaterThan(0);
  });

  it('refuses tampered, truncated, unsigned and re-signed packs and stores nothing', async () => {
    const s = await publishedMeeting(await open());
    const dir = tempDir();
    const file = join(dir, 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file });
    const m = await member();
    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
    const before = counts(m);

    const flipped = join(dir, 'flipped.nghisu');
    await rewriteZip(file, flipped, (entries) => {
      const name = [...entries.keys()].find((n) => n.startsWith('documents/'))!;
      const bytes = Buffer.from(entries.get(name)!);
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
      entries.set(name, bytes);
    });
    const editedMeeting = join(dir, 'edited.nghisu');
    await rewriteZip(file, editedMeeting, (entries) => {
      entries.set('meeting.json', Buffer.from(entries.get('meeting.json')!.toString('utf8').replace('Phiên họp thường kỳ quý IV', 'Phiên họp bị sửa')));
    });
    const unsigned = join(dir, 'unsigned.nghisu');
    await rewriteZip(file, unsigned, (entries) => entries.delete('manifest.sig'));
    const truncated = join(dir, 'truncated.nghisu');
    const whole = readFileSync(file);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const notAZip = join(dir, 'text.nghisu');
    writeFileSync(notAZip, 'đây không phải gói tài liệu');

    for (const bad of [flipped, editedMeeting, unsigned, truncated, notAZip]) {
      const e = await failure(m.call('packs.importFile', { file: bad }));
      expect(e.code, bad).toBe('PACK_INVALID');
      expect(e.text.vi.length).toBeGreaterThan(20);
    }
    expect(counts(m)).toEqual(before);

    // A pack edited and re-signed with a stranger's key is well-formed, but nobody trusts that key.
    const strangerDir = tempDir();
    const stranger = await open(strangerDir);
    const strangerProfile = await stranger.call('profile.create', { fullName: 'Người lạ', position: 'Không rõ', unitName: 'Không rõ', workRole: 'secretariat' });
    const strangerKey = createPrivateKey(readFileSync(join(strangerDir, 'keys', `${strangerProfile.id}.ed25519.pem`), 'utf8'));
    const forged = join(dir, 'forged.nghisu');
    await rewriteZip(file, forged, (entries) => {
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { signer: Record<string, string> };
      manifest.signer = { label: 'Người lạ', publicKey: strangerProfile.publicKey, fingerprint: strangerProfile.fingerprint };
      const bytes = Buffer.from(JSON.stringify(manifest));
      entries.set('manifest.json', bytes);
      entries.set('manifest.sig', Buffer.from(sign(null, bytes, strangerKey).toString('base64')));
    });
    expect((await failure(m.call('packs.importFile', { file: forged }))).code).toBe('PACK_UNTRUSTED');
    expect(counts(m)).toEqual(before);
  });

  it('a member’s key trusted for notes cannot sign a pack that renames the committee, changes the chair and declassifies a document', async () => {
    const secretariatDir = tempDir();
    const s = await publishedMeeting(await open(secretariatDir));
    const [attached] = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
    await s.core.call('documents.update', { id: attached!.document.id, classification: 'secret' });
    // The member, Lê Thị Đào, shares notes; the secretariat trusts her key for her notes only.
    const memberDir = tempDir();
    const m = await open(memberDir);
    const memberProfile = await m.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
    const trusted = await s.core.call('keys.trust', { publicKey: memberProfile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
    expect(trusted.grants).toEqual([expect.objectContaining({ purpose: 'notes', personId: s.member.id })]);
    const file = join(tempDir(), 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file, releaseClassified: { reason: 'Gửi thành viên dự họp' } });

    // She signs a pack of a "new" meeting in the secretariat's committee, naming its document.
    const forged = join(tempDir(), 'gia-mao.nghisu');
    await forge(file, forged, await privateKeyOf(m, memberDir), { label: 'Văn phòng UBND tỉnh', publicKey: memberProfile.publicKey, fingerprint: memberProfile.fingerprint }, (c) => {
      c.meeting.id = uuidv7();
      c.committee.name = 'Ban Chỉ đạo đã bị đổi tên';
      c.meeting.chair_person_id = s.member.id;
      for (const d of c.documents) d.classification = 'normal';
      for (const a of c.attachments) a.id = uuidv7();
      for (const p of c.participants) p.id = uuidv7();
      for (const a of c.agendaItems) a.id = uuidv7();
      c.attachments.forEach((a: Json) => (a.agenda_item_id = null));
      for (const a of c.agendaItems) a.parent_id = null;
      c.changes = [];
    });
    const before = counts(s.core);
    const seen = await s.core.call('packs.importFile', { file: forged, dryRun: true });
    expect(seen.signer.trusted).toBe(false);
    const e = await failure(s.core.call('packs.importFile', { file: forged }));
    expect(e.code).toBe('PACK_UNTRUSTED');
    expect(e.text.vi).toContain('Ban Chỉ đạo');
    expect(counts(s.core)).toEqual(before);
    expect(row(s.core, 'SELECT name FROM committees')).toEqual({ name: 'Ban Chỉ đạo các dự án trọng điểm' });
    expect(row(s.core, 'SELECT classification FROM documents WHERE id = ?', attached!.document.id)).toEqual({ classification: 'secret' });
  });

  it('a key trusted for one committee’s packs cannot bring or take over another committee’s meetings', async () => {
    const s = await publishedMeeting(await open());
    const file = join(tempDir(), 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file });
    const m = await member();
    const other = { purpose: 'pack', committeeId: uuidv7(), committeeName: 'Ban Chỉ đạo phòng, chống thiên tai' } as const;
    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: other });
    const before = counts(m);
    expect((await m.call('packs.importFile', { file, dryRun: true })).signer.trusted).toBe(false);
    expect((await failure(m.call('packs.importFile', { file }))).code).toBe('PACK_UNTRUSTED');
    expect(counts(m)).toEqual(before);

    // Trusted for this committee, the pack comes in; a later pack moving the meeting to the other committee does not.
    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' } });
    await m.call('packs.importFile', { file });
    await m.call('keys.untrust', { fingerprint: (await m.call('keys.listTrusted', {}))[0]!.fingerprint, scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' } });
    const secretariatDir = tempDir();
    const s2 = await publishedMeeting(await open(secretariatDir));
    const moved = join(tempDir(), 'chuyen.nghisu');
    const s2Profile = (await s2.core.call('profile.get', {}))!;
    await m.call('keys.trust', { publicKey: s2Profile.publicKey, label: 'Văn phòng 2', scope: other });
    await forge(file, moved, await privateKeyOf(s2.core, secretariatDir), { label: 'Văn phòng 2', publicKey: s2Profile.publicKey, fingerprint: s2Profile.fingerprint }, (c) => {
      c.committee = { ...c.committee, id: other.committeeId, name: other.committeeName };
      c.meeting.committee_id = other.committeeId;
      c.meeting.revision += 1;
      c.meeting.title = 'Cuộc họp bị chiếm';
    });
    const afterFirst = counts(m);
    expect((await failure(m.call('packs.importFile', { file: moved }))).code).toBe('PACK_UNTRUSTED');
    expect(counts(m)).toEqual(afterFirst);
    expect((await m.call('meetings.get', { id: s.meetingId })).title).toBe('Phiên họp thường kỳ quý IV');
  });

  it('refuses a pack older than the one imported unless the downgrade is accepted explicitly', async () => {
    const s = await publishedMeeting(await open());
    const m = await member();
    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' } });
    const r1 = join(tempDir(), 'r1.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file: r1 });
    await s.core.call('meetings.update', { id: s.meetingId, title: 'Phiên họp thường kỳ quý IV (đã dời lịch)' });
    const r2 = join(tempDir(), 'r2.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file: r2 });
    await m.call('packs.importFile', { file: r1 });
    await m.call('packs.importFile', { file: r2 });

    const before = counts(m);
    const seen = await m.call('packs.importFile', { file: r1, dryRun: true });
    expect(seen).toMatchObject({ downgrade: true });
    const e = await failure(m.call('packs.importFile', { file: r1 }));
    expect(e.code).toBe('PACK_DOWNGRADE');
    expect(e.text.vi).toContain('cũ hơn');
    expect(counts(m)).toEqual(before);
    expect((await m.call('meetings.get', { id: s.meetingId })).title).toBe('Phiên họp thường kỳ quý IV (đã dời lịch)');

    const accepted = await m.call('packs.importFile', { file: r1, allowDowngrade: true });
    expect(accepted).toMatchObject({ downgrade: true, revision: seen.revision });
    expect((await m.call('meetings.get', { id: s.meetingId })).title).toBe('Phiên họp thường kỳ quý IV');
    // The newer one is an upgrade again.
    expect(await m.call('packs.importFile', { file: r2, dryRun: true })).toMatchObject({ downgrade: false });
  });

  it('answers PACK_INVALID, storing nothing, for signed packs whose content the database refuses', async () => {
    const secretariatDir = tempDir();
    const s = await publishedMeeting(await open(secretariatDir));
    const file = join(tempDir(), 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file });
    const other = await s.core.call('meetings.clone', { id: s.meetingId });
    await s.core.call('meetings.setStatus', { id: other.meeting.id, status: 'published' });
    const otherFile = join(tempDir(), 'khac.nghisu');
    await s.core.call('packs.exportFile', { meetingId: other.meeting.id, file: otherFile });
    const key = await privateKeyOf(s.core, secretariatDir);
    const profile = (await s.core.call('profile.get', {}))!;
    const signer = { label: 'Văn phòng', publicKey: profile.publicKey, fingerprint: profile.fingerprint };
    const m = await member();
    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' } });
    await m.call('packs.importFile', { file: otherFile });
    const otherItem = (row(m, 'SELECT id FROM agenda_items LIMIT 1') as { id: string }).id;

    const edits: Record<string, (c: Json) => void> = {
      'the same agenda item twice': (c) => c.agendaItems.push({ ...c.agendaItems[0] }),
      'an agenda item of another meeting': (c) => (c.agendaItems[1].id = otherItem),
      'ends before it starts': (c) => (c.meeting.ends_at = '2026-12-07T00:00:00.000Z'),
      'the same person invited twice': (c) => c.participants.push({ ...c.participants[0], id: uuidv7() }),
      'the same document attached twice under one id': (c) => c.attachments.push({ ...c.attachments[0] }),
      'the same document twice': (c) => c.documents.push({ ...c.documents[0] }),
      'agenda items that are each other’s parent': (c) => {
        c.agendaItems[0].parent_id = c.agendaItems[1].id;
        c.agendaItems[1].parent_id = c.agendaItems[0].id;
      },
    };
    const before = counts(m);
    for (const [what, edit] of Object.entries(edits)) {
      const out = join(tempDir(), 'hong.nghisu');
      await forge(file, out, key, signer, edit);
      const e = await m.call('packs.importFile', { file: out }).then(() => ({ code: 'imported', text: { vi: '' } }), (x: CoreError) => x);
      expect(e.code, what).toBe('PACK_INVALID');
      expect(e.text.vi.length, what).toBeGreaterThan(20);
      expect(counts(m), what).toEqual(before);
    }
    // A deeper agenda (an item under a sub-item, listed first) is well-formed and imports.
    const deep = join(tempDir(), 'sau.nghisu');
    await forge(file, deep, key, signer, (c) => {
      c.agendaItems[1].parent_id = c.agendaItems[2].id;
      c.agendaItems[2].parent_id = c.agendaItems[3].id;
    });
    await m.call('packs.importFile', { file: deep });
    expect(counts(m).meetings).toBe(2);
  });

  it('stores a pack’s files and rows under one write lock, nothing left behind when the import fails', async () => {
    const secretariatDir = tempDir();
    const s = await publishedMeeting(await open(secretariatDir));
    const file = join(tempDir(), 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file });
    const key = await privateKeyOf(s.core, secretariatDir);
    const profile = (await s.core.call('profile.get', {}))!;
    const m = await member();
    await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' } });
    const bad = join(tempDir(), 'hong.nghisu');
    await forge(file, bad, key, { label: 'Văn phòng', publicKey: profile.publicKey, fingerprint: profile.fingerprint }, (c) => c.agendaItems.push({ ...c.agendaItems[0] }));
    expect((await failure(m.call('packs.importFile', { file: bad }))).code).toBe('PACK_INVALID');
    // The refused pack's files were never moved into the store ahead of their rows.
    const shas = (await s.core.call('documents.listForMeeting', { meetingId: s.meetingId })).map((a) => a.document.sha256);
    for (const sha of shas) expect(existsSync(join(m.paths.blobs, sha.slice(0, 2), sha.slice(2))), sha).toBe(false);
    const result = (await m.call('packs.importFile', { file })) as PackImportResult;
    expect(result.newDocuments).toBe(2);
    for (const sha of shas) expect(existsSync(join(m.paths.blobs, sha.slice(0, 2), sha.slice(2))), sha).toBe(true);
  });

  it('refuses to export a pack whose stored document was damaged on the disk, naming why, and leaves no file', async () => {
    const s = await publishedMeeting(await open());
    const [first] = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
    const stored = join(s.core.paths.blobs, first!.document.sha256.slice(0, 2), first!.document.sha256.slice(2));
    const bytes = readFileSync(stored);
    bytes[bytes.length - 40]! ^= 0x01;
    writeFileSync(stored, bytes);
    const out = tempDir();
    const e = await failure(s.core.call('packs.exportFile', { meetingId: s.meetingId, file: join(out, 'goi.nghisu') }));
    expect(e.code).toBe('FILE_INVALID');
    expect(e.payload.message.vi).toContain('bị hỏng');
    expect(existsSync(join(out, 'goi.nghisu'))).toBe(false);
  });

  it('exports only published meetings, only with a profile key', async () => {
    const s = await publishedMeeting(await open());
    const draft = await s.core.call('meetings.clone', { id: s.meetingId });
    const e = await failure(s.core.call('packs.exportFile', { meetingId: draft.meeting.id, file: join(tempDir(), 'x.nghisu') }));
    expect(e.code).toBe('INVALID_STATE');
    const exported = await s.core.call('packs.export', { meetingId: s.meetingId });
    expect(exported.file.fileName).toMatch(/^Gói họp 2026-12-07 Phiên họp thường kỳ quý IV \(bản \d+\)\.nghisu$/);
  });
});
