import type { MeetingDetail } from '../../../../shared/contract/index.ts';

/** "Phòng họp số 1; trực tuyến tại các điểm cầu: UBND huyện Bát Xát; UBND huyện Sa Pa". */
export function meetingPlace(meeting: Pick<MeetingDetail, 'room' | 'online' | 'bridgePoints'>): string {
  const parts: string[] = [];
  if (meeting.room) parts.push(meeting.room.name);
  const points = meeting.bridgePoints.map((p) => (p.location ? `${p.name} (${p.location})` : p.name));
  if (points.length > 0) parts.push(`trực tuyến tại các điểm cầu: ${points.join('; ')}`);
  else if (meeting.online) parts.push('trực tuyến');
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
