import type { RouteObject } from 'react-router';
import { EmptyArea } from '../../pages/EmptyArea.tsx';

/** Routes of the documents area, mounted under the shell. */
export const documentsRoutes: RouteObject[] = [{ path: 'documents', element: <EmptyArea area="documents" /> }];
