import type { packs as source } from '../vi/packs.ts';

export const packs: typeof source = {};
