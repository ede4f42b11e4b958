import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, encryptBytes, HEADER_BYTES, openStoredFile, readStoredFile } from '../../electron/core/files/blob-cipher.ts';
import { CoreError } from '../../electron/core/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'nghisu-blob-cipher-'));
let n = 0;
const write = (bytes: Uint8Array) => {
  const file = join(dir, `f${n++}`);
  writeFileSync(file, bytes);
  return file;
};
const key = randomBytes(32);

async function refused(file: string, k: Buffer | null = key): Promise<CoreError> {
  try {
    await readStoredFile(file, k);
  } catch (e) {
    if (e instanceof CoreError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('document files at rest (blob-cipher)', () => {
  it('round-trips every size around the chunk boundaries, and hides the content', async () => {
    for (const size of [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 3 * CHUNK_BYTES + 17]) {
      const plain = randomBytes(size);
      const sealed = await encryptBytes(key, plain);
      expect(sealed.length, `size ${size}`).toBe(HEADER_BYTES + plain.length + 16 * Math.max(1, Math.ceil(size / CHUNK_BYTES)));
      const file = write(sealed);
      const stored = await openStoredFile(file, key);
      expect(stored.encrypted).toBe(true);
      expect(stored.size).toBe(size);
      await stored.close();
      expect((await readStoredFile(file, key)).equals(plain), `size ${size}`).toBe(true);
    }
    const words = Buffer.from('Tờ trình về kế hoạch đầu tư công trung hạn '.repeat(4000), 'utf8');
    const sealed = await encryptBytes(key, words);
    expect(sealed.includes(Buffer.from('kế hoạch đầu tư', 'utf8'))).toBe(false);
    // Two encryptions of the same bytes share nothing: a per-file nonce prefix.
    expect((await encryptBytes(key, words)).subarray(HEADER_BYTES, 64).equals(sealed.subarray(HEADER_BYTES, 64))).toBe(false);
  });

  it('reads any range and streams from any offset, decrypting only what is asked', async () => {
    const plain = randomBytes(5 * CHUNK_BYTES + 1234);
    const stored = await openStoredFile(write(await encryptBytes(key, plain)), key);
    try {
      for (const [at, len] of [
        [0, 10],
        [CHUNK_BYTES - 5, 10],
        [2 * CHUNK_BYTES, CHUNK_BYTES],
        [plain.length - 100, 1000],
        [plain.length + 5, 10],
        [123, 3 * CHUNK_BYTES],
      ] as const) {
        expect((await stored.read(at, len)).equals(plain.subarray(at, at + len)), `${at}+${len}`).toBe(true);
      }
    } finally {
      await stored.close();
    }
    const again = await openStoredFile(write(await encryptBytes(key, plain)), key);
    const parts: Buffer[] = [];
    for await (const part of again.stream(CHUNK_BYTES + 7)) parts.push(part as Buffer);
    expect(Buffer.concat(parts).equals(plain.subarray(CHUNK_BYTES + 7))).toBe(true);
  });

  it('refuses a changed byte, a dropped or swapped chunk, a file cut at a chunk boundary and the wrong key', async () => {
    const plain = randomBytes(3 * CHUNK_BYTES + 99);
    const sealed = await encryptBytes(key, plain);
    const sealedChunk = CHUNK_BYTES + 16;

    const flipped = Buffer.from(sealed);
    flipped[HEADER_BYTES + sealedChunk + 10]! ^= 1;
    expect((await refused(write(flipped))).code).toBe('FILE_INVALID');

    const headerChanged = Buffer.from(sealed);
    headerChanged[HEADER_BYTES - 1] = 7;
    expect((await refused(write(headerChanged))).code).toBe('FILE_INVALID');

    const cut = sealed.subarray(0, HEADER_BYTES + 2 * sealedChunk);
    expect((await refused(write(cut))).code).toBe('FILE_INVALID');

    const body = sealed.subarray(HEADER_BYTES);
    const swapped = Buffer.concat([sealed.subarray(0, HEADER_BYTES), body.subarray(sealedChunk, 2 * sealedChunk), body.subarray(0, sealedChunk), body.subarray(2 * sealedChunk)]);
    expect((await refused(write(swapped))).code).toBe('FILE_INVALID');

    const dropped = Buffer.concat([sealed.subarray(0, HEADER_BYTES), body.subarray(sealedChunk)]);
    expect((await refused(write(dropped))).code).toBe('FILE_INVALID');

    expect((await refused(write(sealed), randomBytes(32))).code).toBe('FILE_INVALID');
    const stub = await refused(write(sealed.subarray(0, HEADER_BYTES + 3)));
    expect(stub.code).toBe('FILE_INVALID');
    expect(stub.text.vi).toContain('bị hỏng');
  });

  it('reads a file stored in the clear by an older version as it is, and asks for the key for an encrypted one', async () => {
    const plain = Buffer.from('%PDF-1.7 tài liệu cũ', 'utf8');
    const file = write(plain);
    const stored = await openStoredFile(file, key);
    expect(stored.encrypted).toBe(false);
    expect(await text(stored.stream())).toBe(plain.toString('utf8'));
    expect(readFileSync(file).equals(plain)).toBe(true);
    expect((await refused(write(await encryptBytes(key, plain)), null)).code).toBe('LOCKED');
  });
});
