/**
 * Pass one of the generator: who works where, for whom, under which name. Kept in typed arrays
 * (a few bytes per person) so 200,000 people cost a few megabytes before any Graph object exists.
 *
 * Every person draws from their own random stream, so person N is the same whatever the size of
 * the organisation; only the tail of the manager tree and titles depend on how many follow.
 */
import { COMPANIES, DEPARTMENTS, FEATURED_PEOPLE, OFFICES, type CountryCode } from './organisation-facts'
import { NAME_TABLES, type Nationality } from './name-tables'
import { SeededRandom, hashSeed } from './seeded-random'

/** Bit flags per person. */
export const PERSON_FLAGS = {
  isGuest: 1,
  hasReports: 2,
  isDepartmentHead: 4,
  isOrphan: 8,
} as const

/** Department index used for the CEO and the managing director, who belong to no department bucket. */
export const EXECUTIVE_DEPARTMENT = -1

export interface Workforce {
  readonly count: number
  readonly ids: readonly string[]
  readonly givenNames: readonly string[]
  readonly surnames: readonly string[]
  readonly nationalities: readonly Nationality[]
  /** Index into COMPANIES. */
  readonly companyIndexes: Uint8Array
  /** Index into OFFICES. */
  readonly officeIndexes: Uint8Array
  /** Index into DEPARTMENTS, or {@link EXECUTIVE_DEPARTMENT}. */
  readonly departmentIndexes: Int16Array
  /** Index of the person's manager, -1 for none. */
  readonly managerIndexes: Int32Array
  /** Depth below the department head (head = 0); the CEO and managing director are -1. */
  readonly depths: Int8Array
  readonly flags: Uint8Array
}

const GUEST_PROBABILITY = 0.02
const ORPHAN_PROBABILITY = 0.005
const NATIVE_PROBABILITY = 0.82
const NATIONALITY_BY_COUNTRY: Readonly<Record<CountryCode, Nationality>> = {
  DK: 'DK', SE: 'SE', NO: 'NO', NL: 'NL', US: 'US', IS: 'IS',
}
const MIGRANT_NATIONALITIES: readonly Nationality[] = ['DK', 'SE', 'NO', 'NL', 'US', 'IS', 'DE']
const MIGRANT_WEIGHTS: readonly number[] = [3, 3, 3, 2, 2, 1, 3]

const officesByCompany = COMPANIES.map((company) =>
  OFFICES.map((office, index) => ({ office, index })).filter((entry) => entry.office.company === company.key),
)
const departmentsByCompany = COMPANIES.map((company) =>
  DEPARTMENTS.map((department, index) => ({ department, index })).filter((entry) => entry.department.company === company.key),
)

