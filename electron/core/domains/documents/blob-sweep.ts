import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../context.ts';
import { TMP_PREFIX } from './blob-store.ts';
import { keptBackupBlobs, lastRestoreAt, writtenSinceRestore } from './kept-backups.ts';
import { processAlive as alive } from '../../fs/process-alive.ts';

const DAY_MS = 24 * 3600_000;

/**
 * After a crash: remove temp copies of dead writers and blob files no row names (a file is placed
 * and its row committed under one write lock, so an unnamed file is a leftover), and forget
 * unused blob rows whose file is gone. One SELECT into a Set, then a walk of the 256 folders; the
 * walk holds the write lock so no other process can place a file meanwhile.
 *
 * A restore breaks "unnamed means leftover": the live database is then an older one, and files it
 * does not name belong to documents the replaced database (kept in backups/) still lists, or were
 * just written by a restore that has not swapped the database yet. So an unnamed file stays when a
 * kept database names it, when a kept database cannot be read, or when it was written since the
 * last restore began.
 */
export function sweepBlobs(ctx: ServiceContext): { removedFiles: number; removedRows: number } {
  let removedFiles = 0;
  let removedRows = 0;
  const now = ctx.now().getTime();
  let top: string[];
  try {
    top = readdirSync(ctx.paths.blobs);
  } catch {
    return { removedFiles, removedRows };
  }
  for (const name of top) {
    if (!name.startsWith(TMP_PREFIX)) continue;
    const pid = Number(name.slice(TMP_PREFIX.length).split('-')[0]);
    const file = join(ctx.paths.blobs, name);
    try {
      if (!Number.isInteger(pid) || !alive(pid) || now - statSync(file).mtimeMs > DAY_MS) {
        rmSync(file, { force: true });
        removedFiles++;
      }
    } catch {
      // Gone already (its writer finished or another sweep took it).
    }
  }
  const kept = keptBackupBlobs(ctx.paths, ctx.databaseKey);
  const restoredAt = lastRestoreAt(ctx.paths);
  const removable = (sha: string, file: string): boolean => {
    if (kept.names.has(sha) || kept.unreadable.length > 0) return false;
    try {
      return !writtenSinceRestore(statSync(file).mtimeMs, restoredAt);
    } catch {
      return false;
    }
  };
  if (kept.unreadable.length > 0) ctx.log.warn({ count: kept.unreadable.length }, 'document store: a kept database cannot be read; unnamed files are kept');
  ctx.db
    .transaction(() => {
      const known = new Set(ctx.db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[]);
      const present = new Set<string>();
      for (const dir of top) {
        if (!/^[0-9a-f]{2}$/.test(dir)) continue;
        let files: string[];
        try {
          files = readdirSync(join(ctx.paths.blobs, dir));
        } catch {
          continue;
        }
        for (const rest of files) {
          if (!/^[0-9a-f]{62}$/.test(rest)) continue;
          const sha = dir + rest;
          const file = join(ctx.paths.blobs, dir, rest);
          if (known.has(sha)) present.add(sha);
          else if (removable(sha, file)) {
            rmSync(file, { force: true });
            removedFiles++;
          }
        }
      }
      const unused = ctx.db.prepare('SELECT sha256 FROM blobs b WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.blob_sha256 = b.sha256)').pluck();
      const remove = ctx.db.prepare('DELETE FROM blobs WHERE sha256 = ?');
      for (const sha of unused.all() as string[]) {
        if (!present.has(sha)) removedRows += remove.run(sha).changes;
      }
    })
    .immediate();
  return { removedFiles, removedRows };
}
