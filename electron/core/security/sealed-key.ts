import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/**
 * The private signing key sealed with the user's passphrase: scrypt (OWASP's N = 2^17, r = 8, p = 1,
 * about 128 MiB and most of a second per try, which is what makes guessing slow) derives an AES-256-GCM
 * key; GCM's tag tells a wrong passphrase from a right one, so nothing about the passphrase is stored.
 * The parameters travel in the file, so a later build can raise them and still open older files.
 */

const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(20_000);
const sealedKeyFile = z
  .object({
    format: z.literal('nghisu-sealed-key'),
    version: z.literal(1),
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2 ** 14).max(2 ** 20), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16), salt: b64 }).strict(),
    cipher: z.object({ name: z.literal('aes-256-gcm'), iv: b64, tag: b64 }).strict(),
    data: b64,
  })
  .strict();
type SealedKeyFile = z.infer<typeof sealedKeyFile>;

function derive(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => {
    // NFC: the same Vietnamese passphrase typed with a different input method is the same passphrase.
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** The key file's text: the PEM sealed with the passphrase. */
export async function sealKey(privateKeyPem: string, passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await derive(passphrase, salt, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
  const file: SealedKeyFile = {
    format: 'nghisu-sealed-key',
    version: 1,
    kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export class SealedKeyDamaged extends Error {}

/** The PEM inside, or null when the passphrase is wrong; SealedKeyDamaged when the file is not a sealed key. */
export async function openSealedKey(text: string, passphrase: string): Promise<string | null> {
  let file: SealedKeyFile;
  try {
    file = sealedKeyFile.parse(JSON.parse(text));
  } catch {
    throw new SealedKeyDamaged('not a sealed key file');
  }
  const key = await derive(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.cipher.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(file.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
