import type { Classification, Urgency } from '../../../../shared/contract/index.ts';

/** Metadata recognised on a document's first page; null where nothing could be recognised. */
export interface Prefill {
  number: string | null;
  notation: string | null;
  issueDate: string | null;
  issuer: string | null;
  summary: string | null;
  typeCode: string | null;
  classification: Classification;
  urgency: Urgency;
}

/** Document type titles as printed (Nghị định 30/2020, Phụ lục III) → catalog codes. */
const TYPE_TITLES: [title: string, code: string][] = [
  ['NGHỊ QUYẾT', 'NQ'],
  ['QUYẾT ĐỊNH', 'QĐ'],
  ['CHỈ THỊ', 'CT'],
  ['KẾT LUẬN', 'KL'],
  ['THÔNG BÁO', 'TB'],
  ['KẾ HOẠCH', 'KH'],
  ['ĐỀ ÁN', 'ĐA'],
  ['BÁO CÁO', 'BC'],
  ['TỜ TRÌNH', 'TTr'],
  ['BIÊN BẢN', 'BB'],
  ['GIẤY MỜI', 'GM'],
];

/** Type abbreviations as they open a notation ("TB-BCĐ", "QD-UBND" typed without Đ). */
const NOTATION_PREFIXES: Record<string, string> = {
  NQ: 'NQ',
  'QĐ': 'QĐ',
  QD: 'QĐ',
  CT: 'CT',
  KL: 'KL',
  TB: 'TB',
  KH: 'KH',
  'ĐA': 'ĐA',
  DA: 'ĐA',
  BC: 'BC',
  TTR: 'TTr',
  BB: 'BB',
  GM: 'GM',
};

const NATIONAL_NAME = /C[ỘO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM/giu;
const MOTTO = /Đ[ộo]c\s+l[ậa]p\s*[-–—]\s*T[ựu]\s+do\s*[-–—]\s*H[ạa]nh\s+ph[úu]c/giu;
const NUMBER = /(?<![\p{L}])S[ốỐ]\s*[:.]?\s*(\d{0,6}[a-zA-Z]?)\s*\/\s*([\p{L}\p{N}][\p{L}\p{N}./-]*[\p{L}\p{N}])/u;
const NUMBER_BLANK = /(?<![\p{L}])S[ốỐ]\s*[:.]?\s*[ ._…]*\/\s*([\p{L}\p{N}][\p{L}\p{N}./-]*[\p{L}\p{N}])/u;
const DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
/** Where the body starts: nothing after these is header, title or summary. */
const BODY_START = /^(Căn cứ|Kính gửi|Thực hiện|Hôm nay|Ngày \d|Vào hồi|Theo|Để|I\.|1\.|Điều 1|Phần)/u;

function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

function isCaps(s: string): boolean {
  return /\p{L}/u.test(s) && s === upper(s);
}

/** Lines and tab-separated cells, trimmed, without the national name, motto and ornament rules. */
function cellsOf(text: string): string[][] {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) =>
      line
        .replace(NATIONAL_NAME, '\t')
        .replace(MOTTO, '\t')
        .split('\t')
        .map((c) => c.replace(/[_–—*]{2,}|-{3,}/g, ' ').replace(/\s+/g, ' ').trim())
        .filter((c) => c !== ''),
    );
}

function validDate(d: number, m: number, y: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function typeFromNotation(notation: string | null): string | null {
  if (!notation) return null;
  // "2026/NQ-HĐND" → the part with letters, then its first dash-separated piece.
  const part = notation.split('/').find((p) => /\p{L}/u.test(p));
  const head = part ? upper(part.split('-')[0] ?? '') : '';
  return NOTATION_PREFIXES[head] ?? null;
}

function markOf(cells: string[][]): { classification: Classification; urgency: Urgency } {
  let classification: Classification = 'normal';
  let urgency: Urgency = 'normal';
  for (const line of cells) {
    for (const raw of line) {
      const cell = upper(raw).replace(/^(ĐỘ MẬT|ĐỘ KHẨN)\s*:\s*/u, '');
      // Stamps stand alone; "BẢO VỆ BÍ MẬT NHÀ NƯỚC" in an agency name is not a mark.
      if (cell === 'TUYỆT MẬT') classification = 'top_secret';
      else if (cell === 'TỐI MẬT' && classification !== 'top_secret') classification = 'secret';
      else if (cell === 'MẬT' && classification === 'normal') classification = 'confidential';
      else if (cell === 'HỎA TỐC' || cell === 'HOẢ TỐC') urgency = 'flash';
      else if (cell === 'THƯỢNG KHẨN' && urgency !== 'flash') urgency = 'very_urgent';
      else if (cell === 'KHẨN' && urgency === 'normal') urgency = 'urgent';
    }
  }
  return { classification, urgency };
}

/** Agency lines above the number: the issuing agency is the last block, after its parent (chủ quản). */
function issuerOf(header: string[][]): string | null {
  const agency: string[] = [];
  for (const line of header) {
    for (const cell of line) {
      if (!isCaps(cell) || NUMBER.test(cell) || DATE.test(cell)) continue;
      if (/^(TUYỆT MẬT|TỐI MẬT|MẬT|KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|DỰ THẢO)$/u.test(cell)) continue;
      agency.push(cell);
    }
  }
  if (agency.length === 0) return null;
  // "UBND TỈNH LÀO CAI" / "BAN CHỈ ĐẠO …": a parent line is an administrative level on its own.
  const parent = /^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|BỘ|TỔNG CỤC)(?=\s|$)/u;
  const rest = agency.length > 1 && parent.test(agency[0]!) && !/^(ỦY BAN|UỶ BAN|HỘI ĐỒNG)/u.test(agency[0]!) ? agency.slice(1) : agency;
  const issuer = rest.join(' ').replace(/\s+/g, ' ').trim();
  return issuer === '' ? null : issuer.slice(0, 300);
}

