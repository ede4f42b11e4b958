import type { z } from 'zod';

/**
 * Who may call a method. `ui` methods are open to every host (Electron IPC, the browser host, the
 * CLI). `local` methods name arbitrary files on disk, so only in-process clients (CLI, tests) may
 * call them: a compromised renderer must not be able to overwrite the database or write files.
 */
export type Access = 'ui' | 'local';

export type MethodSpecs = Record<string, { access: Access; input: z.ZodType }>;
