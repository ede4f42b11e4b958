import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from 'vitest';
import type { ErrorCode, ExportedFile, MethodInput } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { CoreError } from '../../electron/core/errors.ts';
import { seedCommittee, type SeededCommittee } from '../support/directory-rows.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

/** "2026-01-05T08:00" in Vietnam's time as the UTC instant the contract takes. */
export function vn(local: string): string {
  return new Date(`${local}:00+07:00`).toISOString();
}

export interface MeetingsWorld {
  core: Core;
  dir: string;
  d: SeededCommittee;
}

/** A core on a fresh data folder with a committee, its members and rooms in the directory. */
export async function meetingsWorld(opts: { quorumPercent?: number } = {}): Promise<MeetingsWorld> {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, logToFile: false });
  const d = seedCommittee(core.databaseFile, opts);
  return { core, dir, d };
}

export function meetingInput(d: SeededCommittee, overrides: Partial<MethodInput<'meetings.create'>> = {}): MethodInput<'meetings.create'> {
  return {
    committeeId: d.committee,
    kindCode: 'regular',
    title: 'Họp Ban Chỉ đạo quý I năm 2026',
    startsAt: vn('2026-01-05T08:00'),
    endsAt: vn('2026-01-05T11:00'),
    roomId: d.room,
    chairPersonId: d.head,
    secretaryPersonId: d.secretary,
    chairingOrgId: d.ubnd,
    ...overrides,
  };
}

/** A meeting ready to publish: two agenda items and the committee invited. */
export async function readyMeeting(w: MeetingsWorld, overrides: Partial<MethodInput<'meetings.create'>> = {}) {
  const { meeting } = await w.core.call('meetings.create', meetingInput(w.d, overrides));
  const first = await w.core.call('agenda.add', {
    meetingId: meeting.id,
    title: 'Báo cáo kết quả công tác phòng, chống tham nhũng năm 2025',
    presenter: { organizationId: w.d.congAn },
    durationMinutes: 45,
  });
  const second = await w.core.call('agenda.add', { meetingId: meeting.id, title: 'Thảo luận và kết luận', presenter: { personId: w.d.head }, durationMinutes: 30 });
  await w.core.call('participants.addCommittee', { meetingId: meeting.id });
  return { id: meeting.id, firstItem: first.itemId, secondItem: second.itemId };
}

/** A meeting in progress with its prefilled minutes draft, written by the secretary Đỗ Quang Đạt. */
export async function meetingWithDraft(w: MeetingsWorld) {
  await w.core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
  const m = await readyMeeting(w);
  await w.core.call('meetings.setStatus', { id: m.id, status: 'published' });
  await w.core.call('meetings.setStatus', { id: m.id, status: 'in_progress' });
  const base = (await w.core.call('minutes.draft', { meetingId: m.id })).content;
  return { ...m, base };
}

/** Awaits a call expected to fail and returns its CoreError after checking the code. */
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

/** Rows straight from the database file, independent of the code under test. */
export function query<T = Record<string, unknown>>(core: Core, sql: string, ...params: unknown[]): T[] {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The bytes of a file the core exported. */
export function exported(core: Core, file: ExportedFile): Buffer {
  return readFileSync(join(core.paths.exports, file.exportId, file.fileName));
}

/** Each page's text, as pdf.js reads it back (what a screen reader or a search would see). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join('')
          .replace(/[ \t]+/g, ' '),
      );
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
