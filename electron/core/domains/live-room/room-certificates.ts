import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../context.ts';
import { writePrivateFile } from '../../fs/durable.ts';
import { makeRoomCertificate, type RoomCertificate } from '../room/room-certificate.ts';

/** A certificate is renewed this close to its end, so a pack never names one that lapses before the meeting. */
const RENEW_BEFORE_MS = 7 * 86_400_000;
const VALID_DAYS = 60;

/**
 * Each meeting's room certificate, kept in `keys/` (0600) from the first meeting pack on: the pack
 * carries its fingerprint to members, and the room opens with the same certificate on the day, so a
 * member's laptop recognises the host with nothing typed or accepted (ADR 0013).
 */
export function createRoomCertificates(ctx: Pick<ServiceContext, 'paths' | 'log' | 'now'>) {
  const fileName = (meetingId: string) => `room-${meetingId}.tls.json`;

  function kept(meetingId: string): RoomCertificate | null {
    const file = join(ctx.paths.keys, fileName(meetingId));
    if (!existsSync(file)) return null;
    try {
      const c = JSON.parse(readFileSync(file, 'utf8')) as RoomCertificate;
      const cert = new X509Certificate(c.certPem);
      if (cert.fingerprint256 !== c.fingerprint || Date.parse(cert.validTo) - ctx.now().getTime() < RENEW_BEFORE_MS) return null;
      return c;
    } catch (e) {
      ctx.log.warn({ err: e }, 'room certificate unreadable; a new one is made');
      return null;
    }
  }

  return {
    async forMeeting(meetingId: string): Promise<RoomCertificate> {
      const found = kept(meetingId);
      if (found) return found;
      const made = await makeRoomCertificate(ctx.now(), VALID_DAYS);
      writePrivateFile(ctx.paths.keys, fileName(meetingId), JSON.stringify(made));
      return made;
    },
  };
}

export type RoomCertificates = ReturnType<typeof createRoomCertificates>;
