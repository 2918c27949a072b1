/**
 * The Connect forms' values, and the ConnectionInput they become. Wording and shaping only: main
 * validates every value (contract-schemas.ts) and its refusals are shown next to the field.
 */
import type { AppErrorData, CloudName, ConnectionInput, ConnectionSettings } from '../../../src-main/common'

/** The clouds in the order the picker lists them, with the names admins know them by. */
export const CLOUD_CHOICES: readonly { readonly cloud: CloudName; readonly label: string; readonly detail: string }[] = [
  { cloud: 'global', label: 'Global', detail: 'login.microsoftonline.com — most organisations' },
  { cloud: 'usgov', label: 'US Government L4', detail: 'GCC High, login.microsoftonline.us' },
  { cloud: 'usgovdod', label: 'US Government L5 (DoD)', detail: 'login.microsoftonline.us, dod-graph.microsoft.us' },
  { cloud: 'china', label: 'China (21Vianet)', detail: 'login.chinacloudapi.cn' },
  { cloud: 'custom', label: 'Custom', detail: 'Your own login host and Graph endpoint' },
]

/** The label of a cloud ("US Government L4"). */
export function labelOfCloud(cloud: CloudName): string {
  return CLOUD_CHOICES.find((choice) => choice.cloud === cloud)?.label ?? cloud
}

/** The two ways in: an admin in the browser, or an app registration for unattended runs. */
export type ConnectWay = 'interactive' | 'unattended'

export type CredentialKind = 'clientSecret' | 'certificate'

export type CertificateFormat = 'pem' | 'pfx'

/** Everything the forms hold, as the admin typed it. */
export interface ConnectionFormValues {
  readonly cloud: CloudName
  readonly authorityHost: string
  readonly graphEndpoint: string
  readonly tenant: string
  readonly clientId: string
  readonly proxyUrl: string
  readonly caCertificatePem: string
  readonly credentialKind: CredentialKind
  readonly clientSecret: string
  readonly certificateFormat: CertificateFormat
  readonly certificatePem: string
  readonly privateKeyPem: string
  readonly pfxBase64: string
  readonly pfxFileName: string
  readonly pfxPassword: string
}

/** "Any work account": the multi-tenant authority for a first connect. */
export const ANY_ORGANISATION = 'organizations'

/** The form as it opens: the stored settings (never a secret), or the defaults. */
export function formValuesFrom(settings: ConnectionSettings | null, way: ConnectWay): ConnectionFormValues {
  const isSameWay = settings !== null && (settings.mode === 'interactive') === (way === 'interactive')
  return {
    cloud: settings?.cloud ?? 'global',
    authorityHost: settings?.cloud === 'custom' ? settings.authorityHost : '',
    graphEndpoint: settings?.cloud === 'custom' ? settings.graphEndpoint : '',
    // An unattended run needs the real tenant; "organizations" only makes sense for a browser sign-in.
    tenant: isSameWay || settings?.tenant !== ANY_ORGANISATION ? (settings?.tenant ?? defaultTenant(way)) : defaultTenant(way),
    clientId: isSameWay ? (settings?.clientId ?? '') : '',
    proxyUrl: settings?.proxyUrl ?? '',
    caCertificatePem: '',
    credentialKind: settings?.mode === 'certificate' ? 'certificate' : 'clientSecret',
    clientSecret: '',
    certificateFormat: 'pem',
    certificatePem: '',
    privateKeyPem: '',
    pfxBase64: '',
    pfxFileName: '',
    pfxPassword: '',
  }
}

function defaultTenant(way: ConnectWay): string {
  return way === 'interactive' ? ANY_ORGANISATION : ''
}

type MutableInput = { -readonly [K in keyof ConnectionInput]: ConnectionInput[K] }

/**
 * The ConnectionInput for `connection:configure`. Text is trimmed (a pasted GUID often carries a
 * space) except secrets, which are sent exactly as typed; empty optional fields are left out;
 * credentials are sent only when `withCredential` (the admin chose to enter or replace them).
 */
export function connectionInputOf(values: ConnectionFormValues, way: ConnectWay, withCredential: boolean): ConnectionInput {
  const input: MutableInput = {
    cloud: values.cloud,
    tenant: values.tenant.trim(),
    clientId: values.clientId.trim(),
    mode: way === 'interactive' ? 'interactive' : values.credentialKind,
  }
  if (values.cloud === 'custom') {
    input.authorityHost = values.authorityHost.trim()
    input.graphEndpoint = values.graphEndpoint.trim()
  }
  if (values.proxyUrl.trim() !== '') input.proxyUrl = values.proxyUrl.trim()
  if (values.caCertificatePem.trim() !== '') input.caCertificatePem = values.caCertificatePem.trim()
  if (way === 'unattended' && withCredential) {
    if (values.credentialKind === 'clientSecret') {
      if (values.clientSecret !== '') input.clientSecret = values.clientSecret
    } else if (values.certificateFormat === 'pem') {
      if (values.certificatePem.trim() !== '') input.certificatePem = values.certificatePem.trim()
      if (values.privateKeyPem.trim() !== '') input.privateKeyPem = values.privateKeyPem.trim()
    } else if (values.pfxBase64 !== '') {
      input.pfxBase64 = values.pfxBase64
      input.pfxPassword = values.pfxPassword
    }
  }
  return input
}

/** Fields of ConnectionInput as the forms label them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  cloud: 'Cloud',
  authorityHost: 'Login host',
  graphEndpoint: 'Graph endpoint',
  tenant: 'Tenant',
  clientId: 'Client id',
  proxyUrl: 'Proxy',
  clientSecret: 'Client secret',
  certificatePem: 'Certificate',
  privateKeyPem: 'Private key',
  pfxBase64: 'PFX file',
  pfxPassword: 'PFX password',
  caCertificatePem: 'CA certificate',
}

/** A refusal of the form, placed on the field it concerns when that can be told. */
export interface FieldProblem {
  /** A ConnectionInput field name, or null for the form as a whole. */
  readonly field: string | null
  readonly message: string
}

/**
 * Where an InvalidArgument from `connection:configure` belongs. Both hosts validate with
 * contract-schemas.ts and word the refusal "The request to connection:configure was not valid
 * (connection.<field>): <what is expected>." (invoke-api.ts); AppErrorData has no field, so the
 * field is read from that wording. Anything else is shown whole, above the buttons.
 */
export function problemOf(error: AppErrorData): FieldProblem {
  if (error.code !== 'InvalidArgument') return { field: null, message: error.message }
  const match = /\(connection\.([A-Za-z]+)\): (.+?)\.?$/.exec(error.message)
  const field = match?.[1]
  const detail = match?.[2]
  if (field === undefined || detail === undefined || FIELD_LABELS[field] === undefined) {
    return { field: null, message: error.message }
  }
  return { field, message: `${capitalise(detail)}.` }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The label a field problem is reported under ("Client id"). */
export function labelOfField(field: string): string {
  return FIELD_LABELS[field] ?? field
}

/** Base64 of a file's bytes, for `pfxBase64`; chunked so a large file does not overflow the call stack. */
export function base64OfBytes(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk))
  }
  return btoa(binary)
}
