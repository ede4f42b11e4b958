import type { RouteObject } from 'react-router';
import { MeetingDetailPage } from './detail/MeetingDetailPage.tsx';
import { MeetingsPage } from './list/MeetingsPage.tsx';

/** Routes of the meetings area, mounted under the shell. */
export const meetingsRoutes: RouteObject[] = [
  { path: 'meetings', Component: MeetingsPage },
  { path: 'meetings/:id', Component: MeetingDetailPage },
];
