/**
 * Checks what the admin submitted for a connection against its cloud and turns it into what is
 * stored: settings (no secrets) and the secrets to keep. The contract's schema has already checked
 * shapes (contract-schemas.ts); this adds the rules that need more than a shape — hosts per cloud,
 * a tenant for unattended sign-in, a certificate that opens and matches its key, a CA that parses.
 */
import { X509Certificate } from 'node:crypto'
import type { ConnectionInput, ConnectionSettings } from '../../common/connection'
import { AppError } from '../../common/errors'
import { readPemCertificate, readPfxCertificate, type CertificateCredential } from './certificate-credential'
import { resolveCloud, type CloudEndpoints } from './cloud-endpoints'

export interface ReadConnectionInput {
  readonly settings: ConnectionSettings
  readonly endpoints: CloudEndpoints
  readonly clientSecret: string | null
  readonly certificate: CertificateCredential | null
  readonly caCertificatePem: string | null
  /** The proxy URL with its user name and password, when it has them (kept as a secret). */
  readonly proxyUrlWithCredentials: string | null
}

/** Validates `input`; expected problems are `InvalidArgument` AppErrors in plain words. */
export function readConnectionInput(input: ConnectionInput): ReadConnectionInput {
  const endpoints = readEndpoints(input)
  if (input.mode !== 'interactive' && input.tenant.toLowerCase() === 'organizations') {
    throw invalid('An app registration signs in to one tenant: “organizations” cannot be used here.', 'Enter the tenant id (a GUID) or a verified domain of your tenant.')
  }
  const certificate =
    input.mode !== 'certificate'
      ? null
      : input.pfxBase64
        ? readPfxCertificate(input.pfxBase64, input.pfxPassword ?? '')
        : readPemCertificate(input.certificatePem ?? '', input.privateKeyPem ?? '')
  const clientSecret = input.mode === 'clientSecret' ? (input.clientSecret ?? null) : null
  if (input.mode === 'clientSecret' && !clientSecret) throw invalid('A client secret is required.', 'Paste the Value of a client secret of the app registration.')
  const caCertificatePem = input.caCertificatePem?.trim() ? readCaCertificate(input.caCertificatePem) : null
  const proxy = input.proxyUrl ? readProxyUrl(input.proxyUrl) : null
  return {
    endpoints,
    clientSecret,
    certificate,
    caCertificatePem,
    proxyUrlWithCredentials: proxy?.hasCredentials ? input.proxyUrl ?? null : null,
    settings: {
      cloud: input.cloud,
      authorityHost: endpoints.authorityHost,
      graphEndpoint: endpoints.graphEndpoint,
      tenant: input.tenant,
      clientId: input.clientId.toLowerCase(),
      mode: input.mode,
      proxyUrl: proxy?.withoutCredentials ?? null,
      hasCustomCa: caCertificatePem !== null,
      hasCredential: clientSecret !== null || certificate !== null,
    },
  }
}

function readEndpoints(input: ConnectionInput): CloudEndpoints {
  if (input.cloud === 'custom') {
    if (!input.authorityHost || !input.graphEndpoint) {
      throw invalid('A custom cloud needs its login host and its Graph endpoint.', 'Enter both, or choose one of the Microsoft clouds.')
    }
    return resolveCloud('custom', { authorityHost: input.authorityHost, graphEndpoint: input.graphEndpoint })
  }
  const endpoints = resolveCloud(input.cloud)
  const sameHost = !input.authorityHost || input.authorityHost.replace(/^https:\/\//, '').replace(/\/+$/, '').toLowerCase() === endpoints.authorityHost
  const sameGraph = !input.graphEndpoint || input.graphEndpoint.replace(/\/+$/, '').toLowerCase() === endpoints.graphEndpoint
  if (!sameHost || !sameGraph) {
    throw invalid(
      `The ${input.cloud} cloud signs in at ${endpoints.authorityHost} and serves Graph at ${endpoints.graphEndpoint}; other hosts need the custom cloud.`,
      'Leave the hosts empty, or choose Custom.',
    )
  }
  return endpoints
}

function readCaCertificate(pem: string): string {
  try {
    // Parsing checks the first certificate; the whole text is kept, so a bundle of several CAs works.
    void new X509Certificate(pem)
    return `${pem.trim()}\n`
  } catch (error) {
    throw new AppError(
      { code: 'InvalidArgument', message: 'The extra CA certificate could not be read.', hint: 'Paste the root certificate of your proxy or cloud in PEM form (-----BEGIN CERTIFICATE-----).' },
      { cause: error },
    )
  }
}

function readProxyUrl(proxyUrl: string): { withoutCredentials: string; hasCredentials: boolean } {
  let url: URL
  try {
    url = new URL(proxyUrl)
  } catch (error) {
    throw new AppError({ code: 'InvalidArgument', message: 'The proxy address is not a URL.', hint: 'Write it as http://host:port.' }, { cause: error })
  }
  const hasCredentials = url.username !== '' || url.password !== ''
  url.username = ''
  url.password = ''
  return { withoutCredentials: url.toString().replace(/\/$/, ''), hasCredentials }
}

function invalid(message: string, hint: string): AppError {
  return new AppError({ code: 'InvalidArgument', message, hint })
}
