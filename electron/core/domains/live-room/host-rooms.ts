import { v7 as uuidv7 } from 'uuid';
import type { LiveRoomHostStatus, MeetingDetail, MethodInput } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { DirectoryDomain } from '../directory/index.ts';
import type { MeetingsDomain } from '../meetings/index.ts';
import { openRoomService, type RoomService } from '../room/room-service.ts';
import { createRoomState, type RoomEvent, type RoomState, type StoredBallot } from '../room/room-state.ts';
import { createRoomCertificates } from './room-certificates.ts';
import { announceRoom } from './room-discovery.ts';
import { createRoomRecord } from './room-record.ts';

/**
 * The rooms this laptop hosts, one per meeting at most (ADR 0013). Opening one starts the service on
 * the address the user picked; every event and counted ballot is written to the database before any
 * member hears of it; closing ends the open votes (their results counted and kept), stops listening
 * and marks the room closed. A room left open by a process that stopped is marked interrupted at the
 * next start.
 */
interface HostedRoom {
  meetingId: string;
  roomId: string;
  openedAt: string;
  state: RoomState;
  service: RoomService;
  announcement: { stop(): Promise<void> };
}

const ROLES_WITH_VOTE = new Set(['chair', 'member']);

function notOpen(): CoreError {
  return new CoreError('INVALID_STATE', { vi: 'Phòng họp của cuộc họp này chưa mở.', en: 'This meeting’s room is not open.' });
}

