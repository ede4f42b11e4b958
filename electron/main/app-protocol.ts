import { protocol } from 'electron';
import { APP_PROTOCOL } from '../../shared/app.ts';
import { createAppFileHandler } from './app-files.ts';

/**
 * Must run before `ready`. `standard` gives app://nghisu a real origin (so the CSP's 'self' and the
 * IPC origin check mean something), `secure` makes it a secure context like https.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_PROTOCOL,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer from rendererDir on the default session (after `ready`). */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_PROTOCOL, createAppFileHandler(rendererDir));
}
