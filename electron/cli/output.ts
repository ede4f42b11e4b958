import type { ErrorPayload } from '../../shared/contract/index.ts';

export type Lang = 'vi' | 'en';

export interface Output {
  json: boolean;
  lang: Lang;
}

export function printResult(out: Output, result: unknown, human: () => string): void {
  process.stdout.write(out.json ? `${JSON.stringify(result, null, 2)}\n` : `${human()}\n`);
}

export function printError(out: Output, error: ErrorPayload): void {
  if (out.json) process.stdout.write(`${JSON.stringify({ error }, null, 2)}\n`);
  const label = out.lang === 'vi' ? 'Lỗi' : 'Error';
  process.stderr.write(`${label} [${error.code}]: ${error.message[out.lang]}\n`);
}
