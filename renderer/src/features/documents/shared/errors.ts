import { BridgeError } from '../../../bridge/BridgeError.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';

/** The error's message in the language the user has now. */
export function errorText(error: unknown): string {
  if (error instanceof BridgeError) return error.messageIn(currentLanguage());
  return error instanceof Error ? error.message : String(error);
}

export function isCancelled(error: unknown): boolean {
  return error instanceof BridgeError && error.code === 'CANCELLED';
}
