/**
 * One area of the core (directory, meetings, documents, packs): its handlers, plus optional hooks
 * the core runs after opening the database (e.g. cleaning up after a crash) and before closing it
 * (e.g. stopping worker threads).
 */
export interface Domain {
  handlers: object;
  start?(): void | Promise<void>;
  close?(): void | Promise<void>;
}
