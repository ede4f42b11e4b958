import type { FormInstance } from 'antd';
import type { FieldIssue } from '../../../../../shared/contract/index.ts';
import { BridgeError } from '../../../bridge/BridgeError.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';

/** The error's message in the language the user has now. */
export function errorText(error: unknown): string {
  if (error instanceof BridgeError) return error.messageIn(currentLanguage());
  return error instanceof Error ? error.message : String(error);
}

/**
 * Puts a refusal from the core under the field it is about: each INVALID_INPUT issue on its field,
 * a CONFLICT on the field the core names (a duplicate organ code, a parent that makes a loop).
 * Returns false when no field of the form fits, so the caller shows the message elsewhere.
 */
export function showOnFields(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof BridgeError)) return false;
  const language = currentLanguage();
  const placed: Array<{ name: string; errors: string[] }> = [];
  if (error.code === 'INVALID_INPUT' && Array.isArray(error.details)) {
    for (const issue of error.details as FieldIssue[]) {
      const name = issue.path.split('.')[0] ?? '';
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
