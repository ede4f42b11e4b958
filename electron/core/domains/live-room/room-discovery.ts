import { networkInterfaces } from 'node:os';
import { Bonjour, type Service } from 'bonjour-service';
import type { Logger } from '../../logger.ts';

/**
 * DNS-SD on the meeting room's LAN (RFC 6763 over multicast DNS, `bonjour-service`): the host
 * announces `_nghisu-room._tcp` on the interface it picked while the room is open; a member's laptop
 * browses for a moment and lists what answered. The record carries only the room's id, address,
 * port and certificate fingerprint — never the meeting's title (a Mật meeting's name must not go out
 * on the LAN): the member's app names the meeting itself, from the fingerprint its pack pinned. What
 * is found decides nothing: the fingerprint pinned (or typed) is still what the TLS connection must
 * present.
 */
export const SERVICE_TYPE = 'nghisu-room';

export interface FoundRoom {
  roomId: string;
  url: string;
  fingerprint: string;
}

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;

// mDNS listens on 5353 of every address (multicast arrives there); the membership and the sending
// interface are the one given, so the announcement goes out on the room's network only.
// (The options go on to multicast-dns, which bonjour-service's types do not describe.)
const mdnsOn = (address: string, log: Logger) =>
  new Bonjour({ interface: address, bind: '0.0.0.0' } as ConstructorParameters<typeof Bonjour>[0], (e: unknown) => log.warn({ err: e }, 'room discovery: mDNS error'));

export function announceRoom(room: { host: string; port: number; roomId: string; fingerprint: string }, log: Logger): { stop(): Promise<void> } {
  // mDNS here is IPv4; a room on an IPv6 address is found by its address instead.
  if (!IPV4.test(room.host)) return { stop: async () => {} };
  let bonjour: Bonjour | null = null;
  try {
    bonjour = mdnsOn(room.host, log);
    const service = bonjour.publish({
      name: `Nghi Su ${room.roomId.slice(-12)}`,
      type: SERVICE_TYPE,
      port: room.port,
      disableIPv6: true,
      txt: { room: room.roomId, host: room.host, fp: room.fingerprint },
    });
    service.on('error', (e: unknown) => log.warn({ err: e }, 'room discovery: announcement failed'));
  } catch (e) {
    // Being found is a convenience: the room works by its address without it.
    log.warn({ err: e }, 'room discovery: not announced');
  }
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (!bonjour) return resolve();
        const b = bonjour;
        bonjour = null;
        b.unpublishAll(() => b.destroy(() => resolve()));
      }),
  };
}

function fromService(s: Service): FoundRoom | null {
  const txt = (s.txt ?? {}) as Record<string, unknown>;
  const roomId = typeof txt.room === 'string' ? txt.room : '';
  const host = typeof txt.host === 'string' ? txt.host : '';
  const fingerprint = typeof txt.fp === 'string' ? txt.fp.toUpperCase() : '';
  if (!UUID.test(roomId) || !IPV4.test(host) || !FINGERPRINT.test(fingerprint) || !Number.isInteger(s.port) || s.port < 1 || s.port > 65_535) return null;
  return { roomId, url: `wss://${host}:${s.port}/`, fingerprint };
}

/** The IPv4 addresses of this laptop's networks, the loopback included (a room on this same laptop). */
function ipv4Addresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((a) => a.family === 'IPv4').map((a) => a.address));
}

/** Browses every network of this laptop for `waitMs` and returns the rooms that answered, once each. */
export async function discoverRooms(waitMs: number, log: Logger): Promise<FoundRoom[]> {
  const found = new Map<string, FoundRoom>();
  const instances = ipv4Addresses().map((address) => {
    const bonjour = mdnsOn(address, log);
    const browser = bonjour.find({ type: SERVICE_TYPE }, (s: Service) => {
      const room = fromService(s);
      if (room) found.set(`${room.roomId}|${room.url}`, room);
    });
    return { bonjour, browser };
  });
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  await Promise.all(
    instances.map(
      ({ bonjour, browser }) =>
        new Promise<void>((resolve) => {
          browser.stop();
          bonjour.destroy(() => resolve());
        }),
    ),
  );
  return [...found.values()];
}
