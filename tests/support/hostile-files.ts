/**
 * Hostile files made on the spot for the tests: zip bombs, entries that lie about their size, odd
 * entry names, and well-formed meeting packs and shared-notes files signed by a key of the test's
 * choosing.
 */
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v4 as uuidv4 } from 'uuid';
import yazl from 'yazl';
import { fingerprintOf, generateSigningKey } from '../../electron/core/domains/directory/signing.ts';

const MB = 1024 * 1024;

/** One entry: its bytes, or `zeros` bytes of zeros streamed (never held in memory). */
export interface ZipPart {
  name: string;
  bytes?: Buffer;
  zeros?: number;
  compress?: boolean;
}

function zeroStream(total: number): Readable {
  const chunk = Buffer.alloc(MB);
  return Readable.from(
    (function* () {
      for (let left = total; left > 0; left -= MB) yield left >= MB ? chunk : chunk.subarray(0, left);
    })(),
  );
}

export function sha256OfZeros(total: number): string {
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(MB);
  for (let left = total; left > 0; left -= MB) hash.update(left >= MB ? chunk : chunk.subarray(0, left));
  return hash.digest('hex');
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function writeZip(file: string, parts: ZipPart[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const part of parts) {
    const compress = part.compress ?? true;
    if (part.zeros !== undefined) zip.addReadStream(zeroStream(part.zeros), part.name, { compress, size: part.zeros });
    else zip.addBuffer(part.bytes ?? Buffer.alloc(0), part.name, { compress });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}

/** Rewrites, in the central directory, the uncompressed size an entry declares. */
export function declareSize(file: string, name: string, size: number): void {
  const bytes = readFileSync(file);
  const wanted = Buffer.from(name, 'utf8');
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = bytes.indexOf(signature); at >= 0; at = bytes.indexOf(signature, at + 1)) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.subarray(at + 46, at + 46 + nameLength).equals(wanted)) {
      bytes.writeUInt32LE(size, at + 24);
      writeFileSync(file, bytes);
      return;
    }
  }
  throw new Error(`no central directory entry ${name}`);
}

/** Replaces an entry's name by another of the same length, in its local header and the central directory. */
export function renameEntry(file: string, from: string, to: string): void {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('names must have the same length');
  const bytes = readFileSync(file);
  const a = Buffer.from(from, 'utf8');
  let at = bytes.indexOf(a);
  if (at < 0) throw new Error(`no entry ${from}`);
  while (at >= 0) {
    Buffer.from(to, 'utf8').copy(bytes, at);
    at = bytes.indexOf(a, at + 1);
  }
  writeFileSync(file, bytes);
}

export interface TestSigner {
  publicKey: string;
  fingerprint: string;
  sign(bytes: Buffer): string;
}

export function testSigner(): TestSigner {
  const { publicKey, privateKeyPem } = generateSigningKey();
  const key = createPrivateKey(privateKeyPem);
  return { publicKey, fingerprint: fingerprintOf(publicKey), sign: (bytes) => sign(null, bytes, key).toString('base64') };
}

const AT = '2026-12-01T01:00:00.000Z';

/** The committee every hostile pack is for, so a member can trust its signer for that committee. */
export const HOSTILE_COMMITTEE_ID = uuidv4();

/** meeting.json of a published meeting carrying one attachment per document hash. */
export function meetingContent(meetingId: string, documentShas: string[]): Buffer {
  const committeeId = HOSTILE_COMMITTEE_ID;
  return Buffer.from(
    JSON.stringify({
      meeting: {
        id: meetingId,
        committee_id: committeeId,
        kind_code: 'regular',
        title: 'Phiên họp thử',
        starts_at: '2026-12-07T01:00:00.000Z',
        ends_at: '2026-12-07T04:00:00.000Z',
        room_id: null,
        online: 0,
        chair_person_id: null,
        secretary_person_id: null,
        chairing_org_id: null,
        classification: 'normal',
        status: 'published',
        description: null,
        revision: 1,
        created_at: AT,
        updated_at: AT,
      },
      kind: { code: 'regular', label: 'Họp thường kỳ' },
      committee: { id: committeeId, name: 'Ban Chỉ đạo thử', short_name: null, quorum_percent: 50 },
      room: null,
      organizations: [],
      people: [],
      bridgePoints: [],
      agendaItems: [],
      participants: [],
      documents: documentShas.map((sha, i) => ({
        id: uuidv4(),
        blob_sha256: sha,
        file_name: `tai-lieu-${i}.bin`,
        kind: 'attachment',
        mime: 'application/octet-stream',
        page_count: null,
        number: null,
        notation: null,
        issue_date: null,
        issuer: null,
        summary: null,
        type_code: null,
        classification: 'normal',
        urgency: 'normal',
        previous_version_id: null,
        created_at: AT,
        updated_at: AT,
      })),
      attachments: [],
      changes: [],
    }),
  );
}

