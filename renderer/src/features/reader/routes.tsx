import type { RouteObject } from 'react-router';

/**
 * The reader and pdf.js load only when a document is opened, so the rest of the app starts
 * without them.
 */
const lazyReader = async () => ({ Component: (await import('./ReaderPage.tsx')).ReaderPage });

const lazyPreview = async () => ({ Component: (await import('./preview/PrintPreviewPage.tsx')).PrintPreviewPage });

export const readerRoutes: RouteObject[] = [
  { path: 'preview/:exportId/:fileName', lazy: lazyPreview },
  { path: 'documents/:documentId/read', lazy: lazyReader },
  { path: 'meetings/:meetingId/documents/:documentId/read', lazy: lazyReader },
];
