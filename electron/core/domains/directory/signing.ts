import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { v7 as uuidv7 } from 'uuid';
import type { DataPaths, ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { fsyncDir } from '../../fs/durable.ts';

/** Who signs: the profile's name, position and unit as it was when the key was used. */
export interface KeyHolder {
  fullName: string;
  position: string;
  unitName: string;
}

export interface SigningIdentity {
  profileId: string;
  label: KeyHolder;
  /** Ed25519 raw public key, base64. */
  publicKey: string;
  fingerprint: string;
  /** An Ed25519 signature of `data` (64 bytes). */
  sign(data: Uint8Array): Buffer;
  /**
   * The X25519 secret agreed with `peer` (a raw X25519 public key) by the same key's Montgomery form,
   * which is how packs seal classified documents to a member without a second key to trust.
   */
  agree(peer: Uint8Array): Uint8Array;
}

const RAW_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

/** "Nguyễn Văn A, Chánh Văn phòng, Văn phòng UBND tỉnh": how a key is named in lists. */
export function holderText(holder: KeyHolder): string {
  return [holder.fullName, holder.position, holder.unitName].filter((part) => part.trim() !== '').join(', ');
}

function rawPublicKey(b64: string): Buffer | null {
  const raw = Buffer.from(b64, 'base64');
  return raw.length === RAW_KEY_BYTES && raw.toString('base64') === b64 ? raw : null;
}

/** First 16 bytes of SHA-256 over the raw public key, hex in groups of four: `a1b2 c3d4 …`. */
export function fingerprintOf(publicKeyB64: string): string {
  const raw = rawPublicKey(publicKeyB64);
  if (!raw) {
    throw new CoreError('INVALID_INPUT', {
      vi: 'Khóa công khai không hợp lệ (cần 32 byte Ed25519, mã hóa base64).',
      en: 'Invalid public key (expected 32 Ed25519 bytes, base64).',
    });
  }
  const hex = createHash('sha256').update(raw).digest().subarray(0, 16).toString('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

/** `A1B2C3…` or `a1b2 c3d4 …` → `a1b2 c3d4 …`; null when it is not 32 hex digits. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/\s+/g, '').toLowerCase();
  return /^[0-9a-f]{32}$/.test(hex) ? hex.match(/.{4}/g)!.join(' ') : null;
}

/** The key object of a raw Ed25519 public key, or null when the bytes are not a usable key. */
export function publicKeyObject(publicKeyB64: string): KeyObject | null {
  const raw = rawPublicKey(publicKeyB64);
  if (!raw) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** True only for a well-formed signature of exactly `data` by the holder of the public key. */
export function verifySignature(publicKeyB64: string, data: Uint8Array, signatureB64: string): boolean {
  const key = publicKeyObject(publicKeyB64);
  const signature = Buffer.from(signatureB64, 'base64');
  if (!key || signature.length !== SIGNATURE_BYTES || signature.toString('base64') !== signatureB64) return false;
  try {
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

function publicKeyOf(key: KeyObject): string {
  const { x } = key.export({ format: 'jwk' }) as { x: string };
  return Buffer.from(x, 'base64url').toString('base64');
}

/** A new Ed25519 key pair: the public key as raw base64, the private key as PKCS#8 PEM. */
export function generateSigningKey(): { publicKey: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKeyOf(publicKey), privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string };
}

export function keyFilePath(paths: DataPaths, profileId: string): string {
  return join(paths.keys, `${profileId}.ed25519.pem`);
}

/** The same key sealed with the user's passphrase (security/sealed-key.ts); it replaces the PEM file. */
export function sealedKeyFilePath(paths: DataPaths, profileId: string): string {
  return join(paths.keys, `${profileId}.ed25519.sealed`);
}

/**
 * Write a key file so that it is on disk for good before the row (or the removal) that depends on it
 * is committed: a power cut leaves at worst an unused key file, never a profile without its key. The
 * file is created 0600 and never exists with wider permissions; an existing one is replaced whole.
 */
export function writeKeyFile(paths: DataPaths, profileId: string, content: string, dest = keyFilePath(paths, profileId)): string {
  mkdirSync(paths.keys, { recursive: true, mode: 0o700 });
  const tmp = join(paths.keys, `.${uuidv7()}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  // A umask cannot widen 0600, but a filesystem without modes may ignore it; say so explicitly.
  chmodSync(tmp, 0o600);
  renameSync(tmp, dest);
  fsyncDir(paths.keys);
  return dest;
}

/**
 * Remove the unsealed PEM once the sealed file is durable: its bytes are overwritten and synced first,
 * so the key does not linger in the file's old blocks on a filesystem that reuses them in place.
 */
export function removePlainKey(paths: DataPaths, profileId: string): void {
  const file = keyFilePath(paths, profileId);
  if (!existsSync(file)) return;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(fstatSync(fd).size));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(file, { force: true });
  fsyncDir(paths.keys);
}

function keyError(vi: string, en: string, cause?: unknown): CoreError {
  return new CoreError('IO_ERROR', { vi, en }, undefined, cause === undefined ? undefined : { cause });
}

interface ProfileKeyRow {
  id: string;
  full_name: string;
  position: string;
  unit_name: string;
  public_key: string;
  key_fingerprint: string;
}

/** Whether a private key is the Ed25519 key whose public half the profile holds. */
export function keyMatches(key: KeyObject, publicKey: string): boolean {
  return key.asymmetricKeyType === 'ed25519' && publicKeyOf(createPublicKey(key)) === publicKey;
}

/** The unsealed key file, checked against the profile's public key; IO_ERROR when missing, damaged or foreign. */
export function readPlainKey(file: string, publicKey: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (e) {
    throw keyError(
      `Không đọc được khóa ký của hồ sơ (tệp ${file}). Tệp có thể đã bị xóa hoặc chuyển đi; hãy khôi phục thư mục "keys" từ bản sao lưu.`,
      `Cannot read the profile's signing key (file ${file}). It may have been deleted or moved; restore the "keys" folder from a backup.`,
      e,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    throw keyError(
      `Tệp khóa ký của hồ sơ bị hỏng (${file}). Hãy khôi phục thư mục "keys" từ bản sao lưu.`,
      `The profile's signing key file is damaged (${file}). Restore the "keys" folder from a backup.`,
      e,
    );
  }
  if (!keyMatches(key, publicKey)) {
    throw keyError(
      `Tệp khóa ký (${file}) không khớp với khóa công khai của hồ sơ. Hãy khôi phục thư mục "keys" từ bản sao lưu.`,
      `The signing key file (${file}) does not match the profile's public key. Restore the "keys" folder from a backup.`,
    );
  }
  return key;
}

function agreeWith(key: KeyObject, peer: Uint8Array): Uint8Array {
  const seed = Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url');
  const secret = ed25519.utils.toMontgomerySecret(seed);
  try {
    return x25519.getSharedSecret(secret, peer);
  } finally {
    seed.fill(0);
    secret.fill(0);
  }
}

/** The refusal while the key is sealed and the passphrase has not opened it in this session. */
export function keyLocked(): CoreError {
  return new CoreError('LOCKED', {
    vi: 'Khóa ký được bảo vệ bằng mật khẩu. Hãy mở khóa ứng dụng (dòng lệnh: nhập mật khẩu khi được hỏi, hoặc --passphrase-fd).',
    en: 'The signing key is protected by the passphrase. Unlock the app (command line: type it when asked, or use --passphrase-fd).',
  });
}

/**
 * The profile's signing service, for meeting packs and shared notes. An unsealed key is read from its
 * file at every use, so a file removed or damaged since start is reported at once rather than after
 * signing with a stale copy; a sealed one is used as the passphrase opened it (ctx.lock), in memory.
 */
export function createSigner(ctx: ServiceContext) {
  const select = ctx.db.prepare(
    'SELECT id, full_name, position, unit_name, public_key, key_fingerprint FROM profile LIMIT 1',
  );
  return {
    current(): SigningIdentity {
      const row = select.get() as ProfileKeyRow | undefined;
      if (!row) {
        throw new CoreError('PROFILE_REQUIRED', {
          vi: 'Chưa có hồ sơ người dùng trên máy này nên chưa có khóa để ký. Hãy tạo hồ sơ trước.',
          en: 'There is no user profile on this computer yet, so there is no signing key. Create the profile first.',
        });
      }
      let key: KeyObject;
      if (existsSync(sealedKeyFilePath(ctx.paths, row.id))) {
        const opened = ctx.lock.key(row.id);
        if (!opened || !keyMatches(opened, row.public_key)) throw keyLocked();
        key = opened;
      } else {
        key = readPlainKey(keyFilePath(ctx.paths, row.id), row.public_key);
      }
      return {
        profileId: row.id,
        label: { fullName: row.full_name, position: row.position, unitName: row.unit_name },
        publicKey: row.public_key,
        fingerprint: row.key_fingerprint,
        sign: (data) => sign(null, data, key),
        agree: (peer) => agreeWith(key, peer),
      };
    },
  };
}

export type Signer = ReturnType<typeof createSigner>;
