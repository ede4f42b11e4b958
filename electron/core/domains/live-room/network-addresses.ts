import { networkInterfaces } from 'node:os';
import type { NetworkAddress } from '../../../../shared/contract/index.ts';

/**
 * The addresses the room may listen on, one interface at a time: the LAN ones first, the loopback
 * last (a room on it is for this laptop only: a test, or the projector window).
 */
export function networkAddresses(): NetworkAddress[] {
  const out: NetworkAddress[] = [];
  for (const [name, list] of Object.entries(networkInterfaces())) {
    for (const a of list ?? []) {
      // Link-local IPv6 needs a zone id no member could type; it is left out.
      if (a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80:')) continue;
      out.push({ name, address: a.address, family: a.family, internal: a.internal });
    }
  }
  return out.sort((a, b) => Number(a.internal) - Number(b.internal) || (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
}
