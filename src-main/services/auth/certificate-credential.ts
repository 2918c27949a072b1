/**
 * Reads the certificate an admin uploads for an unattended connection — a PEM certificate with its
 * private key, or a PFX (PKCS#12) with its password — into what msal-node's client assertion needs:
 * a PKCS#8 PEM key, the PEM certificate (sent as `x5c`) and the certificate's SHA-256 thumbprint.
 * Bad input is an expected failure (`InvalidArgument` in plain words), never a thrown bug.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'
import forge from 'node-forge'
import { AppError } from '../../common/errors'

export interface CertificateCredential {
  readonly certificatePem: string
  /** PKCS#8 PEM. */
  readonly privateKeyPem: string
  /** Hex SHA-256 of the DER certificate, lower case: msal-node's `thumbprintSha256`. */
  readonly thumbprintSha256: string
  /** ISO time the certificate expires. */
  readonly notAfter: string
}

/** From a PEM certificate and its PEM private key (PKCS#1, PKCS#8 or SEC1, unencrypted). */
export function readPemCertificate(certificatePem: string, privateKeyPem: string): CertificateCredential {
  const certificate = parseCertificate(certificatePem)
  let key: KeyObject
  try {
    key = createPrivateKey(privateKeyPem)
  } catch (error) {
    throw invalid('The private key could not be read.', 'Paste the unencrypted private key in PEM form (-----BEGIN PRIVATE KEY-----).', error)
  }
  return toCredential(certificate, key)
}

/** From a PFX (base64) and its password; the certificate chosen is the one whose key is in the file. */
export function readPfxCertificate(pfxBase64: string, password: string): CertificateCredential {
  let pfx: forge.pkcs12.Pkcs12Pfx
  try {
    const der = forge.util.decode64(pfxBase64.replace(/\s+/g, ''))
    pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password)
  } catch (error) {
    throw invalid('The PFX file could not be opened.', 'Check the password, and that the file is a PFX/P12 certificate with its private key.', error)
  }
  const keyBags = [
    ...(pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag ?? '' })[forge.pki.oids.pkcs8ShroudedKeyBag ?? ''] ?? []),
    ...(pfx.getBags({ bagType: forge.pki.oids.keyBag ?? '' })[forge.pki.oids.keyBag ?? ''] ?? []),
  ]
  const forgeKey = keyBags.find((bag) => bag.key)?.key
  if (!forgeKey) throw invalid('The PFX file holds no private key.', 'Export the certificate with its private key (Yes, export the private key).')
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey))
  const certificateBags = pfx.getBags({ bagType: forge.pki.oids.certBag ?? '' })[forge.pki.oids.certBag ?? ''] ?? []
  for (const bag of certificateBags) {
    if (!bag.cert) continue
    const certificate = parseCertificate(forge.pki.certificateToPem(bag.cert))
    if (certificate.checkPrivateKey(key)) return toCredential(certificate, key)
  }
  throw invalid('The PFX file holds no certificate for its private key.', 'Export the certificate together with its private key.')
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem)
  } catch (error) {
    throw invalid('The certificate could not be read.', 'Paste the certificate in PEM form (-----BEGIN CERTIFICATE-----).', error)
  }
}

function toCredential(certificate: X509Certificate, key: KeyObject): CertificateCredential {
  if (!certificate.checkPrivateKey(key)) {
    throw invalid('The private key does not belong to this certificate.', 'Choose the key that was created with the certificate.')
  }
  return {
    certificatePem: certificate.toString(),
    privateKeyPem: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
    thumbprintSha256: certificate.fingerprint256.replace(/:/g, '').toLowerCase(),
    notAfter: new Date(certificate.validTo).toISOString(),
  }
}

function invalid(message: string, hint: string, cause?: unknown): AppError {
  return new AppError({ code: 'InvalidArgument', message, hint }, cause === undefined ? undefined : { cause })
}
