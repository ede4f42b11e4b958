import type { directoryMethods } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import type { Domain } from '../domain.ts';

export function createDirectoryDomain(ctx: ServiceContext) {
  void ctx;
  const handlers: DomainHandlers<typeof directoryMethods> = {};
  return { handlers } satisfies Domain;
}

export type DirectoryDomain = ReturnType<typeof createDirectoryDomain>;
