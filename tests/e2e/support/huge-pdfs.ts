import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** A0 in points, and a scan of it at 200 dpi in pixels: what a provincial planning map looks like scanned. */
export const A0_SCAN = { widthPt: 2384, heightPt: 3370, widthPx: 6622, heightPx: 9362 } as const;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A greyscale PNG of a scanned page: a thick frame and dark "lines of text" on white. Repetitive
 * rows compress to a few hundred KB, so the fixture is quick to write and to import while the
 * image the reader must decode and draw is still 62 million pixels.
 */
function scanPng(width: number, height: number): Buffer {
  const stride = width + 1; // each row starts with its PNG filter byte (0: none)
  const raw = Buffer.alloc(stride * height, 0xff);
  const frame = 120;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = 0;
    if (y < frame || y >= height - frame) {
      raw.fill(0x00, row + 1, row + stride);
      continue;
    }
    raw.fill(0x00, row + 1, row + 1 + frame);
    raw.fill(0x00, row + stride - frame, row + stride);
    // Lines of "text" 36 px high every 90 px, in words of varying length.
    if ((y - frame) % 90 < 36 && y > 400 && y < height - 400) {
      for (let x = 400, word = 0; x < width - 400; word++) {
        const length = 80 + ((word * 37) % 160);
        raw.fill(0x30, row + 1 + x, row + 1 + Math.min(x + length, width - 400));
        x += length + 40;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One A0 page holding one 200-dpi scan, as a scanner's "PDF" of a planning map is. */
export async function writeA0ScanPdf(file: string): Promise<void> {
  const doc = new PDFDocument({ size: [A0_SCAN.widthPt, A0_SCAN.heightPt], margin: 0 });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.image(scanPng(A0_SCAN.widthPx, A0_SCAN.heightPx), 0, 0, { width: A0_SCAN.widthPt, height: A0_SCAN.heightPt });
  doc.end();
  await once(out, 'finish');
}

/** A small deterministic generator (mulberry32): the same damage on every run and every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DamagedPdf {
  name: string;
  bytes: Buffer;
}

/**
 * The ways a real file arrives damaged: bytes flipped in the middle (a bad sector, a broken
 * copy), the cross-reference table garbled, a download cut short, and only the header left.
 */
export function damagedVariants(good: Buffer): DamagedPdf[] {
  const next = random(2026);

  const flipped = Buffer.from(good);
  const from = Math.floor(good.length * 0.35);
  const span = Math.floor(good.length * 0.3);
  for (let k = 0; k < 2000; k++) flipped[from + Math.floor(next() * span)] = Math.floor(next() * 256);

  // Whatever startxref points at (a table or a stream) becomes digits and spaces, and so does the pointer.
  const xref = Buffer.from(good);
  const text = good.toString('latin1');
  const pointerAt = text.lastIndexOf('startxref');
  const target = Number(/startxref\s+(\d+)/.exec(text.slice(pointerAt))?.[1] ?? -1);
  if (pointerAt < 0 || target < 0 || target >= good.length) throw new Error('the source PDF has no startxref to damage');
  const digits = '0123456789 ';
  for (let i = target; i < Math.min(good.length, target + 400); i++) xref[i] = digits.charCodeAt(Math.floor(next() * digits.length));
  const pointer = pointerAt + 'startxref'.length + 1;
  xref.write('9999999', pointer, 'latin1');

  return [
    { name: 'bytes-flipped', bytes: flipped },
    { name: 'xref-damaged', bytes: xref },
    { name: 'truncated-30', bytes: good.subarray(0, Math.floor(good.length * 0.3)) },
    { name: 'truncated-70', bytes: good.subarray(0, Math.floor(good.length * 0.7)) },
    { name: 'header-only', bytes: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1') },
  ];
}
