/** DTOs of the Connection area: how a profile reaches its tenant. Secrets never travel back. */
import type { AppErrorData } from './errors'

/** Microsoft clouds Headcount can connect to; `custom` names its own hosts (and the demo emulator is one). */
export type CloudName = 'global' | 'usgov' | 'usgovdod' | 'china' | 'custom'

export const CLOUD_NAMES: readonly CloudName[] = ['global', 'usgov', 'usgovdod', 'china', 'custom']

/** How the profile signs in: the admin through the browser, or an app registration unattended. */
export type ConnectionMode = 'interactive' | 'clientSecret' | 'certificate'

/** What is stored about a profile's connection (no secrets). */
export interface ConnectionSettings {
  readonly cloud: CloudName
  /** Login host (`login.microsoftonline.com`, or host[:port] for a custom cloud). */
  readonly authorityHost: string
  /** Graph service root, `https://graph.microsoft.com` or the custom cloud's. */
  readonly graphEndpoint: string
  /** Tenant id, verified domain, or `organizations` (multi-tenant first connect). */
  readonly tenant: string
  readonly clientId: string
  readonly mode: ConnectionMode
  /** `http://host:port` of an HTTP proxy, or null. */
  readonly proxyUrl: string | null
  /** True when an extra CA certificate is trusted for this profile (custom clouds, TLS-inspecting proxies). */
  readonly hasCustomCa: boolean
  /** True when a client secret / certificate is stored for this profile. */
  readonly hasCredential: boolean
}

/** What the admin submits to set up or change a connection. Secret fields are write-only. */
export interface ConnectionInput {
  readonly cloud: CloudName
  /** Custom cloud only. */
  readonly authorityHost?: string
  /** Custom cloud only. */
  readonly graphEndpoint?: string
  readonly tenant: string
  readonly clientId: string
  readonly mode: ConnectionMode
  readonly proxyUrl?: string
  readonly clientSecret?: string
  /** PEM certificate and private key, or a PFX (base64) with its password. */
  readonly certificatePem?: string
  readonly privateKeyPem?: string
  readonly pfxBase64?: string
  readonly pfxPassword?: string
  /** PEM of an extra CA to trust. */
  readonly caCertificatePem?: string
}

export type ConnectionState = 'notConfigured' | 'notConnected' | 'signingIn' | 'connected' | 'failed'

export interface SignedInAccount {
  readonly username: string
  readonly tenantId: string
  readonly homeAccountId: string
}

export interface ConnectionStatus {
  readonly profileId: string
  readonly state: ConnectionState
  readonly settings: ConnectionSettings | null
  readonly account: SignedInAccount | null
  /** From `/organization`, once connected. */
  readonly tenantName: string | null
  readonly lastError: AppErrorData | null
}

/** One permission Headcount asks for, and why, shown before the browser opens. */
export interface PermissionRequest {
  readonly name: string
  readonly kind: 'delegated' | 'application'
  readonly reason: string
  /** False for permissions asked only later, by incremental consent. */
  readonly isRequestedNow: boolean
}

export type ConsentState = 'pending' | 'connected' | 'failed'

/** The admin-consent link for a separate Global Admin, and what became of it. */
export interface ConsentLinkStatus {
  readonly url: string
  readonly state: ConsentState
  readonly checkedAt: string | null
  readonly detail: string | null
}

export interface ConnectionTestStep {
  readonly name: string
  readonly isOk: boolean
  readonly detail: string
}

export interface ConnectionTestResult {
  readonly isOk: boolean
  readonly steps: readonly ConnectionTestStep[]
  /** Required application permissions missing from the token's roles, by name. */
  readonly missingPermissions: readonly string[]
  readonly tenantName: string | null
  readonly error: AppErrorData | null
}

/** Asks the renderer to open a sign-in page (the browser host cannot open the system browser). */
export interface BrowserRequest {
  readonly profileId: string
  readonly url: string
}
