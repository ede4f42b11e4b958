import { writeFileSync } from 'node:fs';
import yauzl from 'yauzl';
import yazl from 'yazl';

/** Every entry of a zip (a pack, a notes file), read with yauzl directly rather than the code under test. */
export async function readZipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      entries.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return entries;
}

/** Writes `entries` (name → bytes) as a zip at `out`. */
export async function writeZipEntries(out: string, entries: Map<string, Buffer>): Promise<void> {
  const w = new yazl.ZipFile();
  for (const [name, bytes] of entries) w.addBuffer(bytes, name);
  w.end();
  const chunks: Buffer[] = [];
  for await (const c of w.outputStream) chunks.push(c as Buffer);
  writeFileSync(out, Buffer.concat(chunks));
}

/** A copy of the zip at `file`, written to `out` with `change` applied to its entries: how a tampered file is made. */
export async function rewriteZip(file: string, out: string, change: (entries: Map<string, Buffer>) => void): Promise<void> {
  const entries = await readZipEntries(file);
  change(entries);
  await writeZipEntries(out, entries);
}
