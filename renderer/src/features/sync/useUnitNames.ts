import { useCallback, useMemo } from 'react';
import type { DataArea } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';

const UNIT_AREAS: readonly DataArea[] = ['directory'];

/**
 * The hub names units by mã định danh only: this laptop's directory gives them their names. Empty
 * until read, and when it cannot be read (codes are then shown as they are).
 */
export function useUnitNames(): ReadonlyMap<string, string> {
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('organizations.list', {}), [bridge]);
  const { state } = useCoreData(load, UNIT_AREAS);
  return useMemo(() => new Map((state.data ?? []).flatMap((o) => (o.organCode ? [[o.organCode, o.name] as const] : []))), [state.data]);
}

/** "Văn phòng UBND tỉnh (000.00.01.H41)", or the code alone when the directory does not have it. */
export function unitLabel(units: ReadonlyMap<string, string>, code: string): string {
  const name = units.get(code);
  return name ? `${name} (${code})` : code;
}
