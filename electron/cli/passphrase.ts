import { readFileSync } from 'node:fs';

/**
 * The passphrase from a file descriptor the caller opened (`--passphrase-fd 3 3<secret-file`, or 0 for
 * a pipe): scripts pass it without it ever being in the command line, the environment or a log. The
 * first line is the passphrase; its line break is not part of it.
 */
export function readPassphraseFd(fd: number): string {
  const text = readFileSync(fd, 'utf8');
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line;
}

/** Ask on the terminal without echoing what is typed. Rejects when the user presses Ctrl+C or Ctrl+D. */
export function askPassphrase(prompt: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let typed = '';
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}
