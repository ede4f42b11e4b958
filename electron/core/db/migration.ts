export interface Migration {
  /** Becomes `PRAGMA user_version` once applied; numbered from 1 with no gaps. */
  version: number;
  name: string;
  sql: string;
}
