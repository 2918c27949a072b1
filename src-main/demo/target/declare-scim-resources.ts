/**
 * Binds SCIMMY's User (with the Enterprise User extension) and Group resources to a
 * {@link DemoTargetStore}.
 *
 * SCIMMY keeps declared resources and their handlers in process-global statics, and the router
 * registers routes from them when it is constructed. To still allow several demo targets in one
 * process (tests, a second profile), the handlers are declared once and hold no state: the store
 * of the server a request arrived at comes in through SCIMMY's per-request `ctx`.
 */
import SCIMMY from 'scimmy'
import { CARD_EXTENSION_ATTRIBUTES, CARD_EXTENSION_SCHEMA } from '../../domain/mapping/card-extension-schema'
import { arrangeListPage } from './arrange-list-page'
import type { DemoTargetStore } from './demo-target-store'
import { matchScimFilter, simpleEqualityValue } from './match-scim-filter'
import type { ScimGroupRecord, ScimUserRecord } from './scim-user-record'

/** What each request's handlers receive as SCIMMY context. */
export interface DemoTargetContext {
  readonly store: DemoTargetStore
  /** A new resource id. */
  readonly newId: () => string
  /** The current time, ISO-8601. */
  readonly now: () => string
}

/** Resource-level attributes SCIMMY manages itself and the store must not keep. */
const SHADOW_ATTRIBUTES = ['schemas', 'meta', 'id'] as const

/** A SCIM error response (RFC 7644 §3.12); `scimType` only where the RFC defines one. */
function scimError(status: number, message: string, scimType?: string): SCIMMY.Types.SCIMError {
  // SCIMMY's typings ask for a string, but it sends `scimType` only when one is given.
  return new SCIMMY.Types.Error(status, scimType as string, message)
}

function contextOf(context: unknown): DemoTargetContext {
  const candidate = context as Partial<DemoTargetContext> | undefined
  if (!candidate?.store) throw scimError(500, 'Demo target context missing (handlers used outside startDemoTarget)')
  return candidate as DemoTargetContext
}

/** SCIMMY's coerced instance → a plain object of the attributes the client sent. */
function plainAttributes(instance: unknown): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>
  for (const attribute of SHADOW_ATTRIBUTES) delete plain[attribute]
  return plain
}

function notFound(id: string | undefined): SCIMMY.Types.SCIMError {
  return scimError(404, `Resource ${id ?? ''} not found`)
}

let isDeclared = false

/** Declares the Users and Groups resources (idempotent; must run before a router is constructed). */
export function declareScimResources(): void {
  if (isDeclared) return
  isDeclared = true

  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false).extend(cardExtensionSchema(), false))
    .egress((resource, context) => {
      const { store } = contextOf(context)
      if (resource.id) {
        const user = store.getUser(resource.id)
        if (!user) throw notFound(resource.id)
        return user as never
      }
      const userName = simpleEqualityValue(resource.filter, 'userName')
      const externalId = simpleEqualityValue(resource.filter, 'externalId')
      const candidates = userName !== undefined
        ? store.findUsersByUserName(userName)
        : externalId !== undefined ? store.findUsersByExternalId(externalId) : store.listUsers()
      const matches = resource.filter ? matchScimFilter(resource.filter, candidates) : candidates
      return arrangeListPage(matches, resource.constraints) as never
    })
    .ingress((resource, instance, context) => {
      const { store, newId, now } = contextOf(context)
      const attributes = plainAttributes(instance)
      const existing = resource.id ? store.getUser(resource.id) : undefined
      if (resource.id && !existing) throw notFound(resource.id)
      const timestamp = now()
      const user = {
        ...attributes,
        // RFC 7643 gives `active` no default; the target treats a user sent without it as active.
        active: typeof attributes.active === 'boolean' ? attributes.active : true,
        id: existing?.id ?? newId(),
        meta: { created: existing?.meta.created ?? timestamp, lastModified: timestamp },
      } as ScimUserRecord
      const saved = store.saveUser(user)
      if (!saved.ok) throw scimError(409, saved.message, 'uniqueness')
      return user as never
    })
    .degress((resource, context) => {
      const { store } = contextOf(context)
      if (!resource.id || !store.deleteUser(resource.id)) throw notFound(resource.id)
    })

  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .egress((resource, context) => {
      const { store } = contextOf(context)
      if (resource.id) {
        const group = store.getGroup(resource.id)
        if (!group) throw notFound(resource.id)
        return group as never
      }
      const displayName = simpleEqualityValue(resource.filter, 'displayName')
      const candidates = displayName !== undefined ? store.findGroupsByDisplayName(displayName) : store.listGroups()
      const matches = resource.filter ? matchScimFilter(resource.filter, candidates) : candidates
      return arrangeListPage(matches, resource.constraints) as never
    })
    .ingress((resource, instance, context) => {
      const { store, newId, now } = contextOf(context)
      const attributes = plainAttributes(instance)
      const existing = resource.id ? store.getGroup(resource.id) : undefined
      if (resource.id && !existing) throw notFound(resource.id)
      const timestamp = now()
      const group = {
        ...attributes,
        id: existing?.id ?? newId(),
        meta: { created: existing?.meta.created ?? timestamp, lastModified: timestamp },
      } as ScimGroupRecord
      const saved = store.saveGroup(group)
      if (!saved.ok) throw scimError(409, saved.message, 'uniqueness')
      return group as never
    })
    .degress((resource, context) => {
      const { store } = contextOf(context)
      if (!resource.id || !store.deleteGroup(resource.id)) throw notFound(resource.id)
    })
}

/**
 * The Headcount card extension as a SCIMMY schema, so the demo application takes business-card fields
 * next to the enterprise extension and declares them in /Schemas (where "Test connection" finds them).
 * Shaped like SCIMMY's own EnterpriseUser: a Schema class over a static definition.
 */
function cardExtensionSchema(): typeof SCIMMY.Types.Schema {
  const definition = new SCIMMY.Types.SchemaDefinition(
    'HeadcountCard',
    CARD_EXTENSION_SCHEMA,
    'Business-card fields of a Headcount card target.',
    CARD_EXTENSION_ATTRIBUTES.map(
      (attribute) =>
        new SCIMMY.Types.Attribute(attribute.type, attribute.name, {
          description: attribute.description,
          ...(attribute.type === 'reference' ? { referenceTypes: ['external'] } : {}),
        }),
    ),
  )
  class HeadcountCardUser extends SCIMMY.Types.Schema {
    static override get id(): string {
      return definition.id
    }
    static override get definition(): SCIMMY.Types.SchemaDefinition {
      return definition
    }
    constructor(resource: object, direction: 'in' | 'out' | 'both' = 'both', basepath?: string, filters?: SCIMMY.Types.Filter) {
      super(resource, direction)
      Object.assign(this, definition.coerce(resource, direction, basepath, filters))
    }
  }
  return HeadcountCardUser
}
