import { Navigate, type RouteObject } from 'react-router';
import { DirectoryPage } from './DirectoryPage.tsx';

/** Routes of the directory area (units, people, committees, rooms, catalogs, profile). */
export const directoryRoutes: RouteObject[] = [
  { path: 'directory', element: <Navigate to="/directory/units" replace /> },
  { path: 'directory/:tab', Component: DirectoryPage },
  { path: 'directory/committees/:committeeId', Component: DirectoryPage },
];
