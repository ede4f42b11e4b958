/**
 * Document files at rest (ADR 0014): each stored file is AES-256-GCM in 64 KiB chunks, the STREAM
 * construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015): nonce = a random per-file prefix, the
 * chunk's index and a last-chunk flag, so a chunk cannot be moved, dropped, repeated or the file cut
 * short at a chunk boundary without the tag failing. Chunks make ranged reads cheap: the reader of a
 * 300 MB PDF decrypts only the pages pdf.js asks for. The key is derived from the database key, so
 * whatever opens the database (keychain, passphrase) opens the documents, and nothing more is kept.
 *
 * Files written before encryption are plain; a file is encrypted exactly when it starts with the
 * magic below, so readers take both while the start-up pass encrypts the old ones.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { CoreError } from '../errors.ts';

/** The key document files are encrypted with (derived from the database key). */
export type BlobKey = Buffer;

const MAGIC = Buffer.from('NSBLOB\x01\x00', 'latin1');
const PREFIX_BYTES = 7;
/** magic (8) + nonce prefix (7) + reserved (1). */
export const HEADER_BYTES = 16;
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
/** Chunks decrypted per disk read when streaming a whole file. */
const CHUNKS_PER_READ = 16;

export function deriveBlobKey(databaseKey: Buffer): BlobKey {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'nghisu/document-files/v1', 32));
}

/** Whether a file's first bytes are those of an encrypted document file. */
export function isEncryptedHead(head: Uint8Array): boolean {
  return head.length >= HEADER_BYTES && Buffer.from(head.subarray(0, MAGIC.length)).equals(MAGIC);
}

function nonceOf(prefix: Buffer, index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, PREFIX_BYTES);
  nonce.writeUInt32BE(index, PREFIX_BYTES);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function damaged(): CoreError {
  return new CoreError('FILE_INVALID', {
    vi: 'Tệp tài liệu đã lưu bị hỏng hoặc đã bị sửa ngoài ứng dụng. Hãy khôi phục từ bản sao lưu hoặc nhập lại tài liệu.',
    en: 'The stored document file is damaged or was altered outside the app. Restore it from a backup or import the document again.',
  });
}

export function locked(): CoreError {
  return new CoreError('LOCKED', {
    vi: 'Tệp tài liệu đã được mã hóa; cần mở khóa dữ liệu để đọc.',
    en: 'The document file is encrypted; unlock the data to read it.',
  });
}

/** A transform that turns plain bytes into the encrypted format; the output is only whole once it ends. */
export function encryptingStream(key: BlobKey): Transform {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  randomBytes(PREFIX_BYTES).copy(header, MAGIC.length);
  const prefix = header.subarray(MAGIC.length, MAGIC.length + PREFIX_BYTES);
  let index = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    if (index > 0xffffffff) throw new RangeError('document file too large to encrypt');
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(prefix, index++, last));
    cipher.setAAD(header);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  return new Transform({
    construct(done) {
      this.push(header);
      done();
    },
    transform(chunk: Buffer, _enc, done) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      // Hold back at least one byte: only the end of the input says which chunk is the last.
      if (pendingBytes > CHUNK_BYTES) {
        let all = Buffer.concat(pending, pendingBytes);
        const out: Buffer[] = [];
        while (all.length > CHUNK_BYTES) {
          out.push(seal(all.subarray(0, CHUNK_BYTES), false));
          all = all.subarray(CHUNK_BYTES);
        }
        pending = [all];
        pendingBytes = all.length;
        done(null, Buffer.concat(out));
        return;
      }
      done();
    },
    flush(done) {
      done(null, seal(Buffer.concat(pending, pendingBytes), true));
    },
  });
}

