import { describe, expect, it } from 'vitest'
import type { ConnectionSettings } from '../../../../../src-main/common'
import {
  base64OfBytes,
  connectionInputOf,
  formValuesFrom,
  problemOf,
} from '../../../../../src-renderer/features/connect/connection-form'

const STORED_SECRET: ConnectionSettings = {
  cloud: 'usgov',
  authorityHost: 'login.microsoftonline.us',
  graphEndpoint: 'https://graph.microsoft.us',
  tenant: 'contoso.example',
  clientId: '22222222-2222-2222-2222-222222222222',
  mode: 'clientSecret',
  proxyUrl: 'http://proxy.contoso.example:8080',
  hasCustomCa: false,
  hasCredential: true,
}

describe('opening the forms', () => {
  it('starts an interactive connect with any work account and no client id', () => {
    expect(formValuesFrom(null, 'interactive')).toMatchObject({ cloud: 'global', tenant: 'organizations', clientId: '' })
  })

  it('starts an unattended connect with an empty tenant: “organizations” cannot run unattended', () => {
    expect(formValuesFrom(null, 'unattended').tenant).toBe('')
  })

  it('reopens with the stored settings and never a secret', () => {
    const values = formValuesFrom(STORED_SECRET, 'unattended')
    expect(values).toMatchObject({
      cloud: 'usgov',
      tenant: 'contoso.example',
      clientId: STORED_SECRET.clientId,
      proxyUrl: 'http://proxy.contoso.example:8080',
      credentialKind: 'clientSecret',
      clientSecret: '',
    })
    // Built-in clouds' hosts come from main, not the form.
    expect(values.authorityHost).toBe('')
  })
})

describe('building the ConnectionInput', () => {
  it('trims pasted ids and leaves out empty optional fields', () => {
    const values = { ...formValuesFrom(null, 'interactive'), clientId: ' 22222222-2222-2222-2222-222222222222\n' }
    expect(connectionInputOf(values, 'interactive', false)).toEqual({
      cloud: 'global',
      tenant: 'organizations',
      clientId: '22222222-2222-2222-2222-222222222222',
      mode: 'interactive',
    })
  })

  it('sends the hosts of a custom cloud only', () => {
    const values = { ...formValuesFrom(null, 'interactive'), cloud: 'custom' as const, authorityHost: 'login.example:8443', graphEndpoint: 'https://graph.example' }
    expect(connectionInputOf(values, 'interactive', false)).toMatchObject({ authorityHost: 'login.example:8443', graphEndpoint: 'https://graph.example' })
    expect(connectionInputOf({ ...values, cloud: 'china' }, 'interactive', false)).not.toHaveProperty('authorityHost')
  })

  it('sends a client secret exactly as typed, and only when the admin entered one', () => {
    const values = { ...formValuesFrom(STORED_SECRET, 'unattended'), clientSecret: ' s3cret~with spaces ' }
    expect(connectionInputOf(values, 'unattended', true)).toMatchObject({ mode: 'clientSecret', clientSecret: ' s3cret~with spaces ' })
    expect(connectionInputOf(values, 'unattended', false)).not.toHaveProperty('clientSecret')
  })

  it('sends PEM certificate and key, or a PFX with its password, never both', () => {
    const base = { ...formValuesFrom(null, 'unattended'), credentialKind: 'certificate' as const, certificatePem: 'CERT', privateKeyPem: 'KEY', pfxBase64: 'UEZY', pfxPassword: 'pw' }
    const pem = connectionInputOf({ ...base, certificateFormat: 'pem' }, 'unattended', true)
    expect(pem).toMatchObject({ mode: 'certificate', certificatePem: 'CERT', privateKeyPem: 'KEY' })
    expect(pem).not.toHaveProperty('pfxBase64')
    const pfx = connectionInputOf({ ...base, certificateFormat: 'pfx' }, 'unattended', true)
    expect(pfx).toMatchObject({ pfxBase64: 'UEZY', pfxPassword: 'pw' })
    expect(pfx).not.toHaveProperty('certificatePem')
  })
})

describe('placing main’s refusals', () => {
  it('puts a schema refusal on its field, in plain words', () => {
    expect(
      problemOf({
        code: 'InvalidArgument',
        message: 'The request to connection:configure was not valid (connection.clientId): a client (application) id is a GUID.',
      }),
    ).toEqual({ field: 'clientId', message: 'A client (application) id is a GUID.' })
  })

  it('shows any other refusal whole, for the form as a whole', () => {
    const message = 'A consent link needs your tenant id or domain, not “organizations”.'
    expect(problemOf({ code: 'InvalidArgument', message })).toEqual({ field: null, message })
    expect(problemOf({ code: 'NetworkError', message: 'No network.' })).toEqual({ field: null, message: 'No network.' })
  })
})

describe('reading a PFX file', () => {
  it('encodes its bytes as base64, however large', () => {
    expect(base64OfBytes(new Uint8Array([0x30, 0x82, 0xff]))).toBe('MIL/')
    const large = new Uint8Array(200_000).fill(65)
    expect(atob(base64OfBytes(large))).toHaveLength(200_000)
  })
})
