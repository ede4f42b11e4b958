import type { documents as source } from '../vi/documents.ts';

export const documents: typeof source = {};
