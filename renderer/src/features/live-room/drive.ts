import type { LiveRoomHostStatus } from '../../../../shared/contract/index.ts';

/** Runs one of the chair's changes, shows what the core returned, and tells the user if it failed. */
export type Drive = <T extends LiveRoomHostStatus>(work: () => Promise<T>, success?: string) => Promise<T | undefined>;
