import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DataPaths } from '../context.ts';
import type { DatabaseKey } from '../db/database-cipher.ts';
import type { SecretVault } from '../domains/sync/credentials.ts';
import { CoreError } from '../errors.ts';
import { writePrivateFile } from '../fs/durable.ts';
import { makePrivateDir } from '../fs/private-modes.ts';
import { openSealedKey, SealedKeyDamaged, sealKey } from './sealed-key.ts';

/**
 * The database key lives in keys/, never beside the data it opens in the same file, in up to three
 * forms (like LUKS key slots, each opens the same key):
 * - `database.key.sealed`: sealed by the OS keychain (Electron's safeStorage: DPAPI, Keychain,
 *   libsecret), in hosts that have one — the laptop's login is what opens the data;
 * - `database.key`: the key itself, mode 0600, in hosts without a keychain (the command line on a
 *   server, tests), protected only as the signing key was before a passphrase;
 * - `database.key.passphrase`: sealed with the app lock's passphrase, for recovery when the keychain
 *   is lost (a reinstalled OS, the folder moved to another laptop) and for the command line.
 */
export const DATABASE_KEY_FILES = {
  plain: 'database.key',
  sealed: 'database.key.sealed',
  passphrase: 'database.key.passphrase',
} as const;

const HEX_KEY = /^[0-9a-f]{64}$/;

export interface DatabaseKeySources {
  /** The OS keychain, when the host has one. */
  vault?: SecretVault | undefined;
  /** Asked only when neither the keychain nor a plain key opens the data: the app lock's passphrase. */
  passphrase?: (() => Promise<string>) | undefined;
  /** An encrypted database is already there: a key must be found, never made anew. */
  encryptedDatabase: boolean;
}

function unavailable(vi: string, en: string, cause?: unknown): CoreError {
  return new CoreError('DATA_KEY_UNAVAILABLE', { vi, en }, undefined, cause === undefined ? undefined : { cause });
}

function parseHex(text: string, file: string): DatabaseKey {
  const hex = text.trim();
  if (!HEX_KEY.test(hex)) {
    throw unavailable(
      `Tệp khóa cơ sở dữ liệu "${file}" bị hỏng. Hãy khôi phục thư mục "keys" từ bản sao lưu hoặc mở bằng mật khẩu.`,
      `The database key file "${file}" is damaged. Restore the "keys" folder from a backup or open it with the passphrase.`,
    );
  }
  return Buffer.from(hex, 'hex');
}

/** Keep the key in the strongest form this host offers; the weaker plain file goes once the sealed one is durable. */
async function store(paths: DataPaths, key: DatabaseKey, vault: SecretVault | undefined): Promise<void> {
  const hex = key.toString('hex');
  let sealed: Buffer | null = null;
  try {
    // A Linux desktop without a secret service has safeStorage but no keychain behind it.
    if (vault) sealed = await vault.seal(hex);
  } catch {
    sealed = null;
  }
  if (sealed) {
    writePrivateFile(paths.keys, DATABASE_KEY_FILES.sealed, sealed);
    rmSync(join(paths.keys, DATABASE_KEY_FILES.plain), { force: true });
  } else {
    writePrivateFile(paths.keys, DATABASE_KEY_FILES.plain, `${hex}\n`);
  }
}

async function fromPassphrase(paths: DataPaths, ask: () => Promise<string>): Promise<DatabaseKey> {
  const file = join(paths.keys, DATABASE_KEY_FILES.passphrase);
  let hex: string | null;
  try {
    hex = await openSealedKey(readFileSync(file, 'utf8'), await ask());
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw unavailable(
      `Tệp khóa cơ sở dữ liệu đã khóa bằng mật khẩu (${file}) bị hỏng. Hãy chép lại thư mục "keys" từ bản lưu của nó, hoặc khôi phục dữ liệu từ bản sao lưu (nghisu restore).`,
      `The passphrase-sealed database key (${file}) is damaged. Copy the "keys" folder back from where it was saved, or restore the data from a backup (nghisu restore).`,
      e instanceof SealedKeyDamaged ? undefined : e,
    );
  }
  if (hex === null) throw new CoreError('UNAUTHORIZED', { vi: 'Mật khẩu không đúng; dữ liệu chưa được mở.', en: 'Wrong passphrase; the data was not opened.' });
  return parseHex(hex, file);
}

