import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { X509Certificate } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ensureEmulatorCertificates } from '../../../src-main/demo/emulator/tls'

const folders: string[] = []
async function newFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'headcount-tls-test-'))
  folders.push(folder)
  return folder
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })))
})

describe('ensureEmulatorCertificates', () => {
  it('creates a CA and a 127.0.0.1/localhost server certificate signed by it', async () => {
    const started = performance.now()
    const certificates = await ensureEmulatorCertificates(await newFolder())
    const elapsed = performance.now() - started
    const ca = new X509Certificate(certificates.caPem)
    const server = new X509Certificate(certificates.certPem)
    expect(ca.subject).toContain('CN=Headcount Demo Emulator CA')
    expect(ca.ca).toBe(true)
    expect(server.ca).toBe(false)
    expect(server.checkIssued(ca)).toBe(true)
    expect(server.verify(ca.publicKey)).toBe(true)
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1')
    expect(server.checkHost('localhost')).toBe('localhost')
    expect(server.checkPrivateKey(await import('node:crypto').then(({ createPrivateKey }) => createPrivateKey(certificates.keyPem)))).toBe(true)
    console.info(`[tls] generating CA + server certificate took ${elapsed.toFixed(0)} ms`)
  })

  it('reuses what it stored, and writes the CA to ca.pem for NODE_EXTRA_CA_CERTS', async () => {
    const folder = await newFolder()
    const first = await ensureEmulatorCertificates(folder)
    const second = await ensureEmulatorCertificates(folder)
    expect(second.certPem).toBe(first.certPem)
    expect(second.keyPem).toBe(first.keyPem)
    expect(await readFile(second.caFile, 'utf8')).toBe(first.caPem)
  })

  it('regenerates when the stored server certificate is about to expire', async () => {
    const folder = await newFolder()
    const first = await ensureEmulatorCertificates(folder)
    const inElevenMonths = new Date(Date.now() + 355 * 24 * 60 * 60 * 1000)
    const renewed = await ensureEmulatorCertificates(folder, inElevenMonths)
    expect(renewed.certPem).not.toBe(first.certPem)
  })

  it('replaces a damaged bundle instead of failing', async () => {
    const folder = await newFolder()
    await ensureEmulatorCertificates(folder)
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(folder, 'emulator-tls.json'), '{"caPem": 42')
    const repaired = await ensureEmulatorCertificates(folder)
    expect(new X509Certificate(repaired.certPem).checkIP('127.0.0.1')).toBe('127.0.0.1')
  })
})
