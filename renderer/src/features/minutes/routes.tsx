import type { RouteObject } from 'react-router';
import { MinutesPage } from './MinutesPage.tsx';
import { NoticePage } from './notice/NoticePage.tsx';

/** Routes of the minutes, mounted under the shell beside the meetings. */
export const minutesRoutes: RouteObject[] = [
  { path: 'meetings/:id/minutes', Component: MinutesPage },
  { path: 'meetings/:id/notice', Component: NoticePage },
];
