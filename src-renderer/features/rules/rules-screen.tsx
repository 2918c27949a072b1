/**
 * Rules: what Headcount sends for each user (Mapping), who is sent (Scope) and where they land
 * (Groups & roles), edited as a draft with live counts from main, then saved, reset, exported or
 * imported as a whole.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Dialog } from '../../components/dialog'
import { EmptyState } from '../../components/empty-state'
import { ErrorNotice } from '../../components/error-notice'
import { formatCount } from '../../components/format-count'
import { formatRelativeTime } from '../../components/format-time'
import { RulesIcon } from '../../components/icons'
import { ProgressBar } from '../../components/progress-bar'
import { useNow } from '../../shell/use-now'
import { useAppStore } from '../../stores/app-store-context'
import { selectCanSaveRules, selectHasRuleChanges } from '../../stores/rules-slice'
import { selectActiveProfile, selectCanReadTenant, selectHasNoDirectory } from '../../stores/selectors'
import { downloadText } from './download-text'
import { GroupsTab } from './groups-tab'
import { MappingTab, ProblemList } from './mapping-tab'
import { changedTabs, hasErrors, tabOfProblem, type RulesTab } from './rules-changes'
import { ScopeTab } from './scope-tab'

const TABS: readonly { readonly id: RulesTab; readonly label: string }[] = [
  { id: 'mapping', label: 'Mapping' },
  { id: 'scope', label: 'Scope' },
  { id: 'groups', label: 'Groups & roles' },
]

/** The Rules screen, or what to do first when nothing has been pulled. */
export function RulesScreen(): ReactNode {
  const hasNoDirectory = useAppStore(selectHasNoDirectory)
  const profile = useAppStore(selectActiveProfile)
  const lastPullAt = useAppStore((state) => state.directorySummary?.lastPullAt ?? null)
  const loadRules = useAppStore((state) => state.loadRules)
  const profileId = profile?.id ?? null

  // Again after a pull: the catalogue (attributes, groups) and the counts describe the new cache.
  useEffect(() => {
    if (profileId !== null && !hasNoDirectory) void loadRules()
  }, [profileId, hasNoDirectory, lastPullAt, loadRules])

  return (
    <section className="screen rules-screen is-full" aria-labelledby="rules-heading">
      {hasNoDirectory ? <NoDirectory /> : <RulesEditor />}
    </section>
  )
}

function NoDirectory(): ReactNode {
  const canRead = useAppStore(selectCanReadTenant)
  const pull = useAppStore((state) => state.pull)
  const startPull = useAppStore((state) => state.startPull)
  const navigate = useAppStore((state) => state.navigate)
  const isPulling = pull.state === 'starting' || pull.state === 'running'
  return (
    <>
      <header className="screen-header">
        <h1 id="rules-heading" tabIndex={-1}>
          Rules
        </h1>
      </header>
      <EmptyState
        icon={<RulesIcon size={40} />}
        title="Pull the directory first"
        action={
          canRead ? (
            <button type="button" className="button is-primary" data-testid="rules-pull-button" disabled={isPulling} onClick={() => void startPull()}>
              {isPulling ? 'Pulling…' : 'Pull the directory'}
            </button>
          ) : (
            <button type="button" className="button is-primary" onClick={() => navigate('connect')}>
              Connect to pull the directory
            </button>
          )
        }
      >
        <p>Rules are written against the attributes and groups of your users, and show their results on them as you type.</p>
        {isPulling && (
          <ProgressBar
            fraction={null}
            label="Pulling the directory"
            valueText={pull.progress === null ? 'Starting' : `${formatCount(pull.progress.users)} users read`}
          />
        )}
        {pull.error !== null && <ErrorNotice error={pull.error} title="The pull failed" />}
      </EmptyState>
    </>
  )
}

