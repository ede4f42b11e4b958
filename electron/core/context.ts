import { join } from 'node:path';
import type { EventBus } from './events.ts';
import type { Logger } from './logger.ts';
import type { SqliteDatabase } from './runtime.ts';
import type { Settings } from '../../shared/contract/index.ts';
import type { DatabaseKey } from './db/database-cipher.ts';
import type { AppLock } from './security/app-lock.ts';
import type { AuditLog } from './services/audit.ts';

/** Folders inside the data folder that services write to. */
export interface DataPaths {
  dataDir: string;
  /** Content-addressed store: blobs/<sha256[0..2]>/<sha256[2..]>. */
  blobs: string;
  /** Files a UI host received from the user (uploads), waiting for a core method to take them. */
  staging: string;
  /** Files the core produced for the user to save (packs, .ics, PDFs, XLSX): exports/<exportId>/<name>. */
  exports: string;
  /** Private keys (the profile's Ed25519 signing key), mode 0600; never in the database or logs. */
  keys: string;
  /** Scratch space for work in progress; emptied at start. */
  tmp: string;
  /** Databases kept by restores (before-restore-*.db) and the time of the last restore. */
  backups: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    blobs: join(dataDir, 'blobs'),
    staging: join(dataDir, 'staging'),
    exports: join(dataDir, 'exports'),
    keys: join(dataDir, 'keys'),
    tmp: join(dataDir, 'tmp'),
    backups: join(dataDir, 'backups'),
  };
}

/**
 * What every domain service is built from. Services are rebuilt when a restore swaps the database,
 * so they may prepare statements on `db` once.
 */
export interface ServiceContext {
  db: SqliteDatabase;
  audit: AuditLog;
  events: EventBus;
  log: Logger;
  paths: DataPaths;
  /** The local profile's id, for created_by / attached_by; null before the first-run profile exists. */
  actorId(): string | null;
  now(): Date;
  /** The current value of a setting (e.g. the địa danh printed on documents). */
  setting<K extends keyof Settings>(key: K): Settings[K];
  /** The app lock and the signing key the passphrase opened (security/app-lock.ts). */
  lock: AppLock;
  /** What the database and the databases kept by restores are encrypted with (security/database-key.ts). */
  databaseKey: DatabaseKey;
}
