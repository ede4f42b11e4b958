import { useCallback } from 'react';
import type { CatalogItem } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';

/** Document types from the shared catalog (kept in the Directory), in the catalog's order. */
export function useDocumentTypes(): CatalogItem[] {
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('catalogs.list', { catalog: 'document_type' }), [bridge]);
  const { state } = useCoreData(load, ['directory']);
  return state.data ?? [];
}
