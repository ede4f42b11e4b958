import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure } from '../support/core-failure.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { writeSamplePdf } from '../../electron/core/seed/sample-pdf.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { readZipEntries, rewriteZip } from '../support/zip-entries.ts';
import { coresClosedAfterEach } from '../support/open-core.ts';
import { readStoredBlob } from '../support/document-store.ts';

const open = coresClosedAfterEach();

function audit(dir: string, action: string) {
  const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
  try {
    return (db.prepare('SELECT entity_id, detail FROM audit_log WHERE action = ? ORDER BY rowid').all(action) as { entity_id: string; detail: string }[]).map((r) => ({
      id: r.entity_id,
      ...(JSON.parse(r.detail) as Record<string, unknown>),
    }));
  } finally {
    db.close();
  }
}

describe('a meeting pack carrying Mật documents (issue 11, defect 8)', () => {
  it('is refused without a reason, writes nothing, and with one records each document’s release before the pack', async () => {
    const dir = tempDir();
    const s = await publishedMeeting(await open(dir));
    const attached = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
    expect(attached.length).toBeGreaterThan(0);
    const secret = attached[0]!.document;
    await s.core.call('documents.update', { id: secret.id, classification: 'secret' });
    const m = await open();
    const memberKey = await m.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
    await s.core.call('keys.trust', { publicKey: memberKey.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });

    const refused = await failure(s.core.call('packs.export', { meetingId: s.meetingId }));
    expect(refused.code).toBe('CLASSIFIED');
    expect(refused.details).toMatchObject({ classification: 'secret', channel: 'pack', documentIds: [secret.id], recipients: ['Lê Thị Đào'], withoutKey: ['Nguyễn Văn Chủ'] });
    expect(refused.message).toContain(secret.fileName);
    const file = join(tempDir(), 'goi.nghisu');
    expect((await failure(s.core.call('packs.exportFile', { meetingId: s.meetingId, file }))).code).toBe('CLASSIFIED');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(dir, 'exports')) ? readdirSync(join(dir, 'exports')) : []).toEqual([]);
    expect(audit(dir, 'classified.release')).toEqual([]);
    expect(audit(dir, 'packs.export')).toEqual([]);

    const reason = 'Gửi thành viên Ban Chỉ đạo dự họp ngày 07/12';
    const built = await s.core.call('packs.exportFile', { meetingId: s.meetingId, file, releaseClassified: { reason } });
    expect(built.documents).toBe(attached.length);
    expect(audit(dir, 'classified.release')).toEqual([expect.objectContaining({ id: secret.id, channel: 'pack', classification: 'secret', reason })]);
    expect(audit(dir, 'packs.export')).toEqual([expect.objectContaining({ sealedTo: [memberKey.fingerprint], withoutKey: ['Nguyễn Văn Chủ'] })]);

    // The member gets the document still marked Tối mật.
    await m.call('packs.importFile', { file, trustSigner: true });
    expect((await m.call('documents.get', { id: secret.id })).classification).toBe('secret');
  });

  it('needs no reason when every document is Thường', async () => {
    const s = await publishedMeeting(await open());
    expect((await s.core.call('packs.export', { meetingId: s.meetingId })).documents).toBeGreaterThan(0);
  });
});

async function rewritten(file: string, change: (entries: Map<string, Buffer>) => void): Promise<string> {
  const out = join(tempDir(), 'sua.nghisu');
  await rewriteZip(file, out, change);
  return out;
}

function firstPageText(dir: string, documentId: string): string {
  const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
  try {
    return db.prepare('SELECT text FROM document_pages WHERE document_id = ? ORDER BY page_no LIMIT 1').pluck().get(documentId) as string;
  } finally {
    db.close();
  }
}

