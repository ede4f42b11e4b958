import { resolve } from 'node:path';

const FLAG = '--data-dir';

/** `--data-dir=DIR` or `--data-dir DIR`; the last one wins, as with most command lines. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith(`${FLAG}=`)) found = arg.slice(FLAG.length + 1);
    else if (arg === FLAG && i + 1 < argv.length) found = argv[++i];
  }
  return found?.trim() ? found : undefined;
}

export interface DataDirChoice {
  dir: string;
  /** Where it came from, for the log and for deciding whether Electron's own profile moves with it. */
  source: 'argument' | 'environment' | 'default';
}

/**
 * The data folder: the command line first (tests and administrators), then NGHISU_DATA_DIR (shared
 * with the CLI and the browser host), then Electron's per-user folder.
 */
export function resolveDataDir(options: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  fallback: () => string;
  cwd?: string;
}): DataDirChoice {
  const cwd = options.cwd ?? process.cwd();
  const fromArgs = dataDirFromArgv(options.argv);
  if (fromArgs) return { dir: resolve(cwd, fromArgs), source: 'argument' };
  const fromEnv = options.env['NGHISU_DATA_DIR']?.trim();
  if (fromEnv) return { dir: resolve(cwd, fromEnv), source: 'environment' };
  return { dir: resolve(options.fallback()), source: 'default' };
}
