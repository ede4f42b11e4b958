import { z } from 'zod';
import { ballotChoices, type BallotChoice, type PassRule, type Tally } from '../room/tally.ts';
import { id, optionalText, requiredText } from './common.ts';
import type { LocalizedText } from './errors.ts';
import type { MethodSpecs } from './method-spec.ts';

/**
 * The live room (phòng họp trực tuyến trên mạng nội bộ, issue 15, ADR 0013). `liveRoom.*` because
 * `rooms.*` are the physical meeting rooms of the directory. The host's methods take the meeting; a
 * member's laptop is in at most one room at a time, so theirs take none.
 */

export type FloorKind = 'speak' | 'question';

export interface LiveRoomItem {
  id: string;
  title: string;
  plannedMinutes: number | null;
}

export interface LiveRoomParticipant {
  personId: string;
  name: string;
  votes: boolean;
  chair: boolean;
  /**
   * Who came instead (ủy quyền) and joined for this member, by name; null when the member came or was
   * checked in by the secretariat. Absent in what rooms before it kept.
   */
  delegate?: string | null;
}

export interface LiveRoomFloorRequest {
  requestId: string;
  personId: string;
  itemId: string | null;
  kind: FloorKind;
  addressee: string | null;
  requestedAt: string;
  givenAt: string | null;
  endedAt: string | null;
}

export interface LiveRoomVoteResult {
  voteId: string;
  eligible: number;
  present: number;
  tally: Tally;
  named: { personId: string; choice: BallotChoice; text: string | null }[] | null;
  secret: { voters: string[]; otherTexts: string[] } | null;
}

export interface LiveRoomVote {
  voteId: string;
  itemId: string | null;
  title: string;
  secret: boolean;
  closesAt: string | null;
  voted: number;
  result: LiveRoomVoteResult | null;
  /**
   * A secret vote of a room resumed after its host stopped: who voted before the stop and must send
   * the ballot again (its choice was never stored). Their laptops resend it on their own when back.
   */
  recast?: string[];
}

/** What every screen in the room shows: the host's, each member's and the projector's. */
export interface LiveRoomSnapshot {
  roomId: string;
  seq: number;
  items: readonly LiveRoomItem[];
  participants: LiveRoomParticipant[];
  rule: PassRule;
  current: { itemId: string | null; documentId: string | null; page: number | null; since: string };
  checkedIn: string[];
  quorum: { eligible: number; present: number };
  /** The request whose speaker has the floor. */
  speaking: string | null;
  speaker: LiveRoomFloorRequest | null;
  waiting: LiveRoomFloorRequest[];
  votes: LiveRoomVote[];
}

export interface NetworkAddress {
  /** The interface's name (eth0, Wi-Fi…). */
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  /** The loopback: this laptop only. */
  internal: boolean;
}

export interface LiveRoomHostStatus {
  meetingId: string;
  open: boolean;
  roomId: string | null;
  url: string | null;
  /** SHA-256 of the room's certificate (AA:BB:…): members' laptops accept this certificate and no other. */
  fingerprint: string | null;
  openedAt: string | null;
  connections: number;
  /** The room now; from `liveRoom.close`, the room as it closed (every vote counted). */
  snapshot: LiveRoomSnapshot | null;
  /** Rooms this meeting held before (closed or interrupted), newest first. */
  earlier: {
    roomId: string;
    /** Where it listened: reopening there lets members' laptops, still trying, rejoin on their own. */
    host: string;
    port: number;
    openedAt: string;
    closedAt: string;
    endKind: 'closed' | 'interrupted';
    votes: number;
    /** Votes the room opened and never closed (the app stopped with the room open): to be taken again. */
    unfinished: number;
  }[];
}

