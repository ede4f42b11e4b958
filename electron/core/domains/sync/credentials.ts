import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataPaths } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { writePrivateFile } from '../../fs/durable.ts';

/**
 * The OS keychain as the Electron main process offers it (safeStorage, asked over the utility
 * process's port): a host that has one passes it to the core. Without one (the browser host, tests)
 * the secret is kept like the signing key: a file only the owner can read, in the private keys/ folder.
 */
export interface SecretVault {
  seal(text: string): Promise<Buffer>;
  open(sealed: Buffer): Promise<string>;
}

const SEALED = 'sync-client-secret.sealed';
const PLAIN = 'sync-client-secret';

function denied(vi: string, en: string): CoreError {
  return new CoreError('INVALID_INPUT', { vi, en });
}

/** A secret file named on the command line: it must be private to its owner, as ssh insists for keys. */
export function readSecretFile(file: string): string {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw denied(`Không đọc được tệp khóa bí mật “${file}”.`, `Cannot read the secret file “${file}”.`);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw denied(
      `Tệp khóa bí mật “${file}” để người khác đọc được (quyền ${(mode & 0o777).toString(8)}): hãy chạy chmod 600 “${file}”.`,
      `The secret file “${file}” is readable by others (mode ${(mode & 0o777).toString(8)}): run chmod 600 “${file}”.`,
    );
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (!secret) throw denied(`Tệp khóa bí mật “${file}” trống.`, `The secret file “${file}” is empty.`);
  return secret;
}

export function createCredentials(paths: DataPaths, vault: SecretVault | undefined) {
  const writePrivate = (name: string, bytes: Buffer | string) => writePrivateFile(paths.keys, name, bytes);

  return {
    /** Keep a secret typed in the settings page; returns the reference sync_state records. */
    async save(secret: string): Promise<string> {
      if (vault) {
        writePrivate(SEALED, await vault.seal(secret));
        rmSync(join(paths.keys, PLAIN), { force: true });
        return 'keychain';
      }
      writePrivate(PLAIN, secret);
      return 'keyfile';
    },
    async read(ref: string): Promise<string> {
      if (ref.startsWith('file:')) return readSecretFile(ref.slice(5));
      try {
        if (ref === 'keychain') {
          if (!vault) throw new Error('no keychain in this host');
          return await vault.open(readFileSync(join(paths.keys, SEALED)));
        }
        return readFileSync(join(paths.keys, PLAIN), 'utf8');
      } catch {
        throw denied('Không đọc được khóa bí mật liên thông đã lưu: hãy nhập lại trong Cài đặt → Liên thông.', 'Cannot read the saved sync secret: enter it again in Settings → Sync.');
      }
    },
    forget(): void {
      rmSync(join(paths.keys, SEALED), { force: true });
      rmSync(join(paths.keys, PLAIN), { force: true });
    },
  };
}

export type Credentials = ReturnType<typeof createCredentials>;
