import type { RouteObject } from 'react-router';
import { MinutesPage } from './MinutesPage.tsx';

/** Routes of the minutes, mounted under the shell beside the meetings. */
export const minutesRoutes: RouteObject[] = [{ path: 'meetings/:id/minutes', Component: MinutesPage }];
