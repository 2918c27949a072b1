/**
 * The demo tenant generator: a deterministic Entra organisation ("Nordlys Group", two companies in
 * one tenant) used by the Graph emulator, the demo target, the tests and the benchmarks.
 *
 * Same seed + same size → identical output. Nothing reads the clock or a system random source;
 * `now` is an option with a fixed default so credential expiry dates are reproducible too.
 */
import type { GraphOrganization } from '../../services/graph/graph-types'
import type { DemoOrganisation, GenerateOrganisationOptions } from './organisation-types'
import { buildApplications } from './build-applications'
import { buildGroups } from './build-groups'
import { buildUsers } from './build-users'
import { COMPANIES, ORGANISATION_FACTS } from './organisation-facts'
import { planWorkforce } from './plan-workforce'
import { SeededRandom, hashSeed } from './seeded-random'

/** The tenant id of the demo organisation generated from `seed`. */
export function tenantIdForSeed(seed: number): string {
  return new SeededRandom(hashSeed(seed, 'tenant')).guid()
}

/**
 * Generates the whole demo organisation. Throws (a programming error, not a user one) when the
 * options are out of range: 1 … 200,000 users, an integer seed, an ISO-8601 `now`.
 */
export function generateOrganisation(options: GenerateOrganisationOptions = {}): DemoOrganisation {
  const seed = options.seed ?? ORGANISATION_FACTS.defaultSeed
  const userCount = options.users ?? ORGANISATION_FACTS.defaultUserCount
  const now = options.now ?? ORGANISATION_FACTS.defaultNow
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`)
  if (!Number.isInteger(userCount) || userCount < 1 || userCount > ORGANISATION_FACTS.maximumUserCount) {
    throw new RangeError(`users must be an integer from 1 to ${ORGANISATION_FACTS.maximumUserCount}, got ${userCount}`)
  }
  if (Number.isNaN(Date.parse(now))) throw new RangeError(`now must be an ISO-8601 date-time, got ${now}`)

  const tenantId = tenantIdForSeed(seed)
  const workforce = planWorkforce(seed, userCount)
  const { users, traits } = buildUsers(seed, workforce, now)
  const { groups, memberships } = buildGroups(seed, workforce, traits, now)
  const { applications, servicePrincipals } = buildApplications(seed, now)

  const organization: GraphOrganization = {
    id: tenantId,
    displayName: ORGANISATION_FACTS.tenantDisplayName,
    verifiedDomains: [
      { name: ORGANISATION_FACTS.initialDomain, isDefault: false, isInitial: true, type: 'Managed' },
      ...COMPANIES.map((company, index) => ({ name: company.domain, isDefault: index === 0, isInitial: false, type: 'Managed' as const })),
      { name: ORGANISATION_FACTS.aliasDomain, isDefault: false, isInitial: false, type: 'Managed' },
    ],
    countryLetterCode: 'DK',
    tenantType: 'AAD',
    createdDateTime: ORGANISATION_FACTS.tenantCreatedDateTime,
  }

  return {
    seed,
    tenantId,
    initialDomain: ORGANISATION_FACTS.initialDomain,
    organization,
    users,
    groups,
    memberships,
    applications,
    servicePrincipals,
  }
}
