import { App as AntApp } from 'antd';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';
import { AnnotationStore, type StoreSnapshot } from './model/store.ts';

/** How long to wait after a change event before reading the list again (a burst of imports is one reload). */
const RELOAD_DEBOUNCE_MS = 150;

/**
 * The document's annotations, kept current: read on open, read again when the core says they
 * changed (another window, the CLI, an import) or the connection comes back.
 */
export function useAnnotationStore(documentId: string): { store: AnnotationStore; snapshot: StoreSnapshot } {
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const { t } = useTranslation('annotations');
  const [store] = useState(
    () =>
      new AnnotationStore({
        documentId,
        backend: {
          list: (id) => bridge.invoke('annotations.list', { documentId: id }),
          create: (draft) => bridge.invoke('annotations.create', draft),
          update: (input) => bridge.invoke('annotations.update', input),
          delete: (ids) => bridge.invoke('annotations.delete', { ids }),
          restore: (ids) => bridge.invoke('annotations.restore', { ids }),
        },
        onRefused: (error, op) => {
          void message.error(t(`save.refused.${op.type}`, { message: errorText(error) }), 8);
        },
      }),
  );

  useEffect(() => {
    void store.load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reloadSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void store.load(), RELOAD_DEBOUNCE_MS);
    };
    const unsubscribe = bridge.subscribe((event) => {
      if (event.event === 'data.restored') reloadSoon();
      else if (event.event === 'data.changed' && event.payload.area === 'annotations') reloadSoon();
    });
    let wasOpen = bridge.connectionState() === 'open';
    const unsubscribeConnection = bridge.onConnectionChange(() => {
      const open = bridge.connectionState() === 'open';
      if (open && !wasOpen) {
        reloadSoon();
        // Saves waiting for the connection go now rather than at their next retry.
        store.retry();
      }
      wasOpen = open;
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
      unsubscribeConnection();
      store.close();
    };
  }, [bridge, store]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, snapshot };
}
