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

// ── Rules (issue 4): shapes are checked here; meaning (known attributes, operators, expressions) by the domain.
const ruleText = z.string().max(10_000)
const shortText = z.string().max(400)
const entraId = z.string().min(1).max(200)
const scopeOperator = z.enum([
  '&', '!&', 'ENDS_WITH', 'EQUALS', 'Greater_Than', 'Greater_Than_OR_EQUALS', 'Includes',
  'IS FALSE', 'IS NOT NULL', 'IS NULL', 'IS TRUE', 'NOT EQUALS', 'NOT REGEX MATCH', 'REGEX MATCH',
])
const scopeFilter = z
  .object({
    name: shortText,
    clauses: z.array(z.object({ attribute: shortText, operator: scopeOperator, value: ruleText.nullable().optional() }).strict()).max(200),
  })
  .strict()
const membership = z.enum(['direct', 'transitive'])
/** A profile's rules as the editors send them (common/rules.ts ProfileRules). */
export const profileRulesSchema = z
  .object({
    mapping: z
      .object({
        mappings: z
          .array(
            z
              .object({
                targetPath: shortText,
                type: z.enum(['direct', 'constant', 'expression', 'none']),
                source: ruleText.optional(),
                defaultValue: ruleText.nullable().optional(),
                applyOn: z.enum(['always', 'creationOnly', 'updateOnly']),
                matching: z.object({ precedence: z.number().int().min(0).max(1000) }).strict().nullable().optional(),
                isMandatory: z.boolean(),
              })
              .strict(),
          )
          .max(500),
        mandatoryTargets: z.array(shortText).max(100),
      })
      .strict(),
    scope: z
      .object({
        mode: z.enum(['assignedOnly', 'allUsers']),
        assignedMembership: membership.optional(),
        groupFilter: z.object({ groupIds: z.array(entraId).max(500), membership }).strict().nullable().optional(),
        filters: z.array(scopeFilter).max(200),
      })
      .strict(),
    grouping: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('allInOne'), groupName: shortText }).strict(),
      z
        .object({
          kind: z.literal('byFields'),
          fields: z.array(shortText).max(10),
          nameTemplate: shortText.optional(),
          noValueLabel: shortText.optional(),
          isDiacriticInsensitive: z.boolean().optional(),
        })
        .strict(),
      z
        .object({
          kind: z.literal('byFilters'),
          groups: z.array(z.object({ name: shortText, filters: z.array(scopeFilter).max(50) }).strict()).max(500),
          otherwise: shortText.nullable().optional(),
        })
        .strict(),
    ]),
    roles: z
      .object({
        groupRoles: z.array(z.object({ entraGroupId: entraId, role: shortText }).strict()).max(500),
        managerRule: z.object({ isEnabled: z.boolean(), approverRole: shortText }).strict(),
        selfApproverIds: z.array(entraId).max(10_000),
      })
      .strict(),
  })
  .strict()
const byProfileAndRules = z.object({ profileId, rules: profileRulesSchema }).strict()

// ── Target and sync (issue 5)
const scimUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    if (!URL.canParse(value)) return false
    const url = new URL(value)
    // Plain http only to this machine (a local test target); anything else must be https.
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
  }, 'an https:// address (http:// only for 127.0.0.1)')
const planId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/)
const runId = planId
const planAction = z.enum(['create', 'update', 'disable', 'reactivate', 'delete', 'createGroup', 'addMembers', 'removeMembers', 'setManager', 'skip'])
const syncSettings = z
  .object({
    mode: z.enum(['paused', 'full', 'newUsersOnly']),
    isPushEnabled: z.boolean(),
    deletionThreshold: z.object({ count: z.number().int().min(0).max(10_000_000), percent: z.number().min(0).max(100) }).strict(),
  })
  .strict()
const targetSettings = z
  .object({
    scimUrl,
    token: z.string().min(1).max(8192).optional(),
    ratePerSecond: z.number().min(0.1).max(10_000),
    concurrency: z.number().int().min(1).max(64),
    compatibility: z.enum(['strict', 'entra']),
    isSoftDeleteSupported: z.boolean(),
    hardDeleteAfterDays: z.number().int().min(0).max(3650),
  })
  .strict()

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
  rules: {
    get: byProfile,
    validate: byProfileAndRules,
    save: byProfileAndRules,
    reset: byProfile,
    exportFile: byProfile,
    importFile: z.object({ profileId, text: z.string().max(5 * 1024 * 1024) }).strict(),
    catalogue: byProfile,
    evaluateExpression: z.object({ profileId, expression: z.string().max(20_000), userId: entraId.optional() }).strict(),
    preview: byProfileAndRules,
    explainUser: z.object({ profileId, rules: profileRulesSchema, userId: entraId }).strict(),
  },
  target: {
    status: byProfile,
    configure: z.object({ profileId, settings: targetSettings }).strict(),
    test: byProfile,
    refresh: byProfile,
  },
  sync: {
    settings: byProfile,
    configure: z.object({ profileId, settings: syncSettings }).strict(),
    plan: byProfile,
    queryPlan: z
      .object({
        profileId,
        planId,
        actions: z.array(planAction).max(10).optional(),
        search: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
    setExcluded: z.object({ profileId, planId, operationIds: z.array(z.string().min(1).max(400)).max(100_000), isExcluded: z.boolean() }).strict(),
    exportPlan: z.object({ profileId, planId, format: z.enum(['csv', 'json']) }).strict(),
    push: z.object({ profileId, planId, confirmNumber: z.number().int().min(0).optional() }).strict(),
    cancel: byProfile,
    status: byProfile,
    provisionUser: z.object({ profileId, userId: entraId, apply: z.boolean() }).strict(),
    runs: z.object({ profileId, status: z.enum(['running', 'succeeded', 'partial', 'failed', 'cancelled']).optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    runOperations: z.object({ profileId, runId, failedOnly: z.boolean().optional(), offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(1000) }).strict(),
    exportRun: z.object({ profileId, runId }).strict(),
  },
} as const satisfies { [A in AreaName]: Record<string, z.ZodType> }
