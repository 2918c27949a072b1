/**
 * Which target user each Entra user is, with Entra's semantics (reference §3.1, PRODUCT.md
 * "Reconciling existing application users"):
 * - a link remembered from an earlier run wins, as long as its target user still exists;
 * - otherwise the mapping's matching attributes are tried in precedence order, and the first one that
 *   finds anything decides; values compare case-insensitively;
 * - several target users for one value is a DuplicateTargetEntries conflict, one target user claimed by
 *   several Entra users (by value or by link) a DuplicateSourceEntries conflict for each claimant
 *   found by value. Conflicts are reported, never guessed.
 * Linear in users and target users: one index per matching attribute, built once.
 */
import type { MatchingKey } from '../mapping/evaluate-mappings'
import type { SyncLink, TargetUserRecord } from './sync-plan'
import { parseCachedTargetPath, readTargetValue } from './target-value'

export interface MatchCandidate {
  readonly entraId: string
  /** The user's matching values in precedence order (`matchingKeys`). */
  readonly keys: readonly MatchingKey[]
}

export type UserMatch =
  | { readonly kind: 'link'; readonly targetId: string }
  | { readonly kind: 'attribute'; readonly targetId: string; readonly targetPath: string; readonly value: string }
  | { readonly kind: 'none'; readonly triedKeys: readonly { readonly targetPath: string; readonly value: string }[] }
  /** Several target users have the value: `candidateTargetIds` names them. */
  | { readonly kind: 'duplicateTargets'; readonly targetPath: string; readonly value: string; readonly candidateTargetIds: readonly string[] }
  /** The target user the value found is claimed by others too: `otherEntraIds` names them. */
  | { readonly kind: 'duplicateSources'; readonly targetId: string; readonly targetPath: string; readonly value: string; readonly otherEntraIds: readonly string[] }

export interface MatchResult {
  readonly byEntraId: ReadonlyMap<string, UserMatch>
  /** Target user ids claimed by nobody (neither matched here nor linked), in snapshot order. */
  readonly unmatchedTargetIds: readonly string[]
}

export interface MatchInput {
  readonly candidates: readonly MatchCandidate[]
  readonly targets: readonly TargetUserRecord[]
  /** Every link known; a link of someone not among the candidates still claims its target user. */
  readonly links: readonly SyncLink[]
  /** Target users taken elsewhere (e.g. by an earlier matching pass): never matched by value here. */
  readonly excludedTargetIds?: ReadonlySet<string>
}

/** Matches Entra users to target users; see the module comment for the rules. */
export function matchUsers(input: MatchInput): MatchResult {
  const { candidates, targets, links } = input
  const excluded = input.excludedTargetIds ?? new Set<string>()
  const targetIds = new Set(targets.map((target) => target.id))
  const candidateIds = new Set(candidates.map((candidate) => candidate.entraId))

  // Links first: target id → the Entra id that owns it.
  const linkOwner = new Map<string, string>()
  const linkedTarget = new Map<string, string>()
  for (const link of links) {
    if (!targetIds.has(link.targetId)) continue
    linkOwner.set(link.targetId, link.entraId)
    if (candidateIds.has(link.entraId)) linkedTarget.set(link.entraId, link.targetId)
  }

  const indexes = new Map<string, ReadonlyMap<string, readonly string[]>>()
  const indexFor = (targetPath: string): ReadonlyMap<string, readonly string[]> => {
    let index = indexes.get(targetPath)
    if (index === undefined) {
      index = buildIndex(targets, targetPath, excluded)
      indexes.set(targetPath, index)
    }
    return index
  }

  const byEntraId = new Map<string, UserMatch>()
  const claimants = new Map<string, string[]>()
  for (const { entraId, keys } of candidates) {
    const linked = linkedTarget.get(entraId)
    if (linked !== undefined) {
      byEntraId.set(entraId, { kind: 'link', targetId: linked })
      continue
    }
    const tried: { targetPath: string; value: string }[] = []
    let match: UserMatch | null = null
    for (const key of keys) {
      const value = keyText(key.value)
      if (value === null) continue
      tried.push({ targetPath: key.targetPath, value })
      const found = indexFor(key.targetPath).get(value.toLowerCase())
      if (found === undefined) continue
      match = found.length > 1
        ? { kind: 'duplicateTargets', targetPath: key.targetPath, value, candidateTargetIds: found }
        : { kind: 'attribute', targetId: found[0]!, targetPath: key.targetPath, value }
      break
    }
    if (match === null) match = { kind: 'none', triedKeys: tried }
    if (match.kind === 'attribute') {
      const list = claimants.get(match.targetId)
      if (list === undefined) claimants.set(match.targetId, [entraId])
      else list.push(entraId)
    }
    byEntraId.set(entraId, match)
  }

  for (const [targetId, entraIds] of claimants) {
    const owner = linkOwner.get(targetId)
    if (entraIds.length === 1 && (owner === undefined || owner === entraIds[0])) continue
    for (const entraId of entraIds) {
      const match = byEntraId.get(entraId) as Extract<UserMatch, { kind: 'attribute' }>
      const others = entraIds.filter((other) => other !== entraId)
      if (owner !== undefined && owner !== entraId) others.unshift(owner)
      byEntraId.set(entraId, { kind: 'duplicateSources', targetId, targetPath: match.targetPath, value: match.value, otherEntraIds: others })
    }
  }

  const claimed = new Set<string>([...linkOwner.keys(), ...claimants.keys()])
  const unmatchedTargetIds = targets.filter((target) => !claimed.has(target.id) && !excluded.has(target.id)).map((target) => target.id)
  return { byEntraId, unmatchedTargetIds }
}

/** Target path → lower-cased value → the target users holding it. */
function buildIndex(targets: readonly TargetUserRecord[], targetPath: string, excluded: ReadonlySet<string>): ReadonlyMap<string, readonly string[]> {
  const index = new Map<string, string[]>()
  const path = parseCachedTargetPath(targetPath)
  if (path === null) return index
  const isUserName = path.schema === null && path.filter === null && path.subAttribute === null && path.attribute.toLowerCase() === 'username'
  for (const target of targets) {
    if (excluded.has(target.id)) continue
    const value = keyText(isUserName ? target.userName : readTargetValue(target.resource, path))
    if (value === null) continue
    const key = value.toLowerCase()
    const list = index.get(key)
    if (list === undefined) index.set(key, [target.id])
    else list.push(target.id)
  }
  return index
}

/** A matching value as text; lists (multi-valued sources) match on their first value. */
function keyText(value: unknown): string | null {
  const scalar: unknown = Array.isArray(value) ? (value as readonly unknown[])[0] : value
  if (typeof scalar === 'string') return scalar === '' ? null : scalar
  if (typeof scalar === 'number' || typeof scalar === 'boolean') return String(scalar)
  return null
}
