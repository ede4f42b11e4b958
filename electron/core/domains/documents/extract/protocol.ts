/** Messages between the extraction pool and its worker threads. */

export interface ExtractJob {
  jobId: number;
  file: string;
}

/** Why a file yielded no text: the pool turns these into user-facing errors naming the file. */
export type ExtractFailureKind = 'encrypted' | 'invalid' | 'empty' | 'io' | 'crashed' | 'stalled' | 'cancelled';

export type WorkerMessage =
  | { type: 'page'; jobId: number; pageNo: number }
  | { type: 'done'; jobId: number; pageCount: number; pages: string[]; failedPages: number }
  | { type: 'failed'; jobId: number; kind: ExtractFailureKind; detail: string };
