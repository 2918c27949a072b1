/**
 * Where Headcount keeps its data. `HEADCOUNT_DATA_DIR` wins in every host (tests, portable installs,
 * a second instance side by side); otherwise the browser host and the CLI use the same per-user
 * folder Electron would (`~/.config/Headcount` on Linux, `~/Library/Application Support/Headcount` on
 * macOS, `%APPDATA%\Headcount` on Windows), so all hosts share profiles.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** `HEADCOUNT_DATA_DIR` as an absolute path, or null when it is unset or blank. */
export function dataDirOverride(environment: Readonly<Record<string, string | undefined>>): string | null {
  const override = environment.HEADCOUNT_DATA_DIR?.trim()
  return override ? resolve(override) : null
}

export function resolveDefaultDataDir(environment: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = dataDirOverride(environment)
  if (override !== null) return override
  if (platform === 'win32') return join(environment.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Headcount')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Headcount')
  return join(environment.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Headcount')
}