/** Encrypt bytes held in memory (tests, small files). */
export async function encryptBytes(key: BlobKey, plain: Uint8Array): Promise<Buffer> {
  const parts: Buffer[] = [];
  const stream = Readable.from([Buffer.from(plain)]).pipe(encryptingStream(key));
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** A stored document file opened for reading: plain bytes, whatever the format on disk. */
export interface StoredFile {
  readonly encrypted: boolean;
  /** Size of the plain content. */
  readonly size: number;
  /** Up to `length` plain bytes from `position` (fewer only at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
  /** The plain content from `start` to the end, in order; the handle closes when the stream ends. */
  stream(start?: number): Readable;
  readAll(): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Open a file that may be an encrypted document file or a plain one. An encrypted file needs `key`
 * (LOCKED without it); a damaged one fails its tag on the first read of the damaged chunk (FILE_INVALID).
 */
export async function openStoredFile(file: string, key: BlobKey | null): Promise<StoredFile> {
  const handle = await open(file, 'r');
  try {
    const diskSize = (await handle.stat()).size;
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
    if (!isEncryptedHead(head.subarray(0, bytesRead))) return plainFile(handle, diskSize);
    if (!key) throw locked();
    return encryptedFile(handle, diskSize, head, key);
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** Open a file that is plain whatever its first bytes (an export the app made), with the same reader. */
export async function openPlainFile(file: string): Promise<StoredFile> {
  const handle = await open(file, 'r');
  try {
    return plainFile(handle, (await handle.stat()).size);
  } catch (e) {
    await handle.close();
    throw e;
  }
}

function onceClosed(handle: FileHandle): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= handle.close());
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buf, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/** A byte stream of `chunks` that closes the file when it ends, fails or is dropped unread. */
function closingStream(close: () => Promise<void>, chunks: () => AsyncGenerator<Buffer>): Readable {
  const stream = Readable.from(chunks(), { objectMode: false });
  stream.once('close', () => void close());
  return stream;
}

function plainFile(handle: FileHandle, size: number): StoredFile {
  const close = onceClosed(handle);
  const read = (position: number, length: number) => readExactly(handle, position, Math.max(0, Math.min(length, size - position)));
  return {
    encrypted: false,
    size,
    read,
    readAll: () => read(0, size),
    stream(start = 0) {
      return closingStream(close, async function* () {
        for (let at = start; at < size; at += 1 << 20) yield await read(at, 1 << 20);
      });
    },
    close,
  };
}

function encryptedFile(handle: FileHandle, diskSize: number, header: Buffer, key: BlobKey): StoredFile {
  const body = diskSize - HEADER_BYTES;
  const chunks = Math.ceil(body / SEALED_CHUNK_BYTES);
  const lastSealed = body - (chunks - 1) * SEALED_CHUNK_BYTES;
  if (chunks < 1 || lastSealed < TAG_BYTES) throw damaged();
  const size = body - chunks * TAG_BYTES;
  const prefix = header.subarray(MAGIC.length, MAGIC.length + PREFIX_BYTES);
  const close = onceClosed(handle);
  let cached: { index: number; plain: Buffer } | null = null;

  function open1(sealed: Buffer, index: number): Buffer {
    if (sealed.length < TAG_BYTES) throw damaged();
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(prefix, index, index === chunks - 1));
      decipher.setAAD(header);
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw damaged();
    }
  }

  /** Plain chunks [first, first + count), read from disk in one go. */
  async function chunkRange(first: number, count: number): Promise<Buffer[]> {
    const end = Math.min(chunks, first + count);
    const from = HEADER_BYTES + first * SEALED_CHUNK_BYTES;
    const to = Math.min(diskSize, HEADER_BYTES + end * SEALED_CHUNK_BYTES);
    const sealed = await readExactly(handle, from, to - from);
    if (sealed.length !== to - from) throw damaged();
    const out: Buffer[] = [];
    for (let i = first; i < end; i++) {
      const at = (i - first) * SEALED_CHUNK_BYTES;
      out.push(open1(sealed.subarray(at, Math.min(sealed.length, at + SEALED_CHUNK_BYTES)), i));
    }
    return out;
  }

  async function read(position: number, length: number): Promise<Buffer> {
    const end = Math.min(size, position + Math.max(0, length));
    if (position >= end) return Buffer.alloc(0);
    const first = Math.floor(position / CHUNK_BYTES);
    const last = Math.floor((end - 1) / CHUNK_BYTES);
    let plains: Buffer[];
    if (first === last && cached?.index === first) plains = [cached.plain];
    else plains = await chunkRange(first, last - first + 1);
    cached = { index: last, plain: plains[plains.length - 1]! };
    const joined = plains.length === 1 ? plains[0]! : Buffer.concat(plains);
    const offset = position - first * CHUNK_BYTES;
    return joined.subarray(offset, offset + (end - position));
  }

  return {
    encrypted: true,
    size,
    read,
    readAll: async () => {
      const parts: Buffer[] = [];
      for (let i = 0; i < chunks; i += CHUNKS_PER_READ) parts.push(...(await chunkRange(i, CHUNKS_PER_READ)));
      return Buffer.concat(parts, size);
    },
    stream(start = 0) {
      return closingStream(close, async function* () {
        let first = Math.floor(start / CHUNK_BYTES);
        let skip = start - first * CHUNK_BYTES;
        for (; first < chunks; first += CHUNKS_PER_READ) {
          const plain = Buffer.concat(await chunkRange(first, CHUNKS_PER_READ));
          yield skip > 0 ? plain.subarray(skip) : plain;
          skip = 0;
        }
      });
    },
    close,
  };
}

/** The whole plain content of a stored file. */
export async function readStoredFile(file: string, key: BlobKey | null): Promise<Buffer> {
  const stored = await openStoredFile(file, key);
  try {
    return await stored.readAll();
  } finally {
    await stored.close();
  }
}
