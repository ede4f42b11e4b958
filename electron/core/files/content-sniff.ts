/**
 * What a stored file really is, from its bytes, for handing it to the system's program. The name the
 * page supplies is never trusted: the extension the OS sees comes from here, so a file cannot reach
 * the OS as `.exe`, `.hta` or `.js` whatever it is called, and executable content is refused outright.
 */

export type Sniffed =
  /** A document the usual reader opens without running anything by default. */
  | { verdict: 'document'; ext: string; mime: string }
  /** Not a plain document (macros, an archive, an unknown format): open only after the user agrees. */
  | { verdict: 'confirm'; ext: string; mime: string; what: { vi: string; en: string } }
  /** A program or a script: never handed to the OS. */
  | { verdict: 'executable'; what: string };

const startsWith = (b: Uint8Array, magic: readonly number[], at = 0) => magic.every((m, i) => b[at + i] === m);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const EXECUTABLE_MAGIC: readonly { magic: readonly number[]; what: string }[] = [
  { magic: ascii('MZ'), what: 'Windows program (PE)' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'ELF program' },
  { magic: [0xfe, 0xed, 0xfa, 0xce], what: 'Mach-O program' },
  { magic: [0xfe, 0xed, 0xfa, 0xcf], what: 'Mach-O program' },
  { magic: [0xce, 0xfa, 0xed, 0xfe], what: 'Mach-O program' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], what: 'Mach-O program' },
  { magic: [0xca, 0xfe, 0xba, 0xbe], what: 'Mach-O universal program or Java class' },
  { magic: [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], what: 'Windows shortcut (.lnk)' },
  { magic: ascii('dex\n'), what: 'Android program' },
  { magic: [0x00, 0x61, 0x73, 0x6d], what: 'WebAssembly' },
  { magic: ascii('#!'), what: 'script (#!)' },
];

/** Text that is a script whatever it is called; such content is refused even though it would open as .txt. */
const SCRIPT_MARKERS = [
  /^@echo\b/i,
  /^\[desktop entry\]/i,
  /^windows registry editor/i,
  /^regedit4/i,
  /<hta:application/i,
  /\bwscript\.(shell|createobject|echo)/i,
  /\bcreateobject\s*\(/i,
  /<script[\s>]/i,
  /\bpowershell(\.exe)?\s+-/i,
];

const IMAGES: readonly { magic: readonly number[]; at?: number; ext: string; mime: string; also?: readonly number[]; alsoAt?: number }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: 'png', mime: 'image/png' },
  { magic: [0xff, 0xd8, 0xff], ext: 'jpg', mime: 'image/jpeg' },
  { magic: ascii('GIF87a'), ext: 'gif', mime: 'image/gif' },
  { magic: ascii('GIF89a'), ext: 'gif', mime: 'image/gif' },
  { magic: ascii('RIFF'), also: ascii('WEBP'), alsoAt: 8, ext: 'webp', mime: 'image/webp' },
  { magic: [0x49, 0x49, 0x2a, 0x00], ext: 'tif', mime: 'image/tiff' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], ext: 'tif', mime: 'image/tiff' },
  // The four reserved bytes after the size are zero; plain text starting "BM" is not an image.
  { magic: ascii('BM'), also: [0, 0, 0, 0], alsoAt: 6, ext: 'bmp', mime: 'image/bmp' },
];

/** Entry names of a ZIP's central directory, read from the end of the file; null when it is not reachable. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let eocd = bytes.length - 22; eocd >= lowest; eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      if (at + 46 + nameLength > bytes.length) return null;
      names.push(Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8'));
      at += 46 + nameLength + extra + comment;
    }
    return names;
  }
  return null;
}

/** ODF keeps its type uncompressed in the first entry, `mimetype`. */
function odfMimeType(bytes: Uint8Array): string | null {
  if (bytes.length < 38 || Buffer.from(bytes.subarray(30, 38)).toString('latin1') !== 'mimetype') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getUint32(18, true);
  const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (size > 100 || start + size > bytes.length) return null;
  return Buffer.from(bytes.subarray(start, start + size)).toString('latin1');
}

const ODF: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

