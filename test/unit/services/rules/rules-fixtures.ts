/**
 * A small organisation, written into a real profile cache the way a full pull writes it, for the
 * rules specs. Small enough to count by hand:
 *
 *   group "All staff"  ⊃ group "Sales" (nested) + Alice directly
 *   group "Sales"       Bob, Carol
 *   group "Engineering" Dan, Eve
 *
 *   Alice   Management   CEO, no manager, extensionAttribute3 EMEA
 *   Bob     Sales        manager Alice, extensionAttribute3 EMEA
 *   Carol   sales        manager Bob, account disabled
 *   Dan     Engineering  manager Alice, a guest
 *   Eve     Engineering  manager Dan, no surname
 *   Frank   (none)       no manager, no group, a directory extension costCentre CC-42
 */
import type { ProfileRules } from '../../../../src-main/common/rules'
import type { PulledUser } from '../../../../src-main/services/graph/graph-reader'
import { defaultProfileRules } from '../../../../src-main/services/rules/default-profile-rules'
import { DirectoryWriter } from '../../../../src-main/services/store/directory-writer'
import { openProfileDatabase, type ProfileDatabase } from '../../../../src-main/services/store/profile-database'
import { makeGroup, makeUser, managedBy, pullInto, groupMember, userMember } from '../store/directory-fixtures'

export const COST_CENTRE = 'extension_0123456789abcdef0123456789abcdef_costCentre'

export const IDS = {
  alice: 'u-alice',
  bob: 'u-bob',
  carol: 'u-carol',
  dan: 'u-dan',
  eve: 'u-eve',
  frank: 'u-frank',
  allStaff: 'g-all-staff',
  sales: 'g-sales',
  engineering: 'g-engineering',
} as const

function extensions(values: Record<string, string>): PulledUser['onPremisesExtensionAttributes'] {
  const attributes: Record<string, string | null> = {}
  for (let index = 1; index <= 15; index++) attributes[`extensionAttribute${index}`] = values[`extensionAttribute${index}`] ?? null
  return attributes
}

export function smallOrganisation(): { users: PulledUser[] } {
  const alice = makeUser({ id: IDS.alice, displayName: 'Alice Boss', givenName: 'Alice', surname: 'Boss', department: 'Management', jobTitle: 'CEO', mobilePhone: '+47 900 00 001', onPremisesExtensionAttributes: extensions({ extensionAttribute3: 'EMEA' }) })
  const bob = makeUser({ id: IDS.bob, displayName: 'Bob Seller', givenName: 'Bob', surname: 'Seller', department: 'Sales', manager: managedBy(alice), onPremisesExtensionAttributes: extensions({ extensionAttribute3: 'EMEA' }) })
  const carol = makeUser({ id: IDS.carol, displayName: 'Carol Closer', givenName: 'Carol', surname: 'Closer', department: 'sales', accountEnabled: false, manager: managedBy(bob) })
  const dan = makeUser({ id: IDS.dan, displayName: 'Dan Builder', givenName: 'Dan', surname: 'Builder', department: 'Engineering', userType: 'Guest', manager: managedBy(alice) })
  const eve = makeUser({ id: IDS.eve, displayName: 'Eve', givenName: 'Eve', surname: null, department: 'Engineering', manager: managedBy(dan) })
  const frank = { ...makeUser({ id: IDS.frank, displayName: 'Frank Free', givenName: 'Frank', surname: 'Free' }), [COST_CENTRE]: 'CC-42' } as PulledUser
  return { users: [alice, bob, carol, dan, eve, frank] }
}

/** Opens `<dataDir>/profiles/<profileId>/cache.sqlite` and writes the small organisation as run `runId`. */
export function seedSmallOrganisation(dataDir: string, profileId: string, runId = 'run-1'): ProfileDatabase {
  const database = openProfileDatabase(dataDir, profileId)
  pullInto(
    new DirectoryWriter(database),
    {
      users: smallOrganisation().users,
      groups: [makeGroup(IDS.allStaff, 'All staff'), makeGroup(IDS.sales, 'Sales'), makeGroup(IDS.engineering, 'Engineering')],
      members: {
        [IDS.allStaff]: [groupMember(IDS.sales), userMember(IDS.alice)],
        [IDS.sales]: [userMember(IDS.bob), userMember(IDS.carol)],
        [IDS.engineering]: [userMember(IDS.dan), userMember(IDS.eve)],
      },
    },
    runId,
  )
  return database
}

/** The demo defaults with the given parts replaced. */
export function rulesWith(parts: Partial<ProfileRules>): ProfileRules {
  return { ...defaultProfileRules('demo'), ...parts }
}
