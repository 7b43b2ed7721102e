import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_FOLDER = 'memwall-workbench'
export const DB_FILE = 'memwall.db'

/**
 * Where Electron keeps this app's user data (`app.getPath('userData')`), computed the same way
 * outside Electron so the CLI, the browser host and the window share one database.
 */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER)
}

/** `--db` wins, then `MEMWALL_DB`, then memwall.db in the user-data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv, userDataDir: string): string {
  return flag || env.MEMWALL_DB || join(userDataDir, DB_FILE)
}
