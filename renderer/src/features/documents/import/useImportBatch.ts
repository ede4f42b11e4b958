import { useCallback, useSyncExternalStore } from 'react';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { cancelImport, dismissImport, importSnapshot, startImport, subscribeImport, type ImportBatch } from './importStore.ts';

export interface ImportControls {
  batch: ImportBatch | null;
  /** False when a batch is still running: one at a time keeps the progress readable. */
  start(files: readonly File[]): Promise<boolean>;
  cancel(): Promise<void>;
  dismiss(): void;
}

export function useImportBatch(): ImportControls {
  const bridge = useBridge();
  const batch = useSyncExternalStore(subscribeImport, importSnapshot);
  const start = useCallback((files: readonly File[]) => startImport(bridge, files), [bridge]);
  const cancel = useCallback(() => cancelImport(bridge), [bridge]);
  return { batch, start, cancel, dismiss: dismissImport };
}
