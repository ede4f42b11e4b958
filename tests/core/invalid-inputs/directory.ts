import type { directoryMethods } from '../../../shared/contract/index.ts';

/** Inputs each directory method must refuse with INVALID_INPUT, changing nothing. */
export const directoryInvalidInputs: Record<keyof typeof directoryMethods, unknown[]> = {};
