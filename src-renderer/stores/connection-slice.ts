/**
 * Connection slice: how the active tenant profile reaches Entra. Main owns the connection and
 * says what it is (`connection:status` and `onDidChange`); this slice records what it said, and
 * the progress of each request the admin made from the Connect screen.
 *
 * Every request remembers the view generation it was made in. Switching profile starts a new
 * generation, so a slow reply about the previous profile never lands on the new one's screen.
 */
import type {
  AppErrorData,
  BrowserRequest,
  ConnectionInput,
  ConnectionStatus,
  ConnectionTestResult,
  ConsentLinkStatus,
  PermissionRequest,
} from '../../src-main/common'
import { appErrorOf } from './app-error-of'
import type { SliceCreator } from './app-state'
import { busyOperation, failedOperation, idleOperation, succeededOperation, type Operation } from './operation'

/** Where an interactive sign-in stands: saving the settings, waiting for the browser, cancelling. */
export type SignInPhase = 'idle' | 'saving' | 'waiting' | 'cancelling'

export interface SignInView {
  readonly phase: SignInPhase
  /** Why the last sign-in failed (not set for a cancelled one). */
  readonly error: AppErrorData | null
  /** True when the last sign-in ended because the admin cancelled it. */
  readonly wasCancelled: boolean
  /** Why asking main to cancel failed; the sign-in keeps waiting. */
  readonly cancelError: AppErrorData | null
  /** Browser host only: the sign-in page main asked the renderer to open. */
  readonly browserUrl: string | null
  /** Bumped on every request, so the page is opened again even when the address repeats. */
  readonly browserRequest: number
}

export interface ConnectionView {
  /** The profile this view describes; null before a tenant profile is active. */
  readonly profileId: string | null
  /** The connection as main last described it. */
  readonly status: Operation<ConnectionStatus>
  /** What will be asked for, and why, before the browser opens. */
  readonly permissions: Operation<readonly PermissionRequest[]>
  /** Saving the form (`connection:configure`); its error is shown next to the form. */
  readonly save: Operation<ConnectionStatus>
  readonly signIn: SignInView
  readonly signOut: Operation<ConnectionStatus>
  /** The admin-consent link for another admin, and what became of it. */
  readonly consent: Operation<ConsentLinkStatus>
  /** Testing unattended credentials. */
  readonly test: Operation<ConnectionTestResult>
}

export interface ConnectionSlice {
  readonly connection: ConnectionView
  /** Loads the active profile’s status and permissions (into a fresh view when the profile changed). */
  loadConnection(): Promise<void>
  /** Asks main for the active profile's status again (after a test, or when the screen opens). */
  refreshConnectionStatus(): Promise<void>
  /** Saves the settings, then signs in through the browser; resolves when that ends. */
  connectInteractive(input: ConnectionInput): Promise<void>
  /** Ends a sign-in that is waiting for the browser. */
  cancelSignIn(): Promise<void>
  signOut(): Promise<void>
  /** Saves `input` when given, then fetches the admin-consent link. */
  getConsentLink(input: ConnectionInput | null): Promise<void>
  checkConsent(): Promise<void>
  /** Saves `input` when given (new credentials), then tests the stored unattended connection. */
  testConnection(input: ConnectionInput | null): Promise<void>
  receiveConnectionStatus(status: ConnectionStatus): void
  receiveBrowserRequest(request: BrowserRequest): void
  /** Forgets everything about the previous profile's connection (on a profile switch). */
  resetConnectionView(): void
}

const IDLE_SIGN_IN: SignInView = {
  phase: 'idle',
  error: null,
  wasCancelled: false,
  cancelError: null,
  browserUrl: null,
  browserRequest: 0,
}

