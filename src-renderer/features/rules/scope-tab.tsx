/**
 * Scope tab: who is provisioned — assigned users or everyone, optionally only members of some
 * groups, then Entra's clause filters — with presets, the live count and "why in / out?".
 */
import type { ReactNode } from 'react'
import type { GroupMembershipKind, ScopeRule } from '../../../src-main/common'
import { formatCount } from '../../components/format-count'
import { useRulesDraft } from './use-rules-draft'
import { ExplainPanel } from './explain-panel'
import { FilterListEditor } from './filter-list-editor'
import { ProblemList } from './mapping-tab'
import { GroupChooser } from './group-chooser'
import { problemsOf } from './rules-changes'
import { hasPreset, SCOPE_PRESET_CHOICES, withPreset } from './scope-presets'

/** The scope editor of the draft. */
export function ScopeTab(): ReactNode {
  const { draft, catalogue, problems, preview, editRules } = useRulesDraft()
  if (draft === null) return null
  const scope = draft.scope
  const setScope = (change: Partial<ScopeRule>): void => editRules({ scope: { ...scope, ...change } })
  const scopeProblems = problems.filter((problem) => problem.area === 'scope')

  return (
    <div className="rules-columns">
      <div className="rules-column-main">
        <section className="card rules-section" aria-labelledby="scope-who-heading">
          <h2 id="scope-who-heading">Who is considered</h2>
          <div className="segmented" role="radiogroup" aria-label="Users considered">
            {(
              [
                ['assignedOnly', 'Assigned users and groups only'],
                ['allUsers', 'All users'],
              ] as const
            ).map(([mode, label]) => (
              <label key={mode} className="segmented-option">
                <input type="radio" name="scope-mode" checked={scope.mode === mode} onChange={() => setScope({ mode })} />
                <span>{label}</span>
              </label>
            ))}
          </div>
          {scope.mode === 'assignedOnly' && (
            <MembershipChoice
              label="Members of assigned groups count"
              value={scope.assignedMembership ?? 'direct'}
              onChange={(assignedMembership) => setScope({ assignedMembership })}
            />
          )}
          <label className="checkbox-row">
            <input
              type="checkbox"
              data-testid="group-filter-toggle"
              checked={scope.groupFilter != null}
              onChange={(event) => setScope({ groupFilter: event.target.checked ? { groupIds: [], membership: 'direct' } : null })}
            />
            Only members of some groups
          </label>
          {scope.groupFilter != null && (
            <div className="rules-indented">
              <GroupChooser
                groups={catalogue?.groups ?? []}
                chosenIds={scope.groupFilter.groupIds}
                onChange={(groupIds) => setScope({ groupFilter: { membership: 'direct', ...scope.groupFilter, groupIds } })}
                label="Groups whose members are in scope"
              />
              <MembershipChoice
                label="Membership counts"
                value={scope.groupFilter.membership}
                onChange={(membership) => setScope({ groupFilter: { groupIds: [], ...scope.groupFilter, membership } })}
              />
            </div>
          )}
          {problemsOf(scopeProblems, 'scope', null).length > 0 && <ProblemList problems={problemsOf(scopeProblems, 'scope', null)} />}
        </section>

        <section className="card rules-section" aria-labelledby="scope-filters-heading">
          <div className="card-header">
            <h2 id="scope-filters-heading">Scoping filters</h2>
            <div className="preset-buttons" role="group" aria-label="Presets">
              {SCOPE_PRESET_CHOICES.map((preset) => (
                <button
                  key={preset.id}
                  type="button"
                  className="button is-subtle"
                  data-testid={`preset-${preset.id}`}
                  disabled={hasPreset(scope, preset)}
                  title={preset.clauses.map((clause) => `${clause.attribute} ${clause.operator} ${clause.value ?? ''}`.trim()).join(' and ')}
                  onClick={() => setScope(withPreset(scope, preset))}
                >
                  {preset.label}
                </button>
              ))}
            </div>
          </div>
          <p className="rules-note">
            Every clause of a filter must hold; a user is in scope when any filter holds. With no filter, everyone considered is in
            scope — as in Entra’s scoping filters.
          </p>
          <FilterListEditor
            filters={scope.filters}
            onChange={(filters) => setScope({ filters })}
            attributes={catalogue?.sourceAttributes ?? []}
            operators={catalogue?.operators ?? []}
            problems={scopeProblems}
            label="Scope"
            testId="scope-filters"
          />
        </section>
      </div>
      <aside className="rules-column-side">
        <section className="card scope-figures" aria-labelledby="scope-count-heading">
          <h2 id="scope-count-heading">In scope now</h2>
          <p className="scope-count" data-testid="scope-in-count">
            {preview === null ? '…' : formatCount(preview.inScope)}
            <span> of {preview === null ? '…' : formatCount(preview.totalUsers)} users</span>
          </p>
          {preview !== null && preview.outOfScopeReasons.length > 0 && (
            <ul className="reason-list">
              {preview.outOfScopeReasons.slice(0, 6).map((reason) => (
                <li key={reason.reason}>
                  <span>{reason.reason}</span>
                  <span className="reason-count">{formatCount(reason.count)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <ExplainPanel />
      </aside>
    </div>
  )
}

function MembershipChoice(props: { label: string; value: GroupMembershipKind; onChange(value: GroupMembershipKind): void }): ReactNode {
  return (
    <div className="segmented is-small" role="radiogroup" aria-label={props.label}>
      {(
        [
          ['direct', 'Direct members'],
          ['transitive', 'Also through nested groups'],
        ] as const
      ).map(([value, label]) => (
        <label key={value} className="segmented-option">
          <input type="radio" checked={props.value === value} onChange={() => props.onChange(value)} />
          <span>{label}</span>
        </label>
      ))}
    </div>
  )
}