function RulesEditor(): ReactNode {
  const view = useAppStore(
    useShallow((state) => ({
      tab: state.rules.tab,
      draft: state.rules.draft,
      saved: state.rules.saved,
      catalogue: state.rules.catalogue,
      problems: state.rules.problems,
    })),
  )
  const selectTab = useAppStore((state) => state.selectRulesTab)
  const loadRules = useAppStore((state) => state.loadRules)
  const changed = changedTabs(view.draft, view.saved.result?.rules ?? null)
  const tabRefs = useRef<Partial<Record<RulesTab, HTMLButtonElement | null>>>({})

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    const target = event.key === 'Home' ? TABS[0] : event.key === 'End' ? TABS[TABS.length - 1] : step === 0 ? undefined : TABS[(index + step + TABS.length) % TABS.length]
    if (target === undefined) return
    event.preventDefault()
    selectTab(target.id)
    tabRefs.current[target.id]?.focus()
  }

  return (
    <>
      <RulesHeader />
      {view.saved.error !== null && view.draft === null ? (
        <ErrorNotice
          title="Could not read the rules"
          error={view.saved.error}
          actions={
            <button type="button" className="button" onClick={() => void loadRules()}>
              Try again
            </button>
          }
        />
      ) : view.draft === null ? (
        <div className="card rules-loading" role="status" aria-busy="true">
          <span className="visually-hidden">Reading the rules…</span>
          <span className="skeleton is-wide" />
          <span className="skeleton" />
          <span className="skeleton" />
        </div>
      ) : (
        <>
          {view.catalogue.error !== null && <ErrorNotice title="Could not read the attributes and groups to offer" error={view.catalogue.error} />}
          <div className="rules-tabs" role="tablist" aria-label="Rules">
            {TABS.map((tab, index) => {
              const tabProblems = view.problems.filter((problem) => tabOfProblem(problem) === tab.id && problem.severity === 'error').length
              return (
                <button
                  key={tab.id}
                  ref={(element) => {
                    tabRefs.current[tab.id] = element
                  }}
                  type="button"
                  role="tab"
                  id={`rules-tab-${tab.id}`}
                  aria-selected={view.tab === tab.id}
                  aria-controls={`rules-panel-${tab.id}`}
                  tabIndex={view.tab === tab.id ? 0 : -1}
                  className="rules-tab"
                  data-testid={`rules-tab-${tab.id}`}
                  onClick={() => selectTab(tab.id)}
                  onKeyDown={(event) => onTabKey(event, index)}
                >
                  {tab.label}
                  {changed.has(tab.id) && (
                    <span className="rules-tab-dot" data-testid="rules-tab-changed" title="Unsaved changes">
                      <span className="visually-hidden"> (unsaved changes)</span>
                    </span>
                  )}
                  {tabProblems > 0 && (
                    <span className="badge is-danger" title="Problems to fix">
                      {tabProblems}
                      <span className="visually-hidden"> problems</span>
                    </span>
                  )}
                </button>
              )
            })}
          </div>
          <div className="rules-panel" role="tabpanel" id={`rules-panel-${view.tab}`} aria-labelledby={`rules-tab-${view.tab}`}>
            {view.tab === 'mapping' && <MappingTab />}
            {view.tab === 'scope' && <ScopeTab />}
            {view.tab === 'groups' && <GroupsTab />}
          </div>
        </>
      )}
    </>
  )
}

