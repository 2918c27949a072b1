import { createHash, createPrivateKey } from 'node:crypto'
import forge from 'node-forge'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/common/errors'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { createClientCredentialsTokenProvider, type ClientCredentialsTokenProviderOptions } from '../../../src-main/services/auth/client-credentials-token-provider'

let emulator: RunningEmulator
const providers: { close(): Promise<void> }[] = []

beforeAll(async () => {
  emulator = await startEmulator({ users: 50 })
})

afterAll(async () => {
  await Promise.all(providers.map((provider) => provider.close()))
  await emulator.close()
})

function provider(overrides: Partial<ClientCredentialsTokenProviderOptions> = {}) {
  const created = createClientCredentialsTokenProvider({
    tenantId: emulator.tenantId,
    clientId: emulator.confidentialClient.clientId,
    credential: { kind: 'secret', clientSecret: emulator.confidentialClient.clientSecret },
    authorityHost: emulator.authorityHost,
    caCertificates: [emulator.caCertificatePem],
    ...overrides,
  })
  providers.push(created)
  return created
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

/** A self-signed certificate as an admin would create for "Certificates & secrets". */
function makeCertificate(): { certificatePem: string; privateKeyPem: string; thumbprintSha256: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 })
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = keys.publicKey
  certificate.serialNumber = '01'
  certificate.validity.notBefore = new Date(Date.now() - 60_000)
  certificate.validity.notAfter = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000)
  certificate.setSubject([{ name: 'commonName', value: 'Headcount unattended sync' }])
  certificate.setIssuer([{ name: 'commonName', value: 'Headcount unattended sync' }])
  certificate.sign(keys.privateKey, forge.md.sha256.create())
  const certificatePem = forge.pki.certificateToPem(certificate)
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary')
  const privateKeyPem = createPrivateKey(forge.pki.privateKeyToPem(keys.privateKey)).export({ format: 'pem', type: 'pkcs8' }).toString()
  return { certificatePem, privateKeyPem, thumbprintSha256: createHash('sha256').update(der).digest('hex') }
}

describe('createClientCredentialsTokenProvider against the emulator (real msal-node, HTTPS, no NODE_EXTRA_CA_CERTS)', () => {
  it('gets an app token with a client secret that the emulator accepts with the granted roles', async () => {
    // The emulator's CA is trusted only through the provider's caCertificates option.
    expect(process.env.NODE_EXTRA_CA_CERTS ?? '').not.toBe(emulator.caCertificateFile)
    const tokens = provider()
    const token = await tokens.getAccessToken()
    const check = await emulator.tokens.verifyAccessToken(token)
    expect(check).toEqual({
      ok: true,
      appId: emulator.confidentialClient.clientId,
      tenantId: emulator.tenantId,
      scopes: [],
      roles: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'],
    })
    expect(await tokens.getAccessToken()).toBe(token) // served from MSAL's cache
  })

  it('reports a wrong secret as Unauthorized AADSTS7000215 with a hint, without repeating the secret', async () => {
    const error = await rejection(provider({ credential: { kind: 'secret', clientSecret: 'wrong-secret-value-123' } }).getAccessToken())
    expect(error.code).toBe('Unauthorized')
    expect(error.message).toContain('AADSTS7000215')
    expect(error.hint).toMatch(/Value/)
    expect(JSON.stringify(error.toJSON())).not.toContain('wrong-secret-value-123')
  })

  it('authenticates with a certificate registered on the app (client assertion)', async () => {
    const certificate = makeCertificate()
    emulator.identity.registerCertificate(emulator.confidentialClient.clientId, certificate.certificatePem)
    const tokens = provider({ credential: { kind: 'certificate', thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem, x5c: certificate.certificatePem } })
    const check = await emulator.tokens.verifyAccessToken(await tokens.getAccessToken())
    expect(check.ok && check.roles).toContain('User.Read.All')
  })

  it('rejects a certificate that is not registered on the app (AADSTS700027)', async () => {
    const certificate = makeCertificate()
    const error = await rejection(provider({ credential: { kind: 'certificate', thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem } }).getAccessToken())
    expect(error.code).toBe('Unauthorized')
    expect(error.message).toContain('AADSTS700027')
  })

  it('reports an unknown client id as Unauthorized AADSTS700016', async () => {
    const error = await rejection(provider({ clientId: '0f0f0f0f-1111-4222-8333-444455556666' }).getAccessToken())
    expect(error.code).toBe('Unauthorized')
    expect(error.message).toContain('AADSTS700016')
  })

  it('reports an untrusted certificate authority as NetworkError with a certificate hint', async () => {
    const error = await rejection(provider({ caCertificates: [] }).getAccessToken())
    expect(error.code).toBe('NetworkError')
    expect(error.hint).toMatch(/certificate/i)
  })

  it('reports an unreachable authority as NetworkError', async () => {
    const error = await rejection(provider({ authorityHost: '127.0.0.1:1' }).getAccessToken())
    expect(error.code).toBe('NetworkError')
    expect(error.message).toContain('127.0.0.1:1')
  })

  it('stops waiting when the signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await rejection(provider().getAccessToken(controller.signal))
    expect(error.code).toBe('Cancelled')
  })
})
