import { openStoredFile, type BlobKey } from '../../../files/blob-cipher.ts';

/** The newest trailer (or cross-reference stream) is at the end; a megabyte covers any real one. */
const TAIL_BYTES = 1024 * 1024;

export interface PdfFileId {
  original: string;
  modified: string;
}

/**
 * A PDF's file identifiers (/ID in its last trailer) as upper-case hex, or null when it has none.
 * Read from the file's tail without parsing the document, so it also works for password-protected PDFs.
 */
export async function readPdfFileId(file: string, key: BlobKey | null): Promise<PdfFileId | null> {
  const stored = await openStoredFile(file, key);
  try {
    const { size } = stored;
    const length = Math.min(size, TAIL_BYTES);
    const tail = await stored.read(size - length, length);
    const text = tail.toString('latin1');
    const matches = [...text.matchAll(/\/ID\s*\[\s*<([0-9A-Fa-f\s]*)>\s*<([0-9A-Fa-f\s]*)>\s*\]/g)];
    const last = matches.at(-1);
    if (!last) return null;
    const clean = (hex: string) => hex.replace(/\s+/g, '').toUpperCase();
    const original = clean(last[1]!);
    return original ? { original, modified: clean(last[2]!) || original } : null;
  } finally {
    await stored.close();
  }
}
