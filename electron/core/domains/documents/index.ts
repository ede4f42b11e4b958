import type { documentsMethods } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import type { Domain } from '../domain.ts';

export function createDocumentsDomain(ctx: ServiceContext) {
  void ctx;
  const handlers: DomainHandlers<typeof documentsMethods> = {};
  return { handlers } satisfies Domain;
}

export type DocumentsDomain = ReturnType<typeof createDocumentsDomain>;
