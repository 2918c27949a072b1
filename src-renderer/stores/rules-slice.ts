/**
 * Rules slice: the active profile's saved rules, the rules being edited (kept while the admin moves
 * between tabs and areas), and main's live answers about them — counts, problems, an expression's
 * value, why a user lands where they land. Main evaluates everything (STYLE.md habit 9); this slice
 * debounces the requests and drops answers to older rules or another profile.
 */
import type {
  AppErrorData,
  ExpressionPreview,
  ProfileRules,
  RuleProblem,
  RulesCatalogue,
  RulesPreview,
  RulesState,
  UserRow,
  UserRulesExplanation,
} from '../../src-main/common'
import { debouncedLatest, type DebouncedLatest } from '../features/rules/debounced-latest'
import { changedTabs, hasErrors, type RulesTab } from '../features/rules/rules-changes'
import { appErrorOf } from './app-error-of'
import type { SliceCreator } from './app-state'
import { busyOperation, failedOperation, idleOperation, succeededOperation, type Operation } from './operation'

/** How long typing must pause before main is asked again. */
export const LIVE_DELAY_MS = 250

/** An imported file waiting for the admin's decision. */
export interface ImportReview {
  readonly rules: ProfileRules
  readonly problems: readonly RuleProblem[]
  readonly profileName: string
  readonly exportedAt: string
}

/** The live result of the expression open in the editor. */
export interface ExpressionView {
  readonly expression: string
  readonly userId: string | null
  readonly result: ExpressionPreview | null
  readonly error: AppErrorData | null
}

export interface RulesView {
  readonly profileId: string | null
  readonly tab: RulesTab
  /** The saved rules as main last described them. */
  readonly saved: Operation<RulesState>
  /** The rules being edited; null until the saved ones arrived. */
  readonly draft: ProfileRules | null
  readonly catalogue: Operation<RulesCatalogue>
  /** Problems in the draft (from `rules.validate`, or a refused save). */
  readonly problems: readonly RuleProblem[]
  readonly preview: Operation<RulesPreview>
  readonly save: Operation<RulesState>
  /** The rules before the last reset, for Undo; null when there is nothing to undo. */
  readonly undo: ProfileRules | null
  readonly exporting: Operation<{ readonly fileName: string; readonly text: string }>
  /** Reading an imported file: its result is the review shown in the dialog. */
  readonly importing: Operation<ImportReview>
  readonly expression: ExpressionView
  readonly explanation: Operation<UserRulesExplanation>
}

export interface RulesSlice {
  readonly rules: RulesView
  /** Reads the saved rules and the catalogue; keeps a draft of the same profile. */
  loadRules(): Promise<void>
  selectRulesTab(tab: RulesTab): void
  /** Replaces parts of the draft and asks main for fresh counts and problems after a pause. */
  editRules(change: Partial<ProfileRules>): void
  /** Asks main for counts and problems of the draft now (the debounced path ends here). */
  refreshRulesPreview(): Promise<void>
  saveRules(): Promise<void>
  /** Puts the saved rules back into the editor. */
  discardRuleChanges(): void
  /** Back to the default rules; the previous ones stay available to {@link undoRulesReset}. */
  resetRules(): Promise<void>
  /** Loads the rules from before the reset into the editor, unsaved. */
  undoRulesReset(): void
  /** The saved rules as a file's name and text; null when main refused (the error is in `exporting`). */
  exportRules(): Promise<{ fileName: string; text: string } | null>
  /** Reads a file's text for review; a refused file leaves main's message in `importing.error`. */
  importRules(text: string): Promise<void>
  /** Loads the reviewed rules into the editor, unsaved. */
  acceptImportedRules(): void
  dismissImportedRules(): void
  /** The live value of an expression for a user and the sample, after a pause. */
  evaluateRuleExpression(expression: string, userId: string | null): void
  /** Why one user is in or out of scope under the draft. */
  explainRulesUser(userId: string): Promise<void>
  /** Users matching a search, for the pickers; an empty list when main cannot answer. */
  findRuleUsers(search: string): Promise<readonly UserRow[]>
  /** A user's display name, for ids kept in the rules (self-approvers); null when unknown. */
  nameOfRuleUser(userId: string): Promise<string | null>
  /** Forgets the previous profile's rules (on a profile switch). */
  resetRulesView(): void
}

/** The view of a profile whose rules were not read. */
export function emptyRulesView(profileId: string | null): RulesView {
  return {
    profileId,
    tab: 'mapping',
    saved: idleOperation(),
    draft: null,
    catalogue: idleOperation(),
    problems: [],
    preview: idleOperation(),
    save: idleOperation(),
    undo: null,
    exporting: idleOperation(),
    importing: idleOperation(),
    expression: { expression: '', userId: null, result: null, error: null },
    explanation: idleOperation(),
  }
}