/** What a meeting's rooms decided and who spoke: on the host from its own record, on a member's laptop from the signed pack. */
export interface MeetingRoomRecord {
  source: 'host' | 'pack';
  votes: {
    voteId: string;
    itemId: string | null;
    title: string;
    secret: boolean;
    closedAt: string;
    eligible: number;
    present: number;
    agree: number;
    disagree: number;
    other: number;
    needed: number;
    passed: boolean;
    /** Who chose what, for a named ballot; null for a secret one. */
    named: { personId: string; choice: BallotChoice }[] | null;
  }[];
  speeches: { personId: string; itemId: string | null; kind: FloorKind; seconds: number; at: string }[];
}

/** A room found on the LAN. The meeting is this laptop's own match (its pack pinned that fingerprint), never announced. */
export interface DiscoveredRoom {
  roomId: string;
  url: string;
  fingerprint: string;
  meeting: { id: string; title: string } | null;
}

/** A room as this member's laptop last saw it (kept after leaving). */
export interface SeenRoom {
  roomId: string;
  url: string;
  meetingId: string | null;
  seenAt: string;
  snapshot: LiveRoomSnapshot;
}

export type MemberBallotState = 'sending' | 'counted' | 'refused';

export interface LiveRoomMemberStatus {
  joined: boolean;
  connection: 'connected' | 'reconnecting' | 'left';
  url: string | null;
  fingerprint: string | null;
  personId: string | null;
  snapshot: LiveRoomSnapshot | null;
  /** This laptop's own ballots by vote: what it chose and whether the host counted it. */
  ballots: Record<string, { choice: BallotChoice; text: string | null; state: MemberBallotState; error: LocalizedText | null }>;
  /** Why the connection was lost or refused, in words for the member. */
  problem: LocalizedText | null;
}

const address = z
  .string()
  .trim()
  .min(1, 'Cần địa chỉ mạng / an address is required')
  .max(100)
  .refine((s) => z.ipv4().safeParse(s).success || z.ipv6().safeParse(s).success, { error: 'Địa chỉ IP không hợp lệ / invalid IP address' });

const fingerprint = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'Dấu vân tay phải gồm 32 cặp số hex cách nhau bằng dấu hai chấm / the fingerprint is 32 hex pairs separated by colons');

const roomUrl = z
  .string()
  .trim()
  .max(200)
  .regex(/^wss:\/\/(\[[0-9a-fA-F:.]+\]|[0-9]{1,3}(\.[0-9]{1,3}){3}|[a-zA-Z0-9.-]{1,100}):[0-9]{1,5}\/$/, 'Địa chỉ phòng họp có dạng wss://địa-chỉ:cổng/ / the room address looks like wss://host:port/');

const meeting = { meetingId: id };

