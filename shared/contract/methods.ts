import { filePath } from './common.ts';
import { z } from 'zod';
import { annotationsMethods, type AnnotationsOutputs } from './annotations.ts';
import { auditMethods, type AuditOutputs } from './audit.ts';
import { directoryMethods, type DirectoryOutputs } from './directory.ts';
import { documentsMethods, type DocumentsOutputs } from './documents.ts';
import { liveRoomMethods, type LiveRoomOutputs } from './live-room.ts';
import { meetingsMethods, type MeetingsOutputs } from './meetings.ts';
import type { MethodSpecs } from './method-spec.ts';
import { minutesMethods, type MinutesOutputs } from './minutes.ts';
import { noticeMethods, type NoticeOutputs } from './notices.ts';
import { opinionsMethods, type OpinionsOutputs } from './opinions.ts';
import { packsMethods, type PacksOutputs } from './packs.ts';
import { plansMethods, type PlansOutputs } from './plans.ts';
import { reportsMethods, type ReportsOutputs } from './reports.ts';
import { securityMethods, type SecurityOutputs } from './security.ts';
import { seedMethods, type SeedOutputs } from './seed.ts';
import { setSettingInput, type Settings } from './settings.ts';
import { syncMethods, type SyncOutputs } from './sync.ts';
import { tasksMethods, type TasksOutputs } from './tasks.ts';

export type { Access, MethodSpecs } from './method-spec.ts';

const empty = z.object({}).strict();

export const foundationMethods = {
  'app.info': { access: 'ui', input: empty, whileLocked: true },
  'settings.getAll': { access: 'ui', input: empty, whileLocked: true },
  'settings.set': { access: 'ui', input: setSettingInput },
  'settings.setAdmin': { access: 'local', input: setSettingInput },
  'backup.create': {
    access: 'local',
    input: z
      .object({
        file: filePath,
        overwrite: z.boolean().optional(),
        /** Carry the profile's private signing key (default true); false leaves it out. */
        signingKey: z.boolean().optional(),
      })
      .strict(),
  },
  'backup.restore': { access: 'local', input: z.object({ file: filePath }).strict() },
} as const satisfies MethodSpecs;

/** The whole handler map: one spec per method, merged from each domain's own file. */
export const methods = {
  ...foundationMethods,
  ...directoryMethods,
  ...meetingsMethods,
  ...documentsMethods,
  ...packsMethods,
  ...annotationsMethods,
  ...seedMethods,
  ...auditMethods,
  ...minutesMethods,
  ...noticeMethods,
  ...securityMethods,
  ...tasksMethods,
  ...syncMethods,
  ...reportsMethods,
  ...plansMethods,
  ...liveRoomMethods,
  ...opinionsMethods,
} as const satisfies MethodSpecs;

export type MethodName = keyof typeof methods;
export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export interface AppInfo {
  appName: string;
  version: string;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  /** Newest schema this build knows. */
  latestSchemaVersion: number;
  node: string;
  sqlite: string;
  /** Row counts of the main tables, for diagnostics. */
  counts: Record<string, number>;
}

/** What a backup file holds, so the CLI can say what is in it and what is not. */
export interface BackupContents {
  /**
   * 'archive': the database, the document files it names and (unless left out) the profile's
   * private signing key, in one verified file. 'database': a plain SQLite file (backups made before
   * archives existed, and the copies kept in <data>/backups/): no document files, no key.
   */
  format: 'archive' | 'database';
  /** Document files (blobs) inside the backup. */
  documentFiles: number;
  documentBytes: number;
  /** Files the database names that are not in the backup (absent or damaged in the store when it was made). */
  missingDocumentFiles: number;
  /** The profile's private signing key is inside: the backup is then a secret. */
  signingKey: boolean;
}

export interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
  /** SHA-256 of the backup file, hex. */
  sha256: string;
  contents: BackupContents;
}

export interface RestoreResult {
  file: string;
  schemaVersion: number;
  /** Where the database that was replaced was kept, so a restore can itself be undone. */
  previousCopy: string;
  contents: BackupContents;
  /** Document files after the restore: written from the backup, already in the store, named but absent. */
  documentFiles: { written: number; alreadyStored: number; missing: number };
  /** The profile's signing key: written from the backup, already on this computer, or absent (then signing fails until it is brought back). */
  signingKey: 'written' | 'present' | 'missing' | 'no-profile';
}

export interface MethodOutputs extends DirectoryOutputs, MeetingsOutputs, DocumentsOutputs, PacksOutputs, AnnotationsOutputs, SeedOutputs, AuditOutputs, MinutesOutputs, NoticeOutputs, SecurityOutputs, TasksOutputs, SyncOutputs, ReportsOutputs, PlansOutputs, LiveRoomOutputs, OpinionsOutputs {
  'app.info': AppInfo;
  'settings.getAll': Settings;
  'settings.set': Settings;
  'settings.setAdmin': Settings;
  'backup.create': BackupResult;
  'backup.restore': RestoreResult;
}

export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = MethodOutputs[M];
