import type { z } from 'zod';
import type { tasksMethods } from '../../../../shared/contract/index.ts';

/** A tasks method's input as the handler receives it: validated, defaults applied. */
export type TasksInput<M extends keyof typeof tasksMethods> = z.output<(typeof tasksMethods)[M]['input']>;
