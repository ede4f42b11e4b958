import type { RouteObject } from 'react-router';
import { WorkingCalendarPage } from './calendar/WorkingCalendarPage.tsx';
import { TaskDetailPage } from './detail/TaskDetailPage.tsx';
import { TasksPage } from './list/TasksPage.tsx';
import { TasksReportPage } from './report/TasksReportPage.tsx';

/** Routes of the tasks area (chỉ đạo điều hành), mounted under the shell. */
export const tasksRoutes: RouteObject[] = [
  { path: 'tasks', Component: TasksPage },
  { path: 'tasks/calendar', Component: WorkingCalendarPage },
  { path: 'tasks/report', Component: TasksReportPage },
  { path: 'tasks/:taskId', Component: TaskDetailPage },
];