const OOXML = [
  { part: 'word/document.xml', ext: 'docx', macroExt: 'docm', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { part: 'xl/workbook.xml', ext: 'xlsx', macroExt: 'xlsm', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { part: 'ppt/presentation.xml', ext: 'pptx', macroExt: 'pptm', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
];

const MACROS = { vi: 'tài liệu Office có macro (mã lệnh)', en: 'an Office document with macros (code)' };
const ARCHIVE = { vi: 'tệp nén ZIP', en: 'a ZIP archive' };
const UNKNOWN = { vi: 'tệp không rõ định dạng', en: 'a file of unknown type' };

function sniffZip(bytes: Uint8Array): Sniffed {
  const odf = odfMimeType(bytes);
  const names = zipEntryNames(bytes);
  if (odf && ODF[odf]) {
    const scripted = names?.some((n) => n.startsWith('Basic/') || n.startsWith('Scripts/')) ?? true;
    return scripted ? { verdict: 'confirm', ext: ODF[odf], mime: odf, what: MACROS } : { verdict: 'document', ext: ODF[odf], mime: odf };
  }
  if (!names) return { verdict: 'confirm', ext: 'zip', mime: 'application/zip', what: ARCHIVE };
  if (names.some((n) => n.toUpperCase() === 'META-INF/MANIFEST.MF' || n.endsWith('.class'))) return { verdict: 'executable', what: 'Java archive (.jar)' };
  if (names.includes('[Content_Types].xml')) {
    const type = OOXML.find((t) => names.includes(t.part));
    if (type) {
      const macros = names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'));
      return macros ? { verdict: 'confirm', ext: type.macroExt, mime: type.mime, what: MACROS } : { verdict: 'document', ext: type.ext, mime: type.mime };
    }
  }
  return { verdict: 'confirm', ext: 'zip', mime: 'application/zip', what: ARCHIVE };
}

const utf16 = (s: string) => Buffer.from(s, 'utf16le');
// CLSIDs of the Windows Installer package, patch and transform, as stored in the root entry.
const INSTALLER_CLSIDS = ['000C1084', '000C1086', '000C1082'].map((prefix) =>
  Buffer.from([...Buffer.from(prefix, 'hex').reverse(), 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]),
);

function sniffOle(bytes: Uint8Array): Sniffed {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const root = b.indexOf(utf16('Root Entry'));
  if (root >= 0 && INSTALLER_CLSIDS.some((clsid) => b.subarray(root + 0x50, root + 0x60).equals(clsid))) {
    return { verdict: 'executable', what: 'Windows Installer package (.msi/.msp)' };
  }
  const has = (name: string) => b.includes(utf16(name));
  const type = has('WordDocument')
    ? { ext: 'doc', mime: 'application/msword' }
    : has('Workbook') || has('Book')
      ? { ext: 'xls', mime: 'application/vnd.ms-excel' }
      : has('PowerPoint Document')
        ? { ext: 'ppt', mime: 'application/vnd.ms-powerpoint' }
        : null;
  if (!type) return { verdict: 'confirm', ext: 'bin', mime: 'application/octet-stream', what: UNKNOWN };
  if (has('_VBA_PROJECT') || has('Macros') || has('VBA')) return { verdict: 'confirm', ...type, what: MACROS };
  return { verdict: 'document', ...type };
}

function asText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0)) return null;
  try {
    // Cut at the last complete character of the sample before decoding strictly.
    let end = head.length;
    if (bytes.length > head.length) while (end > 0 && (head[end - 1]! & 0xc0) === 0x80) end--;
    if (bytes.length > head.length && end > 0 && head[end - 1]! >= 0xc0) end--;
    return new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return null;
  }
}

/** Classify a file from (up to all of) its bytes. */
export function sniffContent(bytes: Uint8Array): Sniffed {
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const exe = EXECUTABLE_MAGIC.find((m) => startsWith(bytes, m.magic, bom));
  if (exe) return { verdict: 'executable', what: exe.what };
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    return { verdict: 'document', ext: 'pdf', mime: 'application/pdf' };
  }
  const image = IMAGES.find((i) => startsWith(bytes, i.magic) && (!i.also || startsWith(bytes, i.also, i.alsoAt)));
  if (image) return { verdict: 'document', ext: image.ext, mime: image.mime };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffOle(bytes);
  if (startsWith(bytes, ascii('{\\rtf'))) {
    return { verdict: 'confirm', ext: 'rtf', mime: 'application/rtf', what: { vi: 'văn bản RTF (có thể chứa đối tượng nhúng)', en: 'an RTF document (may embed objects)' } };
  }
  const text = asText(bytes);
  if (text !== null) {
    const start = text.replace(/^\ufeff/, '').trimStart();
    if (SCRIPT_MARKERS.some((m) => m.test(start.slice(0, 4096)))) return { verdict: 'executable', what: 'script' };
    return { verdict: 'document', ext: 'txt', mime: 'text/plain; charset=utf-8' };
  }
  return { verdict: 'confirm', ext: 'bin', mime: 'application/octet-stream', what: UNKNOWN };
}
