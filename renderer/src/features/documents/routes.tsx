import type { RouteObject } from 'react-router';
import { DocumentDetailPage } from './detail/DocumentDetailPage.tsx';
import { LibraryPage } from './library/LibraryPage.tsx';

/** Routes of the documents area, mounted under the shell. */
export const documentsRoutes: RouteObject[] = [
  { path: 'documents', Component: LibraryPage },
  { path: 'documents/:id', Component: DocumentDetailPage },
];
