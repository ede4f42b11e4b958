import type { meetings as source } from '../vi/meetings.ts';

export const meetings: typeof source = {};