/**
 * The key of the data folder's database: opened from the keychain, the plain file or the
 * passphrase, or made and stored durably the first time (before anything is encrypted with it).
 */
export async function loadDatabaseKey(paths: DataPaths, sources: DatabaseKeySources): Promise<DatabaseKey> {
  makePrivateDir(paths.keys);
  const sealed = join(paths.keys, DATABASE_KEY_FILES.sealed);
  const plain = join(paths.keys, DATABASE_KEY_FILES.plain);
  const byPassphrase = join(paths.keys, DATABASE_KEY_FILES.passphrase);
  if (existsSync(sealed) && sources.vault) {
    try {
      return parseHex(await sources.vault.open(readFileSync(sealed)), sealed);
    } catch (e) {
      if (!existsSync(byPassphrase) || !sources.passphrase) {
        throw unavailable(
          'Kho khóa của hệ điều hành không mở được khóa dữ liệu (hệ điều hành được cài lại, hoặc thư mục dữ liệu được chép từ máy khác). Hãy mở bằng mật khẩu của ứng dụng.',
          'The OS keychain cannot open the data key (the OS was reinstalled, or the data folder came from another computer). Open it with the app passphrase.',
          e,
        );
      }
    }
  }
  if (existsSync(plain)) {
    const key = parseHex(readFileSync(plain, 'utf8'), plain);
    // A folder made by the command line, now opened by the app: the keychain takes the key over.
    if (sources.vault) await store(paths, key, sources.vault);
    return key;
  }
  if (existsSync(byPassphrase) && sources.passphrase) {
    const key = await fromPassphrase(paths, sources.passphrase);
    if (sources.vault) await store(paths, key, sources.vault);
    return key;
  }
  if (existsSync(sealed) || existsSync(byPassphrase) || sources.encryptedDatabase) {
    // Nothing here opens it: a damaged file and one whose key is gone look the same.
    if (!existsSync(sealed) && !existsSync(byPassphrase)) {
      throw new CoreError('DB_CORRUPT', {
        vi: `Tệp dữ liệu trong "${paths.dataDir}" bị hỏng, hoặc đã được mã hóa mà thư mục "keys" không còn khóa để mở. Tệp được giữ nguyên, không sửa đổi. Hãy khôi phục thư mục "keys" hoặc khôi phục dữ liệu từ bản sao lưu (nghisu restore).`,
        en: `The data file in "${paths.dataDir}" is damaged, or is encrypted and the "keys" folder no longer holds its key. It was left untouched. Restore the "keys" folder, or restore a backup (nghisu restore).`,
      });
    }
    throw unavailable(
      'Dữ liệu đã mã hóa bằng khóa trong kho khóa của hệ điều hành hoặc bằng mật khẩu. Hãy mở bằng ứng dụng, hoặc chạy lệnh với --passphrase-fd / nhập mật khẩu khi được hỏi.',
      'The data is encrypted with a key held by the OS keychain or the passphrase. Open it in the app, or run the command with --passphrase-fd / type the passphrase when asked.',
    );
  }
  const key = randomBytes(32);
  await store(paths, key, sources.vault);
  return key;
}

/** Seal the key with the app lock's passphrase too (set or changed), so it can be recovered with it. */
export async function sealDatabaseKeyWithPassphrase(paths: DataPaths, key: DatabaseKey, passphrase: string): Promise<void> {
  writePrivateFile(paths.keys, DATABASE_KEY_FILES.passphrase, await sealKey(key.toString('hex'), passphrase));
}
