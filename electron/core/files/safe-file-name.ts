/**
 * A file name safe on Windows, macOS and Linux that keeps Vietnamese letters: path separators,
 * control and reserved characters become '_', trailing dots and spaces go, length is bounded.
 */
export function safeFileName(name: string, fallback = 'tep'): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f<>:"/\\|?*\u007f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  const base = cleaned === '' || /^\.+$/.test(cleaned) ? fallback : cleaned;
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(base) ? `_${base}` : base;
  if (reserved.length <= 180) return reserved;
  const dot = reserved.lastIndexOf('.');
  const ext = dot > 0 && reserved.length - dot <= 10 ? reserved.slice(dot) : '';
  return reserved.slice(0, 180 - ext.length) + ext;
}
