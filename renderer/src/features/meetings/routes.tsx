import type { RouteObject } from 'react-router';
import { EmptyArea } from '../../pages/EmptyArea.tsx';

/** Routes of the meetings area, mounted under the shell. */
export const meetingsRoutes: RouteObject[] = [{ path: 'meetings', element: <EmptyArea area="meetings" /> }];
