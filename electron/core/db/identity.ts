/** `PRAGMA application_id` of every Nghị Sự database ('NGSU'), so a foreign SQLite file is recognised. */
export const APPLICATION_ID = 0x4e475355;

export const DATABASE_FILE = 'nghisu.db';

const SQLITE_HEADER = 'SQLite format 3\0';

export function hasSqliteHeader(firstBytes: Buffer): boolean {
  return firstBytes.length >= 16 && firstBytes.subarray(0, 16).toString('latin1') === SQLITE_HEADER;
}
