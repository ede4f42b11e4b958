import type { SqliteDatabase } from '../../runtime.ts';

/** What sync keeps between runs (never a credential): the connection, the feed position, the last outcome. */
export interface SyncStateValues {
  url: string;
  tokenUrl: string;
  clientId: string;
  /** 'file:<path>' (the command line's 0600 file) or 'keychain' (sealed by the OS, in keys/). */
  secretRef: string;
  installationId: string;
  unitCode: string;
  cursor: string;
  /** The publications feed's cursor (meeting packs, notices). */
  pubCursor: string;
  /** The last feed position applied: a hub answering with older positions is refused. */
  position: string;
  lastSuccessAt: string;
  /** JSON `{ vi, en, at }`. */
  lastError: string;
  nextAttemptAt: string;
  /** Consecutive failed passes, for the backoff. */
  failures: string;
}

export type SyncKey = keyof SyncStateValues;

export function createSyncStore(db: SqliteDatabase) {
  const get = db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck();
  const put = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const del = db.prepare('DELETE FROM sync_state WHERE key = ?');
  return {
    get<K extends SyncKey>(key: K): string | null {
      return (get.get(key) as string | undefined) ?? null;
    },
    set<K extends SyncKey>(key: K, value: string | null): void {
      if (value === null) del.run(key);
      else put.run(key, value);
    },
    /** Sync is on once an endpoint is saved; until then nothing is queued. */
    configured(): boolean {
      return get.get('url') !== undefined;
    },
  };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
