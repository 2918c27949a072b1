/**
 * Named selectors over the store. Each returns a value already held in the state (or a primitive),
 * so components re-render only when that value changes; anything that builds a new object goes
 * through `useShallow` at the call site.
 */
import type { ConnectionStatus, ProfileSummary } from '../../src-main/common'
import type { AppState } from './app-state'
import { currentUserQuery } from './directory-slice'

export { currentUserQuery as selectCurrentUserQuery, currentUserQueryKey as selectCurrentUserQueryKey } from './directory-slice'

/** The profile everything on screen belongs to, or null before one exists. */
export function selectActiveProfile(state: AppState): ProfileSummary | null {
  return state.profiles.find((profile) => profile.id === state.activeProfileId) ?? null
}

/** Users in the active profile's cache; null while unknown. */
export function selectUserCount(state: AppState): number | null {
  return state.directorySummary?.userCount ?? null
}

/** ISO time of the last completed pull of the active profile, or null. */
export function selectLastPullAt(state: AppState): string | null {
  return state.directorySummary?.lastPullAt ?? selectActiveProfile(state)?.lastPullAt ?? null
}

/** True when the active profile has nothing cached yet: the directory can only say "pull first". */
export function selectHasNoDirectory(state: AppState): boolean {
  if (state.activeProfileId === null) return true
  return state.directorySummary !== null && state.directorySummary.userCount === 0
}

/** Rows matching the current query, or null until the first window arrives. */
export function selectCurrentTotal(state: AppState): number | null {
  return currentUserQuery(state).total
}

/** True when the active profile is a real tenant (not the demo), so it has a connection to set up. */
export function selectIsTenantProfile(state: AppState): boolean {
  return selectActiveProfile(state)?.kind === 'tenant'
}

/** The active profile's connection as main last described it, or null while unknown. */
export function selectConnectionStatus(state: AppState): ConnectionStatus | null {
  return state.connection.profileId === state.activeProfileId ? state.connection.status.result : null
}

/**
 * True when the active profile can read its tenant: the demo always can; a tenant profile once an
 * admin is signed in, or (unattended) once credentials are stored. Unattended credentials never
 * "sign in", so main may keep saying notConnected for them; the pull itself reports a bad secret.
 */
export function selectCanReadTenant(state: AppState): boolean {
  const profile = selectActiveProfile(state)
  if (profile === null) return false
  if (profile.kind === 'demo') return true
  const status = selectConnectionStatus(state)
  if (status === null) return false
  if (status.state === 'connected') return true
  return status.settings !== null && status.settings.mode !== 'interactive' && status.settings.hasCredential
}
