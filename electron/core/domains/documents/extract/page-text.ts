/** The part of a pdf.js TextItem that text assembly needs. */
export interface TextPiece {
  str: string;
  hasEOL: boolean;
  width: number;
  height: number;
  transform: number[];
}

/**
 * Join pdf.js text items into lines the way a reader sees them: a line break where pdf.js saw one,
 * a blank line where the page leaves a vertical gap, and a tab where a wide horizontal gap
 * separates two blocks on the same line (the two columns of an official header: agency on the
 * left, national name on the right). Control characters go,
 * runs of spaces shrink, and the result is NFC so "Nghị" always has the same code points.
 */
export function joinTextItems(items: readonly TextPiece[]): string {
  let out = '';
  let prev: TextPiece | undefined;
  let lastLine: TextPiece | undefined;
  for (const item of items) {
    if (item.str !== '' && out.endsWith('\n') && lastLine) {
      // A blank line where the page leaves a gap (between the summary and the body, between
      // paragraphs): the metadata prefill uses it to know where a block ends.
      const size = Math.max(item.height, lastLine.height, 1);
      if (Math.abs(item.transform[5]! - lastLine.transform[5]!) > 1.9 * size) out += '\n';
    }
    if (item.str.trim() !== '') lastLine = item;
    const horizontal = item.transform[1] === 0 && item.transform[2] === 0;
    const size = Math.max(item.height, prev?.height ?? 0, 1);
    if (item.str.trim() === '' && item.str !== '') {
      // pdf.js writes the gap between two runs as a space item as wide as the gap.
      out += horizontal && item.width > 2.5 * size ? '\t' : ' ';
    } else if (item.str !== '') {
      if (prev && !prev.hasEOL && prev.str !== '' && horizontal && prev.transform[1] === 0 && prev.transform[2] === 0) {
        const gap = item.transform[4]! - (prev.transform[4]! + prev.width);
        const sameLine = Math.abs(item.transform[5]! - prev.transform[5]!) < size / 2;
        if (sameLine && gap > 2.5 * size) out += '\t';
      }
      out += item.str;
    }
    if (item.hasEOL) out += '\n';
    prev = item;
  }
  return (
    out
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- stray control characters from broken fonts
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, ' ')
      .replace(/[ \u00a0]+/g, ' ')
      .replace(/ *\t[ \t]*/g, '\t')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
