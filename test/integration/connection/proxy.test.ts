/**
 * The proxy setting reaches both MSAL (token requests) and the Graph reader (pulls): a profile whose
 * tenant is only reachable through a CONNECT proxy still tests, pulls and says so plainly when the
 * proxy is gone. Real composition, real emulator over HTTPS, real proxy on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullFinished } from '../../../src-main/common'
import { composeHeadcountApi } from '../../../src-main/api/compose-api'
import type { HeadcountApiHandle } from '../../../src-main/api/headcount-api'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { startConnectProxy, type RunningConnectProxy } from '../../helpers/connect-proxy'
import { startDemoTarget } from '../../../src-main/demo/target/start-demo-target'

let emulator: RunningEmulator
let proxy: RunningConnectProxy
let handle: HeadcountApiHandle
let dataDir: string
let profileId: string

beforeAll(async () => {
  emulator = await startEmulator({ users: 120 })
  proxy = await startConnectProxy()
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-proxy-'))
  handle = await composeHeadcountApi({ dataDir, host: 'cli' })
  const profile = await handle.api.profiles.create({ name: 'Behind a proxy' })
  profileId = profile.id
  await handle.api.connection.configure({
    profileId,
    connection: {
      cloud: 'custom',
      authorityHost: emulator.authorityHost,
      graphEndpoint: emulator.origin,
      tenant: emulator.tenantId,
      clientId: emulator.confidentialClient.clientId,
      mode: 'clientSecret',
      clientSecret: emulator.confidentialClient.clientSecret,
      caCertificatePem: emulator.caCertificatePem,
      proxyUrl: proxy.url,
    },
  })
})

afterAll(async () => {
  await handle?.dispose()
  await proxy?.close()
  await emulator?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

function pull(): Promise<PullFinished> {
  return new Promise((resolve, reject) => {
    const stop = handle.api.pull.onDidFinish((finished) => {
      if (finished.profileId !== profileId) return
      stop()
      resolve(finished)
    })
    handle.api.pull.start({ profileId }).catch(reject)
  })
}

describe('a tenant reached through an HTTP proxy', () => {
  it('signs in (MSAL) through the proxy', async () => {
    const result = await handle.api.connection.test({ profileId })
    expect(result.isOk).toBe(true)
    expect(proxy.tunnels.length).toBeGreaterThan(0)
    expect(new Set(proxy.tunnels)).toEqual(new Set([emulator.authorityHost]))
  })

  it('pulls Graph through the proxy', async () => {
    const before = proxy.tunnels.length
    const finished = await pull()
    expect(finished).toMatchObject({ outcome: 'succeeded', users: 120 })
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(before)
    const summary = await handle.api.directory.summary({ profileId })
    expect(summary.userCount).toBe(120)
  })

  it('reaches the application (SCIM) through the same proxy', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'headcount-proxy-target-'))
    const target = await startDemoTarget({ databaseFile: join(folder, 'target.db'), bearerToken: 'proxy-test-token' })
    try {
      await handle.api.target.configure({
        profileId,
        settings: { scimUrl: target.baseUrl, token: 'proxy-test-token', ratePerSecond: 25, concurrency: 4, compatibility: 'strict', isSoftDeleteSupported: true, hardDeleteAfterDays: 30 },
      })
      const result = await handle.api.target.test({ profileId })
      expect(result.isOk).toBe(true)
      expect(proxy.tunnels).toContain(new URL(target.baseUrl).host)
    } finally {
      await target.close()
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('says the network failed, in plain words, when the proxy is gone', async () => {
    await proxy.close()
    const finished = await pull()
    expect(finished.outcome).toBe('failed')
    expect(finished.error?.code).toBe('NetworkError')
    expect(finished.error?.message).toMatch(/could not reach Microsoft Graph .*: the connection was refused/)
    expect(finished.error?.hint).toMatch(/proxy/)
    // The cache keeps the last complete directory.
    expect((await handle.api.directory.summary({ profileId })).userCount).toBe(120)
  })
})
