/** Self-signed certificates for tests, as an admin would create for "Certificates & secrets". */
import { createHash, generateKeyPairSync } from 'node:crypto'
import forge from 'node-forge'

export interface TestCertificate {
  readonly certificatePem: string
  /** PKCS#8 PEM */
  readonly privateKeyPem: string
  /** Hex SHA-256 of the DER certificate. */
  readonly thumbprintSha256: string
  /** The certificate and key as a PFX, base64. */
  pfxBase64(password: string): string
}

/** An RSA-2048 self-signed certificate (keys from node:crypto, fast; certificate and PFX from node-forge). */
export function makeTestCertificate(commonName = 'Headcount unattended sync'): TestCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ format: 'pem', type: 'pkcs1' }).toString())
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e)
  certificate.serialNumber = '0a'
  certificate.validity.notBefore = new Date(Date.now() - 60_000)
  certificate.validity.notAfter = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000)
  certificate.setSubject([{ name: 'commonName', value: commonName }])
  certificate.setIssuer([{ name: 'commonName', value: commonName }])
  certificate.sign(forgeKey, forge.md.sha256.create())
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary')
  return {
    certificatePem: forge.pki.certificateToPem(certificate),
    privateKeyPem,
    thumbprintSha256: createHash('sha256').update(der).digest('hex'),
    pfxBase64: (password) => forge.util.encode64(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(forgeKey, certificate, password, { algorithm: '3des' })).getBytes()),
  }
}
