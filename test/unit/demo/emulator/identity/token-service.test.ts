import { decodeJwt, decodeProtectedHeader } from 'jose'
import { describe, expect, it } from 'vitest'
import { createTokenService } from '../../../../../src-main/demo/emulator/identity/token-service'

const TENANT = '4c9f840a-4bf6-4503-8e7c-e1b3609e9c20'
const APP = '3c1f6b0e-8a4d-4f52-9d7e-5b2a61c0e7d4'
const USER = { id: '72cdc98f-00db-4f3f-88f8-2440455e11f0', userPrincipalName: 'soren.molgaard@nordlys.dk', displayName: 'Søren Mølgaard' }

function serviceAt(now: { value: Date }) {
  return createTokenService({ tenantId: TENANT, clock: () => now.value })
}

describe('token service', () => {
  it('issues app tokens shaped like Entra v1.0 Graph tokens and verifies their roles', async () => {
    const now = { value: new Date('2026-11-01T09:00:00Z') }
    const tokens = serviceAt(now)
    const issued = await tokens.issueAccessToken({ kind: 'application', appId: APP, appDisplayName: 'Headcount', servicePrincipalId: 'sp-1', roles: ['User.Read.All'], clientAuthentication: 'secret' })
    const claims = decodeJwt(issued.token)
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT, appid: APP, appidacr: '1', idtyp: 'app', oid: 'sp-1', roles: ['User.Read.All'], ver: '1.0' })
    expect(claims.scp).toBeUndefined()
    expect(decodeProtectedHeader(issued.token)).toMatchObject({ alg: 'RS256', typ: 'JWT' })
    expect(await tokens.verifyAccessToken(issued.token)).toEqual({ ok: true, roles: ['User.Read.All'], scopes: [], tenantId: TENANT, appId: APP })
  })

  it('writes delegated permissions space-separated into scp, with the user', async () => {
    const tokens = serviceAt({ value: new Date() })
    const issued = await tokens.issueAccessToken({ kind: 'delegated', appId: APP, appDisplayName: 'Headcount', user: USER, scopes: ['User.Read.All', 'GroupMember.Read.All'], clientAuthentication: 'none' })
    expect(decodeJwt(issued.token)).toMatchObject({ scp: 'User.Read.All GroupMember.Read.All', upn: USER.userPrincipalName, oid: USER.id, appidacr: '0' })
    expect(await tokens.verifyAccessToken(issued.token)).toMatchObject({ ok: true, roles: [], scopes: ['User.Read.All', 'GroupMember.Read.All'] })
  })

  it('reports expired, tampered, foreign and missing tokens', async () => {
    const now = { value: new Date('2026-11-01T09:00:00Z') }
    const tokens = serviceAt(now)
    const issued = await tokens.issueAccessToken({ kind: 'application', appId: APP, appDisplayName: 'Headcount', servicePrincipalId: 'sp-1', roles: [], clientAuthentication: 'secret' })

    const [header, , signature] = issued.token.split('.')
    const widened = Buffer.from(JSON.stringify({ ...decodeJwt(issued.token), roles: ['Directory.ReadWrite.All'] })).toString('base64url')
    expect(await tokens.verifyAccessToken(`${header}.${widened}.${signature}`)).toEqual({ ok: false, reason: 'invalid' })

    const foreign = await serviceAt(now).issueAccessToken({ kind: 'application', appId: APP, appDisplayName: 'Headcount', servicePrincipalId: 'sp-1', roles: [], clientAuthentication: 'secret' })
    expect(await tokens.verifyAccessToken(foreign.token)).toEqual({ ok: false, reason: 'invalid' })
    expect(await tokens.verifyAccessToken('')).toEqual({ ok: false, reason: 'missing' })
    expect(await tokens.verifyAccessToken('not-a-jwt')).toEqual({ ok: false, reason: 'invalid' })

    now.value = new Date(now.value.getTime() + (issued.expiresInSeconds + 1) * 1000)
    expect(await tokens.verifyAccessToken(issued.token)).toEqual({ ok: false, reason: 'expired' })
  })

  it('keeps accepting its tokens after a restart with the exported signing key', async () => {
    const first = createTokenService({ tenantId: TENANT })
    const issued = await first.issueAccessToken({ kind: 'application', appId: APP, appDisplayName: 'Headcount', servicePrincipalId: 'sp-1', roles: [], clientAuthentication: 'secret' })
    const restarted = createTokenService({ tenantId: TENANT, signingKeyPem: first.exportSigningKeyPem() })
    expect((await restarted.verifyAccessToken(issued.token)).ok).toBe(true)
    expect(restarted.jsonWebKeySet().keys[0]?.kid).toBe(decodeProtectedHeader(issued.token).kid)
  })

  it('issues v2.0 ID tokens for the client with the nonce', async () => {
    const tokens = serviceAt({ value: new Date() })
    const idToken = await tokens.issueIdToken({ appId: APP, user: USER, issuerOrigin: 'https://127.0.0.1:4443', nonce: 'n-1' })
    expect(decodeJwt(idToken)).toMatchObject({ aud: APP, iss: `https://127.0.0.1:4443/${TENANT}/v2.0`, tid: TENANT, oid: USER.id, preferred_username: USER.userPrincipalName, name: USER.displayName, nonce: 'n-1', ver: '2.0' })
  })
})
