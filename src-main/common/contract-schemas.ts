/**
 * Argument schemas for every contract method. Both hosts (Electron IPC and the browser bridge)
 * validate with these before anything reaches the API implementation.
 */
import { z } from 'zod'
import type { AreaName } from './contract'
import { CLOUD_NAMES } from './connection'
import { USER_COLUMNS } from './directory'

const empty = z.object({}).strict()
const profileId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'a profile id is letters, digits, - and _')
const byProfile = z.object({ profileId }).strict()
const profileName = z.string().trim().min(1, 'a profile needs a name').max(80)
const pem = z.string().max(64 * 1024)
const host = z
  .string()
  .max(253)
  .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'a host name, optionally with :port')
const httpsUrl = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'an https:// address')
const proxyUrl = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'an http:// or https:// proxy address')
const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const tenant = z
  .string()
  .max(253)
  .refine((value) => value === 'organizations' || guid.test(value) || /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(value), 'a tenant id, a verified domain, or “organizations”')

const connectionInput = z
  .object({
    cloud: z.enum(CLOUD_NAMES as unknown as [string, ...string[]]),
    authorityHost: host.optional(),
    graphEndpoint: httpsUrl.optional(),
    tenant,
    clientId: z.string().regex(guid, 'a client (application) id is a GUID'),
    mode: z.enum(['interactive', 'clientSecret', 'certificate']),
    proxyUrl: proxyUrl.optional(),
    clientSecret: z.string().min(1).max(1024).optional(),
    certificatePem: pem.optional(),
    privateKeyPem: pem.optional(),
    pfxBase64: z.string().max(256 * 1024).optional(),
    pfxPassword: z.string().max(1024).optional(),
    caCertificatePem: pem.optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.cloud === 'custom' && (!value.authorityHost || !value.graphEndpoint)) {
      context.addIssue({ code: 'custom', message: 'a custom cloud needs its login host and Graph endpoint', path: ['cloud'] })
    }
    if (value.mode === 'clientSecret' && !value.clientSecret) {
      context.addIssue({ code: 'custom', message: 'a client secret is required', path: ['clientSecret'] })
    }
    if (value.mode === 'certificate' && !(value.certificatePem && value.privateKeyPem) && !value.pfxBase64) {
      context.addIssue({ code: 'custom', message: 'a certificate (PEM and key, or PFX) is required', path: ['certificatePem'] })
    }
  })

export const CONTRACT_SCHEMAS = {
  app: { info: empty },
  profiles: {
    list: empty,
    openDemo: empty,
    create: z.object({ name: profileName }).strict(),
    rename: z.object({ profileId, name: profileName }).strict(),
    duplicate: z.object({ profileId, name: profileName }).strict(),
    delete: z.object({ profileId, confirmName: z.string().max(200) }).strict(),
  },
  pull: { start: z.object({ profileId, full: z.boolean().optional() }).strict(), cancel: byProfile, status: byProfile },
  directory: {
    summary: byProfile,
    queryUsers: z
      .object({
        profileId,
        search: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(1000),
        sortBy: z.enum(USER_COLUMNS as unknown as [string, ...string[]]).optional(),
        sortDirection: z.enum(['asc', 'desc']).optional(),
      })
      .strict(),
    getUser: z.object({ profileId, userId: z.string().min(1).max(200) }).strict(),
  },
  connection: {
    permissions: byProfile,
    configure: z.object({ profileId, connection: connectionInput }).strict(),
    status: byProfile,
    signIn: byProfile,
    cancelSignIn: byProfile,
    signOut: byProfile,
    consentLink: byProfile,
    checkConsent: byProfile,
    test: byProfile,
  },
  health: {
    report: byProfile,
    enterpriseApps: byProfile,
    chooseEnterpriseApp: z.object({ profileId, appId: z.string().regex(guid, 'an application id is a GUID') }).strict(),
  },
  settings: { get: empty },
} as const satisfies { [A in AreaName]: Record<string, z.ZodType> }
