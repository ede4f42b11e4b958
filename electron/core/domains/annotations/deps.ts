import type { DirectoryDomain } from '../directory/index.ts';
import type { DocumentsDomain } from '../documents/index.ts';
import type { AnnotationStore } from './annotation-store.ts';

/** What the annotation services are built from, besides the ServiceContext. */
export interface AnnotationDeps {
  store: AnnotationStore;
  documents: DocumentsDomain;
  directory: DirectoryDomain;
}
