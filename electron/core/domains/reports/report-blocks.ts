import type { ParagraphBlock, TextRun } from '../../official-docs/official-text.ts';

/** The few building blocks both reports' bodies are written with. */
export const text = (t: string, style: Omit<TextRun, 'text'> = {}): TextRun => ({ text: t, ...style });

export function para(t: string | TextRun[], options: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return { kind: 'paragraph', runs: typeof t === 'string' ? [text(t)] : t, ...options };
}

/** A section heading ("I. TÌNH HÌNH CHUNG"), kept on the page of what follows it. */
export function heading(t: string): ParagraphBlock {
  return para([text(t, { bold: true })], { keepWithNext: true });
}

/** One table cell's runs. */
export const cell = (t: string | number, style: Omit<TextRun, 'text'> = {}): TextRun[] => [text(String(t), style)];
