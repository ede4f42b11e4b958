import { z } from 'zod';
import type { ErrorPayload } from './errors.ts';
import type { CoreEvent } from './events.ts';

/** What a host sends to the core. `input` is validated by the method's own schema in the core. */
export const requestEnvelope = z
  .object({
    type: z.literal('request'),
    id: z.union([z.string().min(1).max(64), z.number().int().nonnegative()]),
    method: z.string().min(1).max(128),
    input: z.unknown(),
  })
  .strict();

export type RequestEnvelope = z.infer<typeof requestEnvelope>;
export type RequestId = RequestEnvelope['id'];

export type ResponseEnvelope =
  | { type: 'response'; id: RequestId; ok: true; result: unknown }
  | { type: 'response'; id: RequestId; ok: false; error: ErrorPayload };

export type EventEnvelope = { type: 'event' } & CoreEvent;

export type ServerMessage = ResponseEnvelope | EventEnvelope;
