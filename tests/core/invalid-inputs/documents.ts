import type { documentsMethods } from '../../../shared/contract/index.ts';

/** Inputs each documents method must refuse with INVALID_INPUT, changing nothing. */
export const documentsInvalidInputs: Record<keyof typeof documentsMethods, unknown[]> = {};
