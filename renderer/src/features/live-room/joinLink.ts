/**
 * One line to give members: the room's address with its certificate's fingerprint after '#'
 * (wss://192.168.1.10:8443/#AB:CD:…). Pasted whole into the join form, or read from the QR code on
 * the host's screen, it fills both fields; the fingerprint still decides what is accepted.
 */
export function joinLink(url: string, fingerprint: string): string {
  return `${url}#${fingerprint}`;
}

export function splitJoinLink(text: string): { url: string; fingerprint: string | null } {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  if (hash < 0) return { url: trimmed, fingerprint: null };
  const fingerprint = trimmed.slice(hash + 1).trim().toUpperCase();
  return { url: trimmed.slice(0, hash), fingerprint: /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(fingerprint) ? fingerprint : null };
}
