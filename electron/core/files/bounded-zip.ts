import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { CoreError } from '../errors.ts';

/**
 * Zip files from outside (meeting packs, shared notes, spreadsheets) are read within limits, so a
 * small hostile file cannot make us inflate gigabytes into memory or onto disk: the entry count is
 * checked from the end record before any entry is read, declared sizes are checked as the
 * directory is listed, and the bytes actually inflated are counted again while they stream (a
 * header may lie about them).
 */
export interface ZipLimits {
  /** Most entries a file may hold. */
  entries: number;
  /** Most bytes all the entries read from one file may inflate to, together. */
  totalBytes: number;
  /**
   * Most bytes inflated per compressed byte, once an entry has inflated past `ratioFloorBytes`
   * (tiny entries compress far better than that legitimately).
   */
  ratio: number;
}

export const RATIO_FLOOR_BYTES = 1024 * 1024;

export type ZipLimit = 'entries' | 'entryBytes' | 'totalBytes' | 'ratio' | 'name';

/** Makes the error a reader shows when a limit is crossed; it names the limit, never the file's content. */
export type LimitError = (limit: ZipLimit, detail: { max: number; entry?: string }) => CoreError;

/** A name a zip reader may act on: relative, forward slashes, no "..", no control or odd characters. */
export function isPlainEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name)) return false;
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return false;
  }
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export class BoundedZip {
  private inflated = 0;
  readonly zip: ZipFile;
  private readonly limits: ZipLimits;
  private readonly limitError: LimitError;

  private constructor(zip: ZipFile, limits: ZipLimits, limitError: LimitError) {
    this.zip = zip;
    this.limits = limits;
    this.limitError = limitError;
  }

  /** Opens `file` and refuses it at once when its end record announces too many entries. */
  static async open(file: string, limits: ZipLimits, limitError: LimitError, damaged: (cause: unknown) => CoreError): Promise<BoundedZip> {
    let zip: ZipFile;
    try {
      zip = await yauzl.openPromise(file, {
        lazyEntries: true,
        autoClose: false,
        validateEntrySizes: true,
        strictFileNames: true,
        decodeStrings: true,
      });
    } catch (e) {
      throw damaged(e);
    }
    if (zip.entryCount > limits.entries) {
      zip.close();
      throw limitError('entries', { max: limits.entries });
    }
    return new BoundedZip(zip, limits, limitError);
  }

  /**
   * The entries `accept` wants, each name checked for plainness, none twice, each declared size
   * within `maxBytesOf(name)` and the declared total within the limit. Nothing is inflated. Any
   * other entry refuses the file, or with `others: 'ignore'` is passed over unread (a
   * spreadsheet's images).
   */
  async list(
    accept: (name: string) => boolean,
    maxBytesOf: (name: string) => number,
    damaged: (cause: unknown) => CoreError,
    { others }: { others: 'refuse' | 'ignore' } = { others: 'refuse' },
  ): Promise<Map<string, Entry>> {
    const entries = new Map<string, Entry>();
    let declared = 0;
    let seen = 0;
    try {
      for await (const entry of this.zip.eachEntry()) {
        const name = entry.fileName;
        seen += 1;
        if (seen > this.limits.entries) throw this.limitError('entries', { max: this.limits.entries });
        if (others === 'ignore' && !accept(name)) continue;
        if (!isPlainEntryName(name) || !accept(name) || entries.has(name)) throw this.limitError('name', { max: 0, entry: name });
        const max = maxBytesOf(name);
        if (entry.uncompressedSize > max) throw this.limitError('entryBytes', { max, entry: name });
        declared += entry.uncompressedSize;
        if (declared > this.limits.totalBytes) throw this.limitError('totalBytes', { max: this.limits.totalBytes });
        if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > this.limits.ratio * Math.max(1, entry.compressedSize)) {
          throw this.limitError('ratio', { max: this.limits.ratio, entry: name });
        }
        entries.set(name, entry);
      }
    } catch (e) {
      if (e instanceof CoreError) throw e;
      throw damaged(e);
    }
    return entries;
  }

  /**
   * The entry's inflated bytes, stopped with the limit's error as soon as they pass `maxBytes`,
   * the file's total, or the ratio — whatever its header said.
   */
  async stream(entry: Entry, maxBytes: number, damaged: (cause: unknown) => CoreError): Promise<Readable> {
    let source: Readable;
    try {
      source = await this.zip.openReadStreamPromise(entry);
    } catch (e) {
      throw damaged(e);
    }
    const name = entry.fileName;
    const compressed = Math.max(1, entry.compressedSize);
    let read = 0;
    const guard = new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        read += chunk.length;
        this.inflated += chunk.length;
        if (read > maxBytes) return done(this.limitError('entryBytes', { max: maxBytes, entry: name }));
        if (this.inflated > this.limits.totalBytes) return done(this.limitError('totalBytes', { max: this.limits.totalBytes }));
        if (read > RATIO_FLOOR_BYTES && read > this.limits.ratio * compressed) return done(this.limitError('ratio', { max: this.limits.ratio, entry: name }));
        done(null, chunk);
      },
    });
    source.on('error', (e) => guard.destroy(e instanceof CoreError ? e : damaged(e)));
    guard.on('close', () => source.destroy());
    return source.pipe(guard);
  }

  /** A small entry read whole, within `maxBytes`. */
  async read(entry: Entry, maxBytes: number, damaged: (cause: unknown) => CoreError): Promise<Buffer> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of await this.stream(entry, maxBytes, damaged)) chunks.push(chunk as Buffer);
    } catch (e) {
      if (e instanceof CoreError) throw e;
      throw damaged(e);
    }
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}
