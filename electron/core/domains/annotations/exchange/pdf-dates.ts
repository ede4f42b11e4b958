/**
 * Dates as PDF and XFDF write them ("D:YYYYMMDDHHmmSS+07'00'"). Vietnam has kept UTC+7 without
 * daylight saving since 1975, so local time is a fixed offset from the stored UTC instant.
 */
const VIETNAM_OFFSET_MINUTES = 7 * 60;

export function pdfDate(isoInstant: string): string {
  const local = new Date(Date.parse(isoInstant) + VIETNAM_OFFSET_MINUTES * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(local.getUTCFullYear(), 4)}${p(local.getUTCMonth() + 1)}${p(local.getUTCDate())}${p(local.getUTCHours())}${p(local.getUTCMinutes())}${p(local.getUTCSeconds())}+07'00'`;
}

/**
 * A PDF date as a UTC ISO instant, or null when it is not one. Missing parts default as the PDF
 * spec says (month and day 1, time 0, offset UTC).
 */
export function parsePdfDate(text: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', , sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  const t = utc - offset * 60_000;
  if (!Number.isFinite(t) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return new Date(t).toISOString();
}
