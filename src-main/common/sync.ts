/**
 * The target application (a SCIM 2.0 service) and preview-first sync, as the `target` and `sync`
 * areas see them (issue 5). The plan's own shapes are in sync-plan.ts.
 */
import type { PlanAction, PlanOperation, PlanSafety, SyncMode, TraceStep } from './sync-plan'

// ── Target connection ───────────────────────────────────────────────────────────────────────────

/** strict: RFC 7643/7644 as written; entra: capitalised PATCH ops and booleans as strings, as Entra sends. */
export type ScimCompatibility = 'strict' | 'entra'

export interface TargetSettingsInput {
  /** The SCIM base URL, e.g. https://cards.example.com/scim/v2 (http only for 127.0.0.1). */
  readonly scimUrl: string
  /** The bearer token; write-only (kept in protected storage). Absent = keep the stored one. */
  readonly token?: string
  /** Requests per second (default 25, Entra's gallery minimum). */
  readonly ratePerSecond: number
  /** Requests in flight at once (default 4). */
  readonly concurrency: number
  readonly compatibility: ScimCompatibility
  /** Whether the application keeps disabled users (active=false); without it, Headcount deletes instead. */
  readonly isSoftDeleteSupported: boolean
  /** Delete a target user this many days after Headcount disabled it; 0 = never (default 30). */
  readonly hardDeleteAfterDays: number
}

export interface TargetFeatures {
  readonly patch: boolean
  readonly bulk: boolean
  readonly filter: boolean
  readonly sort: boolean
  readonly etag: boolean
}

export interface TargetTestResult {
  readonly isOk: boolean
  readonly testedAt: string
  /** Plain-language problems, each saying what to do; empty when everything passed. */
  readonly problems: readonly string[]
  /** What each check found, in order (filter query on a random id, /ServiceProviderConfig, /Schemas, /ResourceTypes). */
  readonly checks: readonly { readonly name: string; readonly isOk: boolean; readonly detail: string }[]
  readonly features: TargetFeatures | null
  /** Target attribute paths from custom schemas, offered to the mapping editor. */
  readonly customAttributes: readonly string[]
  readonly resourceTypes: readonly string[]
  readonly durationMs: number
}

export interface TargetSnapshotInfo {
  readonly takenAt: string
  readonly users: number
  readonly groups: number
}

export interface TargetStatus {
  readonly isConfigured: boolean
  readonly scimUrl: string | null
  readonly hasToken: boolean
  readonly settings: Omit<TargetSettingsInput, 'scimUrl' | 'token'>
  readonly lastTest: TargetTestResult | null
  readonly snapshot: TargetSnapshotInfo | null
}

export interface TargetSnapshotProgress {
  readonly profileId: string
  readonly phase: 'users' | 'groups'
  readonly read: number
  /** The target's totalResults, when it said. */
  readonly total: number | null
}

// ── Sync settings, plans and pushes ─────────────────────────────────────────────────────────────

export interface SyncSettings {
  readonly mode: SyncMode
  /** Safe default: false on a new profile — plans can be previewed, nothing is pushed. */
  readonly isPushEnabled: boolean
  readonly deletionThreshold: { readonly count: number; readonly percent: number }
}

export interface PlanSummary {
  readonly planId: string
  readonly profileId: string
  readonly createdAt: string
  readonly rulesFingerprint: string
  readonly mode: SyncMode
  readonly counts: Readonly<Record<PlanAction, number>>
  readonly safety: PlanSafety
  readonly totalOperations: number
  readonly excludedOperations: number
  readonly unmatchedTargetUsers: number
  /** When the target snapshot and the directory cache it was planned from were taken. */
  readonly snapshotTakenAt: string | null
  readonly directoryPulledAt: string | null
  readonly isPushEnabled: boolean
  readonly durationMs: number
}

export interface PlanQuery {
  readonly profileId: string
  readonly planId: string
  /** Only these actions; all when absent. */
  readonly actions?: readonly PlanAction[]
  /** Matches user name, display name, Entra id or target id (case-insensitive). */
  readonly search?: string
  readonly offset: number
  readonly limit: number
}

export interface PlanRow extends PlanOperation {
  readonly isExcluded: boolean
}

export interface PlanPage {
  readonly total: number
  readonly offset: number
  readonly rows: readonly PlanRow[]
}

/** What changed between the previewed plan and a fresh one made just before pushing. */
export interface PlanChanges {
  readonly added: number
  readonly removed: number
  readonly changed: number
  /** Up to 50 plain-language lines, e.g. "Update asmith@contoso.com: title now 'Lead' (was 'Senior')". */
  readonly lines: readonly string[]
}

export type PushStart =
  | { readonly kind: 'started'; readonly runId: string }
  /** The cache or the target changed since the preview: here is the new plan and what changed; push it again to go on. */
  | { readonly kind: 'replanned'; readonly summary: PlanSummary; readonly changes: PlanChanges }

export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled'

export interface PushProgress {
  readonly profileId: string
  readonly runId: string
  readonly done: number
  readonly failed: number
  readonly skipped: number
  readonly total: number
  /** Operations per second over the last few seconds. */
  readonly perSecond: number
  readonly etaSeconds: number | null
  readonly throttled: number
}

export interface RunSummary {
  readonly runId: string
  readonly kind: 'push' | 'provision'
  readonly status: RunStatus
  readonly startedAt: string
  readonly finishedAt: string | null
  readonly startedBy: string
  readonly rulesFingerprint: string
  readonly counts: { readonly total: number; readonly succeeded: number; readonly failed: number; readonly skipped: number; readonly pending: number }
  readonly durationMs: number | null
}

export interface PushFinished {
  readonly profileId: string
  readonly run: RunSummary
}

export type OperationStatus = 'pending' | 'sent' | 'succeeded' | 'failed' | 'skipped'

export interface RunOperationRow {
  readonly seq: number
  readonly operationId: string
  readonly action: PlanAction
  readonly entraId: string | null
  readonly targetId: string | null
  readonly userName: string | null
  readonly status: OperationStatus
  /** Entra's error code name (EntryConflict, TooManyRequests, InvalidAnchor …) when it failed. */
  readonly errorCode: string | null
  readonly errorMessage: string | null
  /** Method, path and body with secrets redacted. */
  readonly requestSummary: string | null
  readonly attempts: number
  readonly durationMs: number | null
  readonly finishedAt: string | null
}

export interface RunOperationPage {
  readonly total: number
  readonly offset: number
  readonly rows: readonly RunOperationRow[]
}

/** Provision on demand: one user through import → scope → match → action. */
export interface ProvisionResult {
  readonly userId: string
  readonly displayName: string
  readonly steps: readonly TraceStep[]
  /** The operations planned for this user (and, when applied, what happened to each). */
  readonly operations: readonly (PlanOperation & { readonly status: OperationStatus | 'previewed'; readonly errorMessage: string | null })[]
  readonly runId: string | null
  readonly durationMs: number
}
