import type { liveRoomMethods } from '../../../shared/contract/index.ts';

const meetingId = '01900000-0000-7000-8000-000000000001';
const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');

/** Inputs each live-room method must refuse with INVALID_INPUT, changing nothing (and listening nowhere). */
export const liveRoomInvalidInputs: Record<keyof typeof liveRoomMethods, unknown[]> = {
  'liveRoom.interfaces': [{ all: true }],
  'liveRoom.open': [
    { meetingId },
    { meetingId, host: 'phong-hop.local' },
    { meetingId, host: '999.1.1.1' },
    { meetingId, host: '127.0.0.1', port: 70_000 },
    { meetingId: 'hop-1', host: '127.0.0.1' },
  ],
  'liveRoom.resume': [{}, { meetingId: 'not-an-id' }, { meetingId: '0190a0a0-0000-7000-8000-000000000000', port: 9000 }],
  'liveRoom.close': [{}, { meetingId: 'x' }],
  'liveRoom.status': [{}, { meetingId: 42 }],
  'liveRoom.setCurrent': [{ meetingId }, { meetingId, itemId: null, page: 0 }, { meetingId, itemId: null, page: 1.5 }, { meetingId, itemId: 'muc-1' }],
  'liveRoom.checkIn': [{ meetingId }, { meetingId, personId: 'nguyen-van-a' }],
  'liveRoom.addSpeaker': [{ meetingId, personId: meetingId, itemId: null, kind: 'shout' }, { meetingId, personId: meetingId, itemId: null, kind: 'speak', addressee: 'x'.repeat(201) }],
  'liveRoom.orderSpeakers': [{ meetingId }, { meetingId, requestIds: ['a'] }],
  'liveRoom.giveFloor': [{ meetingId }, { meetingId, requestId: 'r' }],
  'liveRoom.endSpeech': [{}, { meetingId, now: true }],
  'liveRoom.openVote': [
    { meetingId, itemId: null, title: '   ', secret: false },
    { meetingId, itemId: null, title: 'x'.repeat(501), secret: false },
    { meetingId, itemId: null, title: 'Thông qua', secret: 'no' },
    { meetingId, itemId: null, title: 'Thông qua', secret: false, minutes: 0 },
  ],
  'liveRoom.closeVote': [{ meetingId }, { meetingId, voteId: 'v' }],
  'liveRoom.join': [
    { url: 'wss://192.168.1.10:8443/', fingerprint: 'AB:CD' },
    { url: 'https://192.168.1.10:8443/', fingerprint },
    { url: 'wss://192.168.1.10/', fingerprint },
    { url: 'wss://user:pass@192.168.1.10:8443/', fingerprint },
    { url: 'wss://192.168.1.10:8443/?x=1', fingerprint },
    { url: 'wss://192.168.1.10:8443/' },
    { url: 'wss://192.168.1.10:8443/', meetingId: 'hop-1' },
  ],
  'liveRoom.pinned': [{}, { meetingId: 'hop-1' }],
  'liveRoom.record': [{}, { meetingId: 'hop-1' }],
  'liveRoom.discover': [{ wait: 10 }],
  'liveRoom.seen': [{ meetingId: 'hop-1' }, { all: true }],
  'liveRoom.leave': [{ all: true }],
  'liveRoom.memberStatus': [{ meetingId }],
  'liveRoom.vote': [{ voteId: meetingId, choice: 'abstain' }, { voteId: 'v', choice: 'agree' }, { voteId: meetingId, choice: 'other', text: 'x'.repeat(2001) }],
  'liveRoom.requestFloor': [{ itemId: null, kind: 'shout' }, { itemId: 'muc', kind: 'speak' }],
  'liveRoom.withdrawFloor': [{}, { requestId: 'r' }],
};
