import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { DataArea, SyncPublication, SyncStatus } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData, type CoreData } from '../../bridge/useCoreData.ts';

/**
 * What the status follows: a sync pass ('sync'), and a task changed here (which queues a change to
 * send, without a 'sync' event) or by a pass ('tasks').
 */
export const SYNC_AREAS: readonly DataArea[] = ['sync', 'tasks'];

/**
 * What the list of packs through the hub follows: a pass that fetched or sent some ('sync'), and a
 * pack imported from the list, which the core announces as a change of meetings.
 */
export const PUBLICATION_AREAS: readonly DataArea[] = ['sync', 'meetings', 'opinions'];

/** Background passes and their retries happen in the core whatever the screen shows: look again this often. */
const EVERY_MS = 30_000;

interface SyncStatusValue {
  state: CoreData<SyncStatus>;
  reload: () => void;
  /** Show the status a write returned (configure, resolve, dismiss…) everywhere at once. */
  adopt: (status: SyncStatus) => void;
  /** Received packs waiting for the user to trust their signer (0 while unknown). */
  waitingPacks: number;
  /** Packs and written opinions sent and received through the hub (undefined while unknown). */
  publications: SyncPublication[] | undefined;
}

const SyncStatusContext = createContext<SyncStatusValue | null>(null);

/**
 * One reading of `sync.status` for the shell's indicator and the liên thông pages, so a change made
 * on a page (a conflict resolved, a refused change dismissed, neither of which the core announces
 * as a 'sync' event) shows in the navigation column at the same moment.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('sync.status', {}), [bridge]);
  const { state, reload, replace } = useCoreData(load, SYNC_AREAS);
  // sync.status does not count them; a received pack only arrives with a pass, which is announced.
  const loadPublications = useCallback(() => bridge.invoke('sync.publications', {}), [bridge]);
  const publications = useCoreData(loadPublications, PUBLICATION_AREAS).state.data;
  const waitingPacks = useMemo(() => publications?.filter((p) => p.state === 'waiting').length ?? 0, [publications]);

  useEffect(() => {
    const timer = window.setInterval(reload, EVERY_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const value = useMemo(() => ({ state, reload, adopt: replace, waitingPacks, publications }), [state, reload, replace, waitingPacks, publications]);
  return <SyncStatusContext value={value}>{children}</SyncStatusContext>;
}

export function useSyncStatus(): SyncStatusValue {
  const value = useContext(SyncStatusContext);
  if (!value) throw new Error('useSyncStatus must be used inside <SyncStatusProvider>');
  return value;
}
