import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import type { ExportedFile } from '../../../shared/contract/index.ts';
import { useBridge } from '../bridge/BridgeContext.tsx';
import { useRun } from './useRun.ts';

/**
 * Make a file in the core (.ics, giấy mời, attendance list, pack) and hand it to the user: a save
 * dialog in Electron, the browser's download in the browser host. `make` answers null when the user
 * stopped on the way (a release dialog they cancelled): nothing is saved and nothing is said.
 */
export function useSaveExport(): (make: () => Promise<ExportedFile | null>, success: string | ((file: ExportedFile) => string)) => Promise<boolean> {
  const bridge = useBridge();
  const run = useRun();
  const { message } = AntApp.useApp();
  return useCallback(
    async (make, success) => {
      const file = await run(async () => {
        const made = await make();
        if (made) await bridge.saveFile({ kind: 'export', exportId: made.exportId, fileName: made.fileName });
        return made;
      });
      if (file) void message.success(typeof success === 'function' ? success(file) : success);
      return Boolean(file);
    },
    [bridge, message, run],
  );
}
