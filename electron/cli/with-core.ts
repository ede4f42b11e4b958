import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorPayload } from '../../shared/contract/index.ts';
import { createCore, CoreError, type Core } from '../core/index.ts';
import { printError, type Lang, type Output } from './output.ts';

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
}

export function toPayload(e: unknown): ErrorPayload {
  if (e instanceof CoreError) return e.payload;
  const message = (e as Error)?.message ?? String(e);
  return { code: 'INTERNAL', message: { vi: `Lỗi không mong muốn: ${message}`, en: `Unexpected error: ${message}` } };
}

/** Run `fn` on a core opened for the command, always closing it; returns the exit code. */
export async function withCore(
  opts: GlobalOptions,
  fn: (core: Core, out: Output) => Promise<void | number>,
): Promise<number> {
  const out: Output = { json: opts.json, lang: opts.lang };
  let core: Core | undefined;
  try {
    core = await createCore({ dataDir: opts.dataDir, appVersion: appVersion() });
    // A command may report partial failure (e.g. some files of a batch) by returning EXIT_FAILED.
    return (await fn(core, out)) ?? EXIT_OK;
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
