/**
 * The CLI runs without Electron, so it has no OS-protected storage: it never stores a secret. For
 * each profile it remembers only WHERE the secret comes from — an environment variable's name, a
 * certificate file's path — and reads it afresh on every run (tokens stay in memory).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../common'

export interface CliCredentialSources {
  readonly version: 1
  /** Name of the environment variable holding the client secret. */
  readonly clientSecretEnv?: string
  /** PEM file holding the certificate and its private key. */
  readonly certificateFile?: string
  /** PEM file of an extra CA to trust (custom clouds, TLS-inspecting proxies). */
  readonly caCertificateFile?: string
}

export function credentialSourcesPath(dataDir: string, profileId: string): string {
  return join(dataDir, 'profiles', profileId, 'cli-credentials.json')
}

export function saveCredentialSources(dataDir: string, profileId: string, sources: CliCredentialSources): void {
  const file = credentialSourcesPath(dataDir, profileId)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(`${file}.tmp`, JSON.stringify(sources, null, 2) + '\n', { mode: 0o600 })
  renameSync(`${file}.tmp`, file)
}

export function loadCredentialSources(dataDir: string, profileId: string): CliCredentialSources | null {
  try {
    return JSON.parse(readFileSync(credentialSourcesPath(dataDir, profileId), 'utf8')) as CliCredentialSources
  } catch {
    return null
  }
}

/** The secret in the named environment variable, or a configuration error saying which one is empty. */
export function readSecretFromEnvironment(name: string, environment: NodeJS.ProcessEnv): string {
  const value = environment[name]
  if (!value) {
    throw new AppError({
      code: 'InvalidArgument',
      message: `The environment variable ${name} is empty, so there is no client secret to sign in with.`,
      hint: `Set ${name} to the app registration's client secret before running Headcount.`,
    })
  }
  return value
}

/** A PEM file's text, or a configuration error naming the file. */
export function readPemFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    throw new AppError({ code: 'InvalidArgument', message: `The ${what} file ${path} cannot be read.`, hint: 'Check the path and its permissions.' })
  }
}

/** Splits a PEM bundle into its certificate(s) and private key. */
export function splitCertificateBundle(pem: string, path: string): { certificatePem: string; privateKeyPem: string } {
  const certificates = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)
  const key = pem.match(/-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/)
  if (!certificates || !key) {
    throw new AppError({
      code: 'InvalidArgument',
      message: `${path} must hold the certificate and its private key, both in PEM.`,
      hint: 'Concatenate the .crt/.pem and the .key files into one file.',
    })
  }
  return { certificatePem: certificates.join('\n'), privateKeyPem: key[0] }
}
