import type { RouteObject } from 'react-router';
import { SyncConflictsPage } from './conflicts/SyncConflictsPage.tsx';
import { SyncPublicationsPage } from './publications/SyncPublicationsPage.tsx';
import { SyncSettingsPage } from './settings/SyncSettingsPage.tsx';

/** Routes of liên thông, mounted under the shell. */
export const syncRoutes: RouteObject[] = [
  { path: 'sync', Component: SyncSettingsPage },
  { path: 'sync/conflicts', Component: SyncConflictsPage },
  { path: 'sync/publications', Component: SyncPublicationsPage },
];
