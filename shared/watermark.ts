import { classificationLabels, type Classification } from './contract/common.ts';

export interface WatermarkFacts {
  classification: Classification;
  /** The reader (the profile): who is looking, so a photographed page names its source. */
  fullName: string;
  unitName: string;
  at: Date;
  /** 'view' in the reader, 'export' in a file made from the document. */
  purpose: 'view' | 'export';
}

/** Vietnam has had no daylight saving since 1975: UTC+7 all year, the same in Node and the browser. */
function vnTime(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCHours())}:${two(t.getUTCMinutes())} ngày ${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/** The watermark's lines, the same in the reader and in exported PDFs. */
export function watermarkLines(facts: WatermarkFacts): [string, string] {
  const label = classificationLabels[facts.classification].vi.toLocaleUpperCase('vi');
  const when = `${facts.purpose === 'view' ? 'Xem lúc' : 'Xuất lúc'} ${vnTime(facts.at)}`;
  return [`${label} · ${facts.fullName} · ${facts.unitName}`, `${when}`];
}
