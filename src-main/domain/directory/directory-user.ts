/**
 * A user as the rules see it: the Graph properties that were pulled, the manager, lifecycle state and
 * group memberships (direct and through nested groups). Built from the cache by the services; the
 * functional core (expressions, scoping, grouping, planner) reads only this.
 */
export interface DirectoryUser {
  readonly id: string
  /** Graph property name → value as pulled (`givenName`, `businessPhones`, `onPremisesExtensionAttributes` …). */
  readonly properties: Readonly<Record<string, unknown>>
  readonly managerId: string | null
  /** Soft-deleted in Entra (Graph `@removed` reason `changed`). */
  readonly isSoftDeleted: boolean
  /** Ids of the groups the user is a direct member of. */
  readonly directGroupIds: ReadonlySet<string>
  /** Ids of every group the user belongs to, directly or through nested groups. */
  readonly groupIds: ReadonlySet<string>
}
