/** Timing helpers for the benchmark: percentiles over repeated runs of one query. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Run `fn` for each input (after a warm-up pass over a few of them) and return the p95 in ms. */
export async function p95(inputs: readonly unknown[], fn: (input: never) => unknown): Promise<number> {
  for (const input of inputs.slice(0, 5)) await fn(input as never);
  const samples: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await fn(input as never);
    samples.push(performance.now() - t);
  }
  return percentile(samples, 95);
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The budget: a ceiling for times, a floor for throughputs and ratios. */
  budget: number | null;
  /** 'max' when lower is better, 'min' when higher is better. */
  kind: 'max' | 'min' | 'info';
}
