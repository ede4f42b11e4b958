import { v7 as uuidv7 } from 'uuid';
import { createRoomState, type RoomState } from '../../electron/core/domains/room/room-state.ts';
import { memberKey } from './member-key.ts';

export type SimulatedMember = { personId: string; name: string; votes: boolean; chair: boolean; key: ReturnType<typeof memberKey> };

/** `count` members with their own keys, the first one chairing. */
export function simulatedMembers(count: number): SimulatedMember[] {
  return Array.from({ length: count }, (_, i) => ({ personId: uuidv7(), name: `Thành viên ${i + 1}`, votes: true, chair: i === 0, key: memberKey() }));
}

/** A host's room over one agenda item, each member's key trusted as theirs (plus `alsoTrusted`), on the real clock. */
export function simulatedRoom(
  members: SimulatedMember[],
  alsoTrusted: { personId: string; key: { publicKey: string } }[] = [],
): { state: RoomState; item: { id: string; title: string; plannedMinutes: number }; personOf: (publicKey: string) => string | null } {
  const owners = new Map([...members, ...alsoTrusted].map((m) => [m.key.publicKey, m.personId] as const));
  const item = { id: uuidv7(), title: 'Thông qua chương trình công tác năm 2027', plannedMinutes: 30 };
  const personOf = (k: string) => owners.get(k) ?? null;
  const state: RoomState = createRoomState({
    roomId: uuidv7(),
    items: [item],
    participants: members.map(({ personId, name, votes, chair }) => ({ personId, name, votes, chair })),
    rule: 'majority_present',
    tieToChair: false,
    personOf,
    now: () => new Date(),
  });
  return { state, item, personOf };
}
