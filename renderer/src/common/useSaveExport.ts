import { useCallback } from 'react';
import type { ExportedFile } from '../../../shared/contract/index.ts';
import { useBridge } from '../bridge/BridgeContext.tsx';
import { useRun } from './useRun.ts';

/**
 * Make a file in the core (.ics, giấy mời, attendance list, pack) and hand it to the user: a save
 * dialog in Electron, the browser's download in the browser host.
 */
export function useSaveExport(): (make: () => Promise<ExportedFile>, success: string | ((file: ExportedFile) => string)) => Promise<boolean> {
  const bridge = useBridge();
  const run = useRun();
  return useCallback(
    async (make, success) => {
      const done = await run(async () => {
        const file = await make();
        await bridge.saveFile({ kind: 'export', exportId: file.exportId, fileName: file.fileName });
        return file;
      }, success);
      return done !== undefined;
    },
    [bridge, run],
  );
}
