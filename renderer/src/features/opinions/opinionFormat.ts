import type { OpinionChoice } from '../../../../shared/contract/index.ts';
import { dayStartInstant, formatDay, todayKey } from '../../../../shared/vn-time.ts';
import type { Language } from '../../bridge/BridgeError.ts';

/** The answers a member can give, in the order the form and the summary show them. */
export const CHOICES: readonly OpinionChoice[] = ['agree', 'disagree', 'other'];

/** A tag colour per answer, the same on the member's form and the secretariat's summary. */
export const choiceColor: Record<OpinionChoice, string> = { agree: 'green', disagree: 'red', other: 'gold' };

/** A deadline is a calendar day (Asia/Ho_Chi_Minh): "Thứ Sáu, 20/03/2026". */
export function deadlineText(deadline: string, lang: Language): string {
  return formatDay(dayStartInstant(deadline), lang);
}

/** The deadline day is included: overdue only from the next day on, as the core marks answers late. */
export function isOverdue(deadline: string): boolean {
  return deadline < todayKey();
}
