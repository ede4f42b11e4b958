import { vnDate } from '../../../shared/vn-time.ts';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "Lào Cai, ngày 05 tháng 01 năm 2026": Nghị định 30/2020 puts a leading zero on days below 10
 * and on months 1 and 2 only ("ngày 15 tháng 3 năm 2026").
 */
export function placeDateVi(place: string, instant: string | Date): string {
  const d = vnDate(instant);
  const month = d.getMonth() + 1;
  return `${place}, ngày ${two(d.getDate())} tháng ${month <= 2 ? two(month) : month} năm ${d.getFullYear()}`;
}

