import type { TFunction } from 'i18next';
import type { AgendaPresenter } from '../../../../../shared/contract/index.ts';

/** "2 giờ 30 phút", "45 phút". */
export function durationText(minutes: number, t: TFunction<'meetings'>): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('agenda.durationMinutes', { count: m });
  if (m === 0) return t('agenda.durationHours', { count: h });
  return t('agenda.durationHoursMinutes', { hours: h, minutes: m });
}

export function presenterText(p: AgendaPresenter): string {
  if (p.kind === 'organization') return p.name;
  return [p.name, p.position, p.unitName].filter(Boolean).join(', ');
}
