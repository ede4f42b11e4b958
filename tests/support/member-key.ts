import { generateKeyPairSync, sign } from 'node:crypto';

/** A member's profile key as the directory's signer gives it: the raw Ed25519 public key in base64, and sign(). */
export function memberKey(): { publicKey: string; sign(data: Uint8Array): Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from((publicKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url');
  return { publicKey: raw.toString('base64'), sign: (data: Uint8Array) => sign(null, data, privateKey) };
}
