import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { PackContent } from './format.ts';

/** "Gói họp 2026-01-05 Họp Ban Chỉ đạo … (bản 3).nghisu": sortable by date, readable, Vietnamese intact. */
export function packFileName(content: PackContent): string {
  const day = format(new TZDate(content.meeting.starts_at, 'Asia/Ho_Chi_Minh'), 'yyyy-MM-dd');
  const title = content.meeting.title.replace(/\s+/g, ' ').slice(0, 80).trim();
  return `Gói họp ${day} ${title} (bản ${content.meeting.revision}).nghisu`;
}
