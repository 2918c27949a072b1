/** What every command gets: the API over the real services, where it writes, and the environment. */
import { AppError, type HeadcountApi, type ProfileSummary } from '../common'

export interface CliOutput {
  write(text: string): void
}

export interface CliContext {
  readonly api: HeadcountApi
  readonly dataDir: string
  readonly stdout: CliOutput
  readonly stderr: CliOutput
  readonly environment: NodeJS.ProcessEnv
  /** Aborted on Ctrl+C / SIGTERM. */
  readonly signal: AbortSignal
}

/** Finds a profile by its id or its name (names ignore case). */
export async function findProfile(api: HeadcountApi, nameOrId: string): Promise<ProfileSummary> {
  const profiles = await api.profiles.list({})
  const found =
    profiles.find((profile) => profile.id === nameOrId) ??
    profiles.find((profile) => profile.name.toLocaleLowerCase() === nameOrId.toLocaleLowerCase())
  if (!found) {
    const names = profiles.map((profile) => `“${profile.name}”`).join(', ')
    throw new AppError({
      code: 'NotFound',
      message: `There is no profile called “${nameOrId}”.`,
      hint: names ? `Known profiles: ${names}.` : 'Create one with “headcount profile create”.',
    })
  }
  return found
}
