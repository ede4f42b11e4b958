import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_NAME } from '../../shared/app.ts';

/**
 * The folder Electron's `app.getPath('userData')` gives this app, computed without Electron so the
 * CLI and the browser host open the same profile as the desktop app. NGHISU_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['NGHISU_DATA_DIR']) return env['NGHISU_DATA_DIR'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_NAME);
}