/** True when the draft differs from the saved rules. */
export function selectHasRuleChanges(state: { readonly rules: RulesView }): boolean {
  return changedTabs(state.rules.draft, state.rules.saved.result?.rules ?? null).size > 0
}

/** True when Save can be pressed: something changed, nothing is wrong, nothing is on its way. */
export function selectCanSaveRules(state: { readonly rules: RulesView }): boolean {
  return selectHasRuleChanges(state) && !hasErrors(state.rules.problems) && !state.rules.save.isBusy
}

interface LiveInput {
  readonly profileId: string
  readonly generation: number
  readonly rules: ProfileRules
}

interface ExpressionInput {
  readonly profileId: string
  readonly generation: number
  readonly expression: string
  readonly userId: string | null
}

export const createRulesSlice: SliceCreator<RulesSlice> = (dependencies) => (set, get) => {
  const { api } = dependencies
  /** Bumped on a profile switch: answers for the previous profile are dropped. */
  let generation = 0

  const update = (changes: Partial<RulesView>): void => {
    set({ rules: { ...get().rules, ...changes } })
  }

  const isCurrent = (input: { readonly profileId: string; readonly generation: number }): boolean =>
    input.generation === generation && get().rules.profileId === input.profileId

  const live: DebouncedLatest<LiveInput> = debouncedLatest({
    delayMs: LIVE_DELAY_MS,
    run: (input) =>
      Promise.all([
        api.rules.validate({ profileId: input.profileId, rules: input.rules }),
        api.rules.preview({ profileId: input.profileId, rules: input.rules }),
      ]),
    onResult: ([problems, preview], input) => {
      if (isCurrent(input)) update({ problems, preview: succeededOperation(preview) })
    },
    onError: (reason, input) => {
      if (isCurrent(input)) update({ preview: failedOperation(get().rules.preview, appErrorOf(reason)) })
    },
  })

  const expressionLive: DebouncedLatest<ExpressionInput> = debouncedLatest({
    delayMs: LIVE_DELAY_MS,
    run: (input) =>
      api.rules.evaluateExpression({
        profileId: input.profileId,
        expression: input.expression,
        ...(input.userId === null ? {} : { userId: input.userId }),
      }),
    onResult: (result, input) => {
      if (isCurrent(input)) update({ expression: { expression: input.expression, userId: input.userId, result, error: null } })
    },
    onError: (reason, input) => {
      if (isCurrent(input)) update({ expression: { ...get().rules.expression, error: appErrorOf(reason) } })
    },
  })

  /** The active profile, resetting the view when it belongs to another one. */
  const begin = (): { profileId: string; generation: number } | null => {
    const profileId = get().activeProfileId
    if (profileId === null) return null
    if (get().rules.profileId !== profileId) get().resetRulesView()
    return { profileId, generation }
  }

  const liveInput = (): LiveInput | null => {
    const { profileId, draft } = get().rules
    if (profileId === null || draft === null) return null
    return { profileId, generation, rules: draft }
  }

  return {
    rules: emptyRulesView(null),

    async loadRules() {
      const request = begin()
      if (request === null) return
      update({ saved: busyOperation(get().rules.saved), catalogue: busyOperation(get().rules.catalogue) })
      const [saved, catalogue] = await Promise.allSettled([
        api.rules.get({ profileId: request.profileId }),
        api.rules.catalogue({ profileId: request.profileId }),
      ])
      if (!isCurrent(request)) return
      const view = get().rules
      update({
        saved: saved.status === 'fulfilled' ? succeededOperation(saved.value) : failedOperation(view.saved, appErrorOf(saved.reason)),
        catalogue:
          catalogue.status === 'fulfilled' ? succeededOperation(catalogue.value) : failedOperation(view.catalogue, appErrorOf(catalogue.reason)),
        // Unsaved edits survive leaving the area and coming back (or a pull refreshing the catalogue).
        draft: view.draft ?? (saved.status === 'fulfilled' ? saved.value.rules : null),
      })
      await get().refreshRulesPreview()
    },

    selectRulesTab(tab) {
      update({ tab })
    },

    editRules(change) {
      const draft = get().rules.draft
      if (draft === null) return
      update({ draft: { ...draft, ...change }, save: idleOperation() })
      const input = liveInput()
      if (input !== null) live.schedule(input)
    },

    async refreshRulesPreview() {
      const input = liveInput()
      if (input === null) return
      update({ preview: busyOperation(get().rules.preview) })
      await live.runNow(input)
    },

    async saveRules() {
      const request = begin()
      const draft = get().rules.draft
      if (request === null || draft === null || get().rules.save.isBusy) return
      update({ save: busyOperation(get().rules.save) })
      try {
        const state = await api.rules.save({ profileId: request.profileId, rules: draft })
        if (!isCurrent(request)) return
        // Edits made while saving stay in the draft (and keep it dirty).
        const current = get().rules.draft
        update({ save: succeededOperation(state), saved: succeededOperation(state), draft: current === draft ? state.rules : current, undo: null })
      } catch (reason) {
        if (!isCurrent(request)) return
        update({ save: failedOperation(get().rules.save, appErrorOf(reason)) })
        // Main refused: show exactly what it found, row by row.
        try {
          const problems = await api.rules.validate({ profileId: request.profileId, rules: draft })
          if (isCurrent(request) && get().rules.draft === draft) update({ problems })
        } catch {
          // The save error is already on screen; the problem list keeps its last answer.
        }
      }
    },

    discardRuleChanges() {
      const saved = get().rules.saved.result
      if (saved === null) return
      update({ draft: saved.rules, save: idleOperation() })
      void get().refreshRulesPreview()
    },

    async resetRules() {
      const request = begin()
      if (request === null) return
      // What the editor held, unsaved edits included: that is what Undo should bring back.
      const previous = get().rules.draft ?? get().rules.saved.result?.rules ?? null
      update({ save: busyOperation(get().rules.save) })
      try {
        const state = await api.rules.reset({ profileId: request.profileId })
        if (!isCurrent(request)) return
        update({ saved: succeededOperation(state), draft: state.rules, undo: previous, save: idleOperation() })
        await get().refreshRulesPreview()
      } catch (reason) {
        if (isCurrent(request)) update({ save: failedOperation(get().rules.save, appErrorOf(reason)) })
      }
    },

    undoRulesReset() {
      const previous = get().rules.undo
      if (previous === null) return
      update({ undo: null })
      get().editRules(previous)
      void get().refreshRulesPreview()
    },

    async exportRules() {
      const request = begin()
      if (request === null) return null
      update({ exporting: busyOperation(get().rules.exporting) })
      try {
        const file = await api.rules.exportFile({ profileId: request.profileId })
        if (isCurrent(request)) update({ exporting: succeededOperation(file) })
        return file
      } catch (reason) {
        if (isCurrent(request)) update({ exporting: failedOperation(get().rules.exporting, appErrorOf(reason)) })
        return null
      }
    },

    async importRules(text) {
      const request = begin()
      if (request === null) return
      update({ importing: busyOperation(idleOperation()) })
      try {
        const review = await api.rules.importFile({ profileId: request.profileId, text })
        if (isCurrent(request)) update({ importing: succeededOperation(review) })
      } catch (reason) {
        if (isCurrent(request)) update({ importing: failedOperation(idleOperation(), appErrorOf(reason)) })
      }
    },

    acceptImportedRules() {
      const review = get().rules.importing.result
      if (review === null) return
      update({ importing: idleOperation() })
      get().editRules(review.rules)
      void get().refreshRulesPreview()
    },

    dismissImportedRules() {
      update({ importing: idleOperation() })
    },

    evaluateRuleExpression(expression, userId) {
      const request = begin()
      if (request === null) return
      expressionLive.schedule({ ...request, expression, userId })
    },

    async explainRulesUser(userId) {
      const request = begin()
      const draft = get().rules.draft
      if (request === null || draft === null) return
      update({ explanation: busyOperation(get().rules.explanation) })
      try {
        const explanation = await api.rules.explainUser({ profileId: request.profileId, rules: draft, userId })
        if (isCurrent(request)) update({ explanation: succeededOperation(explanation) })
      } catch (reason) {
        if (isCurrent(request)) update({ explanation: failedOperation(get().rules.explanation, appErrorOf(reason)) })
      }
    },

    async findRuleUsers(search) {
      const profileId = get().activeProfileId
      if (profileId === null) return []
      try {
        const page = await api.directory.queryUsers({ profileId, search, offset: 0, limit: 8 })
        return page.rows
      } catch (reason) {
        console.warn('Could not search users for the rules editor', appErrorOf(reason))
        return []
      }
    },

    async nameOfRuleUser(userId) {
      const profileId = get().activeProfileId
      if (profileId === null) return null
      try {
        const detail = await api.directory.getUser({ profileId, userId })
        return detail.row.displayName ?? detail.row.userPrincipalName ?? null
      } catch {
        // A user no longer in the cache keeps showing as their id.
        return null
      }
    },

    resetRulesView() {
      generation++
      live.cancel()
      expressionLive.cancel()
      set({ rules: emptyRulesView(get().activeProfileId) })
    },
  }
}
