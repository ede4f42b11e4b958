import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { DataPaths } from '../context.ts';
import { processAlive as alive } from '../fs/process-alive.ts';

/**
 * Scratch folders in <data>/tmp carry their process's pid ("pack-<pid>-<uuid>"), so the start-up
 * sweep of another process on the same data folder (the CLI while the app runs) never removes one
 * still in use, and everything a crashed or killed process left is removed.
 */
export function scratchPath(paths: DataPaths, purpose: string): string {
  return join(paths.tmp, `${purpose}-${process.pid}-${uuidv7()}`);
}

/** Empties <data>/tmp of everything but the scratch of live processes; returns how many entries went. */
export function sweepScratch(paths: DataPaths): number {
  let names: string[];
  try {
    names = readdirSync(paths.tmp);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(/^[a-z]+-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) continue;
    try {
      rmSync(join(paths.tmp, name), { recursive: true, force: true });
      removed += 1;
    } catch {
      // Retried at the next start.
    }
  }
  return removed;
}
