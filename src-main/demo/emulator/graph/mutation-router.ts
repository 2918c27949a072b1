/**
 * The emulator's back door, mounted by the server at `/_emulator`: change the tenant (so a delta
 * round has something to report) and switch faults, over plain JSON. It is not part of Graph and
 * needs no token; the emulator only listens on loopback.
 *
 *   GET    /state                                  counts and the change sequence
 *   POST   /users                                  create (body: user properties, `managerId`)
 *   PATCH  /users/:id                              update properties
 *   POST   /users/:id/disable | /soft-delete | /restore | /hard-delete
 *   DELETE /users/:id                              soft delete (`?permanent=true`: hard delete)
 *   PUT    /users/:id/manager                      `{ managerId: string | null }`
 *   POST   /groups                                 create
 *   DELETE /groups/:id
 *   POST   /groups/:id/members                     `{ memberId }`
 *   DELETE /groups/:id/members/:memberId
 *   POST   /service-principals/:id/assignments     `{ principalId }`
 *   GET | POST | DELETE /faults                    read, replace, clear the fault settings
 */
import express, { type NextFunction, type Request, type Response } from 'express'
import { z } from 'zod'
import type { DirectoryState, MutationResult } from './directory-state'
import type { UserPatch } from './directory-records'
import type { FaultControl } from './fault-control'

const nullableString = z.string().nullable()

const USER_FIELDS = {
  userPrincipalName: z.string().min(3),
  mail: nullableString,
  mailNickname: nullableString,
  proxyAddresses: z.array(z.string()),
  displayName: nullableString,
  givenName: nullableString,
  surname: nullableString,
  jobTitle: nullableString,
  department: nullableString,
  companyName: nullableString,
  officeLocation: nullableString,
  streetAddress: nullableString,
  postalCode: nullableString,
  city: nullableString,
  state: nullableString,
  country: nullableString,
  usageLocation: nullableString,
  preferredLanguage: nullableString,
  mobilePhone: nullableString,
  businessPhones: z.array(z.string()),
  employeeId: nullableString,
  employeeType: nullableString,
  employeeHireDate: nullableString,
  accountEnabled: z.boolean(),
  userType: z.enum(['Member', 'Guest']),
  assignedLicenses: z.array(z.object({ skuId: z.string(), disabledPlans: z.array(z.string()) })),
  onPremisesExtensionAttributes: z.record(z.string().regex(/^extensionAttribute\d+$/), nullableString),
  onPremisesSyncEnabled: z.boolean().nullable(),
  onPremisesImmutableId: nullableString,
  onPremisesSamAccountName: nullableString,
}

const USER_PATCH = z.strictObject(USER_FIELDS).partial()
const USER_CREATE = USER_PATCH.extend({
  userPrincipalName: z.string().min(3),
  displayName: z.string().min(1),
  id: z.string().min(1).optional(),
  managerId: z.string().nullable().optional(),
})

const GROUP_CREATE = z.strictObject({
  id: z.string().min(1).optional(),
  displayName: z.string().min(1),
  description: nullableString.optional(),
  mail: nullableString.optional(),
  mailNickname: z.string().optional(),
  mailEnabled: z.boolean().optional(),
  securityEnabled: z.boolean().optional(),
  groupTypes: z.array(z.string()).optional(),
  visibility: z.enum(['Public', 'Private']).nullable().optional(),
})

const TRIGGER = {
  everyNth: z.number().int().positive().optional(),
  firstN: z.number().int().nonnegative().optional(),
  probability: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
  pathPrefix: z.string().optional(),
  retryAfterSeconds: z.number().nonnegative().optional(),
}

const FAULTS = z.strictObject({
  throttle: z.strictObject(TRIGGER).nullable().optional(),
  unavailable: z.strictObject(TRIGGER).nullable().optional(),
  delayMs: z.number().int().nonnegative().optional(),
  expireDeltaTokens: z.boolean().optional(),
  resetDeltaTokens: z.boolean().optional(),
})

const MANAGER = z.strictObject({ managerId: z.string().nullable() })
const MEMBER = z.strictObject({ memberId: z.string().min(1) })
const ASSIGNMENT = z.strictObject({ principalId: z.string().min(1) })

const STATUS_BY_CODE = { NotFound: 404, Conflict: 409, InvalidArgument: 400 } as const

