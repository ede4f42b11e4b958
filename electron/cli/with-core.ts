import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorPayload } from '../../shared/contract/index.ts';
import { createCore, CoreError, type Core } from '../core/index.ts';
import { printError, type Lang, type Output } from './output.ts';
import { askPassphrase, readPassphraseFd } from './passphrase.ts';

/** Exit codes: 0 success, 1 the command failed, 2 the command line itself was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export interface GlobalOptions {
  dataDir: string;
  json: boolean;
  lang: Lang;
  /** Where to read the passphrase that opens a sealed signing key. */
  passphraseFd?: number;
}

export function toPayload(e: unknown): ErrorPayload {
  if (e instanceof CoreError) return e.payload;
  const message = (e as Error)?.message ?? String(e);
  return { code: 'INTERNAL', message: { vi: `Lỗi không mong muốn: ${message}`, en: `Unexpected error: ${message}` } };
}

/**
 * Run `fn` on a core opened for the command, always closing it; returns the exit code. A sealed
 * signing key is opened with the passphrase from `--passphrase-fd` before the command runs; without
 * one, a command that needs the key and meets LOCKED asks on the terminal (when there is one) and
 * runs once more. Signing commands take the key before they write anything, so the rerun is clean.
 */
export async function withCore(
  opts: GlobalOptions,
  fn: (core: Core, out: Output) => Promise<void | number>,
): Promise<number> {
  const out: Output = { json: opts.json, lang: opts.lang };
  let core: Core | undefined;
  // A descriptor can be read once: the passphrase it gives serves both the database key and the signing key.
  let fromFd: string | undefined;
  const passphraseFromFd = () => (fromFd ??= readPassphraseFd(opts.passphraseFd!));
  const passphrase = async (): Promise<string> => {
    if (opts.passphraseFd !== undefined) return passphraseFromFd();
    if (!process.stdin.isTTY) throw new CoreError('DATA_KEY_UNAVAILABLE', { vi: 'Dữ liệu cần mật khẩu để mở: hãy chạy lại với --passphrase-fd.', en: 'The data needs the passphrase to open: run again with --passphrase-fd.' });
    return askPassphrase(opts.lang === 'en' ? 'Passphrase of the data: ' : 'Mật khẩu mở dữ liệu: ');
  };
  try {
    core = await createCore({ dataDir: opts.dataDir, appVersion: appVersion(), passphrase });
    if (opts.passphraseFd !== undefined) await core.call('security.unlock', { passphrase: passphraseFromFd() });
    try {
      // A command may report partial failure (e.g. some files of a batch) by returning EXIT_FAILED.
      return (await fn(core, out)) ?? EXIT_OK;
    } catch (e) {
      if (!(e instanceof CoreError) || e.code !== 'LOCKED' || opts.passphraseFd !== undefined || !process.stdin.isTTY) throw e;
      const passphrase = await askPassphrase(opts.lang === 'en' ? 'Passphrase of the signing key: ' : 'Mật khẩu của khóa ký: ');
      await core.call('security.unlock', { passphrase });
      return (await fn(core, out)) ?? EXIT_OK;
    }
  } catch (e) {
    printError(out, toPayload(e));
    return EXIT_FAILED;
  } finally {
    await core?.close();
  }
}

export function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}


/** What a command module needs to add its commands. */
export interface CommandContext {
  globals: () => GlobalOptions;
  setExit: (code: number) => void;
}
