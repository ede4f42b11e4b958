import type { RouteObject } from 'react-router';
import { PlanPage } from './detail/PlanPage.tsx';
import { PlansPage } from './PlansPage.tsx';

/** Routes of the action plans and targets area (kế hoạch, chỉ tiêu), mounted under the shell. */
export const plansRoutes: RouteObject[] = [
  { path: 'plans', Component: PlansPage },
  { path: 'plans/:planId', Component: PlanPage },
];
