import type { z } from 'zod';

/**
 * Who may call a method. `ui` methods are open to every host (Electron IPC, the browser host, the
 * CLI). `local` methods name arbitrary files on disk, so only in-process clients (CLI, tests) may
 * call them: a compromised renderer must not be able to overwrite the database or write files.
 */
export type Access = 'ui' | 'local';

/**
 * `whileLocked`: the method answers the window while the app is locked (what the lock screen needs:
 * who is signed in, the language, unlocking); every other `ui` method is refused with LOCKED then.
 */
export type MethodSpecs = Record<string, { access: Access; input: z.ZodType; whileLocked?: true }>;
