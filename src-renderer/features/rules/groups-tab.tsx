/**
 * Groups & roles tab: how in-scope users are grouped in the target (one group, by directory fields,
 * or by named filters), Entra group → role mapping, the manager rule and self-approvers — with the
 * live sizes of groups and roles.
 */
import { useEffect, useState, type ReactNode } from 'react'
import type { ByFiltersGrouping, ByFieldsGrouping, GroupingRule, RoleRule, RulesCatalogue } from '../../../src-main/common'
import { formatCount } from '../../components/format-count'
import { CloseIcon, PlusIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'
import { useRulesDraft } from './use-rules-draft'
import { AttributePicker } from './attribute-picker'
import { FilterListEditor } from './filter-list-editor'
import { GroupSelect } from './group-chooser'
import { ProblemList } from './mapping-tab'
import { UserPicker } from './user-picker'

const DEFAULT_GROUPINGS: Readonly<Record<GroupingRule['kind'], GroupingRule>> = {
  allInOne: { kind: 'allInOne', groupName: 'All staff' },
  byFields: { kind: 'byFields', fields: ['department'], nameTemplate: '{department}', noValueLabel: '(no value)', isDiacriticInsensitive: false },
  byFilters: { kind: 'byFilters', groups: [{ name: 'Group 1', filters: [] }], otherwise: 'Everyone else' },
}

/** The grouping and role editors of the draft. */
export function GroupsTab(): ReactNode {
  const { draft, catalogue, problems, preview, editRules } = useRulesDraft()
  if (draft === null) return null
  const grouping = draft.grouping
  const roles = draft.roles
  const setRoles = (change: Partial<RoleRule>): void => editRules({ roles: { ...roles, ...change } })
  const groupingProblems = problems.filter((problem) => problem.area === 'grouping')
  const roleProblems = problems.filter((problem) => problem.area === 'roles')

  return (
    <div className="rules-columns">
      <div className="rules-column-main">
        <section className="card rules-section" aria-labelledby="grouping-heading">
          <h2 id="grouping-heading">Groups in the target</h2>
          <div className="segmented" role="radiogroup" aria-label="How users are grouped">
            {(
              [
                ['allInOne', 'Everyone in one group'],
                ['byFields', 'By directory fields'],
                ['byFilters', 'By filters'],
              ] as const
            ).map(([kind, label]) => (
              <label key={kind} className="segmented-option">
                <input
                  type="radio"
                  name="grouping-kind"
                  data-testid={`grouping-${kind}`}
                  checked={grouping.kind === kind}
                  onChange={() => editRules({ grouping: DEFAULT_GROUPINGS[kind] })}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
          {grouping.kind === 'allInOne' && (
            <label className="form-field">
              <span className="form-label">Group name</span>
              <input
                type="text"
                className="text-input"
                value={grouping.groupName}
                onChange={(event) => editRules({ grouping: { ...grouping, groupName: event.target.value } })}
              />
            </label>
          )}
          {grouping.kind === 'byFields' && <ByFieldsEditor grouping={grouping} catalogue={catalogue} onChange={(next) => editRules({ grouping: next })} />}
          {grouping.kind === 'byFilters' && (
            <ByFiltersEditor grouping={grouping} catalogue={catalogue} problems={groupingProblems} onChange={(next) => editRules({ grouping: next })} />
          )}
          {groupingProblems.length > 0 && grouping.kind !== 'byFilters' && <ProblemList problems={groupingProblems} />}
        </section>

        <section className="card rules-section" aria-labelledby="roles-heading">
          <h2 id="roles-heading">Roles</h2>
          <p className="rules-note">Members of an Entra group (directly or through nested groups) get the role on its row.</p>
          {roles.groupRoles.length > 0 && (
            <table className="rules-table role-table">
              <thead>
                <tr>
                  <th scope="col">Entra group</th>
                  <th scope="col">Role in the target</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {roles.groupRoles.map((row, index) => (
                  <tr key={index}>
                    <td>
                      <GroupSelect
                        groups={catalogue?.groups ?? []}
                        value={row.entraGroupId}
                        label={`Entra group of role row ${index + 1}`}
                        onChange={(entraGroupId) => setRoles({ groupRoles: roles.groupRoles.map((item, position) => (position === index ? { ...item, entraGroupId } : item)) })}
                      />
                    </td>
                    <td>
                      <input
                        type="text"
                        className="text-input"
                        aria-label={`Role of row ${index + 1}`}
                        value={row.role}
                        onChange={(event) =>
                          setRoles({ groupRoles: roles.groupRoles.map((item, position) => (position === index ? { ...item, role: event.target.value } : item)) })
                        }
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="icon-button is-small"
                        aria-label={`Remove role row ${index + 1}`}
                        onClick={() => setRoles({ groupRoles: roles.groupRoles.filter((_, position) => position !== index) })}
                      >
                        <CloseIcon />
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button type="button" className="button" onClick={() => setRoles({ groupRoles: [...roles.groupRoles, { entraGroupId: '', role: '' }] })}>
            <PlusIcon /> Add role mapping
          </button>
          <label className="checkbox-row">
            <input
              type="checkbox"
              checked={roles.managerRule.isEnabled}
              onChange={(event) => setRoles({ managerRule: { ...roles.managerRule, isEnabled: event.target.checked } })}
            />
            Managers approve their reports (everyone who manages someone gets the approver role)
          </label>
          {roles.managerRule.isEnabled && (
            <label className="form-field rules-indented">
              <span className="form-label">Approver role</span>
              <input
                type="text"
                className="text-input"
                value={roles.managerRule.approverRole}
                onChange={(event) => setRoles({ managerRule: { ...roles.managerRule, approverRole: event.target.value } })}
              />
            </label>
          )}
          <SelfApprovers ids={roles.selfApproverIds} onChange={(selfApproverIds) => setRoles({ selfApproverIds })} />
          {roleProblems.length > 0 && <ProblemList problems={roleProblems} />}
        </section>
      </div>
      <aside className="rules-column-side">
        <section className="card" aria-labelledby="group-sizes-heading">
          <h2 id="group-sizes-heading">Group sizes</h2>
          {preview === null ? (
            <p className="rules-note">Counting…</p>
          ) : preview.groups.length === 0 ? (
            <p className="rules-note">No user in scope lands in a group yet.</p>
          ) : (
            <SizeList items={preview.groups.map((group) => ({ name: group.name, size: group.size }))} testId="group-sizes" />
          )}
          {preview !== null && preview.ungrouped > 0 && <p className="inline-error">{formatCount(preview.ungrouped)} users in scope land in no group.</p>}
        </section>
        <section className="card" aria-labelledby="role-sizes-heading">
          <h2 id="role-sizes-heading">Role sizes</h2>
          {preview === null || preview.roles.length === 0 ? (
            <p className="rules-note">{preview === null ? 'Counting…' : 'Nobody in scope has a role.'}</p>
          ) : (
            <SizeList items={preview.roles.map((role) => ({ name: role.role, size: role.size }))} testId="role-sizes" />
          )}
        </section>
      </aside>
    </div>
  )
}

function SizeList(props: { items: readonly { name: string; size: number }[]; testId: string }): ReactNode {
  const largest = Math.max(1, ...props.items.map((item) => item.size))
  return (
    <ul className="size-list" data-testid={props.testId}>
      {props.items.slice(0, 200).map((item) => (
        <li key={item.name}>
          <span className="size-name">{item.name}</span>
          <span className="size-count">{formatCount(item.size)}</span>
          <span className="size-bar" aria-hidden="true">
            <span style={{ width: `${(item.size / largest) * 100}%` }} />
          </span>
        </li>
      ))}
    </ul>
  )
}

function ByFieldsEditor(props: { grouping: ByFieldsGrouping; catalogue: RulesCatalogue | null; onChange(grouping: ByFieldsGrouping): void }): ReactNode {
  const { grouping } = props
  const setFields = (fields: readonly string[]): void => props.onChange({ ...grouping, fields })
  return (
    <div className="by-fields">
      <div className="field-list">
        {grouping.fields.map((field, index) => (
          <div key={index} className="field-row">
            <AttributePicker
              value={field}
              onChange={(name) => setFields(grouping.fields.map((item, position) => (position === index ? name : item)))}
              attributes={props.catalogue?.sourceAttributes ?? []}
              label={`Grouping field ${index + 1}`}
            />
            <button type="button" className="icon-button is-small" aria-label={`Remove grouping field ${index + 1}`} onClick={() => setFields(grouping.fields.filter((_, position) => position !== index))}>
              <CloseIcon />
            </button>
          </div>
        ))}
        <button type="button" className="button is-subtle" onClick={() => setFields([...grouping.fields, ''])}>
          <PlusIcon /> Add field
        </button>
      </div>
      <label className="form-field">
        <span className="form-label">Group name template</span>
        <input
          type="text"
          className="text-input is-code"
          value={grouping.nameTemplate ?? ''}
          placeholder={grouping.fields.map((field) => `{${field}}`).join(' - ')}
          onChange={(event) => props.onChange({ ...grouping, nameTemplate: event.target.value })}
        />
        <span className="form-help">Write each field in braces, e.g. “Cards - {'{department}'}”.</span>
      </label>
      <label className="form-field">
        <span className="form-label">Label for no value</span>
        <input type="text" className="text-input" value={grouping.noValueLabel ?? ''} placeholder="(no value)" onChange={(event) => props.onChange({ ...grouping, noValueLabel: event.target.value })} />
      </label>
      <label className="checkbox-row">
        <input type="checkbox" checked={grouping.isDiacriticInsensitive === true} onChange={(event) => props.onChange({ ...grouping, isDiacriticInsensitive: event.target.checked })} />
        Treat “Zürich” and “Zurich” as one value
      </label>
    </div>
  )
}

function ByFiltersEditor(props: {
  grouping: ByFiltersGrouping
  catalogue: RulesCatalogue | null
  problems: readonly import('../../../src-main/common').RuleProblem[]
  onChange(grouping: ByFiltersGrouping): void
}): ReactNode {
  const { grouping } = props
  const setGroups = (groups: ByFiltersGrouping['groups']): void => props.onChange({ ...grouping, groups })
  const move = (index: number, step: number): void => {
    const target = index + step
    if (target < 0 || target >= grouping.groups.length) return
    const groups = [...grouping.groups]
    const [moved] = groups.splice(index, 1)
    if (moved !== undefined) groups.splice(target, 0, moved)
    setGroups(groups)
  }
  return (
    <div className="by-filters">
      <p className="rules-note">Groups are checked in order; a user joins the first group whose filters hold.</p>
      <ol className="named-groups">
        {grouping.groups.map((group, index) => (
          <li key={index} className="named-group">
            <div className="named-group-header">
              <input
                type="text"
                className="text-input"
                aria-label={`Name of group ${index + 1}`}
                value={group.name}
                onChange={(event) => setGroups(grouping.groups.map((item, position) => (position === index ? { ...item, name: event.target.value } : item)))}
              />
              <button type="button" className="button is-subtle" aria-label={`Move group ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="button is-subtle" aria-label={`Move group ${index + 1} down`} disabled={index === grouping.groups.length - 1} onClick={() => move(index, 1)}>
                ↓
              </button>
              <button type="button" className="icon-button is-small" aria-label={`Remove group ${index + 1}`} onClick={() => setGroups(grouping.groups.filter((_, position) => position !== index))}>
                <CloseIcon />
              </button>
            </div>
            <FilterListEditor
              filters={group.filters}
              onChange={(filters) => setGroups(grouping.groups.map((item, position) => (position === index ? { ...item, filters } : item)))}
              attributes={props.catalogue?.sourceAttributes ?? []}
              operators={props.catalogue?.operators ?? []}
              problems={props.problems.filter((problem) => problem.index === index)}
              label={`Group ${group.name || index + 1}`}
            />
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => setGroups([...grouping.groups, { name: `Group ${grouping.groups.length + 1}`, filters: [] }])}>
        <PlusIcon /> Add group
      </button>
      <label className="form-field">
        <span className="form-label">Otherwise (users no filter matches)</span>
        <input
          type="text"
          className="text-input"
          placeholder="Leave empty to keep them out of every group"
          value={grouping.otherwise ?? ''}
          onChange={(event) => props.onChange({ ...grouping, otherwise: event.target.value === '' ? null : event.target.value })}
        />
      </label>
    </div>
  )
}

function SelfApprovers(props: { ids: readonly string[]; onChange(ids: readonly string[]): void }): ReactNode {
  const nameOf = useAppStore((state) => state.nameOfRuleUser)
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(() => {
    let isCurrent = true
    const missing = props.ids.filter((id) => !names.has(id))
    if (missing.length === 0) return
    void Promise.all(missing.map(async (id) => [id, (await nameOf(id)) ?? id] as const)).then((found) => {
      if (isCurrent) setNames((current) => new Map([...current, ...found]))
    })
    return () => {
      isCurrent = false
    }
  }, [props.ids, names, nameOf])
  return (
    <div className="self-approvers">
      <span className="form-label">Self-approvers (approve their own requests, overriding the manager)</span>
      {props.ids.length > 0 && (
        <ul className="chip-list" aria-label="Self-approvers">
          {props.ids.map((id) => (
            <li key={id} className="chip">
              {names.get(id) ?? id}
              <button type="button" className="chip-remove" aria-label={`Remove ${names.get(id) ?? id}`} onClick={() => props.onChange(props.ids.filter((item) => item !== id))}>
                <CloseIcon size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <UserPicker
        chosenName={null}
        label="Add a self-approver"
        onChoose={(user) => {
          setNames((current) => new Map([...current, [user.id, user.displayName]]))
          if (!props.ids.includes(user.id)) props.onChange([...props.ids, user.id])
        }}
      />
    </div>
  )
}
