import { Navigate, type RouteObject } from 'react-router';
import { RouteError } from './errors/RouteError.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { directoryRoutes } from './features/directory/routes.tsx';
import { HelpPage } from './features/help/HelpPage.tsx';
import { liveRoomRoutes, projectorRoute } from './features/live-room/routes.tsx';
import { documentsRoutes } from './features/documents/routes.tsx';
import { SearchPage } from './features/documents/SearchPage.tsx';
import { meetingsRoutes } from './features/meetings/routes.tsx';
import { minutesRoutes } from './features/minutes/routes.tsx';
import { opinionsRoutes } from './features/opinions/routes.tsx';
import { plansRoutes } from './features/plans/routes.tsx';
import { readerRoutes } from './features/reader/routes.tsx';
import { syncRoutes } from './features/sync/routes.tsx';
import { tasksRoutes } from './features/tasks/routes.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { HOME_PATH } from './shell/areas.ts';
import { AppShell } from './shell/AppShell.tsx';

export const routes: RouteObject[] = [
  { ...projectorRoute, ErrorBoundary: RouteError },
  {
    path: '/',
    Component: AppShell,
    ErrorBoundary: RouteError,
    children: [
      {
        // A pathless layer so a page that throws is replaced inside the shell, navigation intact.
        ErrorBoundary: RouteError,
        children: [
          { index: true, element: <Navigate to={HOME_PATH} replace /> },
          ...meetingsRoutes,
          ...liveRoomRoutes,
          ...minutesRoutes,
          ...documentsRoutes,
          ...readerRoutes,
          ...directoryRoutes,
          ...tasksRoutes,
          ...plansRoutes,
          ...opinionsRoutes,
          { path: 'search', Component: SearchPage },
          ...syncRoutes,
          { path: 'settings', Component: SettingsPage },
          { path: 'settings/audit', Component: AuditPage },
          { path: 'help', Component: HelpPage },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];
