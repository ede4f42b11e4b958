/**
 * The one Vietnamese text fold. Unicode decomposition (NFD) splits the tone and vowel marks off
 * (all in U+0300–U+036F), but đ/Đ is a letter of its own, not d plus a mark, so it is folded
 * explicitly. Every matching, search key, slug and ASCII fallback builds on these.
 */
const MARKS = /[\u0300-\u036f]/g;

/** đ → d, Đ → D; nothing else changes (the search index's tokenizer strips the other marks itself). */
export function foldDStroke(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** No diacritics and đ → d, case kept: "Đường sắt" → "Duong sat". */
export function stripDiacritics(text: string): string {
  return foldDStroke(text.normalize('NFD').replace(MARKS, ''));
}

/** One character folded for matching: no marks, đ → d, lower case (may be '' for a lone mark). */
export function foldChar(ch: string): string {
  return stripDiacritics(ch).toLowerCase();
}

/**
 * Text folded for matching: lower case, no diacritics, đ → d, single spaces. "nguyen van a" then
 * finds "Nguyễn Văn A"; the core stores names folded this way and folds every query the same way.
 */
export function foldText(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
