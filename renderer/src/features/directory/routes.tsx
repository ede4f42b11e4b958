import type { RouteObject } from 'react-router';

/** Routes of the directory area (units, people, committees, rooms, catalogs, profile). */
export const directoryRoutes: RouteObject[] = [];
