import { z } from 'zod';
import { invalidInput, toFieldIssues, type CoreError } from './errors.ts';

const vi = z.locales.vi().localeError;
const en = z.locales.en().localeError;

/**
 * Validate with messages in Vietnamese; only on failure parse again for the English ones, so the
 * error carries both languages and the happy path pays for one parse.
 */
export function validate<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { ok: true; data: z.output<T> } | { ok: false; error: CoreError } {
  const first = schema.safeParse(input, { error: vi });
  if (first.success) return { ok: true, data: first.data };
  const second = schema.safeParse(input, { error: en });
  return { ok: false, error: invalidInput(toFieldIssues(first.error.issues, second.error?.issues ?? first.error.issues)) };
}
