import { z } from 'zod';
import { annotationsMethods, type AnnotationsOutputs } from './annotations.ts';
import { directoryMethods, type DirectoryOutputs } from './directory.ts';
import { documentsMethods, type DocumentsOutputs } from './documents.ts';
import { meetingsMethods, type MeetingsOutputs } from './meetings.ts';
import type { MethodSpecs } from './method-spec.ts';
import { packsMethods, type PacksOutputs } from './packs.ts';
import { seedMethods, type SeedOutputs } from './seed.ts';
import { setSettingInput, type Settings } from './settings.ts';

export type { Access, MethodSpecs } from './method-spec.ts';

const empty = z.object({}).strict();
const filePath = z.string().trim().min(1, 'Cần đường dẫn tệp / a file path is required').max(4096);

export const foundationMethods = {
  'app.info': { access: 'ui', input: empty },
  'settings.getAll': { access: 'ui', input: empty },
  'settings.set': { access: 'ui', input: setSettingInput },
  'settings.setAdmin': { access: 'local', input: setSettingInput },
  'backup.create': { access: 'local', input: z.object({ file: filePath, overwrite: z.boolean().optional() }).strict() },
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

export interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
  /** SHA-256 of the backup file, hex. */
  sha256: string;
}

export interface RestoreResult {
  file: string;
  schemaVersion: number;
  /** Where the database that was replaced was kept, so a restore can itself be undone. */
  previousCopy: string;
}

export interface MethodOutputs extends DirectoryOutputs, MeetingsOutputs, DocumentsOutputs, PacksOutputs, AnnotationsOutputs, SeedOutputs {
  'app.info': AppInfo;
  'settings.getAll': Settings;
  'settings.set': Settings;
  'settings.setAdmin': Settings;
  'backup.create': BackupResult;
  'backup.restore': RestoreResult;
}

export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = MethodOutputs[M];
