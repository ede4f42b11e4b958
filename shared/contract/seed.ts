import { z } from 'zod';
import type { MethodSpecs } from './method-spec.ts';

/** The generated dataset for demos and the benchmark (`nghisu seed --years N`). */
export const seedMethods = {
  'seed.generate': {
    access: 'local',
    input: z
      .object({
        /** Years of one province's work; 10 gives 3,000 meetings, 40,000 documents, 100,000 pages, 30,000 tasks. */
        years: z.number().int().min(1).max(20),
        /** Same seed, same dataset. */
        seed: z.number().int().min(0).max(2 ** 31).optional(),
      })
      .strict(),
  },
} as const satisfies MethodSpecs;

export interface SeedResult {
  years: number;
  organizations: number;
  people: number;
  committees: number;
  rooms: number;
  meetings: number;
  agendaItems: number;
  participants: number;
  documents: number;
  pages: number;
  /** Tasks, with their progress reports and extension requests. */
  tasks: number;
  taskEvents: number;
  taskExtensions: number;
  ms: number;
}

export interface SeedOutputs {
  'seed.generate': SeedResult;
}
