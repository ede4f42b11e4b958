import { v7 as uuidv7 } from 'uuid';
import { CoreError } from '../errors.ts';

/** A preview waits this long for the user to look it over and choose "import" or "cancel". */
const PREVIEW_TTL_MS = 30 * 60_000;
const MAX_PREVIEWS = 8;

/**
 * The parsed files of spreadsheet imports waiting between their preview and the user's "import":
 * in memory only (nothing written before the commit), a few at a time, forgotten after half an hour.
 */
export function createHeldPreviews<T>(now: () => Date) {
  const previews = new Map<string, T & { expiresAt: number }>();

  function sweep(at = now().getTime()): void {
    for (const [id, held] of previews) if (held.expiresAt <= at) previews.delete(id);
    while (previews.size > MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
  }

  return {
    /** Keeps the parsed file; returns its id and when it expires (ISO). */
    hold(value: T): { previewId: string; expiresAt: string } {
      const previewId = uuidv7();
      const expiresAt = now().getTime() + PREVIEW_TTL_MS;
      previews.set(previewId, { ...value, expiresAt });
      sweep();
      return { previewId, expiresAt: new Date(expiresAt).toISOString() };
    },
    /** The held preview, or NOT_FOUND in words the user can act on. */
    get(previewId: string): T {
      sweep();
      const found = previews.get(previewId);
      if (!found) {
        throw new CoreError('NOT_FOUND', {
          vi: 'Bản xem trước đã hết hạn hoặc đã được dùng. Hãy chọn lại tệp để nhập.',
          en: 'The preview has expired or was already used. Choose the file again.',
        });
      }
      return found;
    },
    /** Used or cancelled; twice, or after expiry, is the same outcome. */
    drop(previewId: string): void {
      previews.delete(previewId);
    },
    clear(): void {
      previews.clear();
    },
  };
}
