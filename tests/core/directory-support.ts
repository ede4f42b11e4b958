import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import type { ErrorCode, UploadRef } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { CoreError } from '../../electron/core/errors.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

export async function openCore(dir = tempDir(), logToFile = false): Promise<{ core: Core; dir: string }> {
  return { core: await createCore({ dataDir: dir, logToFile }), dir };
}

/** What a UI host does with a file the user dropped: stage its bytes and pass the reference. */
export function stage(dir: string, fileName: string, content: Uint8Array | string): UploadRef {
  const uploadId = uuidv7();
  mkdirSync(join(dir, 'staging'), { recursive: true });
  writeFileSync(join(dir, 'staging', uploadId), content);
  return { uploadId, fileName };
}

/** Run raw SQL against the data folder's database, as another module (meetings, documents) would. */
export function sql(dir: string, statement: string, ...params: unknown[]): void {
  const db = new Database(join(dir, DATABASE_FILE));
  try {
    db.pragma('foreign_keys = ON');
    db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}

export function count(dir: string, table: string): number {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  } finally {
    db.close();
  }
}

export function auditActions(dir: string): string[] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** Awaits a call expected to fail, and returns its CoreError after checking the code. */
export async function refused(promise: Promise<unknown>, code: ErrorCode): Promise<CoreError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(CoreError);
    expect((e as CoreError).code, (e as CoreError).message).toBe(code);
    return e as CoreError;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}

export const secretary = {
  fullName: 'Nguyễn Thị Hương',
  position: 'Chuyên viên Văn phòng',
  unitName: 'Văn phòng UBND tỉnh Lào Cai',
  workRole: 'secretariat',
} as const;

/** Inserts a meeting straight into the table, standing in for the meetings module. */
export function insertMeeting(dir: string, committeeId: string, extra: Record<string, string> = {}): string {
  const id = uuidv7();
  const columns = { id, committee_id: committeeId, kind_code: 'regular', title: 'Phiên họp thường kỳ quý I', starts_at: '2026-01-05T01:00:00.000Z', ends_at: '2026-01-05T03:00:00.000Z', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', ...extra };
  const names = Object.keys(columns);
  sql(dir, `INSERT INTO meetings (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, ...Object.values(columns));
  return id;
}