/**
 * Recognise the official header of the first page (Nghị định 30/2020): "Số: 125/TB-BCĐ",
 * "Lào Cai, ngày 05 tháng 01 năm 2026", the type title in capitals and the summary (trích yếu)
 * under it, or "V/v …" for a letter, the issuing agency, and the Mật / Khẩn marks. Best effort:
 * the user reviews and edits every field.
 */
export function prefillFromFirstPage(text: string): Prefill {
  const cells = cellsOf(text.slice(0, 6000));
  const flat = cells.map((line) => line.join(' '));
  const whole = flat.join('\n');

  let number: string | null = null;
  let notation: string | null = null;
  let numberLine = -1;
  for (let i = 0; i < flat.length && numberLine < 0; i++) {
    const m = NUMBER.exec(flat[i]!);
    const blank = m ? null : NUMBER_BLANK.exec(flat[i]!);
    if (m) {
      number = m[1] ? m[1] : null;
      notation = m[2]!;
      numberLine = i;
    } else if (blank) {
      notation = blank[1]!;
      numberLine = i;
    }
  }

  const date = DATE.exec(whole);
  const issueDate = date ? validDate(Number(date[1]), Number(date[2]), Number(date[3])) : null;

  // The title: the first line in capitals that is a type name, below the header.
  let typeCode: string | null = null;
  let titleLine = -1;
  for (let i = 0; i < flat.length && titleLine < 0; i++) {
    for (const cell of cells[i]!) {
      if (!isCaps(cell)) continue;
      const hit = TYPE_TITLES.find(([title]) => cell === title || cell.startsWith(`${title} `));
      if (hit) {
        typeCode = hit[1];
        titleLine = i;
        break;
      }
    }
  }

  let summary: string | null = null;
  if (titleLine >= 0) {
    const title = cells[titleLine]!.join(' ');
    const matched = TYPE_TITLES.find(([t]) => title.startsWith(t))![0];
    // "THÔNG BÁO KẾT LUẬN CỦA …" carries its summary on the title line itself.
    const parts: string[] = [];
    const sameLine = title.slice(matched.length).trim();
    if (sameLine && !/^(\(|DỰ THẢO)/u.test(sameLine)) parts.push(sameLine);
    for (let i = titleLine + 1; i < flat.length && parts.join(' ').length < 400; i++) {
      const line = flat[i]!.trim();
      if (line === '' || BODY_START.test(line) || DATE.test(line)) break;
      // A line in capitals after the summary is the enacting authority ("HỘI ĐỒNG NHÂN DÂN TỈNH …").
      if (parts.length > 0 && isCaps(line)) break;
      parts.push(line);
      if (/[.:]$/.test(line)) break;
    }
    summary = parts.length > 0 ? parts.join(' ').replace(/\s+/g, ' ').trim() : null;
  } else {
    for (let i = 0; i < flat.length; i++) {
      const m = /(?:^|\s)V\/v\s*[:.]?\s*(.+)$/u.exec(flat[i]!);
      if (!m) continue;
      const parts = [m[1]!.replace(DATE, '').replace(/\p{Lu}[\p{L} ]*,\s*$/u, '').trim()];
      for (let k = i + 1; k < flat.length && k <= i + 2; k++) {
        const line = flat[k]!.trim();
        if (line === '' || BODY_START.test(line) || DATE.test(line)) break;
        parts.push(line);
      }
      summary = parts.join(' ').replace(/\s+/g, ' ').trim() || null;
      typeCode = 'CV';
      break;
    }
  }
  if (typeCode === null || typeCode === 'CV') typeCode = typeFromNotation(notation) ?? typeCode;

  const headerEnd = numberLine >= 0 ? numberLine : titleLine >= 0 ? titleLine : Math.min(cells.length, 4);
  const issuer = issuerOf(cells.slice(0, headerEnd));

  return {
    number,
    notation,
    issueDate,
    issuer,
    summary: summary ? summary.slice(0, 2000) : null,
    typeCode,
    ...markOf(cells.slice(0, Math.max(headerEnd, titleLine) + 2)),
  };
}
