import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZipEntries } from './zip-entries.ts';

export interface ArchiveManifest {
  format: string;
  schemaVersion: number;
  database: { size: number; sha256: string };
  blobs: { sha256: string; size: number }[];
  missingBlobs: string[];
  keys: { name: string; size: number; sha256: string }[];
}

/** Read a backup archive with yauzl directly (not the code under test): every entry's bytes and the manifest. */
export async function readArchive(file: string): Promise<{ manifest: ArchiveManifest; entries: Map<string, Buffer> }> {
  const entries = await readZipEntries(file);
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as ArchiveManifest;
  return { manifest, entries };
}

/** The database inside a backup archive, written to `dir` so SQLite can open it. */
export async function extractDatabase(file: string, dir: string): Promise<string> {
  const { entries } = await readArchive(file);
  const out = join(dir, `${createHash('sha256').update(file).digest('hex').slice(0, 8)}.db`);
  writeFileSync(out, entries.get('nghisu.db')!);
  return out;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
