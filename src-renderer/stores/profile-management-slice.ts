/**
 * Profile management slice: switching between profiles and creating, renaming, duplicating and
 * deleting them, with the one profile dialog that may be open. Main validates every name and the
 * delete confirmation; its refusals are shown in the dialog, which stays open.
 */
import type { AppErrorData, ProfileSummary } from '../../src-main/common'
import { appErrorOf } from './app-error-of'
import type { SliceCreator } from './app-state'

/** Which profile dialog is open, and for which profile. */
export type ProfileDialog =
  | { readonly kind: 'create' }
  | { readonly kind: 'rename' | 'duplicate' | 'delete'; readonly profileId: string }

export interface ProfileActionView {
  readonly isBusy: boolean
  /** Why main refused the last action (shown in the dialog). */
  readonly error: AppErrorData | null
}

export interface ProfileManagementSlice {
  readonly profileDialog: ProfileDialog | null
  readonly profileAction: ProfileActionView
  openProfileDialog(dialog: ProfileDialog): void
  closeProfileDialog(): void
  /** Makes another existing profile the active one. */
  switchProfile(profileId: string): void
  /** Creates a tenant profile and opens its Connect screen. Resolves true on success. */
  createProfile(name: string): Promise<boolean>
  renameProfile(profileId: string, name: string): Promise<boolean>
  /** Copies a profile's connection settings under a new name and makes the copy active. */
  duplicateProfile(profileId: string, name: string): Promise<boolean>
  /** Deletes a profile with its cache and secrets; `confirmName` must repeat its name. */
  deleteProfile(profileId: string, confirmName: string): Promise<boolean>
}

const READY: ProfileActionView = { isBusy: false, error: null }

export const createProfileManagementSlice: SliceCreator<ProfileManagementSlice> = (dependencies) => (set, get) => {
  const { api } = dependencies

  /** Runs one action with the busy flag and error handling every dialog shares. */
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    if (get().profileAction.isBusy) return false
    set({ profileAction: { isBusy: true, error: null } })
    try {
      await action()
      set({ profileAction: READY, profileDialog: null })
      return true
    } catch (reason) {
      set({ profileAction: { isBusy: false, error: appErrorOf(reason) } })
      return false
    }
  }

  /** Makes a profile main just answered with the active one, with a fresh screen. */
  const enter = (profile: ProfileSummary): void => {
    get().activateProfile(profile)
    get().enterProfile()
    get().navigate('connect')
  }

  return {
    profileDialog: null,
    profileAction: READY,

    openProfileDialog(dialog) {
      if (get().profileAction.isBusy) return
      set({ profileDialog: dialog, profileAction: READY })
    },

    closeProfileDialog() {
      // A request on its way still finishes; only its dialog goes away.
      set({ profileDialog: null, profileAction: { ...get().profileAction, error: null } })
    },

    switchProfile(profileId) {
      const profile = get().profiles.find((item) => item.id === profileId)
      if (profile === undefined || profileId === get().activeProfileId) return
      get().activateProfile(profile)
      get().enterProfile()
    },

    createProfile(name) {
      return run(async () => enter(await api.profiles.create({ name })))
    },

    renameProfile(profileId, name) {
      return run(async () => {
        const renamed = await api.profiles.rename({ profileId, name })
        set({ profiles: get().profiles.map((item) => (item.id === renamed.id ? renamed : item)) })
      })
    },

    duplicateProfile(profileId, name) {
      return run(async () => enter(await api.profiles.duplicate({ profileId, name })))
    },

    deleteProfile(profileId, confirmName) {
      return run(async () => {
        await api.profiles.delete({ profileId, confirmName })
        // Main also announces the new list; applying it here too makes the order of the two irrelevant.
        get().receiveProfiles(get().profiles.filter((item) => item.id !== profileId))
      })
    },
  }
}
