/** Where the Electron host keeps its profiles, caches and logs. Pure so the rule can be tested. */
import { dataDirOverride } from '../services/profiles/default-data-dir'

/**
 * `HEADCOUNT_DATA_DIR` when set (the rule every host shares), else Electron's per-user `userData`
 * folder. A relative override is taken from the working directory.
 */
export function resolveDataDirectory(
  environment: Readonly<Record<string, string | undefined>>,
  userDataDirectory: string,
): { readonly path: string; readonly isOverridden: boolean } {
  const override = dataDirOverride(environment)
  return override !== null ? { path: override, isOverridden: true } : { path: userDataDirectory, isOverridden: false }
}
