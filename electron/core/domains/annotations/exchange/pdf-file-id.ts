import { open } from 'node:fs/promises';

/** The newest trailer (or cross-reference stream) is at the end; a megabyte covers any real one. */
const TAIL_BYTES = 1024 * 1024;

export interface PdfFileId {
  original: string;
  modified: string;
}

/**
 * A PDF's file identifiers (/ID in its last trailer) as upper-case hex, or null when it has none.
 * Read from the file's tail without parsing the document, so it also works for encrypted files.
 */
export async function readPdfFileId(file: string): Promise<PdfFileId | null> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    const text = tail.toString('latin1');
    const matches = [...text.matchAll(/\/ID\s*\[\s*<([0-9A-Fa-f\s]*)>\s*<([0-9A-Fa-f\s]*)>\s*\]/g)];
    const last = matches.at(-1);
    if (!last) return null;
    const clean = (hex: string) => hex.replace(/\s+/g, '').toUpperCase();
    const original = clean(last[1]!);
    return original ? { original, modified: clean(last[2]!) || original } : null;
  } finally {
    await handle.close();
  }
}
