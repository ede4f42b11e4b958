import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { FoundFile } from './file-target.ts';
import { join } from 'node:path';
import type { OpenFileResult } from '../../../shared/contract/bridge.ts';
import { CoreError } from '../errors.ts';
import { sniffContent } from './content-sniff.ts';
import { safeFileName } from './safe-file-name.ts';

/**
 * The rules for "open with the system's program", shared by the desktop app (a temp copy handed to
 * the OS) and the browser host (a new tab): the stored bytes decide the type and the extension,
 * programs and scripts are refused, names that hide their real ending are refused, and anything that
 * is not a plain document needs the user's yes first.
 */

/** Extensions the OS runs (or hands to an interpreter) on a double click: never in a name we open. */
export const EXECUTABLE_EXTENSIONS = new Set([
  'exe', 'com', 'cmd', 'bat', 'pif', 'scr', 'cpl', 'msi', 'msp', 'mst', 'msc', 'hta', 'js', 'jse', 'mjs', 'vbs',
  'vbe', 'vb', 'wsf', 'wsh', 'wsc', 'ws', 'ps1', 'ps1xml', 'ps2', 'psc1', 'psm1', 'psd1', 'lnk', 'url', 'website',
  'scf', 'inf', 'reg', 'jar', 'jnlp', 'application', 'appref-ms', 'appx', 'appxbundle', 'msix', 'msixbundle',
  'gadget', 'chm', 'hlp', 'xbap', 'xll', 'library-ms', 'settingcontent-ms', 'diagcab', 'search-ms', 'searchconnector-ms',
  'dll', 'ocx', 'sys', 'drv', 'iso', 'img', 'vhd', 'vhdx', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'command', 'tool',
  'desktop', 'appimage', 'run', 'deb', 'rpm', 'snap', 'flatpakref', 'dmg', 'pkg', 'mpkg', 'app', 'workflow', 'action',
  'terminal', 'py', 'pyw', 'pyc', 'pl', 'rb', 'php', 'lua', 'apk', 'so', 'dylib', 'elf', 'out',
]);

// Bidi overrides, embeddings, isolates and marks, zero-width characters and controls make a name read
// differently from its real ending ("hợp-đồng‮fdp.exe" shows as "hợp-đồngexe.pdf").
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Bytes read to decide a file's type: enough for an Office file's ZIP directory or OLE names. */
export const SNIFF_LIMIT = 32 * 1024 * 1024;

function refused(vi: string, en: string): CoreError {
  return new CoreError('FILE_INVALID', { vi, en });
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export type OpenPlan =
  | { status: 'open'; fileName: string; mime: string; document: boolean }
  | Extract<OpenFileResult, { status: 'needs-confirmation' }>;

/**
 * Decide whether and as what a stored file may be opened. Throws FILE_INVALID for programs, scripts
 * and deceptive names; answers `needs-confirmation` for non-documents until `confirmed`.
 */
export function planOpen(bytes: Uint8Array, requestedName: string, confirmed: boolean): OpenPlan {
  const name = requestedName.normalize('NFC').trim();
  if (HIDDEN_CHARACTERS.test(name)) {
    throw refused(
      'Tên tệp chứa ký tự ẩn hoặc ký tự đảo chiều văn bản, có thể che đuôi thật của tệp; tệp không được mở.',
      'The file name contains hidden or right-to-left override characters that can disguise its real type; it was not opened.',
    );
  }
  const claimed = extensionOf(name);
  if (EXECUTABLE_EXTENSIONS.has(claimed)) {
    throw refused(
      `Tệp có đuôi .${claimed} là chương trình hoặc tập lệnh; Nghị Sự không mở loại tệp này.`,
      `A .${claimed} file is a program or a script; Nghị Sự does not open this type of file.`,
    );
  }
  const sniffed = sniffContent(bytes);
  if (sniffed.verdict === 'executable') {
    throw refused(
      'Nội dung tệp là chương trình hoặc tập lệnh (dù tên tệp nói khác); Nghị Sự không mở tệp này.',
      `The file's content is a program or a script (${sniffed.what}), whatever its name says; Nghị Sự does not open it.`,
    );
  }
  const stem = claimed === '' ? name : name.slice(0, name.length - claimed.length - 1);
  const fileName = `${safeFileName(stem, 'tep').slice(0, 170)}.${sniffed.ext}`;
  if (sniffed.verdict === 'confirm' && !confirmed) return { status: 'needs-confirmation', fileName, what: sniffed.what };
  return { status: 'open', fileName, mime: sniffed.mime, document: sniffed.verdict === 'document' };
}

/** The first SNIFF_LIMIT plain bytes of a stored or exported file. */
export async function readForSniffing(found: FoundFile): Promise<Uint8Array> {
  const stored = await found.open();
  try {
    return await stored.read(0, SNIFF_LIMIT);
  } finally {
    await stored.close();
  }
}

/**
 * The folder for this profile's open copies, in the OS temp folder (the system's program must be able
 * to read them). One folder per data folder, so sweeping it never touches another profile's copies.
 */
export function openCopiesRoot(tempDir: string, dataDir: string): string {
  return join(tempDir, `nghisu-open-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
}

/** A private copy per open (the program may edit or lock it; the stored file stays intact). */
export async function makeOpenCopy(root: string, source: FoundFile, fileName: string): Promise<string> {
  await mkdir(root, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(root, 'o-'));
  const copy = join(dir, fileName);
  await saveFoundCopy(source, copy);
  return copy;
}

/** Write the plain bytes of a found file to `target` (a copy the user saves or a program opens). */
export async function saveFoundCopy(source: FoundFile, target: string): Promise<void> {
  const stored = await source.open();
  try {
    await pipeline(stored.stream(), createWriteStream(target, { mode: 0o600 }));
  } catch (e) {
    // A stored file damaged on the disk fails part-way: leave no half copy behind.
    await rm(target, { force: true });
    throw e;
  }
}

/**
 * Delete every copy made for opening (at quit and at the next start). A copy a program still holds
 * open on Windows cannot be deleted; it stays until the next sweep.
 */
export async function sweepOpenCopies(root: string): Promise<{ removed: number; kept: number }> {
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return { removed: 0, kept: 0 };
  }
  let removed = 0;
  let kept = 0;
  for (const entry of entries) {
    try {
      await rm(join(root, entry), { recursive: true, force: true });
      removed++;
    } catch {
      kept++;
    }
  }
  return { removed, kept };
}
