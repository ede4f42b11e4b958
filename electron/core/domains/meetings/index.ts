import type { meetingsMethods } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import type { Domain } from '../domain.ts';

export function createMeetingsDomain(ctx: ServiceContext) {
  void ctx;
  const handlers: DomainHandlers<typeof meetingsMethods> = {};
  return { handlers } satisfies Domain;
}

export type MeetingsDomain = ReturnType<typeof createMeetingsDomain>;