export function createHostRooms(ctx: ServiceContext, deps: { meetings: Pick<MeetingsDomain, 'reader'>; directory: Pick<DirectoryDomain, 'trustedKeys'> }) {
  const record = createRoomRecord(ctx.db);
  const rooms = new Map<string, HostedRoom>();
  const markPresent = ctx.db.prepare(
    "UPDATE participants SET attendance = 'present', attendance_at = ? WHERE meeting_id = ? AND person_id = ? AND attendance IS NULL",
  );
  const markDelegated = ctx.db.prepare(
    "UPDATE participants SET attendance = 'delegated', attendance_delegate = ?, attendance_at = ? WHERE meeting_id = ? AND person_id = ? AND attendance IS NULL",
  );
  // Read at each join: the secretariat may record the delegation after the room opened.
  const delegating = ctx.db
    .prepare("SELECT person_id FROM participants WHERE meeting_id = ? AND rsvp = 'delegated' AND rsvp_delegate_id = ? AND person_id IS NOT NULL ORDER BY position LIMIT 1")
    .pluck();
  const profileId = ctx.db.prepare('SELECT id FROM profile LIMIT 1').pluck();

  const certificates = createRoomCertificates(ctx);

  let notifyQueued = new Set<string>();
  /** Screens hear of a change once per burst (a vote with 60 ballots is 60 events). */
  function changed(meetingId: string, seq: number): void {
    if (notifyQueued.has(meetingId)) return;
    notifyQueued.add(meetingId);
    setImmediate(() => {
      notifyQueued.delete(meetingId);
      ctx.events.emit('liveRoom.changed', { role: 'host', meetingId, seq });
    });
  }

  function hosted(meetingId: string): HostedRoom {
    const r = rooms.get(meetingId);
    if (!r) throw notOpen();
    return r;
  }

  function status(meetingId: string): LiveRoomHostStatus {
    const r = rooms.get(meetingId);
    return {
      meetingId,
      open: Boolean(r),
      roomId: r?.roomId ?? null,
      url: r?.service.url ?? null,
      fingerprint: r?.service.fingerprint ?? null,
      openedAt: r?.openedAt ?? null,
      connections: r?.service.connections() ?? 0,
      snapshot: r ? r.state.snapshot() : null,
      earlier: record.earlier(meetingId),
    };
  }

  /** Runs a change of the chair's in one transaction and sends it out. */
  function drive<T>(meetingId: string, change: (state: RoomState) => T): T {
    const r = hosted(meetingId);
    const out = ctx.db.transaction(() => change(r.state))();
    r.service.flush();
    return out;
  }

  function onEvent(meeting: MeetingDetail, roomId: string, event: RoomEvent): void {
    record.event(roomId, event);
    const marked =
      event.type === 'checked-in' &&
      (event.delegate ? markDelegated.run(event.delegate, event.at, meeting.id, event.personId) : markPresent.run(event.at, meeting.id, event.personId)).changes > 0;
    if (event.type === 'checked-in' && marked) {
      // Attendance follows the room: whoever joined or was checked in is present, or represented.
      const attendance = event.delegate ? { attendance: 'delegated', delegate: event.delegate } : { attendance: 'present' };
      ctx.audit.record({ action: 'attendance.set', entity: 'participant', entityId: event.personId, detail: { meetingId: meeting.id, ...attendance, via: 'liveRoom' } });
      setImmediate(() => ctx.events.emit('data.changed', { area: 'meetings', id: meeting.id }));
    }
    if (event.type === 'vote-opened') ctx.audit.record({ action: 'liveRoom.openVote', entity: 'meeting', entityId: meeting.id, detail: { roomId, voteId: event.voteId, secret: event.secret } });
    if (event.type === 'vote-closed') {
      const t = event.result.tally;
      ctx.audit.record({
        action: 'liveRoom.closeVote',
        entity: 'meeting',
        entityId: meeting.id,
        detail: { roomId, voteId: event.result.voteId, agree: t.agree, disagree: t.disagree, other: t.other, passed: t.passed },
      });
      setImmediate(() => ctx.events.emit('data.changed', { area: 'minutes', id: meeting.id }));
    }
    changed(meeting.id, event.seq);
  }

  async function start(
    meetingId: string,
    where: { host: string; port: number; resume: { roomId: string; events: RoomEvent[]; ballots: StoredBallot[] } | null },
  ): Promise<LiveRoomHostStatus> {
    const { host, port, resume } = where;
    const meeting = deps.meetings.reader.detail(meetingId);
    if (rooms.has(meetingId)) return status(meetingId);
    if (meeting.origin !== 'local') {
      throw new CoreError('INVALID_STATE', {
        vi: 'Cuộc họp này nhận từ gói tài liệu: phòng họp do Văn phòng mở trên máy chủ trì.',
        en: 'This meeting came in a pack: the secretariat opens its room on the host laptop.',
      });
    }
    if (meeting.status !== 'in_progress') {
      throw new CoreError('INVALID_STATE', {
        vi: 'Chỉ mở phòng họp khi cuộc họp đang diễn ra. Hãy chuyển cuộc họp sang “Đang họp” trước.',
        en: 'The room opens while the meeting is in progress. Start the meeting first.',
      });
    }
    const certificate = await certificates.forMeeting(meetingId);
    if (rooms.has(meetingId)) return status(meetingId);
    const roomId = resume?.roomId ?? uuidv7();
    const people = meeting.participants.filter((p) => p.kind === 'person' && p.personId);
    const members = new Set(people.map((p) => p.personId!));
    const chairId = people.find((p) => p.role === 'chair')?.personId ?? null;
    const items: { id: string; title: string; plannedMinutes: number | null }[] = [];
    const walk = (list: MeetingDetail['agenda']['items']) =>
      list.forEach((i) => {
        items.push({ id: i.id, title: `${i.number}. ${i.title}`, plannedMinutes: i.slotMinutes || null });
        walk(i.children);
      });
    walk(meeting.agenda.items);
    // A delegate (ủy quyền: the member's RSVP names them) joins with their own key and stands for the
    // member: checked in for them, voting in their place. A member who came themselves stays themselves.
    const standsFor = (publicKey: string): { personId: string; delegate: string | null } | null => {
      const person = deps.directory.trustedKeys.notesPerson(publicKey);
      if (!person) return null;
      if (members.has(person.id)) return { personId: person.id, delegate: null };
      const member = delegating.get(meetingId, person.id) as string | undefined;
      return member ? { personId: member, delegate: person.fullName } : { personId: person.id, delegate: null };
    };
    const personOf = (publicKey: string) => standsFor(publicKey)?.personId ?? null;
    // Events the service makes before the room's row exists (a member quick to join) wait for it.
    let opened = false;
    const early: RoomEvent[] = [];
    const state = createRoomState({
      roomId,
      items,
      participants: people.map((p) => ({ personId: p.personId!, name: p.name, votes: ROLES_WITH_VOTE.has(p.role), chair: p.personId === chairId })),
      rule: meeting.passRule,
      tieToChair: meeting.tieToChair,
      personOf,
      now: ctx.now,
      ...(resume ? { history: { events: resume.events, ballots: resume.ballots } } : {}),
      record: (event) => {
        if (opened) onEvent(meeting, roomId, event);
        else early.push(event);
      },
      recordBallot: (ballot) => {
        record.ballot(roomId, ballot, ctx.now().toISOString());
        ctx.audit.record({ action: 'liveRoom.ballot', entity: 'meeting', entityId: meetingId, detail: { roomId, voteId: ballot.voteId, personId: ballot.personId, seq: ballot.seq } });
      },
    });
    // A ballot and the event that counts it are one write.
    const castBallot = (input: unknown) => ctx.db.transaction(() => state.castBallot(input))();
    const service = await openRoomService({
      state: { ...state, castBallot },
      certificate,
      host,
      port,
      personOf,
      isParticipant: (personId) => members.has(personId),
      delegateOf: (publicKey) => standsFor(publicKey)?.delegate ?? null,
      log: ctx.log,
    });
    const openedAt = ctx.now().toISOString();
    const listening = Number(new URL(service.url).port);
    try {
      ctx.db.transaction(() => {
        if (resume) record.reopen(roomId);
        else record.open({ roomId, meetingId, host, port: listening, fingerprint: certificate.fingerprint, at: openedAt, by: (profileId.get() as string | undefined) ?? null });
        ctx.audit.record({
          action: 'liveRoom.open',
          entity: 'meeting',
          entityId: meetingId,
          detail: { roomId, host, port: listening, fingerprint: certificate.fingerprint, ...(resume ? { resumed: true, events: resume.events.length } : {}) },
        });
        for (const event of early) onEvent(meeting, roomId, event);
        opened = true;
      })();
    } catch (e) {
      await service.close();
      throw e;
    }
    const announcement = announceRoom({ host, port: listening, roomId, fingerprint: certificate.fingerprint }, ctx.log);
    rooms.set(meetingId, { meetingId, roomId, openedAt, state, service, announcement });
    ctx.log.info({ meetingId, roomId, host, resumed: Boolean(resume) }, 'live room opened');
    changed(meetingId, state.seq());
    return status(meetingId);
  }

  return {
    status,

    open: ({ meetingId, host, port }: MethodInput<'liveRoom.open'>) => start(meetingId, { host, port: port ?? 0, resume: null }),

    /**
     * The meeting's last room, interrupted when the host's app stopped, taken up again under its id,
     * on its address and port (members' laptops still trying it come back by themselves): its events
     * replayed, named ballots counted as they were, secret ones asked again from their voters.
     */
    resume({ meetingId }: MethodInput<'liveRoom.resume'>): Promise<LiveRoomHostStatus> {
      if (rooms.has(meetingId)) return Promise.resolve(status(meetingId));
      // An unknown meeting is said so, before anything about its rooms.
      deps.meetings.reader.detail(meetingId);
      const last = record.last(meetingId);
      if (!last || last.endKind !== 'interrupted') {
        throw new CoreError('INVALID_STATE', {
          vi: 'Không có phòng họp bị gián đoạn để tiếp tục: hãy mở phòng họp mới.',
          en: 'No interrupted room to resume: open a new room.',
        });
      }
      return start(meetingId, { host: last.host, port: last.port, resume: { roomId: last.roomId, events: record.events(last.roomId), ballots: record.ballots(last.roomId) } });
    },

    async close({ meetingId }: { meetingId: string }, kind: 'closed' | 'interrupted' = 'closed'): Promise<LiveRoomHostStatus> {
      const r = hosted(meetingId);
      ctx.db.transaction(() => {
        for (const v of r.state.snapshot().votes) if (!v.result) r.state.closeVote(v.voteId);
        record.close(r.roomId, ctx.now().toISOString(), kind);
        ctx.audit.record({ action: 'liveRoom.close', entity: 'meeting', entityId: meetingId, detail: { roomId: r.roomId, events: r.state.seq() } });
      })();
      r.service.flush();
      rooms.delete(meetingId);
      await r.announcement.stop();
      await r.service.close();
      ctx.log.info({ meetingId, roomId: r.roomId }, 'live room closed');
      changed(meetingId, r.state.seq());
      // What the room ended with (every vote closed): the caller's last look at it.
      return { ...status(meetingId), snapshot: r.state.snapshot() };
    },

    setCurrent: ({ meetingId, itemId, documentId, page }: MethodInput<'liveRoom.setCurrent'>) => {
      drive(meetingId, (s) => s.setCurrent({ itemId, documentId: documentId ?? null, page: page ?? null }));
      return status(meetingId);
    },
    checkIn: ({ meetingId, personId }: MethodInput<'liveRoom.checkIn'>) => {
      drive(meetingId, (s) => s.checkIn(personId));
      return status(meetingId);
    },
    addSpeaker: ({ meetingId, personId, itemId, kind, addressee }: MethodInput<'liveRoom.addSpeaker'>) => {
      drive(meetingId, (s) => s.requestFloor(personId, { itemId, kind, addressee }));
      return status(meetingId);
    },
    orderSpeakers: ({ meetingId, requestIds }: MethodInput<'liveRoom.orderSpeakers'>) => {
      drive(meetingId, (s) => s.orderSpeakers(requestIds));
      return status(meetingId);
    },
    giveFloor: ({ meetingId, requestId }: MethodInput<'liveRoom.giveFloor'>) => {
      drive(meetingId, (s) => s.giveFloor(requestId));
      return status(meetingId);
    },
    endSpeech: ({ meetingId }: MethodInput<'liveRoom.endSpeech'>) => {
      drive(meetingId, (s) => s.endSpeech());
      return status(meetingId);
    },
    openVote: ({ meetingId, itemId, title, secret, minutes }: MethodInput<'liveRoom.openVote'>) => {
      const event = drive(meetingId, (s) => s.openVote({ itemId, title, secret, closesAt: minutes ? new Date(ctx.now().getTime() + minutes * 60_000) : null }));
      return { ...status(meetingId), voteId: (event as Extract<RoomEvent, { type: 'vote-opened' }>).voteId };
    },
    closeVote: ({ meetingId, voteId }: MethodInput<'liveRoom.closeVote'>) => {
      const result = drive(meetingId, (s) => s.closeVote(voteId));
      return { ...status(meetingId), result };
    },

    /** At start: rooms a stopped process left open are over; nothing listens for them any more. */
    sweep(): void {
      const n = record.interruptAll(ctx.now().toISOString());
      if (n) ctx.log.warn({ rooms: n }, 'live rooms left open by a stopped process marked interrupted');
    },

    async closeAll(): Promise<void> {
      for (const meetingId of [...rooms.keys()]) {
        try {
          await this.close({ meetingId });
        } catch (e) {
          ctx.log.error({ err: e, meetingId }, 'a live room failed to close');
        }
      }
      notifyQueued = new Set();
    },
  };
}

export type HostRooms = ReturnType<typeof createHostRooms>;