/** The view of a profile nothing is known about yet. */
export function emptyConnectionView(profileId: string | null): ConnectionView {
  return {
    profileId,
    status: idleOperation(),
    permissions: idleOperation(),
    save: idleOperation(),
    signIn: IDLE_SIGN_IN,
    signOut: idleOperation(),
    consent: idleOperation(),
    test: idleOperation(),
  }
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (dependencies) => (set, get) => {
  const { api } = dependencies
  /** Bumped by every reset; a reply from an older generation is dropped. */
  let generation = 0
  /** Bumped by every status read or event, so an older status read cannot overwrite a newer one. */
  let statusRequest = 0

  /** The active profile and the generation a request starts in, or null when there is no profile. */
  const begin = (): { profileId: string; generation: number } | null => {
    const profileId = get().activeProfileId
    if (profileId === null) return null
    if (get().connection.profileId !== profileId) get().resetConnectionView()
    return { profileId, generation }
  }

  const update = (changes: Partial<ConnectionView>): void => {
    set({ connection: { ...get().connection, ...changes } })
  }

  const updateSignIn = (changes: Partial<SignInView>): void => {
    update({ signIn: { ...get().connection.signIn, ...changes } })
  }

  const adoptStatus = (status: ConnectionStatus): void => {
    statusRequest++
    update({ status: succeededOperation(status) })
  }

  /** Saves the settings; returns false (and records why) when main refused them. */
  const save = async (profileId: string, started: number, input: ConnectionInput): Promise<boolean> => {
    update({ save: busyOperation(get().connection.save) })
    try {
      const status = await api.connection.configure({ profileId, connection: input })
      if (started !== generation) return false
      adoptStatus(status)
      update({ save: succeededOperation(status) })
      return true
    } catch (reason) {
      if (started === generation) update({ save: failedOperation(get().connection.save, appErrorOf(reason)) })
      return false
    }
  }

  return {
    connection: emptyConnectionView(null),

    async loadConnection() {
      const request = begin()
      if (request === null) return
      const { profileId } = request
      update({ permissions: busyOperation(get().connection.permissions) })
      const permissions = api.connection.permissions({ profileId }).then(
        (result) => {
          if (request.generation === generation) update({ permissions: succeededOperation(result) })
        },
        (reason: unknown) => {
          if (request.generation === generation) {
            update({ permissions: failedOperation(get().connection.permissions, appErrorOf(reason)) })
          }
        },
      )
      await Promise.all([permissions, get().refreshConnectionStatus()])
    },

    async refreshConnectionStatus() {
      const request = begin()
      if (request === null) return
      const asked = ++statusRequest
      update({ status: busyOperation(get().connection.status) })
      try {
        const status = await api.connection.status({ profileId: request.profileId })
        if (request.generation !== generation || asked !== statusRequest) return
        update({ status: succeededOperation(status) })
      } catch (reason) {
        if (request.generation !== generation || asked !== statusRequest) return
        update({ status: failedOperation(get().connection.status, appErrorOf(reason)) })
      }
    },

    async connectInteractive(input) {
      const request = begin()
      if (request === null || get().connection.signIn.phase !== 'idle') return
      updateSignIn({ phase: 'saving', error: null, wasCancelled: false, cancelError: null, browserUrl: null })
      if (!(await save(request.profileId, request.generation, input))) {
        if (request.generation === generation) updateSignIn({ phase: 'idle' })
        return
      }
      updateSignIn({ phase: 'waiting' })
      try {
        const status = await api.connection.signIn({ profileId: request.profileId })
        if (request.generation !== generation) return
        adoptStatus(status)
        update({ signIn: IDLE_SIGN_IN, consent: idleOperation() })
      } catch (reason) {
        if (request.generation !== generation) return
        const error = appErrorOf(reason)
        const wasCancelled = error.code === 'Cancelled'
        update({ signIn: { ...IDLE_SIGN_IN, error: wasCancelled ? null : error, wasCancelled } })
      }
    },

    async cancelSignIn() {
      const request = begin()
      if (request === null || get().connection.signIn.phase !== 'waiting') return
      updateSignIn({ phase: 'cancelling', cancelError: null })
      try {
        await api.connection.cancelSignIn({ profileId: request.profileId })
        // The pending signIn call now rejects with Cancelled, which returns the view to idle.
      } catch (reason) {
        if (request.generation !== generation || get().connection.signIn.phase !== 'cancelling') return
        updateSignIn({ phase: 'waiting', cancelError: appErrorOf(reason) })
      }
    },

    async signOut() {
      const request = begin()
      if (request === null || get().connection.signOut.isBusy) return
      update({ signOut: busyOperation(get().connection.signOut) })
      try {
        const status = await api.connection.signOut({ profileId: request.profileId })
        if (request.generation !== generation) return
        adoptStatus(status)
        update({ signOut: succeededOperation(status), signIn: IDLE_SIGN_IN })
      } catch (reason) {
        if (request.generation === generation) update({ signOut: failedOperation(get().connection.signOut, appErrorOf(reason)) })
      }
    },

    async getConsentLink(input) {
      const request = begin()
      if (request === null || get().connection.consent.isBusy) return
      if (input !== null && !(await save(request.profileId, request.generation, input))) return
      update({ consent: busyOperation(get().connection.consent) })
      try {
        const consent = await api.connection.consentLink({ profileId: request.profileId })
        if (request.generation === generation) update({ consent: succeededOperation(consent) })
      } catch (reason) {
        if (request.generation === generation) update({ consent: failedOperation(get().connection.consent, appErrorOf(reason)) })
      }
    },

    async checkConsent() {
      const request = begin()
      if (request === null || get().connection.consent.isBusy) return
      update({ consent: busyOperation(get().connection.consent) })
      try {
        const consent = await api.connection.checkConsent({ profileId: request.profileId })
        if (request.generation !== generation) return
        update({ consent: succeededOperation(consent) })
        // Consent given elsewhere may have connected the profile; main knows.
        if (consent.state === 'connected') void get().refreshConnectionStatus()
      } catch (reason) {
        if (request.generation === generation) update({ consent: failedOperation(get().connection.consent, appErrorOf(reason)) })
      }
    },

    async testConnection(input) {
      const request = begin()
      if (request === null || get().connection.test.isBusy) return
      update({ test: busyOperation(get().connection.test) })
      if (input !== null && !(await save(request.profileId, request.generation, input))) {
        if (request.generation === generation) update({ test: idleOperation() })
        return
      }
      try {
        const result = await api.connection.test({ profileId: request.profileId })
        if (request.generation !== generation) return
        update({ test: succeededOperation(result) })
        void get().refreshConnectionStatus()
      } catch (reason) {
        if (request.generation === generation) update({ test: failedOperation(idleOperation(), appErrorOf(reason)) })
      }
    },

    receiveConnectionStatus(status) {
      if (status.profileId !== get().activeProfileId || status.profileId !== get().connection.profileId) return
      adoptStatus(status)
    },

    receiveBrowserRequest(request) {
      if (request.profileId !== get().activeProfileId) return
      const signIn = get().connection.signIn
      updateSignIn({ browserUrl: request.url, browserRequest: signIn.browserRequest + 1 })
    },

    resetConnectionView() {
      generation++
      statusRequest++
      set({ connection: emptyConnectionView(get().activeProfileId) })
    },
  }
}
