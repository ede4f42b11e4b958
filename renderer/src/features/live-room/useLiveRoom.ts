import { useCallback, useEffect, useState } from 'react';
import type { LiveRoomHostStatus, LiveRoomMemberStatus } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData, type CoreData } from '../../bridge/useCoreData.ts';

interface Live<T> {
  state: CoreData<T>;
  reload: () => void;
  replace: (data: T) => void;
}

/** The room this laptop hosts for a meeting, read again whenever it changes (a ballot, a check-in, a member's request). */
export function useHostRoom(meetingId: string): Live<LiveRoomHostStatus> {
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('liveRoom.status', { meetingId }), [bridge, meetingId]);
  const live = useCoreData(load, ['meetings']);
  const { reload } = live;
  useEffect(
    () =>
      bridge.subscribe((e) => {
        if (e.event === 'liveRoom.changed' && e.payload.role === 'host' && e.payload.meetingId === meetingId) reload();
      }),
    [bridge, meetingId, reload],
  );
  return live;
}

/** The room this laptop joined as a member's, kept current as the host's events arrive. */
export function useMemberRoom(): Live<LiveRoomMemberStatus> {
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('liveRoom.memberStatus', {}), [bridge]);
  const live = useCoreData(load, []);
  const { reload } = live;
  useEffect(
    () =>
      bridge.subscribe((e) => {
        if (e.event === 'liveRoom.changed' && e.payload.role === 'member') reload();
      }),
    [bridge, reload],
  );
  return live;
}

/** The time now, ticking every second while a timer is on screen. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** 75 s → "01:15"; an hour or more → "1:02:05". */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
