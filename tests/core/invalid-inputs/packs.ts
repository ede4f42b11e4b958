import type { packsMethods } from '../../../shared/contract/index.ts';

/** Inputs each packs method must refuse with INVALID_INPUT, changing nothing. */
export const packsInvalidInputs: Record<keyof typeof packsMethods, unknown[]> = {};
