import type { SettingKey, Settings } from './settings.ts';

/** Push events from the core to every connected client. */
export interface CoreEvents {
  'settings.changed': { key: SettingKey; settings: Settings };
  /** The database was replaced from a backup: every screen must reload its data. */
  'data.restored': { schemaVersion: number };
}

export type EventName = keyof CoreEvents;

export type CoreEvent = { [E in EventName]: { event: E; payload: CoreEvents[E] } }[EventName];
