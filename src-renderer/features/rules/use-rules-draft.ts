/** What every rules editor tab reads from the store: the draft, its problems and the live figures. */
import type { AppState } from '../../stores/app-state'
import { useAppStore } from '../../stores/app-store-context'

/** The draft being edited, with what the editors need beside it. */
export interface RulesDraftView {
  /** Null until the saved rules have been read. */
  readonly draft: AppState['rules']['draft']
  readonly catalogue: AppState['rules']['catalogue']['result']
  readonly problems: AppState['rules']['problems']
  readonly preview: AppState['rules']['preview']['result']
  readonly editRules: AppState['editRules']
}

/** Subscribes to each part separately, so a tab re-renders only when one of them changes. */
export function useRulesDraft(): RulesDraftView {
  const draft = useAppStore((state) => state.rules.draft)
  const catalogue = useAppStore((state) => state.rules.catalogue.result)
  const problems = useAppStore((state) => state.rules.problems)
  const preview = useAppStore((state) => state.rules.preview.result)
  const editRules = useAppStore((state) => state.editRules)
  return { draft, catalogue, problems, preview, editRules }
}
