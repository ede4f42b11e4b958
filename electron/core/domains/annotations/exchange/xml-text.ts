/** Text as XML character data or an attribute value; characters XML 1.0 cannot carry are dropped. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters outright
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}
