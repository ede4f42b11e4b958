import type { SecurityStatus } from './security.ts';
import type { SettingKey, Settings } from './settings.ts';

/** Push events from the core to every connected client. */
export interface CoreEvents {
  'settings.changed': { key: SettingKey; settings: Settings };
  /** The database was replaced from a backup: every screen must reload its data. */
  'data.restored': { schemaVersion: number };
  /** Rows of an area changed (by this client, another window, the CLI or an import): refresh lists. */
  'data.changed': { area: DataArea; id?: string };
  /** The app was locked or unlocked, or its passphrase set: every window shows or leaves the lock screen. */
  'security.changed': SecurityStatus;
  /** The live room changed: the host's room of a meeting, or the one this laptop joined as a member. */
  'liveRoom.changed': { role: 'host' | 'member'; meetingId: string | null; seq: number };
  /** Progress of a batch of document imports, one event per file started or finished. */
  'documents.importProgress': {
    batchId: string;
    done: number;
    total: number;
    fileName: string;
    state: 'started' | 'imported' | 'duplicate' | 'failed' | 'cancelled';
  };
}

export type DataArea = 'directory' | 'profile' | 'meetings' | 'documents' | 'packs' | 'annotations' | 'minutes' | 'tasks' | 'sync' | 'plans' | 'opinions';

export type EventName = keyof CoreEvents;

export type CoreEvent = { [E in EventName]: { event: E; payload: CoreEvents[E] } }[EventName];
