import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';

/**
 * Classified documents in a meeting pack are sealed to the people who may read them: one random
 * content key per pack encrypts each sealed file (AES-256-GCM, its own nonce, the file's place in the
 * pack as associated data); the key is wrapped for each recipient with an X25519 agreement between a
 * one-pack ephemeral key and the recipient's X25519 key, derived from the Ed25519 key the secretariat
 * already trusts for that member's notes (RFC 7748 birational map), through HKDF-SHA256. No new key
 * to hand out or verify: the fingerprint compared once serves signing and sealing. The signature over
 * the manifest covers the wrapped keys, nonces and tags, so nothing here can be swapped unnoticed.
 */
export const SEALING_ALGORITHM = 'x25519-hkdf-sha256-a256gcm';

const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const WRAP_INFO = Buffer.from('nghisu meeting-pack key wrap v2', 'utf8');

export interface SealingRecipient {
  personId: string;
  /** Ed25519 raw public key, base64: the member's profile key trusted for their notes. */
  publicKey: string;
  fingerprint: string;
}

export interface SealingHeader {
  algorithm: typeof SEALING_ALGORITHM;
  ephemeralPublicKey: string;
  recipients: { personId: string; fingerprint: string; wrappedKey: string }[];
}

/** How a sealed file is opened: its nonce and tag, and what it must be once opened. */
export interface SealedEntry {
  /** The pack path of the ciphertext: sealed/<sha256 of the ciphertext>. */
  path: string;
  /** The pack path the plaintext stands for: documents/<sha256> or text/<documentId>.json. */
  of: string;
  /** SHA-256 of the plaintext. */
  sha256: string;
  nonce: string;
  tag: string;
}

/** The holder's side of the agreement: their Ed25519 identity, able to agree on a secret. */
export interface SealingHolder {
  fingerprint: string;
  publicKey: string;
  agree(peerX25519PublicKey: Uint8Array): Uint8Array;
}

const x25519Of = (ed25519PublicKey: string) => ed25519.utils.toMontgomery(Buffer.from(ed25519PublicKey, 'base64'));

function wrappingKey(shared: Uint8Array, ephemeralPublicKey: Uint8Array, recipientX25519: Uint8Array): Buffer {
  const salt = Buffer.concat([ephemeralPublicKey, recipientX25519]);
  return Buffer.from(hkdfSync('sha256', shared, salt, WRAP_INFO, KEY_BYTES));
}

/** A fresh content key and, for each recipient, the key wrapped so only they can unwrap it. */
export function sealKey(recipients: SealingRecipient[]): { key: Buffer; header: SealingHeader } {
  const key = randomBytes(KEY_BYTES);
  const ephemeral = x25519.utils.randomSecretKey();
  const ephemeralPublicKey = x25519.getPublicKey(ephemeral);
  const wrapped = recipients.map((r) => {
    const theirs = x25519Of(r.publicKey);
    const kek = wrappingKey(x25519.getSharedSecret(ephemeral, theirs), ephemeralPublicKey, theirs);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', kek, nonce);
    cipher.setAAD(Buffer.from(r.fingerprint, 'utf8'));
    const body = Buffer.concat([cipher.update(key), cipher.final()]);
    return { personId: r.personId, fingerprint: r.fingerprint, wrappedKey: Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64') };
  });
  ephemeral.fill(0);
  return { key, header: { algorithm: SEALING_ALGORITHM, ephemeralPublicKey: Buffer.from(ephemeralPublicKey).toString('base64'), recipients: wrapped } };
}

/**
 * The content key when the pack was sealed to this holder; null when it was not (they are not among
 * the recipients). Throws when it was sealed to them but does not open: the pack is broken.
 */
export function openKey(header: SealingHeader, holder: SealingHolder): Buffer | null {
  const mine = header.recipients.find((r) => r.fingerprint === holder.fingerprint);
  if (!mine) return null;
  const ephemeralPublicKey = Buffer.from(header.ephemeralPublicKey, 'base64');
  const wrapped = Buffer.from(mine.wrappedKey, 'base64');
  if (ephemeralPublicKey.length !== KEY_BYTES || wrapped.length !== NONCE_BYTES + KEY_BYTES + TAG_BYTES) throw new Error('malformed wrapped key');
  const kek = wrappingKey(holder.agree(ephemeralPublicKey), ephemeralPublicKey, x25519Of(holder.publicKey));
  const decipher = createDecipheriv('aes-256-gcm', kek, wrapped.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(mine.fingerprint, 'utf8'));
  decipher.setAuthTag(wrapped.subarray(NONCE_BYTES + KEY_BYTES));
  return Buffer.concat([decipher.update(wrapped.subarray(NONCE_BYTES, NONCE_BYTES + KEY_BYTES)), decipher.final()]);
}

/** Passes chunks on while hashing them. */
function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/** Encrypts `source` into `target`; returns what the manifest needs (the ciphertext's hash names the entry). */
export async function sealFile(key: Buffer, of: string, plainSha256: string, source: Readable, target: string): Promise<SealedEntry & { size: number }> {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(of, 'utf8'));
  const hash = createHash('sha256');
  let size = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(source, cipher, hashing(hash), counted, createWriteStream(target));
  const sha = hash.digest('hex');
  return { path: `sealed/${sha}`, of, sha256: plainSha256, nonce: nonce.toString('base64'), tag: cipher.getAuthTag().toString('base64'), size };
}

/** Encrypts bytes held in memory (page texts). */
export function sealBytes(key: Buffer, of: string, plain: Buffer): { entry: SealedEntry; bytes: Buffer } {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(of, 'utf8'));
  const bytes = Buffer.concat([cipher.update(plain), cipher.final()]);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const plainSha = createHash('sha256').update(plain).digest('hex');
  return { entry: { path: `sealed/${sha}`, of, sha256: plainSha, nonce: nonce.toString('base64'), tag: cipher.getAuthTag().toString('base64') }, bytes };
}

function decipherFor(key: Buffer, entry: SealedEntry) {
  const nonce = Buffer.from(entry.nonce, 'base64');
  const tag = Buffer.from(entry.tag, 'base64');
  if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) throw new Error('malformed sealed entry');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(entry.of, 'utf8'));
  decipher.setAuthTag(tag);
  return decipher;
}

/** Decrypts a sealed stream into `target`; throws unless it authenticates and is the plaintext the entry names. */
export async function openInto(key: Buffer, entry: SealedEntry, source: Readable, target: string): Promise<void> {
  const hash = createHash('sha256');
  await pipeline(source, decipherFor(key, entry), hashing(hash), createWriteStream(target));
  if (hash.digest('hex') !== entry.sha256) throw new Error('sealed entry is not what it names');
}

/** Decrypts sealed bytes; throws unless they authenticate and are the plaintext the entry names. */
export function openBytes(key: Buffer, entry: SealedEntry, bytes: Buffer): Buffer {
  const decipher = decipherFor(key, entry);
  const plain = Buffer.concat([decipher.update(bytes), decipher.final()]);
  if (createHash('sha256').update(plain).digest('hex') !== entry.sha256) throw new Error('sealed entry is not what it names');
  return plain;
}
