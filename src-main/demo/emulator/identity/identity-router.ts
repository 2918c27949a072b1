/**
 * The emulated Microsoft identity platform as an express Router, mounted at '/' of the emulator:
 * discovery, authorize + sign-in pages, admin consent, token and keys endpoints.
 */
import express, { type NextFunction, type Request, type Response } from 'express'
import { handleAdminConsent, handleAuthorize } from './authorize-endpoint'
import { handleInstanceDiscovery, handleKeys, handleLogout, handleOpenIdConfiguration } from './discovery-endpoints'
import type { IdentityContext } from './identity-context'
import type { IdentityDirectory } from './identity-directory'
import type { IdentityState } from './identity-state'
import { createInteractionStore } from './interaction-store'
import { handleLogin } from './login-endpoint'
import { handleToken } from './token-endpoint'
import type { TokenService } from './token-service'
import type { DemoOrganisation } from '../../organisation/organisation-types'

export interface IdentityRouterOptions {
  readonly organisation: DemoOrganisation
  readonly state: IdentityState
  readonly directory: IdentityDirectory
  readonly tokens: TokenService
  /** `https://127.0.0.1:PORT`, known once the server listens. */
  readonly publicOrigin: () => string
  readonly clock?: () => Date
}

/** Builds the router. All state lives in the options' objects; the router adds only interactions. */
export function createIdentityRouter(options: IdentityRouterOptions): express.Router {
  const clock = options.clock ?? (() => new Date())
  const context: IdentityContext = { ...options, clock, interactions: createInteractionStore(clock) }
  const router = express.Router()
  const form = express.urlencoded({ extended: false, limit: '64kb' })
  const on =
    (handler: (context: IdentityContext, request: Request, response: Response) => void | Promise<void>) =>
    (request: Request, response: Response, next: NextFunction): void => {
      Promise.resolve(handler(context, request, response)).catch(next)
    }

  router.get('/common/discovery/instance', on(handleInstanceDiscovery))
  router.get('/:tenant/v2.0/.well-known/openid-configuration', on(handleOpenIdConfiguration))
  router.get('/:tenant/discovery/v2.0/keys', on(handleKeys))
  router.get('/:tenant/oauth2/v2.0/authorize', on(handleAuthorize))
  router.post('/:tenant/login', form, on(handleLogin))
  router.get('/:tenant/adminconsent', on((ctx, request, response) => handleAdminConsent(ctx, request, response, false)))
  router.get('/:tenant/v2.0/adminconsent', on((ctx, request, response) => handleAdminConsent(ctx, request, response, true)))
  router.post('/:tenant/oauth2/v2.0/token', form, on(handleToken))
  router.get('/:tenant/oauth2/v2.0/logout', on(handleLogout))
  return router
}
