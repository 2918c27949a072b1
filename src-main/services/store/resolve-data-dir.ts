/**
 * Where Headcount keeps its files. The Electron host passes `app.getPath('userData')` as the
 * fallback; tests, the CLI and the browser bridge point `HEADCOUNT_DATA_DIR` at a folder of their own.
 */
import { resolve } from 'node:path'

/** `HEADCOUNT_DATA_DIR` when it is set and not blank, else `fallback`; always an absolute path. */
export function resolveDataDir(fallback: string, environment: NodeJS.ProcessEnv = process.env): string {
  const fromEnvironment = environment.HEADCOUNT_DATA_DIR?.trim()
  return resolve(fromEnvironment !== undefined && fromEnvironment !== '' ? fromEnvironment : fallback)
}
