/**
 * Everything the identity endpoints share, wired once per emulator by createIdentityRouter.
 */
import type { Response } from 'express'
import { toAadErrorBody, type AadFailure } from './aad-error'
import type { IdentityDirectory } from './identity-directory'
import type { IdentityState } from './identity-state'
import type { InteractionStore } from './interaction-store'
import { createPageSecurity } from './page-layout'
import { renderErrorPage, renderFormPostPage } from './sign-in-pages'
import type { TokenService } from './token-service'
import type { DemoOrganisation } from '../../organisation/organisation-types'

export interface IdentityContext {
  readonly organisation: DemoOrganisation
  readonly state: IdentityState
  readonly directory: IdentityDirectory
  readonly tokens: TokenService
  readonly interactions: InteractionStore
  /** `https://127.0.0.1:PORT`: the authority origin written into metadata and ID tokens. */
  readonly publicOrigin: () => string
  readonly clock: () => Date
}

/** Sends an HTML page with its Content-Security-Policy and no caching (pages carry one-time data). */
export function sendPage(response: Response, status: number, html: string, contentSecurityPolicy: string): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    })
    .send(html)
}

/** The error page for failures that cannot go back to the app. */
export function sendErrorPage(response: Response, failure: AadFailure): void {
  const security = createPageSecurity()
  sendPage(response, failure.status, renderErrorPage(failure, security), security.contentSecurityPolicy)
}

/** Hands parameters back to the app through the form_post response mode. */
export function sendFormPost(response: Response, redirectUri: string, fields: Readonly<Record<string, string>>): void {
  const security = createPageSecurity([new URL(redirectUri).origin])
  sendPage(response, 200, renderFormPostPage(redirectUri, fields, security), security.contentSecurityPolicy)
}

/** An AAD-shaped JSON error (token endpoint, discovery). */
export function sendAadError(response: Response, context: IdentityContext, failure: AadFailure, correlationId: string | undefined): void {
  response
    .status(failure.status)
    .set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' })
    .json(toAadErrorBody(failure, context.publicOrigin(), context.clock(), correlationId))
}

/** A query or body parameter as a single string; repeated or absent parameters read as undefined. */
export function parameter(source: unknown, name: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined
  const value = (source as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : undefined
}