export const liveRoomMethods = {
  /** The laptop's network addresses, to pick the one the room listens on. */
  'liveRoom.interfaces': { access: 'ui', input: z.object({}).strict() },
  'liveRoom.open': { access: 'ui', input: z.object({ ...meeting, host: address, port: z.number().int().min(0).max(65_535).optional() }).strict() },
  /** Take up the meeting's last room, interrupted when the app stopped, under its id, address and port. */
  'liveRoom.resume': { access: 'ui', input: z.object(meeting).strict() },
  'liveRoom.close': { access: 'ui', input: z.object(meeting).strict() },
  'liveRoom.status': { access: 'ui', input: z.object(meeting).strict() },
  'liveRoom.setCurrent': {
    access: 'ui',
    input: z.object({ ...meeting, itemId: id.nullable(), documentId: id.nullable().optional(), page: z.number().int().min(1).max(100_000).nullable().optional() }).strict(),
  },
  'liveRoom.checkIn': { access: 'ui', input: z.object({ ...meeting, personId: id }).strict() },
  /** The secretary registers a speaker who raised a hand instead of using a laptop. */
  'liveRoom.addSpeaker': { access: 'ui', input: z.object({ ...meeting, personId: id, itemId: id.nullable(), kind: z.enum(['speak', 'question']), addressee: optionalText(200) }).strict() },
  'liveRoom.orderSpeakers': { access: 'ui', input: z.object({ ...meeting, requestIds: z.array(id).max(500) }).strict() },
  'liveRoom.giveFloor': { access: 'ui', input: z.object({ ...meeting, requestId: id }).strict() },
  'liveRoom.endSpeech': { access: 'ui', input: z.object(meeting).strict() },
  'liveRoom.openVote': {
    access: 'ui',
    input: z.object({ ...meeting, itemId: id.nullable(), title: requiredText(500), secret: z.boolean(), minutes: z.number().int().min(1).max(240).nullable().optional() }).strict(),
  },
  'liveRoom.closeVote': { access: 'ui', input: z.object({ ...meeting, voteId: id }).strict() },
  /**
   * A member's laptop joins the room at this address, accepting only the certificate with this
   * fingerprint — typed, or the one the meeting's signed pack carried (give the meeting instead).
   */
  'liveRoom.join': {
    access: 'ui',
    input: z
      .object({ url: roomUrl, fingerprint: fingerprint.optional(), meetingId: id.optional() })
      .strict()
      .refine((j) => j.fingerprint !== undefined || j.meetingId !== undefined, { error: 'Cần dấu vân tay của phòng họp / the room fingerprint is required', path: ['fingerprint'] }),
  },
  /** Rooms announcing themselves on this laptop's networks (DNS-SD), each matched to the meeting whose pack pinned its certificate. */
  'liveRoom.discover': { access: 'ui', input: z.object({}).strict() },
  /** The votes and speeches of a meeting's rooms (this laptop's own, or as its pack carried them). */
  'liveRoom.record': { access: 'ui', input: z.object(meeting).strict() },
  /** Rooms this laptop was in as a member, newest first, each as it last saw it. */
  'liveRoom.seen': { access: 'ui', input: z.object({ meetingId: id.optional() }).strict() },
  /** The room certificate's fingerprint a meeting's signed pack carried to this laptop, if any. */
  'liveRoom.pinned': { access: 'ui', input: z.object(meeting).strict() },
  'liveRoom.leave': { access: 'ui', input: z.object({}).strict() },
  'liveRoom.memberStatus': { access: 'ui', input: z.object({}).strict() },
  'liveRoom.vote': { access: 'ui', input: z.object({ voteId: id, choice: z.enum(ballotChoices), text: optionalText(2000) }).strict() },
  'liveRoom.requestFloor': { access: 'ui', input: z.object({ itemId: id.nullable(), kind: z.enum(['speak', 'question']), addressee: optionalText(200) }).strict() },
  'liveRoom.withdrawFloor': { access: 'ui', input: z.object({ requestId: id }).strict() },
} as const satisfies MethodSpecs;

export interface LiveRoomOutputs {
  'liveRoom.interfaces': NetworkAddress[];
  'liveRoom.open': LiveRoomHostStatus;
  'liveRoom.resume': LiveRoomHostStatus;
  'liveRoom.close': LiveRoomHostStatus;
  'liveRoom.status': LiveRoomHostStatus;
  'liveRoom.setCurrent': LiveRoomHostStatus;
  'liveRoom.checkIn': LiveRoomHostStatus;
  'liveRoom.addSpeaker': LiveRoomHostStatus;
  'liveRoom.orderSpeakers': LiveRoomHostStatus;
  'liveRoom.giveFloor': LiveRoomHostStatus;
  'liveRoom.endSpeech': LiveRoomHostStatus;
  'liveRoom.openVote': LiveRoomHostStatus & { voteId: string };
  'liveRoom.closeVote': LiveRoomHostStatus & { result: LiveRoomVoteResult };
  'liveRoom.join': LiveRoomMemberStatus;
  'liveRoom.pinned': { fingerprint: string | null };
  'liveRoom.seen': SeenRoom[];
  'liveRoom.discover': DiscoveredRoom[];
  'liveRoom.record': MeetingRoomRecord | null;
  'liveRoom.leave': LiveRoomMemberStatus;
  'liveRoom.memberStatus': LiveRoomMemberStatus;
  'liveRoom.vote': LiveRoomMemberStatus;
  'liveRoom.requestFloor': LiveRoomMemberStatus & { requestId: string };
  'liveRoom.withdrawFloor': LiveRoomMemberStatus;
}
