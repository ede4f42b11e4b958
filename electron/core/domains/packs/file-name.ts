import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { edition } from '../../../../shared/edition.ts';
import type { PackContent } from './format.ts';

/** "Gói họp 2026-01-05 Họp Ban Chỉ đạo … (bản 3).nghisu": sortable by date, readable, Vietnamese intact,
 * numbered by the same edition the screens show. */
export function packFileName(meeting: Pick<PackContent['meeting'], 'starts_at' | 'title' | 'revision'>): string {
  const day = format(new TZDate(meeting.starts_at, 'Asia/Ho_Chi_Minh'), 'yyyy-MM-dd');
  const title = meeting.title.replace(/\s+/g, ' ').slice(0, 80).trim();
  return `Gói họp ${day} ${title} (bản ${edition(meeting.revision)}).nghisu`;
}
