import type { FormInstance } from 'antd';
import type { FieldIssue } from '../../../shared/contract/index.ts';
import { BridgeError } from '../bridge/BridgeError.ts';
import { currentLanguage } from '../i18n/i18n.ts';

/** The error's message in the language the user has now. */
export function errorText(error: unknown): string {
  if (error instanceof BridgeError) return error.messageIn(currentLanguage());
  return error instanceof Error ? error.message : String(error);
}

/**
 * Puts a refusal from the core under the form field it is about: each INVALID_INPUT issue on its
 * field (the core's path's first segment, renamed through `aliases` where the form calls it
 * differently), a CONFLICT on the field the core names (a duplicate organ code, a parent that
 * makes a loop). Returns false when nothing fitted, so the caller shows the message elsewhere.
 */
export function showOnFields(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): boolean {
  if (!(error instanceof BridgeError)) return false;
  const language = currentLanguage();
  const placed: Array<{ name: string; errors: string[] }> = [];
  if (error.code === 'INVALID_INPUT' && Array.isArray(error.details)) {
    for (const issue of error.details as FieldIssue[]) {
      const head = issue.path.split('.')[0] ?? '';
      const name = aliases[head] ?? head;
      if (fields.includes(name) && !placed.some((p) => p.name === name)) {
        placed.push({ name, errors: [language === 'vi' ? issue.message : issue.messageEn] });
      }
    }
  } else if (error.code === 'CONFLICT') {
    const field = (error.details as { field?: unknown } | undefined)?.field;
    if (typeof field === 'string' && fields.includes(field)) placed.push({ name: field, errors: [error.messageIn(language)] });
  }
  if (placed.length === 0) return false;
  form.setFields(placed);
  form.scrollToField(placed[0]!.name);
  return true;
}

/** The user closed a dialog (file picker, save) without choosing. */
export function isCancelled(error: unknown): boolean {
  return error instanceof BridgeError && error.code === 'CANCELLED';
}
