/**
 * The rules a profile runs on until the admin saves its own: PRODUCT.md's default mapping, everyone in
 * one group, the manager rule on.
 */
import type { ProfileRules } from '../../common/rules'
import { defaultMappingSet } from '../../domain/mapping/attribute-mapping'

/**
 * A tenant profile starts like Entra does: only users assigned to the application are in scope.
 * The demo profile starts with all users: its cache holds no application assignments (the pull does
 * not read them), so "assigned only" would leave every demo user out of scope.
 */
export function defaultProfileRules(kind: 'tenant' | 'demo'): ProfileRules {
  return {
    mapping: defaultMappingSet(),
    scope: { mode: kind === 'demo' ? 'allUsers' : 'assignedOnly', filters: [] },
    grouping: { kind: 'allInOne', groupName: 'All users' },
    roles: { groupRoles: [], managerRule: { isEnabled: true, approverRole: 'Approver' }, selfApproverIds: [] },
  }
}
