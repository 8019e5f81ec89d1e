// Where the desktop app keeps its data. Computed without Electron so the CLI and
// the desktop app agree on the default database.
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'capital-project-tracker';
export const DB_FILE = 'tracker.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TRACKER_DATA_DIR) return env.TRACKER_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TRACKER_DB) return env.TRACKER_DB;
  const dir = defaultDataDir(env, platform);
  return platform === 'win32' ? path.win32.join(dir, DB_FILE) : path.join(dir, DB_FILE);
}
