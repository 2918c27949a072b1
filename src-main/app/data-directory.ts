/** Where Headcount keeps its profiles, caches and logs. Pure so the rule can be tested. */
import { resolve } from 'node:path'

/**
 * `HEADCOUNT_DATA_DIR` when set (tests, portable installs, a second side-by-side instance), else
 * Electron's per-user `userData` folder. A relative override is taken from the working directory.
 */
export function resolveDataDirectory(
  environment: Readonly<Record<string, string | undefined>>,
  userDataDirectory: string,
): { readonly path: string; readonly isOverridden: boolean } {
  const override = environment.HEADCOUNT_DATA_DIR?.trim()
  if (override) return { path: resolve(override), isOverridden: true }
  return { path: userDataDirectory, isOverridden: false }
}
