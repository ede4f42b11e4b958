import type { UploadRef } from '../../../../shared/contract/index.ts';
import type { AppBridge } from '../../bridge/AppBridge.ts';
import { BridgeError } from '../../bridge/BridgeError.ts';

/**
 * Hands a chosen file to the core with progress, cancellable through `abort` (set while it runs):
 * the reference a method takes, or 'cancelled' when the user stopped it. Other failures throw.
 */
export async function stageUpload(
  bridge: AppBridge,
  file: File,
  abort: { current: AbortController | null },
  onPercent: (percent: number) => void,
): Promise<UploadRef | 'cancelled'> {
  const controller = new AbortController();
  abort.current = controller;
  onPercent(0);
  try {
    const staged = await bridge.upload(file, {
      signal: controller.signal,
      onProgress: (sent, total) => onPercent(total ? Math.round((sent / total) * 100) : 0),
    });
    return { uploadId: staged.uploadId, fileName: staged.fileName };
  } catch (error) {
    if (error instanceof BridgeError && error.code === 'CANCELLED') return 'cancelled';
    throw error;
  } finally {
    abort.current = null;
  }
}
