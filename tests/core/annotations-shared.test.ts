import { createHash, createPrivateKey, sign } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { NewAnnotation, UploadRef } from '../../shared/contract/index.ts';
import { type Core } from '../../electron/core/index.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { writeSamplePdf } from '../../electron/core/seed/sample-pdf.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { readZipEntries, writeZipEntries } from '../support/zip-entries.ts';
import { failure } from '../support/core-failure.ts';
import { coresClosedAfterEach } from '../support/open-core.ts';

const open = coresClosedAfterEach();

/** What a UI host does with a file the user picked: stage it and pass its reference. */
function stage(core: Core, file: string, fileName = 'ghi-chu.nsghichu'): UploadRef {
  const uploadId = uuidv7();
  mkdirSync(core.paths.staging, { recursive: true });
  copyFileSync(file, join(core.paths.staging, uploadId));
  return { uploadId, fileName };
}

function counts(core: Core): Record<string, number> {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return {
      annotations: db.prepare('SELECT count(*) FROM annotations').pluck().get() as number,
      imports: db.prepare('SELECT count(*) FROM annotation_imports').pluck().get() as number,
      audit: db.prepare("SELECT count(*) FROM audit_log WHERE action LIKE 'annotations.%'").pluck().get() as number,
      trusted: db.prepare('SELECT count(*) FROM trusted_keys').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}


/**
 * The secretariat publishes a meeting with two PDFs; a member receives it as a pack (documents keep
 * their ids) and annotates the first one.
 */
async function memberWithPack() {
  const s = await publishedMeeting(await open());
  const memberDir = tempDir();
  const m = await open(memberDir);
  const profile = await m.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
  await m.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng Ban Chỉ đạo', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
  const pack = join(tempDir(), 'goi.nghisu');
  await s.core.call('packs.exportFile', { meetingId: s.meetingId, file: pack });
  await m.call('packs.importFile', { file: pack });
  const [attached] = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
  const documentId = attached!.document.id;
  const note = (fields: Omit<NewAnnotation, 'id' | 'documentId'>): NewAnnotation => ({ id: uuidv7(), documentId, ...fields });
  return { s, m, memberDir, profile, documentId, note };
}

function exportedPath(core: Core, exported: { exportId: string; fileName: string }): string {
  return join(core.paths.exports, exported.exportId, exported.fileName);
}

describe('a member’s shared notes as a signed file', () => {
  it('carries only the notes the member shared, attributed to them, and a newer file replaces the earlier one', async () => {
    const { s, m, profile, documentId, note } = await memberWithPack();
    const highlight = await m.call(
      'annotations.create',
      note({ kind: 'highlight', pageIndex: 0, color: '#ffd400', opacity: 0.5, geometry: { quads: [[85, 700, 300, 700, 85, 686, 300, 686]] }, quotedText: 'BÁO CÁO', contents: 'Số liệu quý III chưa khớp' }),
    );
    const ink = await m.call('annotations.create', note({ kind: 'ink', pageIndex: 1, color: '#1a7f37', thickness: 3, geometry: { strokes: [[[100, 500, 0.4], [150, 540, 0.6], [200, 500, 0.8]]] } }));
    await m.call('annotations.create', note({ kind: 'note', pageIndex: 0, color: '#ffb000', geometry: { at: [400, 450] }, contents: 'Riêng tôi: hỏi lại anh Chủ' }));

    // Nothing is shared yet: the member is told which switch to turn on.
    const none = await failure(m.call('annotations.exportShared', { documentId }));
    expect(none.code).toBe('INVALID_STATE');
    expect(none.text.vi).toContain('Chia sẻ với cuộc họp');

    await m.call('annotations.update', { id: highlight.id, revision: highlight.revision, shared: true });
    await m.call('annotations.update', { id: ink.id, revision: ink.revision, shared: true });
    const exported = await m.call('annotations.exportShared', { documentId });
    expect(exported.fileName).toMatch(/-ghi-chu-chia-se\.nsghichu$/);
    const file = exportedPath(m, exported);
    const entries = await readZipEntries(file);
    expect([...entries.keys()].sort()).toEqual(['annotations.json', 'manifest.json', 'manifest.sig']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ format: 'nghisu.shared-annotations', version: 1, count: 2, document: { id: documentId }, author: { profileId: profile.id, fullName: 'Lê Thị Đào' } });
    // The private note never leaves the member's laptop.
    expect(entries.get('annotations.json')!.toString('utf8')).not.toContain('Riêng tôi');

    // The secretariat sees who signed it before trusting the key.
    const before = counts(s.core);
    const seen = await s.core.call('annotations.inspectShared', { upload: stage(s.core, file) });
    expect(seen).toMatchObject({
      signer: { fingerprint: profile.fingerprint, trusted: false },
      document: { id: documentId, known: true },
      authorName: 'Lê Thị Đào',
      count: 2,
    });
    expect(seen.signer.label).toContain('Giám đốc Sở');
    const untrusted = await failure(s.core.call('annotations.importShared', { upload: stage(s.core, file) }));
    expect(untrusted.code).toBe('PACK_UNTRUSTED');
    expect(untrusted.details).toMatchObject({ fingerprint: profile.fingerprint, publicKey: profile.publicKey });
    expect(counts(s.core)).toEqual(before);

    // Trusting a notes key binds it to the person of the directory who holds it.
    expect((await failure(s.core.call('annotations.importFile', { file, trustSigner: true }))).code).toBe('INVALID_INPUT');
    const imported = await s.core.call('annotations.importFile', { file, trustSigner: true, personId: s.member.id });
    expect(imported).toEqual({ documentId, imported: 2, updated: 0, authorName: 'Lê Thị Đào' });
    let list = await s.core.call('annotations.list', { documentId });
    expect(list.annotations).toHaveLength(2);
    for (const a of list.annotations) expect(a).toMatchObject({ origin: 'shared-import', authorId: s.member.id, authorName: 'Lê Thị Đào', editable: false, shared: true });
    expect(list.annotations.find((a) => a.kind === 'highlight')).toMatchObject({ id: highlight.id, geometry: highlight.geometry, contents: 'Số liệu quý III chưa khớp', color: '#FFD400' });
    expect(list.authors).toEqual([{ authorId: s.member.id, authorName: 'Lê Thị Đào', count: 2, self: false }]);
    const member = list.annotations[0]!;
    expect((await failure(s.core.call('annotations.update', { id: member.id, revision: member.revision, color: '#000000' }))).code).toBe('INVALID_STATE');
    const db = new Database(s.core.databaseFile, { readonly: true });
    expect(db.prepare("SELECT kind, author_id, signer_fingerprint, annotation_count FROM annotation_imports").all()).toEqual([
      { kind: 'shared', author_id: s.member.id, signer_fingerprint: profile.fingerprint, annotation_count: 2 },
    ]);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'annotations.importShared'").pluck().get()).toBe(1);
    db.close();

    // The member un-shares the ink, edits the highlight and shares a new text box: the newer file replaces the old.
    const inkNow = (await m.call('annotations.list', { documentId })).annotations.find((a) => a.id === ink.id)!;
    await m.call('annotations.update', { id: ink.id, revision: inkNow.revision, shared: false });
    const hlNow = (await m.call('annotations.list', { documentId })).annotations.find((a) => a.id === highlight.id)!;
    await m.call('annotations.update', { id: highlight.id, revision: hlNow.revision, contents: 'Đề nghị Sở Tài chính giải trình' });
    await m.call('annotations.create', note({ kind: 'freetext', pageIndex: 1, color: '#c00000', fontSize: 12, geometry: { rect: [300, 400, 480, 460] }, contents: 'Bổ sung ý kiến', shared: true }));
    const second = exportedPath(m, await m.call('annotations.exportShared', { documentId }));
    const again = await s.core.call('annotations.importShared', { upload: stage(s.core, second) });
    expect(again).toMatchObject({ imported: 1, updated: 1 });
    list = await s.core.call('annotations.list', { documentId });
    expect(list.annotations.map((a) => a.kind).sort()).toEqual(['freetext', 'highlight']);
    expect(list.annotations.find((a) => a.kind === 'highlight')!.contents).toBe('Đề nghị Sở Tài chính giải trình');

    // On the member's own laptop their own file is refused: those notes are there already.
    expect((await failure(m.call('annotations.importFile', { file: second }))).code).toBe('INVALID_STATE');
  });

  it('refuses a notes file whose stated author is not the person its key is trusted for, and never lets one member replace another’s notes', async () => {
    const { s, m, profile, documentId, note } = await memberWithPack();
    await m.call('annotations.create', note({ kind: 'note', pageIndex: 0, color: '#ffb000', geometry: { at: [400, 450] }, contents: 'Ý kiến của Sở', shared: true }));
    const file = exportedPath(m, await m.call('annotations.exportShared', { documentId }));
    await s.core.call('keys.trust', { publicKey: profile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
    await s.core.call('annotations.importFile', { file });

    // A second member, the chair, has a key the secretariat trusts for the chair's own notes.
    const chairDir = tempDir();
    const chairCore = await open(chairDir);
    const chair = await chairCore.call('profile.create', { fullName: 'Nguyễn Văn Chủ', position: 'Phó Chủ tịch UBND tỉnh', unitName: 'UBND tỉnh', workRole: 'member' });
    await s.core.call('keys.trust', { publicKey: chair.publicKey, label: 'Nguyễn Văn Chủ', scope: { purpose: 'notes', personId: s.chair.id } });
    // A key speaks for one person only.
    const rebind = await failure(s.core.call('keys.trust', { publicKey: chair.publicKey, label: 'x', scope: { purpose: 'notes', personId: s.member.id } }));
    expect(rebind.code).toBe('CONFLICT');
    const chairKey = createPrivateKey(readFileSync(join(chairDir, 'keys', `${chair.id}.ed25519.pem`), 'utf8'));
    const original = await readZipEntries(file);
    const bySigner = async (name: string, author: Record<string, string>) => {
      const entries = new Map([...original].map(([k, v]) => [k, Buffer.from(v)]));
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
      manifest.author = { ...manifest.author, publicKey: chair.publicKey, fingerprint: chair.fingerprint, ...author };
      const bytes = Buffer.from(JSON.stringify(manifest));
      entries.set('manifest.json', bytes);
      entries.set('manifest.sig', Buffer.from(sign(null, bytes, chairKey).toString('base64')));
      const out = join(tempDir(), name);
      await writeZipEntries(out, entries);
      return out;
    };
    const before = counts(s.core);
    const dao = (await s.core.call('annotations.list', { documentId })).annotations;

    // The chair signs Đào's notes in Đào's name: refused, nothing changes.
    const inHerName = await bySigner('mao-danh.nsghichu', { fullName: 'Lê Thị Đào' });
    const e = await failure(s.core.call('annotations.importFile', { file: inHerName }));
    expect(e.code).toBe('PACK_INVALID');
    expect(e.text.vi).toContain('Nguyễn Văn Chủ');
    expect(counts(s.core)).toEqual(before);

    // In his own name but claiming her profile id and her notes' ids: attributed to him, her notes untouched.
    const herIds = await bySigner('ma-ho-so.nsghichu', { fullName: 'Nguyễn Văn Chủ', profileId: profile.id });
    expect((await failure(s.core.call('annotations.importFile', { file: herIds }))).code).toBe('CONFLICT');
    expect((await s.core.call('annotations.list', { documentId })).annotations).toEqual(dao);
    expect(dao.every((a) => a.authorId === s.member.id && a.authorName === 'Lê Thị Đào')).toBe(true);

    // Trusted for packs only, the chair's key cannot sign notes any more.
    await s.core.call('keys.untrust', { fingerprint: chair.fingerprint, scope: { purpose: 'notes', personId: s.chair.id } });
    await s.core.call('keys.trust', { publicKey: chair.publicKey, label: 'Nguyễn Văn Chủ', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
    const own = await bySigner('cua-chu.nsghichu', { fullName: 'Nguyễn Văn Chủ', profileId: chair.id });
    expect(await s.core.call('annotations.inspectShared', { upload: stage(s.core, own) })).toMatchObject({ signer: { trusted: false }, person: null });
    expect((await failure(s.core.call('annotations.importFile', { file: own }))).code).toBe('PACK_UNTRUSTED');
    expect(await s.core.call('annotations.inspectShared', { upload: stage(s.core, file) })).toMatchObject({
      signer: { trusted: true },
      person: { id: s.member.id, fullName: 'Lê Thị Đào' },
    });
    expect(counts(s.core)).toEqual(before);
  });

  it('an unsigned XFDF file reusing a signed note’s id leaves that note as signed, and imported notes stay read-only', async () => {
    const { s, m, profile, documentId, note } = await memberWithPack();
    const signed = await m.call('annotations.create', note({ kind: 'note', pageIndex: 0, color: '#ffb000', geometry: { at: [400, 450] }, contents: 'Đồng ý với dự thảo', shared: true }));
    const file = exportedPath(m, await m.call('annotations.exportShared', { documentId }));
    await s.core.call('keys.trust', { publicKey: profile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
    await s.core.call('annotations.importFile', { file });
    const stored = (await s.core.call('annotations.list', { documentId })).annotations.find((a) => a.id === signed.id)!;
    expect(stored).toMatchObject({ origin: 'shared-import', contents: 'Đồng ý với dự thảo', editable: false });

    // The member's notes as XFDF (same ids), edited to say the opposite, imported without a signature.
    const xfdf = join(tempDir(), 'ghi-chu.xfdf');
    await m.call('annotations.exportFile', { documentId, format: 'xfdf', file: xfdf });
    const text = readFileSync(xfdf, 'utf8');
    expect(text).toContain(signed.id);
    writeFileSync(xfdf, text.replace('Đồng ý với dự thảo', 'Không đồng ý với dự thảo'));
    const result = await s.core.call('annotations.importFile', { file: xfdf, documentId });
    expect(result).toMatchObject({ imported: 1, updated: 0 });
    const after = (await s.core.call('annotations.list', { documentId })).annotations;
    expect(after.find((a) => a.id === signed.id)).toEqual(stored);
    expect(after.find((a) => a.id !== signed.id)).toMatchObject({ origin: 'xfdf', contents: 'Không đồng ý với dự thảo' });
    // Nor can the secretariat edit or re-share the member's signed note.
    expect((await failure(s.core.call('annotations.update', { id: signed.id, revision: stored.revision, contents: 'Sửa' }))).code).toBe('INVALID_STATE');
  });

  it('refuses notes on a document the secretariat does not have, naming it', async () => {
    const { s, m, note } = await memberWithPack();
    const own = join(tempDir(), 'Ý kiến riêng.pdf');
    await writeSamplePdf(own, createRandom(5), 1, 77);
    const { results } = await m.call('documents.importFiles', { paths: [own] });
    const ownId = results[0]!.ok ? results[0]!.document.id : '';
    await m.call('annotations.create', { ...note({ kind: 'rectangle', pageIndex: 0, color: '#7030a0', geometry: { rect: [100, 200, 250, 300] }, shared: true }), documentId: ownId });
    const file = exportedPath(m, await m.call('annotations.exportShared', { documentId: ownId }));
    const profile = (await m.call('profile.get', {}))!;
    await s.core.call('keys.trust', { publicKey: profile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
    const seen = await s.core.call('annotations.inspectShared', { upload: stage(s.core, file) });
    expect(seen.document).toMatchObject({ fileName: 'Ý kiến riêng.pdf', known: false });
    const before = counts(s.core);
    const e = await failure(s.core.call('annotations.importFile', { file }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.text.vi).toContain('Ý kiến riêng.pdf');
    expect(counts(s.core)).toEqual(before);
  });

  it('refuses tampered, truncated, unsigned, re-signed, malformed and foreign files and stores nothing', async () => {
    const { s, m, memberDir, profile, documentId, note } = await memberWithPack();
    await m.call('annotations.create', note({ kind: 'highlight', pageIndex: 0, color: '#ffd400', geometry: { quads: [[85, 700, 300, 700, 85, 686, 300, 686]] }, quotedText: 'BÁO CÁO', shared: true }));
    await m.call('annotations.create', note({ kind: 'arrow', pageIndex: 1, color: '#e02020', geometry: { from: [120, 200], to: [300, 260] }, shared: true }));
    const file = exportedPath(m, await m.call('annotations.exportShared', { documentId }));
    await s.core.call('keys.trust', { publicKey: profile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
    const before = counts(s.core);
    const dir = tempDir();
    const original = await readZipEntries(file);
    const variant = async (name: string, change: (entries: Map<string, Buffer>) => void) => {
      const entries = new Map([...original].map(([k, v]) => [k, Buffer.from(v)]));
      change(entries);
      const out = join(dir, name);
      await writeZipEntries(out, entries);
      return out;
    };
    const memberKey = createPrivateKey(readFileSync(join(memberDir, 'keys', `${profile.id}.ed25519.pem`), 'utf8'));
    const resign = (entries: Map<string, Buffer>, key = memberKey) => entries.set('manifest.sig', Buffer.from(sign(null, entries.get('manifest.json')!, key).toString('base64')));

    const flipped = await variant('flipped.nsghichu', (entries) => {
      entries.set('annotations.json', Buffer.from(entries.get('annotations.json')!.toString('utf8').replace('#FFD400', '#00FF00')));
    });
    const editedManifest = await variant('manifest.nsghichu', (entries) => {
      entries.set('manifest.json', Buffer.from(entries.get('manifest.json')!.toString('utf8').replace('Lê Thị Đào', 'Người khác')));
    });
    const unsigned = await variant('unsigned.nsghichu', (entries) => entries.delete('manifest.sig'));
    // Signed by the member's own (trusted) key, yet a note the app could never have made.
    const badGeometry = await variant('geometry.nsghichu', (entries) => {
      const notes = JSON.parse(entries.get('annotations.json')!.toString('utf8')) as { geometry: unknown }[];
      notes[1]!.geometry = { from: [120, 200] };
      const bytes = Buffer.from(JSON.stringify(notes));
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
      manifest.annotations = { ...manifest.annotations, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      entries.set('annotations.json', bytes);
      entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
      resign(entries);
    });
    const newerFormat = await variant('newer.nsghichu', (entries) => {
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
      manifest.version = 2;
      entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
      resign(entries);
    });
    const whole = readFileSync(file);
    const truncated = join(dir, 'truncated.nsghichu');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const notAZip = join(dir, 'text.nsghichu');
    writeFileSync(notAZip, 'đây không phải tệp ghi chú');
    const emptyFile = join(dir, 'empty.nsghichu');
    writeFileSync(emptyFile, '');
    // A meeting pack is a signed zip too, but not a notes file.
    const pack = join(dir, 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file: pack });

    for (const bad of [flipped, editedManifest, unsigned, badGeometry, newerFormat, truncated, notAZip, emptyFile, pack]) {
      const e = await failure(s.core.call('annotations.importFile', { file: bad }));
      expect(e.code, bad).toBe('PACK_INVALID');
      expect(e.text.vi.length).toBeGreaterThan(20);
      const viaUpload = await failure(s.core.call('annotations.importShared', { upload: stage(s.core, bad) }));
      expect(viaUpload.code, bad).toBe('PACK_INVALID');
    }
    expect(counts(s.core)).toEqual(before);

    // Edited and re-signed with a stranger's key: well-formed, but nobody trusts that key.
    const strangerDir = tempDir();
    const stranger = await open(strangerDir);
    const strangerProfile = await stranger.call('profile.create', { fullName: 'Người lạ', position: 'Không rõ', unitName: 'Không rõ', workRole: 'member' });
    const strangerKey = createPrivateKey(readFileSync(join(strangerDir, 'keys', `${strangerProfile.id}.ed25519.pem`), 'utf8'));
    const forged = await variant('forged.nsghichu', (entries) => {
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
      manifest.author = { ...manifest.author, fullName: 'Người lạ', publicKey: strangerProfile.publicKey, fingerprint: strangerProfile.fingerprint };
      entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
      resign(entries, strangerKey);
    });
    const e = await failure(s.core.call('annotations.importFile', { file: forged }));
    expect(e.code).toBe('PACK_UNTRUSTED');
    expect(e.details).toMatchObject({ fingerprint: strangerProfile.fingerprint });
    expect(counts(s.core)).toEqual(before);

    // The genuine file still imports.
    expect(await s.core.call('annotations.importFile', { file })).toMatchObject({ imported: 2 });
  });
});
