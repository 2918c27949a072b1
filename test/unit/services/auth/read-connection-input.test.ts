import { beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionInput } from '../../../../src-main/common/connection'
import { AppError } from '../../../../src-main/common/errors'
import { readConnectionInput } from '../../../../src-main/services/auth/read-connection-input'
import { makeTestCertificate, type TestCertificate } from './test-certificates'

const TENANT = '6b1f0c2a-3d4e-4f50-8a61-7b8c9d0e1f2a'
const CLIENT = '3C0D1F7E-4B8A-4F7E-9D53-1A2B3C4D5E6F'
let certificate: TestCertificate

beforeAll(() => {
  certificate = makeTestCertificate()
})

const base: ConnectionInput = { cloud: 'global', tenant: TENANT, clientId: CLIENT, mode: 'interactive' }

function refusal(input: ConnectionInput): AppError {
  try {
    readConnectionInput(input)
  } catch (error) {
    if (error instanceof AppError && error.code === 'InvalidArgument') return error
    throw error
  }
  throw new Error('expected InvalidArgument')
}

describe('readConnectionInput', () => {
  it('stores a named cloud with its own hosts and no credential for interactive sign-in', () => {
    const read = readConnectionInput({ ...base, cloud: 'usgov' })
    expect(read.settings).toEqual({
      cloud: 'usgov',
      authorityHost: 'login.microsoftonline.us',
      graphEndpoint: 'https://graph.microsoft.us',
      tenant: TENANT,
      clientId: CLIENT.toLowerCase(),
      mode: 'interactive',
      proxyUrl: null,
      hasCustomCa: false,
      hasCredential: false,
    })
    expect(read.clientSecret).toBeNull()
    expect(read.certificate).toBeNull()
  })

  it('accepts the named cloud’s own hosts but sends other hosts to the custom cloud', () => {
    expect(readConnectionInput({ ...base, authorityHost: 'login.microsoftonline.com', graphEndpoint: 'https://graph.microsoft.com/' }).settings.cloud).toBe('global')
    expect(refusal({ ...base, authorityHost: 'login.example.org' }).hint).toMatch(/Custom/)
  })

  it('needs both hosts for a custom cloud', () => {
    expect(refusal({ ...base, cloud: 'custom', authorityHost: '127.0.0.1:8443' }).message).toMatch(/custom cloud needs/)
    const read = readConnectionInput({ ...base, cloud: 'custom', authorityHost: '127.0.0.1:8443', graphEndpoint: 'https://127.0.0.1:8443' })
    expect(read.endpoints.graphResource).toBe('https://graph.microsoft.com')
  })

  it('refuses “organizations” for an app registration, which signs in to one tenant', () => {
    expect(refusal({ ...base, tenant: 'organizations', mode: 'clientSecret', clientSecret: 's3cret' }).message).toMatch(/organizations/)
    expect(readConnectionInput({ ...base, tenant: 'organizations' }).settings.tenant).toBe('organizations')
  })

  it('keeps the client secret apart from the settings', () => {
    const read = readConnectionInput({ ...base, mode: 'clientSecret', clientSecret: 'hcD8Q~value' })
    expect(read.clientSecret).toBe('hcD8Q~value')
    expect(read.settings.hasCredential).toBe(true)
    expect(JSON.stringify(read.settings)).not.toContain('hcD8Q~value')
  })

  it('reads a certificate from PEM or PFX and refuses a wrong PFX password', () => {
    const pem = readConnectionInput({ ...base, mode: 'certificate', certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem })
    expect(pem.certificate?.thumbprintSha256).toBe(certificate.thumbprintSha256)
    const pfx = readConnectionInput({ ...base, mode: 'certificate', pfxBase64: certificate.pfxBase64('pw'), pfxPassword: 'pw' })
    expect(pfx.certificate?.thumbprintSha256).toBe(certificate.thumbprintSha256)
    expect(refusal({ ...base, mode: 'certificate', pfxBase64: certificate.pfxBase64('pw'), pfxPassword: 'nope' }).message).toMatch(/PFX/)
  })

  it('checks an extra CA certificate and keeps the proxy password out of the settings', () => {
    const read = readConnectionInput({ ...base, caCertificatePem: certificate.certificatePem, proxyUrl: 'http://admin:pa55@proxy.corp:3128' })
    expect(read.settings.hasCustomCa).toBe(true)
    expect(read.caCertificatePem).toContain('BEGIN CERTIFICATE')
    expect(read.settings.proxyUrl).toBe('http://proxy.corp:3128')
    expect(read.proxyUrlWithCredentials).toBe('http://admin:pa55@proxy.corp:3128')
    expect(readConnectionInput({ ...base, proxyUrl: 'http://proxy.corp:3128' }).proxyUrlWithCredentials).toBeNull()
    expect(refusal({ ...base, caCertificatePem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }).message).toMatch(/CA certificate/)
  })
})