async function laptop(fullName: string) {
  const dir = tempDir();
  const core = await open(dir);
  const profile = await core.call('profile.create', { fullName, position: 'Ủy viên', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
  return { dir, core, profile };
}

describe('classified documents sealed to the members who may read them (issue 11, defect 8)', () => {
  it('are refused before any release when no participant has a trusted key, naming who lacks one', async () => {
    const dir = tempDir();
    const s = await publishedMeeting(await open(dir));
    const [attached] = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
    await s.core.call('documents.update', { id: attached!.document.id, classification: 'confidential' });
    const e = await failure(s.core.call('packs.export', { meetingId: s.meetingId, releaseClassified: { reason: 'Gửi họp' } }));
    expect(e.code).toBe('INVALID_STATE');
    expect(e.details).toMatchObject({ reason: 'no-recipients', withoutKey: ['Nguyễn Văn Chủ', 'Lê Thị Đào'] });
    expect(e.text.vi).toContain('Khóa tin cậy');
    expect(audit(dir, 'classified.release')).toEqual([]);
    expect(audit(dir, 'packs.export')).toEqual([]);
  });

  it('open on the recipient’s laptop with bytes and text intact, are left out on another’s, and never travel in the clear', async () => {
    const dir = tempDir();
    const s = await publishedMeeting(await open(dir));
    const attached = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
    const secret = attached.find((a) => a.document.fileName === 'bao-cao.pdf')!.document;
    const plain = attached.find((a) => a.document.fileName === 'to-trinh.pdf')!.document;
    await s.core.call('documents.update', { id: secret.id, classification: 'secret' });
    const secretBytes = readFileSync(s.pdfs[0]!);
    // A line of each document's first page the other does not have (JSON keeps it as it is: no tab, quote or backslash).
    const uniqueLine = (id: string, other: string) =>
      firstPageText(dir, id).split('\n').find((l) => l.length > 40 && !/[\t"\\]/.test(l) && !firstPageText(dir, other).includes(l))!;
    const secretLine = uniqueLine(secret.id, plain.id);
    const plainLine = uniqueLine(plain.id, secret.id);
    const phrase = secretLine.split(/\s+/).slice(1, 4).join(' ');

    const dao = await laptop('Lê Thị Đào');
    const chair = await laptop('Nguyễn Văn Chủ');
    await s.core.call('keys.trust', { publicKey: dao.profile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });

    const file = join(tempDir(), 'goi.nghisu');
    const built = await s.core.call('packs.exportFile', { meetingId: s.meetingId, file, releaseClassified: { reason: 'Gửi thành viên dự họp' } });
    expect(built.sealed).toEqual({ documents: 1, recipients: ['Lê Thị Đào'], withoutKey: ['Nguyễn Văn Chủ'] });

    // In the file: a version-2 manifest, the secret document and its page texts only as ciphertext.
    const entries = await readZipEntries(file);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as {
      version: number;
      sealing: { recipients: { personId: string; fingerprint: string }[]; entries: { of: string }[] };
    };
    expect(manifest.version).toBe(2);
    expect(manifest.sealing.recipients).toEqual([expect.objectContaining({ personId: s.member.id, fingerprint: dao.profile.fingerprint })]);
    expect(manifest.sealing.entries.map((e) => e.of).sort()).toEqual([`documents/${secret.sha256}`, `rows/${secret.id}.json`, `text/${secret.id}.json`]);
    // Its number, summary and file name are sealed too: meeting.json says only that a Tối mật document is there.
    const inTheClear = JSON.parse(entries.get('meeting.json')!.toString('utf8')) as { documents: Record<string, unknown>[] };
    expect(inTheClear.documents.find((d) => d['id'] === secret.id)).toMatchObject({ file_name: 'Tài liệu mật', summary: null, number: null, classification: 'secret' });
    expect(entries.has(`documents/${secret.sha256}`)).toBe(false);
    expect(entries.has(`documents/${plain.sha256}`)).toBe(true);
    const anyEntryHas = (bytes: Buffer) => [...entries.values()].some((e) => e.includes(bytes));
    const middle = secretBytes.subarray(Math.floor(secretBytes.length / 2), Math.floor(secretBytes.length / 2) + 64);
    expect(anyEntryHas(middle)).toBe(false);
    expect(anyEntryHas(Buffer.from(secretLine, 'utf8'))).toBe(false);
    expect(anyEntryHas(Buffer.from(plainLine, 'utf8'))).toBe(true); // the check would see a text in the clear

    // Lê Thị Đào's laptop opens it: the same bytes, searchable, still Tối mật.
    const seen = await dao.core.call('packs.importFile', { file, dryRun: true });
    expect(seen.withheld).toEqual([]);
    await dao.core.call('packs.importFile', { file, trustSigner: true });
    expect(await dao.core.call('documents.get', { id: secret.id })).toMatchObject({ classification: 'secret', fileName: 'bao-cao.pdf', summary: secret.summary });
    expect(readStoredBlob(dao.dir, secret.sha256)).toEqual(secretBytes);
    const found = await dao.core.call('documents.search', { query: phrase });
    expect(found.hits.map((h) => h.document.id)).toContain(secret.id);
    // Her preview of the same pack again reads the sealed row too: nothing shows as changed.
    expect(await dao.core.call('packs.importFile', { file, dryRun: true })).toMatchObject({ sameAsPrevious: true, changes: [], withheld: [] });

    // The chair's laptop, whose key the secretariat has not trusted, is told and gets the rest.
    const told = await chair.core.call('packs.importFile', { file, dryRun: true });
    expect(told.withheld).toEqual([{ id: secret.id, fileName: 'Tài liệu mật', classification: 'secret' }]);
    expect(told.documents).toBe(attached.length - 1);
    await chair.core.call('packs.importFile', { file, trustSigner: true });
    expect((await failure(chair.core.call('documents.get', { id: secret.id }))).code).toBe('NOT_FOUND');
    expect((await chair.core.call('documents.get', { id: plain.id })).fileName).toBe('to-trinh.pdf');
    expect(existsSync(join(chair.dir, 'blobs', secret.sha256.slice(0, 2), secret.sha256.slice(2)))).toBe(false);
    const none = await chair.core.call('documents.search', { query: phrase });
    expect(none.hits.map((h) => h.document.id)).not.toContain(secret.id);
  });

  it('the meeting’s change log in the pack does not name a classified document either', async () => {
    const s = await publishedMeeting(await open());
    // Attached after publishing, so the change log says "Thêm tài liệu "quyet-dinh-mat.pdf"".
    const pdf = join(tempDir(), 'quyet-dinh-mat.pdf');
    await writeSamplePdf(pdf, createRandom(9), 1, 127);
    const imported = await s.core.call('documents.importFiles', { paths: [pdf], meetingId: s.meetingId });
    const secretId = imported.results[0]!.ok ? imported.results[0]!.document.id : '';
    await s.core.call('documents.update', { id: secretId, classification: 'secret' });
    const history = JSON.stringify((await s.core.call('meetings.get', { id: s.meetingId })).changes);
    expect(history).toContain('quyet-dinh-mat.pdf');
    const dao = await laptop('Lê Thị Đào');
    await s.core.call('keys.trust', { publicKey: dao.profile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
    const file = join(tempDir(), 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file, releaseClassified: { reason: 'Gửi thành viên dự họp' } });

    const meetingJson = (await readZipEntries(file)).get('meeting.json')!.toString('utf8');
    expect(meetingJson).not.toContain('quyet-dinh-mat.pdf');
    expect(meetingJson).toContain('Thay đổi về tài liệu mật');
    await dao.core.call('packs.importFile', { file, trustSigner: true });
    expect((await dao.core.call('documents.get', { id: secretId })).fileName).toBe('quyet-dinh-mat.pdf');
  });

  it('a recipient whose signing key is sealed by the app passphrase opens them once the passphrase is given', async () => {
    const s = await publishedMeeting(await open());
    const [attached] = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
    await s.core.call('documents.update', { id: attached!.document.id, classification: 'confidential' });
    const dao = await laptop('Lê Thị Đào');
    await dao.core.call('security.setPassphrase', { passphrase: 'mật khẩu đủ dài của Đào' });
    await dao.core.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng UBND tỉnh', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' } });
    await dao.core.close();
    await s.core.call('keys.trust', { publicKey: dao.profile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
    const file = join(tempDir(), 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file, releaseClassified: { reason: 'Gửi thành viên dự họp' } });

    // As the command line opens the folder: the signing key is still sealed, so the content key cannot be unwrapped.
    const again = await open(dao.dir);
    expect((await failure(again.call('packs.importFile', { file }))).code).toBe('LOCKED');
    expect((await failure(again.call('documents.get', { id: attached!.document.id }))).code).toBe('NOT_FOUND');
    await again.call('security.unlock', { passphrase: 'mật khẩu đủ dài của Đào' });
    const imported = await again.call('packs.importFile', { file });
    expect(imported.withheld).toEqual([]);
    expect((await again.call('documents.get', { id: attached!.document.id })).classification).toBe('confidential');
  });

  it('a changed byte of a sealed document or a wrapped key is refused whole', async () => {
    const s = await publishedMeeting(await open());
    const [attached] = await s.core.call('documents.listForMeeting', { meetingId: s.meetingId });
    await s.core.call('documents.update', { id: attached!.document.id, classification: 'top_secret' });
    const dao = await laptop('Lê Thị Đào');
    await s.core.call('keys.trust', { publicKey: dao.profile.publicKey, label: 'Lê Thị Đào', scope: { purpose: 'notes', personId: s.member.id } });
    const file = join(tempDir(), 'goi.nghisu');
    await s.core.call('packs.exportFile', { meetingId: s.meetingId, file, releaseClassified: { reason: 'Gửi thành viên dự họp' } });
    await dao.core.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng UBND tỉnh', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo các dự án trọng điểm' } });

    const flipped = await rewritten(file, (entries) => {
      const name = [...entries.keys()].find((n) => n.startsWith('sealed/'))!;
      const bytes = Buffer.from(entries.get(name)!);
      bytes[10] = bytes[10]! ^ 0xff;
      entries.set(name, bytes);
    });
    expect((await failure(dao.core.call('packs.importFile', { file: flipped }))).code).toBe('PACK_INVALID');
    const rewrapped = await rewritten(file, (entries) => {
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { sealing: { recipients: { wrappedKey: string }[] } };
      const wrapped = Buffer.from(manifest.sealing.recipients[0]!.wrappedKey, 'base64');
      wrapped[20] = wrapped[20]! ^ 0xff;
      manifest.sealing.recipients[0]!.wrappedKey = wrapped.toString('base64');
      entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    });
    expect((await failure(dao.core.call('packs.importFile', { file: rewrapped }))).code).toBe('PACK_INVALID');
    expect((await failure(dao.core.call('documents.get', { id: attached!.document.id }))).code).toBe('NOT_FOUND');
  });
});
