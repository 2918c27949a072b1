/**
 * The `rules` area (issue 4): a profile's saved rules in its cache file, their validation, export and
 * import as a versioned file, the editors' catalogue, and live results over the cached directory —
 * expression values, counts, and the explanation of one user. Everything works offline on the cache.
 */
/* eslint-disable @typescript-eslint/require-await --
   Contract methods are async even when their body is synchronous, so that a thrown AppError always
   reaches the caller as a rejected promise, as the contract promises. */
import { AppError } from '../common/errors'
import type { RulesApi } from '../common/contract'
import type { ProfileRules, RuleProblem, RulesState } from '../common/rules'
import type { ProfileRecord } from '../services/profiles/profile-registry'
import { defaultProfileRules } from '../services/rules/default-profile-rules'
import { DirectorySnapshots, type LoadedDirectory } from '../services/rules/directory-snapshots'
import { liveContextServices } from '../services/rules/evaluation-services'
import { previewExpression } from '../services/rules/expression-preview'
import { pullAttributesForRules } from '../services/rules/rule-attributes'
import { buildRulesCatalogue } from '../services/rules/rules-catalogue'
import { readRulesFile, writeRulesFile } from '../services/rules/rules-file'
import { explainUserRules, previewRules, type RulePreviewContext } from '../services/rules/rules-preview'
import { RulesStore, rulesFingerprint } from '../services/rules/rules-store'
import { hasRuleErrors, validateProfileRules } from '../services/rules/validate-profile-rules'
import type { ProfileDatabase } from '../services/store/profile-database'

export interface RulesAreaDependencies {
  readonly getProfile: (profileId: string) => Pick<ProfileRecord, 'id' | 'name' | 'kind'> | null
  /** The profile's open cache (shared with the directory reads and pulls). */
  readonly database: (profileId: string) => ProfileDatabase
  readonly now: () => Date
  /**
   * Groups assigned to the profile's application, for `assignedOnly` scope (the pull caches them:
   * services/store/app-assignments-store.ts). Without this every user is "not assigned".
   */
  readonly assignedGroupIds?: (profileId: string) => ReadonlySet<string>
  /** Attribute paths of the target's own schemas, found by its last connection test. */
  readonly targetAttributePaths?: (profileId: string) => readonly string[]
  /** Users assigned to the profile's application themselves, for `assignedOnly` scope. */
  readonly assignedUserIds?: (profileId: string) => ReadonlySet<string>
}

/** The contract area plus what the composition root needs of the rules. */
export interface RulesArea extends RulesApi {
  /** The rules the profile runs on (saved, or the defaults). */
  currentRules(profileId: string): ProfileRules
  /** The user properties the profile's next pull must `$select` (see rule-attributes.ts). */
  pullAttributes(profileId: string): readonly string[]
  /** Forgets the profile's loaded directory (before its cache is closed or deleted). */
  forget(profileId: string): void
}

export function createRulesArea(dependencies: RulesAreaDependencies): RulesArea {
  const directories = new DirectorySnapshots(dependencies.database)
  const noGroups: ReadonlySet<string> = new Set()
  const noUsers: ReadonlySet<string> = new Set()

  function requireProfile(profileId: string): Pick<ProfileRecord, 'id' | 'name' | 'kind'> {
    const profile = dependencies.getProfile(profileId)
    if (!profile) {
      throw new AppError({ code: 'NotFound', message: `There is no profile called “${profileId}”.`, hint: 'Choose a profile from the list, or explore the demo organisation.' })
    }
    return profile
  }

  const storeOf = (profileId: string): RulesStore => new RulesStore(dependencies.database(profileId), dependencies.now)

  function state(profileId: string): RulesState {
    const profile = requireProfile(profileId)
    const saved = storeOf(profileId).read()
    const rules = saved.rules ?? defaultProfileRules(profile.kind)
    return { rules, savedAt: saved.savedAt, fingerprint: rulesFingerprint(rules) }
  }

  function validate(directory: LoadedDirectory, rules: ProfileRules): RuleProblem[] {
    const { snapshot } = directory
    return validateProfileRules(rules, {
      knownAttributes: directory.knownAttributes,
      groupIds: snapshot.groupNames,
      userIds: snapshot.usersById,
    })
  }

  function previewContext(profileId: string): RulePreviewContext {
    return {
      directory: directories.get(profileId),
      assignedGroupIds: dependencies.assignedGroupIds?.(profileId) ?? noGroups,
      assignedUserIds: dependencies.assignedUserIds?.(profileId) ?? noUsers,
      services: liveContextServices(dependencies.now()),
    }
  }

  return {
    get: async ({ profileId }) => state(profileId),
    validate: async ({ profileId, rules }) => {
      requireProfile(profileId)
      return validate(directories.get(profileId), rules)
    },
    save: async ({ profileId, rules }) => {
      requireProfile(profileId)
      const problems = validate(directories.get(profileId), rules)
      const errors = problems.filter((problem) => problem.severity === 'error')
      if (hasRuleErrors(problems)) {
        throw new AppError({
          code: 'InvalidRules',
          message: `The rules have ${errors.length === 1 ? '1 problem' : `${errors.length} problems`} to fix before they can be saved. The first: ${errors[0]!.message}`,
          hint: errors[0]!.hint ?? 'Fix the marked rows and save again.',
        })
      }
      storeOf(profileId).save(rules)
      return state(profileId)
    },
    reset: async ({ profileId }) => {
      requireProfile(profileId)
      storeOf(profileId).reset()
      return state(profileId)
    },
    exportFile: async ({ profileId }) => {
      const profile = requireProfile(profileId)
      return writeRulesFile(state(profileId).rules, profile.name, dependencies.now())
    },
    importFile: async ({ profileId, text }) => {
      requireProfile(profileId)
      const file = readRulesFile(text)
      return { ...file, problems: validate(directories.get(profileId), file.rules) }
    },
    catalogue: async ({ profileId }) => {
      requireProfile(profileId)
      return buildRulesCatalogue(directories.get(profileId), state(profileId).rules.mapping.mandatoryTargets, dependencies.targetAttributePaths?.(profileId) ?? [])
    },
    evaluateExpression: async ({ profileId, expression, userId }) => {
      requireProfile(profileId)
      const directory = directories.get(profileId)
      const user = userId === undefined ? null : (directory.snapshot.usersById.get(userId) ?? null)
      if (userId !== undefined && user === null) throw userNotFound()
      return previewExpression(expression, directory, user, liveContextServices(dependencies.now()))
    },
    preview: async ({ profileId, rules }) => {
      requireProfile(profileId)
      // The whole call is timed: loading (when a pull changed the cache) and validation included.
      const started = performance.now()
      const context = previewContext(profileId)
      const preview = previewRules(rules, context, validate(context.directory, rules))
      return { ...preview, durationMs: Math.round((performance.now() - started) * 10) / 10 }
    },
    explainUser: async ({ profileId, rules, userId }) => {
      requireProfile(profileId)
      const context = previewContext(profileId)
      const user = context.directory.snapshot.usersById.get(userId)
      if (user === undefined) throw userNotFound()
      return explainUserRules(rules, context, user)
    },
    currentRules: (profileId) => state(profileId).rules,
    pullAttributes: (profileId) => pullAttributesForRules(state(profileId).rules),
    forget: (profileId) => directories.forget(profileId),
  }
}

function userNotFound(): AppError {
  return new AppError({ code: 'NotFound', message: 'This user is not in the cached directory.', hint: 'The user may have been removed by the last pull; pick another user.' })
}
