import type { MethodSpecs } from './method-spec.ts';

export const packsMethods = {} as const satisfies MethodSpecs;

// Filled in as the domain grows; an interface so MethodOutputs can extend it.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PacksOutputs {}
