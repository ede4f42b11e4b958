import type { DirectoryDomain } from '../directory/index.ts';
import type { DocumentsDomain } from '../documents/index.ts';

/** What written opinions use of other domains: the profile's key and the trusted keys, and the document store. */
export interface OpinionDeps {
  directory: Pick<DirectoryDomain, 'signer' | 'trustedKeys'>;
  documents: Pick<DocumentsDomain, 'insertPackDocument'>;
}
