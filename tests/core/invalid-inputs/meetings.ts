import type { meetingsMethods } from '../../../shared/contract/index.ts';

/** Inputs each meetings method must refuse with INVALID_INPUT, changing nothing. */
export const meetingsInvalidInputs: Record<keyof typeof meetingsMethods, unknown[]> = {};
