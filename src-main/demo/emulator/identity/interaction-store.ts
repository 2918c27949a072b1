/**
 * Sign-ins in progress. The pages carry only an opaque interaction id; the validated request lives
 * here, so nothing a browser posts back can change the client, redirect URI or PKCE challenge.
 */
import { randomBytes } from 'node:crypto'
import type { RequestedScopes } from './requested-scopes'

/** A validated `/authorize` request. */
export interface AuthorizeInteraction {
  readonly kind: 'authorize'
  readonly clientId: string
  readonly redirectUri: string
  readonly state: string | null
  readonly scopes: RequestedScopes
  readonly codeChallenge: string | null
  readonly nonce: string | null
  readonly prompt: string | null
  readonly loginHint: string | null
  readonly wantsClientInfo: boolean
}

/** A validated `/adminconsent` request (v1 has no scope; v2 names the scopes). */
export interface AdminConsentInteraction {
  readonly kind: 'admin-consent'
  readonly clientId: string
  readonly redirectUri: string
  readonly state: string | null
  /** null for v1 and for `/.default`: grant the app's static permissions. */
  readonly scopes: RequestedScopes | null
  readonly isVersion2: boolean
}

export type InteractionRequest = AuthorizeInteraction | AdminConsentInteraction

export interface Interaction {
  readonly id: string
  readonly tenantSegment: string
  readonly request: InteractionRequest
  /** The signed-in account's object id, once the password was accepted. */
  accountId: string | null
  readonly expiresAt: number
}

export interface InteractionStore {
  open(tenantSegment: string, request: InteractionRequest): Interaction
  /** The interaction, or null when unknown or older than its lifetime (AADSTS50089, flow token expired). */
  find(id: string): Interaction | null
  close(id: string): void
}

/** Entra's flow tokens last about 15 minutes. */
const INTERACTION_LIFETIME_MS = 15 * 60 * 1000

export function createInteractionStore(clock: () => Date): InteractionStore {
  const interactions = new Map<string, Interaction>()
  return {
    open(tenantSegment, request) {
      const now = clock().getTime()
      for (const [id, interaction] of interactions) if (interaction.expiresAt < now) interactions.delete(id)
      const interaction: Interaction = { id: randomBytes(24).toString('base64url'), tenantSegment, request, accountId: null, expiresAt: now + INTERACTION_LIFETIME_MS }
      interactions.set(interaction.id, interaction)
      return interaction
    },
    find(id) {
      const interaction = interactions.get(id)
      if (!interaction || interaction.expiresAt < clock().getTime()) return null
      return interaction
    },
    close: (id) => void interactions.delete(id),
  }
}
