import { createHash, createPrivateKey, type KeyObject } from 'node:crypto'
import forge from 'node-forge'
import { SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { authenticateClient, JWT_BEARER_ASSERTION_TYPE, readPresentedCredentials } from '../../../../../src-main/demo/emulator/identity/client-authentication'
import { createDemoAppRegistrations, DEMO_CLIENT_SECRET, type AppRegistration } from '../../../../../src-main/demo/emulator/identity/app-registrations'
import { createIdentityState, type IdentityState } from '../../../../../src-main/demo/emulator/identity/identity-state'
import { generateOrganisation } from '../../../../../src-main/demo/organisation/generate-organisation'

const TOKEN_ENDPOINT = 'https://127.0.0.1:4443/tenant/oauth2/v2.0/token'
const organisation = generateOrganisation({ users: 10 })
let state: IdentityState
let confidential: AppRegistration
let publicClient: AppRegistration
let privateKey: KeyObject
let x5tS256: string

function makeCertificate(): { pem: string; privateKey: KeyObject; der: Buffer } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 })
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = keys.publicKey
  certificate.serialNumber = '01'
  certificate.validity.notBefore = new Date(Date.now() - 60_000)
  certificate.validity.notAfter = new Date(Date.now() + 24 * 60 * 60 * 1000)
  certificate.setSubject([{ name: 'commonName', value: 'test' }])
  certificate.setIssuer([{ name: 'commonName', value: 'test' }])
  certificate.sign(keys.privateKey, forge.md.sha256.create())
  return {
    pem: forge.pki.certificateToPem(certificate),
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(keys.privateKey)),
    der: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'),
  }
}

beforeAll(() => {
  state = createIdentityState(organisation)
  const registrations = createDemoAppRegistrations(organisation)
  publicClient = registrations[0] as AppRegistration
  confidential = registrations[1] as AppRegistration
  const certificate = makeCertificate()
  state.registerCertificate(confidential.appId, certificate.pem)
  privateKey = certificate.privateKey
  x5tS256 = createHash('sha256').update(certificate.der).digest('base64url')
})

async function assertion(options: { claims?: Record<string, unknown>; header?: Record<string, unknown>; key?: KeyObject; alg?: string; expiresIn?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  const alg = options.alg ?? 'PS256'
  return new SignJWT({ aud: TOKEN_ENDPOINT, iss: confidential.appId, sub: confidential.appId, jti: 'j1', nbf: now, exp: now + (options.expiresIn ?? 600), ...options.claims })
    .setProtectedHeader({ alg, 'x5t#S256': x5tS256, ...options.header })
    .sign(options.key ?? privateKey)
}

async function authenticate(clientAssertion: string) {
  return authenticateClient(confidential, { clientAssertion, clientAssertionType: JWT_BEARER_ASSERTION_TYPE }, [TOKEN_ENDPOINT], state)
}

describe('client secrets', () => {
  it('accept the registered secret and refuse anything else with AADSTS7000215', async () => {
    expect(await authenticateClient(confidential, { clientSecret: DEMO_CLIENT_SECRET }, [], state)).toEqual({ ok: true, method: 'secret' })
    const wrong = await authenticateClient(confidential, { clientSecret: `${DEMO_CLIENT_SECRET}x` }, [], state)
    expect(wrong.ok === false && wrong.failure.code).toBe(7000215)
  })

  it('read HTTP Basic credentials (RFC 6749 §2.3.1, form-encoded)', () => {
    const header = `Basic ${Buffer.from(`id:${encodeURIComponent('a~b c')}`).toString('base64')}`
    expect(readPresentedCredentials({}, header).clientSecret).toBe('a~b c')
  })

  it('public clients must not present any credential (AADSTS700025)', async () => {
    expect(await authenticateClient(publicClient, {}, [], state)).toEqual({ ok: true, method: 'none' })
    const result = await authenticateClient(publicClient, { clientSecret: 'x' }, [], state)
    expect(result.ok === false && result.failure.code).toBe(700025)
  })
})

describe('certificate assertions (RFC 7523)', () => {
  it('accept PS256 with x5t#S256 and RS256 with x5t', async () => {
    expect(await authenticate(await assertion())).toEqual({ ok: true, method: 'certificate' })
    const unregisteredThumbprint = createHash('sha1').update('not a registered certificate').digest('base64url')
    const registered = state.findCertificate(confidential.appId, { sha256: x5tS256 })
    expect(registered).not.toBeNull()
    const rs256 = await assertion({ alg: 'RS256', header: { 'x5t#S256': undefined, x5t: registered?.thumbprintSha1 } })
    expect(await authenticate(rs256)).toEqual({ ok: true, method: 'certificate' })
    const unknown = await authenticate(await assertion({ alg: 'RS256', header: { 'x5t#S256': undefined, x5t: unregisteredThumbprint } }))
    expect(unknown.ok === false && unknown.failure.code).toBe(700027)
  })

  it.each<[string, { key?: KeyObject; expiresIn?: number; claims?: Record<string, unknown>; alg?: string }, number]>([
    ['signed by another key', { key: makeCertificate().privateKey }, 700027],
    ['expired', { expiresIn: -1000 }, 700024],
    ['for another audience', { claims: { aud: 'https://login.microsoftonline.com/x/oauth2/v2.0/token' } }, 700212],
    ['issued by another client', { claims: { iss: 'someone-else', sub: 'someone-else' } }, 700021],
    ['HS256', { alg: 'HS256' }, 5002738],
  ])('refuse an assertion %s', async (_label, options, code) => {
    const token =
      options.alg === 'HS256'
        ? await new SignJWT({ iss: confidential.appId }).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32))
        : await assertion(options)
    const result = await authenticate(token)
    expect(result.ok === false && result.failure.code).toBe(code)
    expect(result.ok === false && result.failure.error).toBe('invalid_client')
  })
})
