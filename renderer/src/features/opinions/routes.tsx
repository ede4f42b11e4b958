import type { RouteObject } from 'react-router';
import { OpinionDetailPage } from './OpinionDetailPage.tsx';
import { OpinionsPage } from './OpinionsPage.tsx';

/** Lấy ý kiến bằng văn bản, mounted under the shell; reached from the meetings page and the guide, not a nav area of its own. */
export const opinionsRoutes: RouteObject[] = [
  { path: 'opinions', Component: OpinionsPage },
  { path: 'opinions/:requestId', Component: OpinionDetailPage },
];
