import type { LocalizedText, MeetingChange } from '../../../../shared/contract/index.ts';

type Shown = string | LocalizedText | null;

const EMPTY: LocalizedText = { vi: '(trống)', en: '(none)' };

function pick(value: Shown, lang: 'vi' | 'en'): string {
  if (value === null || value === '') return EMPTY[lang];
  return typeof value === 'string' ? value : value[lang];
}

/** "Thời gian bắt đầu: 08:00 05/01/2026 → 14:00 05/01/2026". */
export function arrowText(label: LocalizedText, before: Shown, after: Shown): LocalizedText {
  return {
    vi: `${label.vi}: ${pick(before, 'vi')} → ${pick(after, 'vi')}`,
    en: `${label.en}: ${pick(before, 'en')} → ${pick(after, 'en')}`,
  };
}

export function change(
  scope: MeetingChange['scope'],
  what: string,
  text: LocalizedText,
  values?: { before?: unknown; after?: unknown },
): MeetingChange {
  return { scope, what, ...(values ?? {}), text };
}

export { classificationLabels } from '../../../../shared/contract/index.ts';

export const yesNo = (v: boolean): LocalizedText => (v ? { vi: 'Có', en: 'Yes' } : { vi: 'Không', en: 'No' });

/** "45 phút". */
export const minutesText = (n: number): LocalizedText => ({ vi: `${n} phút`, en: `${n} min` });

/** Long texts are not repeated in a change list: it says that they changed. */
export function changedText(label: LocalizedText): LocalizedText {
  return { vi: `${label.vi}: đã sửa`, en: `${label.en}: edited` };
}