function RulesHeader(): ReactNode {
  const preview = useAppStore((state) => state.rules.preview)
  const saved = useAppStore((state) => state.rules.saved.result)
  const save = useAppStore((state) => state.rules.save)
  const problems = useAppStore((state) => state.rules.problems)
  const undo = useAppStore((state) => state.rules.undo)
  const exporting = useAppStore((state) => state.rules.exporting)
  const importing = useAppStore((state) => state.rules.importing)
  const hasChanges = useAppStore(selectHasRuleChanges)
  const canSave = useAppStore(selectCanSaveRules)
  const actions = useAppStore(
    useShallow((state) => ({
      saveRules: state.saveRules,
      discard: state.discardRuleChanges,
      reset: state.resetRules,
      undoReset: state.undoRulesReset,
      exportRules: state.exportRules,
      importRules: state.importRules,
    })),
  )
  const [isConfirmingReset, setIsConfirmingReset] = useState(false)
  const [isShowingProblems, setIsShowingProblems] = useState(false)
  const fileRef = useRef<HTMLInputElement>(null)
  const now = useNow(30_000)
  const result = preview.result
  const errorCount = problems.filter((problem) => problem.severity === 'error').length

  return (
    <header className="rules-header">
      <div className="rules-title">
        <h1 id="rules-heading" tabIndex={-1}>
          Rules
        </h1>
        <span className="screen-header-meta">
          {saved === null ? '' : saved.savedAt === null ? 'Default rules' : `Saved ${formatRelativeTime(saved.savedAt, now)}`}
          {hasChanges && ' · unsaved changes'}
        </span>
      </div>
      <dl className="rules-counts" aria-live="polite" aria-busy={preview.isBusy} data-testid="rules-counts">
        <Count label="In scope" value={result?.inScope} testId="count-in-scope" />
        <Count label="Out of scope" value={result?.outOfScope} testId="count-out-of-scope" />
        <Count label="Groups" value={result?.groups.length} testId="count-groups" />
        <Count label="Missing mandatory" value={result?.missingMandatory} testId="count-missing" tone={result !== null && result.missingMandatory > 0 ? 'warning' : undefined} />
      </dl>
      <div className="rules-actions">
        {undo !== null && (
          <button type="button" className="button" data-testid="rules-undo-reset" onClick={actions.undoReset}>
            Undo reset
          </button>
        )}
        <button type="button" className="button is-subtle" disabled={!hasChanges} onClick={actions.discard} data-testid="rules-discard">
          Discard changes
        </button>
        <button type="button" className="button is-subtle" onClick={() => setIsConfirmingReset(true)} data-testid="rules-reset">
          Reset to defaults
        </button>
        <button
          type="button"
          className="button is-subtle"
          data-testid="rules-export"
          disabled={exporting.isBusy}
          onClick={() =>
            void actions.exportRules().then((file) => {
              if (file !== null) downloadText(file.fileName, file.text)
            })
          }
        >
          Export
        </button>
        <button type="button" className="button is-subtle" data-testid="rules-import" onClick={() => fileRef.current?.click()}>
          Import…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="rules-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file !== undefined) void file.text().then((text) => actions.importRules(text))
          }}
        />
        {errorCount > 0 && (
          <button type="button" className="button is-subtle rules-problem-count" aria-expanded={isShowingProblems} onClick={() => setIsShowingProblems(!isShowingProblems)}>
            {errorCount} {errorCount === 1 ? 'problem' : 'problems'}
          </button>
        )}
        <button type="button" className="button is-primary" data-testid="rules-save" disabled={!canSave} onClick={() => void actions.saveRules()}>
          {save.isBusy ? 'Saving…' : 'Save'}
        </button>
      </div>
      {isShowingProblems && errorCount > 0 && (
        <div className="rules-problems-popover card">
          <p>Fix these before saving:</p>
          <ProblemList problems={problems} />
        </div>
      )}
      {save.error !== null && <ErrorNotice title="The rules were not saved" error={save.error} />}
      {preview.error !== null && <ErrorNotice title="Could not count the users for these rules" error={preview.error} />}
      {exporting.error !== null && <ErrorNotice title="Could not export the rules" error={exporting.error} />}
      {importing.error !== null && <ErrorNotice title="This file cannot be imported" error={importing.error} />}
      {isConfirmingReset && (
        <Dialog
          title="Reset the rules to the defaults?"
          tone="danger"
          description="The saved mapping, scope, groups and roles of this profile are replaced by Headcount’s defaults. Undo then puts the rules you had back into the editor, to save again."
          onClose={() => setIsConfirmingReset(false)}
          testId="rules-reset-dialog"
          footer={
            <>
              <button type="button" className="button" onClick={() => setIsConfirmingReset(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button is-danger"
                data-testid="rules-reset-confirm"
                onClick={() => {
                  setIsConfirmingReset(false)
                  void actions.reset()
                }}
              >
                Reset to defaults
              </button>
            </>
          }
        />
      )}
      <ImportReviewDialog />
    </header>
  )
}

function Count(props: { label: string; value: number | undefined; testId: string; tone?: 'warning' }): ReactNode {
  return (
    <div className={props.tone === 'warning' ? 'rules-count is-warning' : 'rules-count'}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} data-value={props.value}>
        {props.value === undefined ? '…' : formatCount(props.value)}
      </dd>
    </div>
  )
}

function ImportReviewDialog(): ReactNode {
  const review = useAppStore((state) => state.rules.importing.result)
  const accept = useAppStore((state) => state.acceptImportedRules)
  const dismiss = useAppStore((state) => state.dismissImportedRules)
  if (review === null) return null
  return (
    <Dialog
      title="Use the imported rules?"
      description={
        <>
          Exported from “{review.profileName}” on {new Date(review.exportedAt).toLocaleString()}. They replace the rules in the editor; nothing is
          saved until you press Save.
        </>
      }
      onClose={dismiss}
      testId="rules-import-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={dismiss}>
            Cancel
          </button>
          <button type="button" className="button is-primary" data-testid="rules-import-accept" onClick={accept}>
            Use these rules
          </button>
        </>
      }
    >
      <dl className="definition-grid">
        <dt>Mappings</dt>
        <dd>{review.rules.mapping.mappings.length}</dd>
        <dt>Scoping filters</dt>
        <dd>{review.rules.scope.filters.length}</dd>
        <dt>Grouping</dt>
        <dd>{review.rules.grouping.kind === 'allInOne' ? 'Everyone in one group' : review.rules.grouping.kind === 'byFields' ? 'By directory fields' : 'By filters'}</dd>
      </dl>
      {review.problems.length === 0 ? (
        <p className="rules-note">No problems found with this profile’s directory.</p>
      ) : (
        <>
          <p>
            {hasErrors(review.problems) ? 'Fix these after loading, before saving:' : 'Warnings:'}
          </p>
          <ProblemList problems={review.problems} />
        </>
      )}
    </Dialog>
  )
}
