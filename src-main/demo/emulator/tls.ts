/**
 * TLS material for the demo emulator: a private certificate authority ("Headcount Demo Emulator CA")
 * and a server certificate for 127.0.0.1 / localhost signed by it.
 *
 * MSAL insists on an https authority and Graph client v3 only sends the bearer token to https URLs
 * (reference/electron-msal-graph.md §1.6, §3.2), so the emulator has to speak real TLS. Clients trust
 * the CA explicitly (trusted-fetch's `caCertificates`), never by turning verification off.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import forge from 'node-forge'

export interface EmulatorCertificates {
  /** The CA certificate clients must trust. */
  readonly caPem: string
  /** The server certificate (127.0.0.1 and localhost), signed by the CA. */
  readonly certPem: string
  /** The server certificate's private key. */
  readonly keyPem: string
  /** `ca.pem` in the folder: what NODE_EXTRA_CA_CERTS or a browser import can point at. */
  readonly caFile: string
}

const BUNDLE_FILE = 'emulator-tls.json'
const CA_FILE = 'ca.pem'
const CA_NAME = 'Headcount Demo Emulator CA'
/** Regenerate when the server certificate has less than this left, so a running demo never lapses. */
const RENEW_BEFORE_MS = 14 * 24 * 60 * 60 * 1000

interface StoredBundle {
  readonly caPem: string
  readonly certPem: string
  readonly keyPem: string
}

/**
 * Returns the emulator's CA and server certificate, generating them into `folder` the first time and
 * reusing them afterwards (RSA key generation costs ~100 ms; a browser that was told to trust the CA
 * keeps trusting it across restarts). The bundle is written as one file with an atomic rename, so
 * parallel test processes sharing a cache folder never see a CA from one run and a key from another.
 */
export async function ensureEmulatorCertificates(folder: string, now: Date = new Date()): Promise<EmulatorCertificates> {
  await mkdir(folder, { recursive: true })
  const bundleFile = join(folder, BUNDLE_FILE)
  const caFile = join(folder, CA_FILE)
  const stored = await readBundle(bundleFile)
  if (stored && isUsable(stored, now)) {
    await writeIfChanged(caFile, stored.caPem)
    return { ...stored, caFile }
  }
  const generated = generateEmulatorCertificates(now)
  await writeAtomically(bundleFile, JSON.stringify(generated, null, 2))
  // Another process may have renamed its own bundle over ours in the meantime: use whichever won.
  const winner = (await readBundle(bundleFile)) ?? generated
  await writeIfChanged(caFile, winner.caPem)
  return { ...winner, caFile }
}

/** Generates a fresh CA and server certificate in memory. Exported for tests of the certificate shape. */
export function generateEmulatorCertificates(now: Date = new Date()): StoredBundle {
  const caKeys = forge.pki.rsa.generateKeyPair({ bits: 2048 })
  const ca = forge.pki.createCertificate()
  ca.publicKey = caKeys.publicKey
  ca.serialNumber = randomSerialNumber()
  ca.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000)
  ca.validity.notAfter = addDays(now, 5 * 365)
  const caSubject = [
    { name: 'commonName', value: CA_NAME },
    { name: 'organizationName', value: 'Headcount demo' },
  ]
  ca.setSubject(caSubject)
  ca.setIssuer(caSubject)
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  ca.sign(caKeys.privateKey, forge.md.sha256.create())

  const serverKeys = forge.pki.rsa.generateKeyPair({ bits: 2048 })
  const server = forge.pki.createCertificate()
  server.publicKey = serverKeys.publicKey
  server.serialNumber = randomSerialNumber()
  server.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000)
  server.validity.notAfter = addDays(now, 365)
  server.setSubject([{ name: 'commonName', value: '127.0.0.1' }])
  server.setIssuer(caSubject)
  server.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    // Type 7 is an IP address, type 2 a DNS name (RFC 5280 §4.2.1.6).
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ])
  server.sign(caKeys.privateKey, forge.md.sha256.create())

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(server),
    keyPem: forge.pki.privateKeyToPem(serverKeys.privateKey),
  }
}

async function readBundle(file: string): Promise<StoredBundle | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<StoredBundle>
    if (typeof parsed.caPem !== 'string' || typeof parsed.certPem !== 'string' || typeof parsed.keyPem !== 'string') {
      return null
    }
    return { caPem: parsed.caPem, certPem: parsed.certPem, keyPem: parsed.keyPem }
  } catch {
    return null // missing or damaged: regenerate
  }
}

function isUsable(bundle: StoredBundle, now: Date): boolean {
  try {
    const ca = forge.pki.certificateFromPem(bundle.caPem)
    const server = forge.pki.certificateFromPem(bundle.certPem)
    forge.pki.privateKeyFromPem(bundle.keyPem)
    const renewAfter = new Date(now.getTime() + RENEW_BEFORE_MS)
    return ca.verify(server) && server.validity.notAfter > renewAfter && ca.validity.notAfter > renewAfter
  } catch {
    return false
  }
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temporary, content, { mode: 0o600 })
  await rename(temporary, file)
}

async function writeIfChanged(file: string, content: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => null)
  if (current !== content) await writeAtomically(file, content)
}

function randomSerialNumber(): string {
  // A positive serial: clear the top bit so DER does not read it as negative.
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0] ?? 0) & 0x7f
  return bytes.toString('hex')
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000)
}
