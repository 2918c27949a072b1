/**
 * Issues and checks the emulator's tokens: RS256 JWTs in the shape Entra gives Microsoft Graph
 * (v1.0 access tokens, issuer `https://sts.windows.net/{tid}/`) and v2.0 ID tokens. The Graph
 * router calls `verifyAccessToken` on every request, so a token MSAL obtained from this emulator is
 * checked for real: signature, issuer, audience, lifetime.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto'
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import { GRAPH_APPLICATION_ID, GRAPH_RESOURCE } from './graph-permissions'
import type { AccessTokenCheck } from '../graph/graph-router'

/**
 * What a protected resource learns from a bearer token; declared by the Graph router, which consumes
 * exactly this from {@link TokenService.verifyAccessToken}.
 */
export type { AccessTokenCheck }

export interface TokenUser {
  readonly id: string
  readonly userPrincipalName: string
  readonly displayName: string
}

/** How the client proved who it is: Entra's `appidacr` (0 public, 1 secret, 2 certificate). */
export type ClientAuthentication = 'none' | 'secret' | 'certificate'

export type AccessTokenRequest =
  | {
      readonly kind: 'application'
      readonly appId: string
      readonly appDisplayName: string
      /** Object id of the app's service principal in the tenant (the token's `oid` and `sub`). */
      readonly servicePrincipalId: string
      readonly roles: readonly string[]
      readonly clientAuthentication: ClientAuthentication
    }
  | {
      readonly kind: 'delegated'
      readonly appId: string
      readonly appDisplayName: string
      readonly user: TokenUser
      /** Permission values, e.g. `User.Read.All`; written space-separated into `scp`. */
      readonly scopes: readonly string[]
      readonly clientAuthentication: ClientAuthentication
    }

export interface IdTokenRequest {
  readonly appId: string
  readonly user: TokenUser
  /** `https://<host>`: the v2.0 issuer is `${issuerOrigin}/${tenantId}/v2.0`. */
  readonly issuerOrigin: string
  readonly nonce?: string
}

export interface IssuedAccessToken {
  readonly token: string
  /** Seconds from now, as in the token response's `expires_in`. */
  readonly expiresInSeconds: number
}

export interface TokenServiceOptions {
  readonly tenantId: string
  /** PKCS#8 PEM of the RSA signing key; a new key is generated when absent. */
  readonly signingKeyPem?: string
  readonly clock?: () => Date
  /** Entra hands out 60–90 minutes; the emulator uses a fixed value so tests are repeatable. */
  readonly accessTokenLifetimeSeconds?: number
}

export interface TokenService {
  readonly tenantId: string
  issueAccessToken(request: AccessTokenRequest): Promise<IssuedAccessToken>
  issueIdToken(request: IdTokenRequest): Promise<string>
  verifyAccessToken(token: string | undefined): Promise<AccessTokenCheck>
  /** The JWKS document served at `/{tenant}/discovery/v2.0/keys`. */
  jsonWebKeySet(): { keys: Record<string, unknown>[] }
  /** The signing key as PKCS#8 PEM, so a restarted emulator can keep accepting its own tokens. */
  exportSigningKeyPem(): string
}

const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 3599
const ID_TOKEN_LIFETIME_SECONDS = 3600

/** Creates a token service with its own RSA key (or the one given). */
export function createTokenService(options: TokenServiceOptions): TokenService {
  const clock = options.clock ?? (() => new Date())
  const privateKey = options.signingKeyPem ? createPrivateKey(options.signingKeyPem) : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
  const publicKey = createPublicKey(privateKey)
  const publicJwk = publicKey.export({ format: 'jwk' })
  const keyId = jwkThumbprint(publicJwk)
  const lifetime = options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS
  const accessTokenIssuer = `https://sts.windows.net/${options.tenantId}/`

  async function sign(claims: Record<string, unknown>, lifetimeSeconds: number): Promise<string> {
    const now = Math.floor(clock().getTime() / 1000)
    return new SignJWT({ ...claims, iat: now, nbf: now - 300, exp: now + lifetimeSeconds })
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: keyId, x5t: keyId })
      .sign(privateKey)
  }

  return {
    tenantId: options.tenantId,

    async issueAccessToken(request) {
      const common = {
        aud: GRAPH_RESOURCE,
        iss: accessTokenIssuer,
        idp: accessTokenIssuer,
        tid: options.tenantId,
        appid: request.appId,
        app_displayname: request.appDisplayName,
        appidacr: toAppIdAcr(request.clientAuthentication),
        uti: uniqueTokenIdentifier(),
        ver: '1.0',
      }
      const claims =
        request.kind === 'application'
          ? { ...common, idtyp: 'app', oid: request.servicePrincipalId, sub: request.servicePrincipalId, ...(request.roles.length > 0 ? { roles: [...request.roles] } : {}) }
          : {
              ...common,
              idtyp: 'user',
              oid: request.user.id,
              sub: pairwiseSubject(request.user.id, request.appId),
              upn: request.user.userPrincipalName,
              unique_name: request.user.userPrincipalName,
              name: request.user.displayName,
              scp: request.scopes.join(' '),
            }
      return { token: await sign(claims, lifetime), expiresInSeconds: lifetime }
    },

    async issueIdToken(request) {
      return sign(
        {
          aud: request.appId,
          iss: `${request.issuerOrigin}/${options.tenantId}/v2.0`,
          tid: options.tenantId,
          oid: request.user.id,
          sub: pairwiseSubject(request.user.id, request.appId),
          preferred_username: request.user.userPrincipalName,
          name: request.user.displayName,
          ver: '2.0',
          ...(request.nonce ? { nonce: request.nonce } : {}),
        },
        ID_TOKEN_LIFETIME_SECONDS,
      )
    },

    async verifyAccessToken(token) {
      if (token === undefined || token.trim() === '') return { ok: false, reason: 'missing' }
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          algorithms: ['RS256'],
          issuer: accessTokenIssuer,
          audience: [GRAPH_RESOURCE, GRAPH_APPLICATION_ID],
          currentDate: clock(),
        })
        const appId = typeof payload.appid === 'string' ? payload.appid : typeof payload.azp === 'string' ? payload.azp : null
        if (appId === null || payload.tid !== options.tenantId) return { ok: false, reason: 'invalid' }
        const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : []
        const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter((scope) => scope.length > 0) : []
        return { ok: true, roles, scopes, tenantId: options.tenantId, appId }
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' }
        return { ok: false, reason: 'invalid' }
      }
    },

    jsonWebKeySet() {
      return { keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid: keyId, x5t: keyId, n: publicJwk.n, e: publicJwk.e, issuer: `https://login.microsoftonline.com/${options.tenantId}/v2.0` }] }
    },

    exportSigningKeyPem() {
      return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    },
  }
}

function toAppIdAcr(authentication: ClientAuthentication): '0' | '1' | '2' {
  return authentication === 'none' ? '0' : authentication === 'secret' ? '1' : '2'
}

/** RFC 7638 JWK thumbprint, base64url: a stable `kid` for the key. */
function jwkThumbprint(jwk: { n?: string; e?: string }): string {
  return createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n })).digest('base64url')
}

/** Entra's `sub` is pairwise: the same user has a different subject per application. */
function pairwiseSubject(userId: string, appId: string): string {
  return createHash('sha256').update(`${userId}:${appId}`).digest('base64url').slice(0, 43)
}

/** `uti`: Entra's per-token id, 22 base64url characters. */
function uniqueTokenIdentifier(): string {
  return randomBytes(16).toString('base64url')
}
