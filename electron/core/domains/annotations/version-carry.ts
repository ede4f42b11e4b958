import type { ServiceContext } from '../../context.ts';
import type { AnnotationDeps } from './deps.ts';

// PLACEHOLDER (being written): carry annotations to a document's newer version.
export function createVersionCarry(_ctx: ServiceContext, _deps: AnnotationDeps) {
  return {
    /** Carry every pending older-version's notes; resolves when done. */
    catchUp: async (): Promise<void> => {},
    /** Resolves when no carry is running (tests, close). */
    idle: async (): Promise<void> => {},
    start(): void {},
    async close(): Promise<void> {},
  };
}
