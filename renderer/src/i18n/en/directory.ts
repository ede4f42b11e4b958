import type { directory as source } from '../vi/directory.ts';

export const directory: typeof source = {};
