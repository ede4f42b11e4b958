import type { liveRoomMethods, MeetingRoomRecord } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import type { DirectoryDomain } from '../directory/index.ts';
import type { Domain } from '../domain.ts';
import type { MeetingsDomain } from '../meetings/index.ts';
import { createHostRooms } from './host-rooms.ts';
import { createMemberSession } from './member-session.ts';
import { networkAddresses } from './network-addresses.ts';
import { createRoomRecord } from './room-record.ts';

/**
 * The live room (issue 15, ADR 0013): the rooms this laptop hosts for its meetings, and the one room
 * it has joined as a member's laptop.
 */
export function createLiveRoomDomain(ctx: ServiceContext, deps: { meetings: Pick<MeetingsDomain, 'reader'>; directory: Pick<DirectoryDomain, 'trustedKeys' | 'signer'> }) {
  const host = createHostRooms(ctx, deps);
  const member = createMemberSession(ctx, deps);
  const record = createRoomRecord(ctx.db);
  const packRecord = ctx.db.prepare('SELECT record FROM live_room_records WHERE meeting_id = ?').pluck();

  const handlers: DomainHandlers<typeof liveRoomMethods> = {
    'liveRoom.interfaces': () => networkAddresses(),
    'liveRoom.open': (input) => host.open(input),
    'liveRoom.resume': (input) => host.resume(input),
    'liveRoom.close': (input) => host.close(input),
    'liveRoom.status': ({ meetingId }) => {
      // NOT_FOUND for a meeting that does not exist, like every other method taking one.
      deps.meetings.reader.detail(meetingId);
      return host.status(meetingId);
    },
    'liveRoom.setCurrent': (input) => host.setCurrent(input),
    'liveRoom.checkIn': (input) => host.checkIn(input),
    'liveRoom.addSpeaker': (input) => host.addSpeaker(input),
    'liveRoom.orderSpeakers': (input) => host.orderSpeakers(input),
    'liveRoom.giveFloor': (input) => host.giveFloor(input),
    'liveRoom.endSpeech': (input) => host.endSpeech(input),
    'liveRoom.openVote': (input) => host.openVote(input),
    'liveRoom.closeVote': (input) => host.closeVote(input),
    'liveRoom.join': (input) => member.join(input),
    'liveRoom.pinned': (input) => member.pinned(input),
    'liveRoom.record': ({ meetingId }) => {
      deps.meetings.reader.detail(meetingId);
      const own = record.meetingRecord(meetingId);
      if (own) return { source: 'host' as const, ...own };
      const carried = packRecord.get(meetingId) as string | undefined;
      return carried ? { source: 'pack' as const, ...(JSON.parse(carried) as Omit<MeetingRoomRecord, 'source'>) } : null;
    },
    'liveRoom.seen': (input) => member.seen(input),
    'liveRoom.discover': () => member.discover(),
    'liveRoom.leave': () => member.leave(),
    'liveRoom.memberStatus': () => member.status(),
    'liveRoom.vote': (input) => member.vote(input),
    'liveRoom.requestFloor': (input) => member.requestFloor(input),
    'liveRoom.withdrawFloor': (input) => member.withdrawFloor(input),
  };

  const domain = {
    handlers,
    start: () => host.sweep(),
    close: async () => {
      member.close();
      await host.closeAll();
    },
  };
  return domain satisfies Domain;
}
