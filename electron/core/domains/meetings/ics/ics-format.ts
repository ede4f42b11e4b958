/**
 * The parts of RFC 5545 an invitation needs, written out by hand because the `ics` package folds
 * lines by characters, not octets, which breaks Vietnamese text (each accented letter is 2–3 bytes).
 */

const encoder = new TextEncoder();
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A parameter value (§3.2): no escaping exists there, so double quotes (never allowed) become
 * single ones and the value is quoted when it holds ':', ';' or ','.
 */
export function paramValue(text: string): string {
  const clean = text.normalize('NFC').replace(/[\r\n]+/g, ' ').replace(CONTROL, '').replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * Folds a content line (§3.1): at most 75 octets per physical line, continuation lines start with
 * one space, and a line is only broken between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts toward its 75
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** "20260105T010000Z": a UTC DATE-TIME (§3.3.5, form #2). */
export function utcDateTime(instant: string | Date): string {
  const iso = (typeof instant === 'string' ? new Date(instant) : instant).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

export type IcsParams = ReadonlyArray<readonly [string, string]>;

/** "NAME;P1=v1;P2=v2:value", with the value already in its final (escaped) form. */
export function property(name: string, value: string, params: IcsParams = []): string {
  return `${name}${params.map(([k, v]) => `;${k}=${paramValue(v)}`).join('')}:${value}`;
}

/** The whole object: every line folded, CRLF after each line including the last. */
export function serializeCalendar(lines: readonly string[]): string {
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}
