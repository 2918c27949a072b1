/**
 * The identity router alone on a plain-HTTP loopback server, for tests that exercise the protocol
 * without TLS or the Graph half. The HTTPS server is covered by start-emulator tests.
 */
import type { AddressInfo } from 'node:net'
import { createServer, type Server } from 'node:http'
import express from 'express'
import { generateOrganisation } from '../../../src-main/demo/organisation/generate-organisation'
import type { DemoOrganisation } from '../../../src-main/demo/organisation/organisation-types'
import { createIdentityRouter } from '../../../src-main/demo/emulator/identity/identity-router'
import { createIdentityState, type IdentityState } from '../../../src-main/demo/emulator/identity/identity-state'
import { createOrganisationDirectory, type IdentityDirectory } from '../../../src-main/demo/emulator/identity/identity-directory'
import { createTokenService, type TokenService } from '../../../src-main/demo/emulator/identity/token-service'

export interface IdentityFixture {
  readonly origin: string
  readonly organisation: DemoOrganisation
  readonly state: IdentityState
  readonly directory: IdentityDirectory
  readonly tokens: TokenService
  /** Moves the emulator's clock forward. */
  advance(milliseconds: number): void
  close(): Promise<void>
}

export async function startIdentityFixture(users = 60): Promise<IdentityFixture> {
  const organisation = generateOrganisation({ users })
  let offset = 0
  const clock = (): Date => new Date(Date.now() + offset)
  const state = createIdentityState(organisation, { clock })
  const directory = createOrganisationDirectory(organisation)
  const tokens = createTokenService({ tenantId: organisation.tenantId, clock })
  let origin = ''
  const app = express()
  app.use(createIdentityRouter({ organisation, state, directory, tokens, publicOrigin: () => origin, clock }))
  const server: Server = createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    organisation,
    state,
    directory,
    tokens,
    advance: (milliseconds) => {
      offset += milliseconds
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
