import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CoreError } from '../../errors.ts';
import { verifySignature, type SigningIdentity } from '../directory/index.ts';

/**
 * Joining the live room (ADR 0013): the host sends a fresh random challenge; the member's app signs
 * it, with the room and the host certificate's fingerprint, using the profile key the secretariat
 * trusts as that member's. Binding the room and the fingerprint means a signature made for one room
 * (or relayed by a look-alike host) opens no other; the challenge is used once.
 */
export const CHALLENGE_BYTES = 32;

export const joinResponseSchema = z
  .object({
    challenge: z.string().length(44),
    publicKey: z.string().max(100),
    signature: z.string().max(200),
  })
  .strict();
export type JoinResponse = z.infer<typeof joinResponseSchema>;

/**
 * The exact bytes signed: a fixed label, the room, the host's certificate fingerprint and the
 * challenge. Who signed is the key's holder in the host's directory: a member's laptop need not know
 * the host's id for its person (the host tells it on joining).
 */
export function joinBytes(roomId: string, fingerprint: string, challenge: string): Buffer {
  return Buffer.from(JSON.stringify(['nghisu.room.join.v1', roomId, fingerprint, challenge]), 'utf8');
}

export function newChallenge(): string {
  return randomBytes(CHALLENGE_BYTES).toString('base64');
}

/** The member's side: answer the host's challenge for this room. */
export function answerChallenge(identity: Pick<SigningIdentity, 'publicKey' | 'sign'>, room: { roomId: string; fingerprint: string }, challenge: string): JoinResponse {
  const signature = identity.sign(joinBytes(room.roomId, room.fingerprint, challenge)).toString('base64');
  return { challenge, publicKey: identity.publicKey, signature };
}

export interface JoinCheck {
  roomId: string;
  fingerprint: string;
  /** Takes the challenge out of the host's outstanding ones: true only the first time, and only for one it issued. */
  takeChallenge(challenge: string): boolean;
  /** The directory person this exact key is trusted for (the member's own key), or null. */
  personOf(publicKey: string): string | null;
  /** Whether the person is among the meeting's participants (or a delegate for one). */
  isParticipant(personId: string): boolean;
}

const refused = (code: 'INVALID_INPUT' | 'FORBIDDEN', vi: string, en: string, reason: string) => new CoreError(code, { vi, en }, { reason });

/** Who joined, or why not: the shape, the challenge (issued, unused), the signature, whose key it is, the right to attend. */
export function checkJoin(input: unknown, check: JoinCheck): { personId: string; publicKey: string } {
  const parsed = joinResponseSchema.safeParse(input);
  if (!parsed.success) throw refused('INVALID_INPUT', 'Yêu cầu vào phòng họp không đúng định dạng.', 'The join request is malformed.', 'malformed');
  const r = parsed.data;
  if (!check.takeChallenge(r.challenge)) {
    throw refused('FORBIDDEN', 'Mã thử thách đã hết hạn hoặc đã dùng; hãy vào lại phòng họp.', 'The challenge expired or was used already; join again.', 'challenge');
  }
  if (!verifySignature(r.publicKey, joinBytes(check.roomId, check.fingerprint, r.challenge), r.signature)) {
    throw refused('FORBIDDEN', 'Chữ ký vào phòng họp không hợp lệ.', 'The join signature is invalid.', 'signature');
  }
  const personId = check.personOf(r.publicKey);
  if (!personId) {
    throw refused(
      'FORBIDDEN',
      'Khóa của máy này chưa được Văn phòng tin cậy là khóa của một thành viên; hãy gửi khóa công khai cho Văn phòng.',
      'This laptop’s key is not trusted by the secretariat as a member’s; send the public key to the secretariat.',
      'unknown-key',
    );
  }
  if (!check.isParticipant(personId)) {
    throw refused('FORBIDDEN', 'Người này không có trong danh sách dự họp.', 'This person is not among the meeting’s participants.', 'not-a-participant');
  }
  return { personId, publicKey: r.publicKey };
}