function reply<T>(response: Response, result: MutationResult<T>, successStatus = 200): void {
  if (result.ok) response.status(successStatus).json(result.value)
  else response.status(STATUS_BY_CODE[result.code]).json({ error: { code: result.code, message: result.message } })
}

function invalid(response: Response, error: z.ZodError): void {
  response.status(400).json({ error: { code: 'InvalidArgument', message: z.prettifyError(error) } })
}

/** Creates the `/_emulator` router over `state` and `faults`. */
export function createMutationRouter(state: DirectoryState, faults: FaultControl): express.Router {
  const router = express.Router()
  router.use(express.json({ limit: '1mb' }))
  const param = (request: Request, name: string): string => String(request.params[name])

  router.get('/state', (_request, response) => {
    response.json({
      users: state.users().length,
      groups: state.groups().length,
      sequence: state.sequence(),
      now: state.now().toISOString(),
    })
  })

  router.post('/users', (request, response) => {
    const body = USER_CREATE.safeParse(request.body)
    if (!body.success) return invalid(response, body.error)
    const { managerId, ...input } = body.data
    const created = state.createUser(input)
    if (created.ok && managerId) {
      const managed = state.setManager(created.value.id, managerId)
      if (!managed.ok) return reply(response, managed)
    }
    reply(response, created, 201)
  })

  router.patch('/users/:id', (request, response) => {
    const body = USER_PATCH.safeParse(request.body)
    if (!body.success) return invalid(response, body.error)
    reply(response, state.updateUser(param(request, 'id'), body.data as UserPatch))
  })

  router.post('/users/:id/disable', (request, response) => reply(response, state.disableUser(param(request, 'id'))))
  router.post('/users/:id/soft-delete', (request, response) => reply(response, state.softDeleteUser(param(request, 'id'))))
  router.post('/users/:id/restore', (request, response) => reply(response, state.restoreUser(param(request, 'id'))))
  router.post('/users/:id/hard-delete', (request, response) => reply(response, state.hardDeleteUser(param(request, 'id'))))
  router.delete('/users/:id', (request, response) => {
    const id = param(request, 'id')
    if (request.query['permanent'] === 'true') return reply(response, state.hardDeleteUser(id))
    reply(response, state.softDeleteUser(id))
  })

  router.put('/users/:id/manager', (request, response) => {
    const body = MANAGER.safeParse(request.body)
    if (!body.success) return invalid(response, body.error)
    reply(response, state.setManager(param(request, 'id'), body.data.managerId))
  })

  router.post('/groups', (request, response) => {
    const body = GROUP_CREATE.safeParse(request.body)
    if (!body.success) return invalid(response, body.error)
    reply(response, state.createGroup(body.data), 201)
  })
  router.delete('/groups/:id', (request, response) => reply(response, state.deleteGroup(param(request, 'id'))))

  router.post('/groups/:id/members', (request, response) => {
    const body = MEMBER.safeParse(request.body)
    if (!body.success) return invalid(response, body.error)
    reply(response, state.addMember(param(request, 'id'), body.data.memberId), 201)
  })
  router.delete('/groups/:id/members/:memberId', (request, response) =>
    reply(response, state.removeMember(param(request, 'id'), param(request, 'memberId'))),
  )

  router.post('/service-principals/:id/assignments', (request, response) => {
    const body = ASSIGNMENT.safeParse(request.body)
    if (!body.success) return invalid(response, body.error)
    reply(response, state.assignAppRole(param(request, 'id'), body.data.principalId), 201)
  })

  router.get('/faults', (_request, response) => {
    response.json({ settings: faults.settings(), counters: faults.counters() })
  })
  router.post('/faults', (request, response) => {
    const body = FAULTS.safeParse(request.body)
    if (!body.success) return invalid(response, body.error)
    faults.configure(body.data)
    response.json({ settings: faults.settings() })
  })
  router.delete('/faults', (_request, response) => {
    faults.clear()
    response.status(204).end()
  })

  router.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    const status = typeof error === 'object' && error !== null ? ((error as { status?: number }).status ?? 500) : 500
    response.status(status).json({
      error: { code: status === 400 ? 'InvalidArgument' : 'Internal', message: error instanceof Error ? error.message : String(error) },
    })
  })
  return router
}
