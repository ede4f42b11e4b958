import type { z } from 'zod';
import type { meetingsMethods } from '../../../../shared/contract/index.ts';

/** What a handler receives: the method's input after validation (defaults filled, blanks made null). */
export type MeetingsInput<M extends keyof typeof meetingsMethods> = z.output<(typeof meetingsMethods)[M]['input']>;
