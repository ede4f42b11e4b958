import type { Migration } from '../migration.ts';
import { initial } from './0001-initial.ts';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [initial];

export const latestSchemaVersion = migrations.length;
