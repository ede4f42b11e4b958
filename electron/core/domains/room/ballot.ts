import { z } from 'zod';
import { ballotChoices, type BallotChoice } from '../../../../shared/room/tally.ts';
import { CoreError } from '../../errors.ts';
import { verifySignature, type SigningIdentity } from '../directory/index.ts';

/**
 * A member's ballot in the live room, signed with the profile key the secretariat trusts as theirs,
 * so the host counts it only for that person and no one (the network, the host's operator, another
 * member) can cast or change it in their name. What is signed names the room, the vote, the voter,
 * the choice and its text, and a sequence number the voter raises with each change: a ballot copied
 * into another room or vote does not verify, and an older one sent again cannot undo a newer one.
 */
export const MAX_BALLOT_TEXT = 2000;

export const signedBallotSchema = z
  .object({
    roomId: z.uuid(),
    voteId: z.uuid(),
    personId: z.uuid(),
    choice: z.enum(ballotChoices),
    text: z.string().max(MAX_BALLOT_TEXT).nullable(),
    /** Raised by the voter with each change of mind; the host keeps only the highest. */
    seq: z.number().int().min(1).max(1_000_000),
    publicKey: z.string().max(100),
    signature: z.string().max(200),
  })
  .strict();
export type SignedBallot = z.infer<typeof signedBallotSchema>;

type BallotFields = Omit<SignedBallot, 'publicKey' | 'signature'>;

/** The exact bytes signed: a fixed label and the fields in a fixed order, so both sides build the same. */
export function ballotBytes(b: BallotFields): Buffer {
  return Buffer.from(JSON.stringify(['nghisu.room.ballot.v1', b.roomId, b.voteId, b.personId, b.choice, b.text ?? '', b.seq]), 'utf8');
}

export function signBallot(identity: Pick<SigningIdentity, 'publicKey' | 'sign'>, fields: BallotFields): SignedBallot {
  const text = fields.choice === 'other' ? (fields.text?.trim() || null) : null;
  const ballot = { ...fields, text };
  return { ...ballot, publicKey: identity.publicKey, signature: identity.sign(ballotBytes(ballot)).toString('base64') };
}

/** What the host knows when a ballot arrives. */
export interface BallotCheck {
  roomId: string;
  /** The open vote the ballot is for, or null when it is closed or unknown. */
  vote: { id: string; closed: boolean; voters: ReadonlySet<string> } | null;
  /** The directory person this exact key is trusted for (the member's own key), or null. */
  personOf(publicKey: string): string | null;
  /** The highest sequence number already counted from this voter in this vote (0 when none). */
  lastSeq: number;
}

const refused = (code: 'INVALID_INPUT' | 'FORBIDDEN' | 'INVALID_STATE' | 'CONFLICT', vi: string, en: string, reason: string, extra: Record<string, unknown> = {}) =>
  new CoreError(code, { vi, en }, { reason, ...extra });

/**
 * Accepts a ballot for counting or says why not; never partly. Checks, in order: the shape, the
 * signature over exactly these fields, that the key is the voter's own, that the voter may vote in
 * this vote, that the vote is still open, and that this is not an older ballot sent again.
 */
export function checkBallot(input: unknown, check: BallotCheck): { ballot: SignedBallot; choice: BallotChoice; replaces: boolean } {
  const parsed = signedBallotSchema.safeParse(input);
  if (!parsed.success) {
    throw refused('INVALID_INPUT', 'Phiếu biểu quyết không đúng định dạng.', 'The ballot is malformed.', 'malformed');
  }
  const ballot = parsed.data;
  if (ballot.roomId !== check.roomId || !verifySignature(ballot.publicKey, ballotBytes(ballot), ballot.signature)) {
    throw refused('FORBIDDEN', 'Chữ ký trên phiếu biểu quyết không hợp lệ; phiếu không được tính.', 'The ballot’s signature is invalid; it was not counted.', 'signature');
  }
  if (check.personOf(ballot.publicKey) !== ballot.personId) {
    throw refused(
      'FORBIDDEN',
      'Khóa ký phiếu không phải khóa của thành viên này trên máy chủ trì; phiếu không được tính.',
      'The key that signed the ballot is not this member’s key on the host; it was not counted.',
      'not-own-key',
    );
  }
  if (!check.vote || check.vote.id !== ballot.voteId) {
    throw refused('INVALID_STATE', 'Không có cuộc biểu quyết này đang mở.', 'There is no such open vote.', 'unknown-vote');
  }
  if (!check.vote.voters.has(ballot.personId)) {
    throw refused('FORBIDDEN', 'Thành viên này không có quyền biểu quyết trong nội dung này.', 'This member has no vote here.', 'not-a-voter');
  }
  if (check.vote.closed) {
    throw refused('INVALID_STATE', 'Biểu quyết đã kết thúc; phiếu gửi sau không được tính.', 'The vote has closed; a later ballot is not counted.', 'closed');
  }
  if (ballot.seq <= check.lastSeq) {
    throw refused('CONFLICT', 'Phiếu này cũ hơn phiếu đã tính của thành viên; giữ phiếu mới hơn.', 'This ballot is older than the one counted; the newer one stands.', 'replayed', {
      // The voter's own laptop, restarted, numbers from 1 again: it may sign anew above this.
      lastSeq: check.lastSeq,
    });
  }
  return { ballot, choice: ballot.choice, replaces: check.lastSeq > 0 };
}
