/**
 * Where Headcount keeps its data (browser host, CLI): HEADCOUNT_DATA_DIR when set, otherwise the same per-user
 * folder Electron would use (`~/.config/Headcount` on Linux, `~/Library/Application Support/Headcount`
 * on macOS, `%APPDATA%\Headcount` on Windows), so both hosts share profiles.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

export function resolveDefaultDataDir(environment: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (environment.HEADCOUNT_DATA_DIR) return environment.HEADCOUNT_DATA_DIR
  if (platform === 'win32') return join(environment.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Headcount')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Headcount')
  return join(environment.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Headcount')
}