/** A document of a pack: its entry and what the manifest says of it. */
export interface PackDocument {
  part: ZipPart;
  size: number;
  sha256: string;
}

/** A signed meeting pack holding `documents`; the manifest states each document's `size` and `sha256`. */
export async function writeSignedPack(file: string, signer: TestSigner, documents: PackDocument[]): Promise<void> {
  const meetingId = uuidv4();
  const content = meetingContent(meetingId, documents.map((d) => d.sha256));
  const manifest = {
    format: 'nghisu.meeting-pack',
    version: 1,
    createdAt: AT,
    meetingId,
    revision: 1,
    signer: { label: 'Văn phòng thử', publicKey: signer.publicKey, fingerprint: signer.fingerprint },
    files: [
      { path: 'meeting.json', size: content.length, sha256: sha256(content) },
      ...documents.map((d) => ({ path: `documents/${d.sha256}`, size: d.size, sha256: d.sha256 })),
    ],
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  await writeZip(file, [
    { name: 'meeting.json', bytes: content },
    ...documents.map((d) => ({ ...d.part, name: `documents/${d.sha256}` })),
    { name: 'manifest.json', bytes: manifestBytes },
    { name: 'manifest.sig', bytes: Buffer.from(signer.sign(manifestBytes)) },
  ]);
}

/** A signed shared-notes file whose annotations.json is `notes` (declared `size` and `sha`). */
export async function writeSignedNotes(
  file: string,
  signer: TestSigner,
  notes: { part: Omit<ZipPart, 'name'>; size: number; sha256: string; count: number; documentId: string },
): Promise<void> {
  const manifest = {
    format: 'nghisu.shared-annotations',
    version: 1,
    createdAt: AT,
    document: { id: notes.documentId, sha256: '0'.repeat(64), fileName: 'bao-cao.pdf' },
    author: {
      profileId: uuidv4(),
      fullName: 'Lê Thị Đào',
      position: 'Giám đốc Sở',
      unitName: 'Sở Giao thông vận tải',
      publicKey: signer.publicKey,
      fingerprint: signer.fingerprint,
    },
    count: notes.count,
    annotations: { path: 'annotations.json', size: notes.size, sha256: notes.sha256 },
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  await writeZip(file, [
    { name: 'manifest.json', bytes: manifestBytes },
    { name: 'manifest.sig', bytes: Buffer.from(signer.sign(manifestBytes)) },
    { ...notes.part, name: 'annotations.json' },
  ]);
}

/** A zip of `count` empty stored entries, written directly (zip64 end records past 65,535). */
export function writeManyEntriesZip(file: string, count: number): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const name = Buffer.from(`text/${i}.json`);
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(name.length, 26);
    name.copy(local, 30);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(0x06064b50, 0);
  zip64End.writeBigUInt64LE(44n, 4);
  zip64End.writeUInt16LE(45, 12);
  zip64End.writeUInt16LE(45, 14);
  zip64End.writeBigUInt64LE(BigInt(count), 24);
  zip64End.writeBigUInt64LE(BigInt(count), 32);
  zip64End.writeBigUInt64LE(BigInt(directory.length), 40);
  zip64End.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  writeFileSync(file, Buffer.concat([...locals, directory, zip64End, locator, end]));
}
