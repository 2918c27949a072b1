/**
 * Creating, renaming, duplicating and deleting profiles (the Profiles area's management methods).
 * A profile owns three things: its entry in the profile list, its cache folder
 * `<dataDir>/profiles/<id>/` and its secrets under `profile/<id>/`; deleting removes all three.
 *
 * The demo profile may be renamed and deleted like any other: "Explore the demo" recreates it.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../common'
import { createProfileId } from '../services/profiles/profile-id'
import type { ProfileRecord } from '../services/profiles/profile-registry'
import { profileSecretPrefix } from '../services/secrets/profile-secret-keys'
import type { SecretStore } from '../services/secrets/secret-store'
import type { ProfileActions, ProfileStore } from './api-dependencies'

/** The profile list, with removal (ProfileRegistry implements it). */
export interface ManagedProfileStore extends ProfileStore {
  remove(id: string): void
}

export interface ProfileManagementDependencies {
  readonly dataDir: string
  readonly profiles: ManagedProfileStore
  readonly secrets: SecretStore
  /**
   * Run before anything is removed: close the profile's cache database and stop its work (the
   * Profiles area closes the cache itself; the lead adds the connection area's `forgetProfile`).
   */
  readonly beforeDelete?: (profileId: string) => Promise<void>
  readonly now: () => Date
  /** A few random letters or digits for new profile ids. */
  readonly newIdSuffix: () => string
}

/** Same rule as the contract's profile id: nothing that could climb out of the profiles folder. */
const SAFE_PROFILE_ID = /^[A-Za-z0-9_-]{1,100}$/

/** The profile actions of api-dependencies.ts over the profile list, the data folder and the SecretStore. */
export function createProfileActions(dependencies: ProfileManagementDependencies): ProfileActions {
  const { profiles } = dependencies

  function requireProfile(profileId: string): ProfileRecord {
    const profile = profiles.get(profileId)
    if (!profile) {
      throw new AppError({ code: 'NotFound', message: `There is no profile called “${profileId}”.`, hint: 'Choose a profile from the list.' })
    }
    return profile
  }

  /** Names are unique (ignoring case and spaces around them), so "type the name to delete" is unambiguous. */
  function requireFreeName(name: string, exceptId?: string): string {
    const trimmed = name.trim()
    const taken = profiles.list().some((profile) => profile.id !== exceptId && profile.name.trim().toLowerCase() === trimmed.toLowerCase())
    if (taken) {
      throw new AppError({ code: 'InvalidArgument', message: `A profile called “${trimmed}” already exists.`, hint: 'Choose another name.' })
    }
    return trimmed
  }

  function newId(name: string): string {
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = createProfileId(name, dependencies.newIdSuffix())
      if (!profiles.get(id)) return id
    }
    throw new Error('Could not find a free profile id after five attempts: the id source is not random.')
  }

  function saveNew(record: ProfileRecord): ProfileRecord {
    profiles.save(record)
    return record
  }

  return {
    create(name) {
      const finalName = requireFreeName(name)
      return saveNew({
        id: newId(finalName),
        name: finalName,
        kind: 'tenant',
        tenantName: null,
        createdAt: dependencies.now().toISOString(),
        connection: null,
        account: null,
        connectedAt: null,
        enterpriseAppId: null,
      })
    },

    rename(profileId, name) {
      const profile = requireProfile(profileId)
      return saveNew({ ...profile, name: requireFreeName(name, profileId) })
    },

    // Settings only: the copy has no secret, extra CA, token cache, signed-in account or cache, and
    // is given its own credential before it connects.
    duplicate(profileId, name) {
      const source = requireProfile(profileId)
      const finalName = requireFreeName(name)
      return saveNew({
        id: newId(finalName),
        name: finalName,
        kind: 'tenant',
        tenantName: null,
        createdAt: dependencies.now().toISOString(),
        connection: source.connection ? { ...source.connection, hasCredential: false, hasCustomCa: false } : null,
        account: null,
        connectedAt: null,
        enterpriseAppId: source.enterpriseAppId ?? null,
      })
    },

    async delete(profileId, confirmName) {
      const profile = requireProfile(profileId)
      if (confirmName !== profile.name) {
        throw new AppError({
          code: 'InvalidArgument',
          message: `The name typed does not match: type “${profile.name}” exactly to delete this profile.`,
          hint: 'Deleting removes the profile, its cached directory and its saved secrets; it cannot be undone.',
        })
      }
      if (!SAFE_PROFILE_ID.test(profile.id)) throw new Error(`Refusing to delete the folder of an unsafe profile id: ${profile.id}`)
      await dependencies.beforeDelete?.(profile.id)
      await dependencies.secrets.deletePrefix(profileSecretPrefix(profile.id))
      try {
        await rm(join(dependencies.dataDir, 'profiles', profile.id), { recursive: true, force: true, maxRetries: 3 })
      } catch (error) {
        throw new AppError(
          { code: 'StoreError', message: `The cache of “${profile.name}” could not be removed.`, hint: 'Close other programs that may use it and delete the profile again.' },
          { cause: error },
        )
      }
      // Last, so that a failure above leaves the profile in the list to delete again.
      profiles.remove(profile.id)
    },
  }
}