/** Lays out `count` people: identities, placement, and a manager tree with no cycles. */
export function planWorkforce(seed: number, count: number): Workforce {
  const ids: string[] = new Array<string>(count)
  const givenNames: string[] = new Array<string>(count)
  const surnames: string[] = new Array<string>(count)
  const nationalities: Nationality[] = new Array<Nationality>(count)
  const companyIndexes = new Uint8Array(count)
  const officeIndexes = new Uint8Array(count)
  const departmentIndexes = new Int16Array(count)
  const managerIndexes = new Int32Array(count).fill(-1)
  const depths = new Int8Array(count)
  const flags = new Uint8Array(count)

  // Per department: people waiting to receive reports, breadth first, each with a random span of
  // control. Filling breadth first gives heads → managers → team leads → staff, and a manager is
  // always someone earlier in the list, so the tree cannot contain a cycle.
  const openManagers: number[][] = DEPARTMENTS.map(() => [])
  const openCursor = new Int32Array(DEPARTMENTS.length)
  const remainingSpan = new Int32Array(count)

  for (let index = 0; index < count; index += 1) {
    const random = new SeededRandom(hashSeed(seed, 'person', index))
    ids[index] = random.guid()
    const featured = FEATURED_PEOPLE[index]
    let nationality: Nationality
    let officeIndex: number
    if (featured) {
      nationality = featured.nationality
      officeIndex = OFFICES.findIndex((office) => office.key === featured.office)
      givenNames[index] = featured.givenName
      surnames[index] = featured.surname
    } else {
      const companyIndex = random.pickWeighted([0, 1], COMPANIES.map((company) => company.weight))
      const candidates = officesByCompany[companyIndex] ?? []
      officeIndex = random.pickWeighted(candidates.map((entry) => entry.index), candidates.map((entry) => entry.office.weight))
      const country = (OFFICES[officeIndex] ?? OFFICES[0])!.countryCode
      nationality = random.chance(NATIVE_PROBABILITY)
        ? NATIONALITY_BY_COUNTRY[country]
        : random.pickWeighted(MIGRANT_NATIONALITIES, MIGRANT_WEIGHTS)
      const isFemale = random.chance(0.5)
      const table = NAME_TABLES[nationality]
      givenNames[index] = random.pick(isFemale ? table.femaleGivenNames : table.maleGivenNames)
      surnames[index] = random.pick(isFemale && table.femaleSurnames ? table.femaleSurnames : table.surnames)
    }
    nationalities[index] = nationality
    const office = OFFICES[officeIndex]!
    const companyIndex = COMPANIES.findIndex((company) => company.key === office.company)
    companyIndexes[index] = companyIndex
    officeIndexes[index] = officeIndex

    // These draws happen for everyone, so a person's later attributes never shift with earlier choices.
    const guestRoll = random.next()
    const orphanRoll = random.next()
    const spanOfControl = random.integer(3, 10)
    const departmentCandidates = departmentsByCompany[companyIndex] ?? []
    const departmentIndex = random.pickWeighted(
      departmentCandidates.map((entry) => entry.index),
      departmentCandidates.map((entry) => entry.department.weight),
    )

    if (index === 0 || index === 1) {
      // 0 is the group CEO; 1 is the managing director of the second company, reporting to the CEO.
      departmentIndexes[index] = EXECUTIVE_DEPARTMENT
      depths[index] = -1
      managerIndexes[index] = index === 0 ? -1 : 0
      if (index === 1) flags[0] = (flags[0] ?? 0) | PERSON_FLAGS.hasReports
      continue
    }
    if (!featured && guestRoll < GUEST_PROBABILITY) {
      flags[index] = PERSON_FLAGS.isGuest
      departmentIndexes[index] = EXECUTIVE_DEPARTMENT
      depths[index] = -1
      continue
    }

    departmentIndexes[index] = departmentIndex
    const queue = openManagers[departmentIndex]!
    let managerIndex: number
    if (queue.length === 0) {
      // The first person of a department heads it and reports to the CEO or managing director.
      managerIndex = COMPANIES[companyIndex]?.key === 'nordlys' ? 0 : 1
      flags[index] = (flags[index] ?? 0) | PERSON_FLAGS.isDepartmentHead
      depths[index] = 0
    } else {
      let cursor = openCursor[departmentIndex]!
      managerIndex = queue[cursor]!
      remainingSpan[managerIndex] = remainingSpan[managerIndex]! - 1
      if (remainingSpan[managerIndex] === 0) {
        cursor += 1
        openCursor[departmentIndex] = cursor
      }
      depths[index] = Math.min(depths[managerIndex]! + 1, 127)
    }
    queue.push(index)
    remainingSpan[index] = spanOfControl
    if (!featured && orphanRoll < ORPHAN_PROBABILITY && depths[index]! > 0) {
      // A few people have no manager set in Entra (the "wrong approver" case admins ask about).
      // They keep their place in the tree, so their own reports still have a manager.
      flags[index] = (flags[index] ?? 0) | PERSON_FLAGS.isOrphan
    } else {
      managerIndexes[index] = managerIndex
      flags[managerIndex] = (flags[managerIndex] ?? 0) | PERSON_FLAGS.hasReports
    }
  }

  return { count, ids, givenNames, surnames, nationalities, companyIndexes, officeIndexes, departmentIndexes, managerIndexes, depths, flags }
}
