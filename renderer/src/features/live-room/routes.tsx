import type { RouteObject } from 'react-router';
import { HostRoomPage } from './HostRoomPage.tsx';
import { MemberRoomPage } from './MemberRoomPage.tsx';

/** The live room inside the shell: a meeting's console (host) and the room this laptop joined (member). */
export const liveRoomRoutes: RouteObject[] = [
  { path: 'meetings/:id/room', Component: HostRoomPage },
  { path: 'room', Component: MemberRoomPage },
];

/** The projector screen stands outside the shell: no menu, the whole screen for the room. */
const lazyProjector = async () => ({ Component: (await import('./ProjectorPage.tsx')).ProjectorPage });
export const projectorRoute: RouteObject = { path: '/projector/:meetingId', lazy: lazyProjector };
