import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import yauzl from 'yauzl';
import { createCore, CoreError, type Core } from '../../electron/core/index.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { writeSamplePdf } from '../../electron/core/seed/sample-pdf.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const opened: Core[] = [];
async function open(dataDir = tempDir()): Promise<Core> {
  const core = await createCore({ dataDir, logToFile: false });
  opened.push(core);
  return core;
}
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

async function failure(p: Promise<unknown>): Promise<CoreError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CoreError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

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

/** Rewrite a pack's zip with `change` applied to its entries (name → bytes). */
async function rewrite(file: string, out: string, change: (entries: Map<string, Buffer>) => void): Promise<void> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  zip.close();
  change(entries);
  const w = new yazl.ZipFile();
  for (const [name, bytes] of entries) w.addBuffer(bytes, name);
  w.end();
  const chunks: Buffer[] = [];
  for await (const c of w.outputStream) chunks.push(c as Buffer);
  writeFileSync(out, Buffer.concat(chunks));
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
    await rewrite(file, flipped, (entries) => {
      const name = [...entries.keys()].find((n) => n.startsWith('documents/'))!;
      const bytes = Buffer.from(entries.get(name)!);
      const middle = Math.floor(bytes.length / 2);
      bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
      entries.set(name, bytes);
    });
    const editedMeeting = join(dir, 'edited.nghisu');
    await rewrite(file, editedMeeting, (entries) => {
      entries.set('meeting.json', Buffer.from(entries.get('meeting.json')!.toString('utf8').replace('Phiên họp thường kỳ quý IV', 'Phiên họp bị sửa')));
    });
    const unsigned = join(dir, 'unsigned.nghisu');
    await rewrite(file, unsigned, (entries) => entries.delete('manifest.sig'));
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
    await rewrite(file, forged, (entries) => {
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { signer: Record<string, string> };
      manifest.signer = { label: 'Người lạ', publicKey: strangerProfile.publicKey, fingerprint: strangerProfile.fingerprint };
      const bytes = Buffer.from(JSON.stringify(manifest));
      entries.set('manifest.json', bytes);
      entries.set('manifest.sig', Buffer.from(sign(null, bytes, strangerKey).toString('base64')));
    });
    expect((await failure(m.call('packs.importFile', { file: forged }))).code).toBe('PACK_UNTRUSTED');
    expect(counts(m)).toEqual(before);
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
