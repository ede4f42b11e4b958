/**
 * Pages rendered by poppler (`pdftoppm`, as Evince, Okular and many print paths do), read back as
 * pixels, so tests can see what another PDF reader actually draws.
 */
import { execFileSync } from 'node:child_process';

export interface Raster {
  width: number;
  height: number;
  /** RGB, row by row from the top-left. */
  data: Buffer;
}

/** Page `pageNo` (1-based) of `file` at `dpi`, drawn with its annotations' appearances (PPM on stdout, pdftoppm's default). */
export function renderPage(file: string, pageNo: number, dpi = 72): Raster {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(pageNo), '-l', String(pageNo), file], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return parsePpm(ppm);
}

/** Binary PPM (P6, maxval 255). */
export function parsePpm(bytes: Buffer): Raster {
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]!))) pos += 1;
    if (bytes[pos] === 0x23) {
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos += 1;
      continue;
    }
    const start = pos;
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]!))) pos += 1;
    fields.push(bytes.subarray(start, pos).toString('latin1'));
  }
  const [magic, w, h, max] = fields;
  if (magic !== 'P6' || max !== '255') throw new Error(`not an 8-bit P6 PPM: ${magic} ${max}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, data: bytes.subarray(pos + 1, pos + 1 + width * height * 3) };
}

export function pixel(r: Raster, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * r.width + Math.round(x)) * 3;
  return [r.data[i]!, r.data[i + 1]!, r.data[i + 2]!];
}

/** How many pixels of the box [x1, y1, x2, y2] (image pixels, top-left origin) are within `tolerance` of `rgb`. */
export function countColour(r: Raster, box: readonly [number, number, number, number], rgb: readonly [number, number, number], tolerance = 40): number {
  let n = 0;
  const [x1, y1, x2, y2] = box.map(Math.round) as [number, number, number, number];
  for (let y = Math.max(0, y1); y < Math.min(r.height, y2); y++) {
    for (let x = Math.max(0, x1); x < Math.min(r.width, x2); x++) {
      const [pr, pg, pb] = pixel(r, x, y);
      if (Math.abs(pr - rgb[0]) <= tolerance && Math.abs(pg - rgb[1]) <= tolerance && Math.abs(pb - rgb[2]) <= tolerance) n += 1;
    }
  }
  return n;
}

/** The text poppler extracts from page `pageNo` (1-based), in reading order. */
export function pageText(file: string, pageNo: number): string {
  return execFileSync('pdftotext', ['-f', String(pageNo), '-l', String(pageNo), file, '-'], { encoding: 'utf8' });
}
