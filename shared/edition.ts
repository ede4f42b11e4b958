/**
 * The edition number people see ("bản 1" as first published, "bản 2" after the first recorded
 * change). The core counts revisions from 0 at publishing and +1 per change; every screen shows
 * revision + 1 through this one function, so members and the secretariat read the same number.
 */
export function edition(revision: number): number {
  return revision + 1;
}
