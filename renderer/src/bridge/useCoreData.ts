import { useCallback, useEffect, useState } from 'react';
import type { DataArea } from '../../../shared/contract/index.ts';
import { useBridge } from './BridgeContext.tsx';

export type CoreData<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'failed'; error: unknown; data?: T };

/**
 * Data read from the core that stays current: read again when rows of one of `areas` change (an
 * import in another window, the CLI, a pack), after a restore, and when the connection comes back.
 * `load` must be stable (useCallback). While a reload runs the previous data stays, so lists do not flash.
 */
export function useCoreData<T>(
  load: () => Promise<T>,
  areas: readonly DataArea[],
): {
  state: CoreData<T>;
  reload: () => void;
  replace: (data: T) => void;
} {
  const bridge = useBridge();
  const [state, setState] = useState<CoreData<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const areaKey = areas.join(',');

  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (live) setState((s) => ({ status: 'failed', error, ...(s.data === undefined ? {} : { data: s.data }) }));
      },
    );
    return () => {
      live = false;
    };
  }, [load, version]);

  useEffect(() => {
    const watched = new Set(areaKey.split(','));
    const unsubscribe = bridge.subscribe((event) => {
      if (event.event === 'data.restored' || (event.event === 'data.changed' && watched.has(event.payload.area))) {
        setVersion((v) => v + 1);
      }
    });
    let wasOpen = bridge.connectionState() === 'open';
    const unsubscribeConnection = bridge.onConnectionChange(() => {
      const open = bridge.connectionState() === 'open';
      if (open && !wasOpen) setVersion((v) => v + 1);
      wasOpen = open;
    });
    return () => {
      unsubscribe();
      unsubscribeConnection();
    };
  }, [bridge, areaKey]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  /** Show what a write returned at once, without waiting for the change event. */
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, reload, replace };
}
