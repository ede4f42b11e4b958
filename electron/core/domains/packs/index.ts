import type { packsMethods } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import type { DirectoryDomain } from '../directory/index.ts';
import type { DocumentsDomain } from '../documents/index.ts';
import type { Domain } from '../domain.ts';
import type { MeetingsDomain } from '../meetings/index.ts';

export interface PacksDeps {
  directory: DirectoryDomain;
  meetings: MeetingsDomain;
  documents: DocumentsDomain;
}

export function createPacksDomain(ctx: ServiceContext, deps: PacksDeps) {
  void ctx;
  void deps;
  const handlers: DomainHandlers<typeof packsMethods> = {};
  return { handlers } satisfies Domain;
}

export type PacksDomain = ReturnType<typeof createPacksDomain>;
