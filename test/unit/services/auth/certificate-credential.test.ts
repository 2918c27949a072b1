import { generateKeyPairSync } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { readPemCertificate, readPfxCertificate } from '../../../../src-main/services/auth/certificate-credential'
import { makeTestCertificate, type TestCertificate } from './test-certificates'

let certificate: TestCertificate

beforeAll(() => {
  certificate = makeTestCertificate()
})

function invalidArgument(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError && error.code === 'InvalidArgument') return error
    throw error
  }
  throw new Error('expected an InvalidArgument AppError')
}

describe('certificate credentials', () => {
  it('reads a PEM certificate with its key: PKCS#8 key, SHA-256 thumbprint, expiry', () => {
    const credential = readPemCertificate(certificate.certificatePem, certificate.privateKeyPem)
    expect(credential.thumbprintSha256).toBe(certificate.thumbprintSha256)
    expect(credential.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----')
    expect(credential.certificatePem).toContain('-----BEGIN CERTIFICATE-----')
    expect(Date.parse(credential.notAfter)).toBeGreaterThan(Date.now())
  })

  it('reads a PFX with its password into the same credential', () => {
    const credential = readPfxCertificate(certificate.pfxBase64('pfx-password'), 'pfx-password')
    expect(credential.thumbprintSha256).toBe(certificate.thumbprintSha256)
    expect(credential).toEqual(readPemCertificate(certificate.certificatePem, certificate.privateKeyPem))
  })

  it('says so, in plain words, when the PFX password is wrong or the file is not a PFX', () => {
    expect(invalidArgument(() => readPfxCertificate(certificate.pfxBase64('right'), 'wrong')).message).toBe('The PFX file could not be opened.')
    expect(invalidArgument(() => readPfxCertificate('bm90IGEgcGZ4', '')).hint).toMatch(/password/)
  })

  it('refuses a key that belongs to another certificate, and text that is not PEM', () => {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    expect(invalidArgument(() => readPemCertificate(certificate.certificatePem, otherKey)).message).toMatch(/does not belong/)
    expect(invalidArgument(() => readPemCertificate('nonsense', certificate.privateKeyPem)).message).toMatch(/certificate could not be read/)
    expect(invalidArgument(() => readPemCertificate(certificate.certificatePem, 'nonsense')).message).toMatch(/private key could not be read/)
  })
})
