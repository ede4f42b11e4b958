/**
 * What happens when the page asks to leave the app (window.open, a target=_blank link). Free of
 * Electron so the decision is unit-tested; security.ts only shows the question and acts on the answer.
 */

/** Schemes a person may choose to open outside the app; everything else is refused without asking. */
const ALLOWED_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

/** Longest address shown and opened; a link longer than this is not one a person can check. */
const MAX_URL_LENGTH = 2048;

export type LinkDecision =
  | { action: 'ask'; url: string; scheme: string }
  | { action: 'deny'; reason: 'unparsable' | 'scheme' | 'credentials' | 'too-long' | 'hidden-characters'; scheme: string | null };

// Bidi overrides and isolates, zero-width characters and controls let an address read differently
// from where it goes; such a link is refused rather than shown.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

export function decideExternalLink(raw: string): LinkDecision {
  if (raw.length > MAX_URL_LENGTH) return { action: 'deny', reason: 'too-long', scheme: null };
  if (HIDDEN.test(raw)) return { action: 'deny', reason: 'hidden-characters', scheme: null };
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { action: 'deny', reason: 'unparsable', scheme: null };
  }
  const scheme = parsed.protocol;
  if (!ALLOWED_SCHEMES.has(scheme)) return { action: 'deny', reason: 'scheme', scheme: scheme.slice(0, 32) };
  if (parsed.username || parsed.password) return { action: 'deny', reason: 'credentials', scheme };
  if (scheme !== 'mailto:' && !parsed.hostname) return { action: 'deny', reason: 'unparsable', scheme };
  return { action: 'ask', url: parsed.href, scheme };
}

/** The native question: the full address, Vietnamese, "Không mở" first so Enter/Esc never opens. */
export function linkQuestion(url: string): {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
} {
  const mail = url.startsWith('mailto:');
  return {
    type: 'question',
    title: mail ? 'Gửi thư điện tử' : 'Mở liên kết bên ngoài',
    message: mail
      ? 'Tài liệu muốn mở chương trình thư điện tử tới địa chỉ sau. Chỉ mở nếu bạn tin địa chỉ này:'
      : 'Tài liệu muốn mở địa chỉ sau trong trình duyệt của máy. Chỉ mở nếu bạn tin địa chỉ này:',
    detail: url,
    buttons: ['Không mở', 'Mở'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** Index of the "Mở" button in linkQuestion. */
export const OPEN_BUTTON = 1;
