/**
 * Whether the process that named a temp file or scratch folder after its pid still runs, so a sweep
 * at start never removes the work of another live process (the CLI beside the app). EPERM means the
 * process exists under another user.
 */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
