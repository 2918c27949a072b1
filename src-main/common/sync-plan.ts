/**
 * The plan Headcount previews and then pushes, as data (issue 5). The planner (pure, domain/planner)
 * produces it from the cache, the rules and the target snapshot; the executor (services/sync) sends
 * exactly these operations, journalled one by one. Names follow Entra's provisioning logs where they
 * exist (reference/entra-and-graph.md §3.7): actions, skip codes, step types.
 */

/** Entra's sync modes plus the telephony product's "new users only" (PRODUCT.md). */
export type SyncMode = 'paused' | 'full' | 'newUsersOnly'

export type PlanAction =
  | 'create'
  | 'update'
  /** PATCH active=false: out of scope, disabled or soft-deleted in Entra. */
  | 'disable'
  /** PATCH active=true (plus any attribute changes) for a user who comes back. */
  | 'reactivate'
  /** SCIM DELETE: hard-deleted in Entra, or N days after a disable. */
  | 'delete'
  | 'createGroup'
  | 'addMembers'
  | 'removeMembers'
  /** The manager (approver) reference, ordered after the manager exists in the target. */
  | 'setManager'
  | 'skip'

export const PLAN_ACTIONS: readonly PlanAction[] = ['create', 'update', 'disable', 'reactivate', 'delete', 'createGroup', 'addMembers', 'removeMembers', 'setManager', 'skip']

/** Why nothing is sent for a user; Entra's names where Entra has one. */
export type SkipCode =
  | 'MandatoryFieldsMissing'
  | 'DuplicateTargetEntries'
  | 'DuplicateSourceEntries'
  | 'ManagerNotProvisioned'
  | 'OutOfScope'
  | 'ModeNewUsersOnly'
  | 'Paused'
  | 'EvaluationFailed'
  /** Source and target already agree (Entra's "Other" / RedundantExport). */
  | 'RedundantExport'

/** One RFC 7644 §3.5.2 PATCH operation, in strict (lower-case) form; the executor adapts it for Entra compatibility. */
export interface ScimPatchOperation {
  readonly op: 'add' | 'replace' | 'remove'
  readonly path?: string
  readonly value?: unknown
}

/** A value shown in the preview: a string, a list of strings, or null (no value). */
export type ShownValue = string | readonly string[] | null

/** One field that changes, before → after, in the preview. */
export interface AttributeChange {
  /** The mapping's target path (`title`, `emails[type eq "work"].value`, `roles`, `manager`). */
  readonly path: string
  readonly before: ShownValue
  readonly after: ShownValue
}

/** Entra's provisioning steps, as shown on every row (import → scope → match → action). */
export interface TraceStep {
  readonly step: 'import' | 'scope' | 'match' | 'action' | 'reference'
  readonly status: 'success' | 'skipped' | 'failure' | 'warning'
  readonly detail: string
}

export interface PlanOperation {
  /** Stable across re-plans of the same input: `action:entraId-or-groupName:targetId-or-empty`. */
  readonly id: string
  readonly action: PlanAction
  readonly resourceType: 'User' | 'Group'
  /** The Entra user id (null for groups Headcount creates from grouping rules, and for target-only users). */
  readonly entraId: string | null
  /** The SCIM id in the target; null when it does not exist yet (create, createGroup). */
  readonly targetId: string | null
  /** The user's userName (or the group's displayName) as sent or as found. */
  readonly userName: string | null
  readonly displayName: string
  readonly reason: { readonly code: string; readonly text: string }
  readonly changes: readonly AttributeChange[]
  /** create / createGroup: the SCIM resource to POST (a group without members). */
  readonly resource?: Readonly<Record<string, unknown>>
  /** update / disable / reactivate / setManager: the PATCH operations. */
  readonly patch?: readonly ScimPatchOperation[]
  /**
   * Ids only known when the operation runs: the manager's and the members' target ids (they may be
   * created earlier in the same push), and the target group's id for memberships of a new group.
   * The executor resolves Entra ids through the links it keeps.
   */
  readonly references?: {
    readonly managerEntraId?: string
    readonly memberEntraIds?: readonly string[]
    readonly groupName?: string
  }
  /** Operations that must have succeeded first (the manager's create, the group's create …). */
  readonly dependsOn: readonly string[]
  readonly skipCode?: SkipCode
  readonly trace: readonly TraceStep[]
}

/** Deletion safety (Entra's accidental-deletions prevention, reference §3.3): deletes and disables both count. */
export interface PlanSafety {
  readonly deletes: number
  readonly disables: number
  readonly targetUsers: number
  readonly threshold: { readonly count: number; readonly percent: number }
  /** True while deletes + disables exceed the threshold and the admin has not typed the number. */
  readonly isBlocked: boolean
  /** The number the admin must type to unblock (deletes + disables). */
  readonly confirmNumber: number
}

export interface SyncPlan {
  readonly operations: readonly PlanOperation[]
  readonly counts: Readonly<Record<PlanAction, number>>
  readonly safety: PlanSafety
  /** Target users no Entra user matched: test users, leavers, contractors, break-glass admins (PRODUCT.md). */
  readonly unmatchedTargetUsers: readonly { readonly targetId: string; readonly userName: string; readonly active: boolean }[]
}

// ── Inputs the planner reads besides the directory and the rules ───────────────────────────────

/** A user as read from the target's /Users (the snapshot). */
export interface TargetUserRecord {
  readonly id: string
  readonly userName: string
  readonly externalId: string | null
  readonly active: boolean
  /** The whole SCIM resource as the target returned it. */
  readonly resource: Readonly<Record<string, unknown>>
}

/** A group as read from the target's /Groups. */
export interface TargetGroupRecord {
  readonly id: string
  readonly displayName: string
  readonly memberIds: readonly string[]
}

/** What Headcount remembers between runs: which target object an Entra user became. */
export interface SyncLink {
  readonly entraId: string
  readonly targetId: string
  /** When Headcount disabled the target user (for "hard delete N days after a disable"); null when active. */
  readonly disabledAt: string | null
}

export interface SyncOptions {
  readonly mode: SyncMode
  /** Days after a disable to delete the target user; 0 = never (default 30). */
  readonly hardDeleteAfterDays: number
  /** Without soft delete, a user who should be disabled is deleted instead (Entra: "used when the app doesn't support soft delete"). */
  readonly isSoftDeleteSupported: boolean
  /** Defaults 500 and 20 %. */
  readonly deletionThreshold: { readonly count: number; readonly percent: number }
  /** The number the admin typed to allow a plan over the threshold. */
  readonly confirmedDeletes?: number | null
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  mode: 'full',
  hardDeleteAfterDays: 30,
  isSoftDeleteSupported: true,
  deletionThreshold: { count: 500, percent: 20 },
  confirmedDeletes: null,
}
