/**
 * "Existing application users": what the business application already holds before Headcount's
 * first sync — imported from a CSV years ago, typed in by hand, partly stale. They match the Entra
 * organisation the way real ones do (Microsoft's guidance on reconciling existing users): exact,
 * in another letter case, with diacritics the UPN folded away, as a short alias (asmith@ vs
 * alice.smith@), under the mail instead of the UPN, under the name from before a name change — plus
 * users Entra has never heard of: test users, a break-glass admin, leavers and outside contractors.
 *
 * Pure and deterministic: the same organisation gives the same records.
 */
import type { DemoOrganisation } from '../organisation/organisation-types'
import type { GraphUser } from '../../services/graph/graph-types'
import { asciiFold, toMailboxPart } from '../organisation/ascii-fold'
import { NAME_TABLES } from '../organisation/name-tables'
import { ORGANISATION_FACTS } from '../organisation/organisation-facts'
import { SeededRandom, hashSeed } from '../organisation/seeded-random'
import { SCIM_ENTERPRISE_USER_SCHEMA, type ScimUserRecord } from './scim-user-record'

/** How an existing application user relates to Entra. */
export type ExistingUserKind =
  | 'exactMatch'
  | 'caseVariant'
  | 'diacriticVariant'
  | 'shortAlias'
  | 'mailInsteadOfUpn'
  | 'staleNameChange'
  | 'duplicateOfMatched'
  | 'testUser'
  | 'breakGlassAdmin'
  | 'leaver'
  | 'externalContractor'

export interface ExistingApplicationUser {
  readonly kind: ExistingUserKind
  /** The Entra user this record stands for, or null when the person is not in Entra. */
  readonly entraUserId: string | null
  readonly record: ScimUserRecord
}

export interface ExistingUsersOptions {
  /** How many of the organisation's first members the application was filled from. Default 1,000. */
  readonly sampleSize?: number
}

const DAY_MS = 86_400_000
const CONTRACTOR_DOMAINS = ['cleanco.dk', 'shopstaff.se', 'nordbemanning.no', 'flexwork.nl'] as const
const TEST_USER_COUNT = 3
/**
 * Fixed variants for the featured first people, so the walkthrough and e2e tests can rely on them:
 * Søren typed with ø, Åsa likewise, Zoë exact, Ólafur in capitals, Müller as a short alias,
 * Pieter exact, Bjørn missing, Ida under her old surname.
 */
const FEATURED_ROLLS: readonly number[] = [0.5, 0.5, 0.1, 0.43, 0.55, 0.2, 0.9, 0.64]

/**
 * Plans the existing application users with the reason each exists. Roughly two thirds of the
 * sampled members are present in some form; the rest are missing and will be created by a sync.
 */
export function planExistingApplicationUsers(
  organisation: DemoOrganisation,
  options: ExistingUsersOptions = {},
): ExistingApplicationUser[] {
  const sampleSize = options.sampleSize ?? 1000
  const random = new SeededRandom(hashSeed(organisation.seed, 'existing-application-users'))
  const importedMs = Date.parse(ORGANISATION_FACTS.defaultNow) - 400 * DAY_MS
  const primaryDomain = ORGANISATION_FACTS.companies[0]?.domain ?? 'nordlys.dk'
  const taken = new Set<string>()
  for (const { user } of organisation.users) {
    taken.add(user.userPrincipalName.toLowerCase())
    if (user.mail) taken.add(user.mail.toLowerCase())
  }
  const used = new Set<string>()
  const planned: ExistingApplicationUser[] = []

  const add = (kind: ExistingUserKind, entraUser: GraphUser | null, record: Omit<ScimUserRecord, 'id' | 'meta'>): void => {
    const key = record.userName.toLowerCase()
    if (used.has(key)) return
    used.add(key)
    const createdMs = importedMs - random.integer(0, 900) * DAY_MS
    const meta = {
      created: new Date(createdMs).toISOString(),
      lastModified: new Date(createdMs + random.integer(0, 380) * DAY_MS).toISOString(),
    }
    planned.push({ kind, entraUserId: entraUser?.id ?? null, record: { id: random.hex(10), ...record, meta } })
  }

  const sample = organisation.users.filter((entry) => entry.user.userType === 'Member').slice(0, sampleSize)
  let duplicates = 0
  for (const [position, { user }] of sample.entries()) {
    const drawn = random.next()
    const roll = FEATURED_ROLLS[position] ?? drawn
    const variantRoll = random.next()
    const givenName = user.givenName ?? ''
    const surname = user.surname ?? ''
    const domain = user.userPrincipalName.split('@')[1] ?? primaryDomain
    const asExact = (userName: string, email = user.mail ?? user.userPrincipalName): Omit<ScimUserRecord, 'id' | 'meta'> =>
      recordFromEntra(user, userName, email, variantRoll < 0.3)

    if (roll < 0.4) {
      add('exactMatch', user, asExact(user.userPrincipalName))
      if (duplicates < 2 && variantRoll > 0.97) {
        // The same person entered twice, once by hand under a short alias.
        duplicates += 1
        const alias = `${toMailboxPart(givenName).slice(0, 1)}${toMailboxPart(surname)}@${domain}`
        if (!taken.has(alias)) add('duplicateOfMatched', user, asExact(alias, alias))
      }
    } else if (roll < 0.46) {
      add('caseVariant', user, asExact(variantRoll < 0.5 ? capitaliseLocalPart(user.userPrincipalName) : user.userPrincipalName.toUpperCase()))
    } else if (roll < 0.52) {
      // Typed in from the person's real name; only possible when the name has letters the UPN folded.
      const local = `${givenName}.${surname}`.toLowerCase().replace(/\s+/g, '')
      if (asciiFold(local) !== local) add('diacriticVariant', user, asExact(`${local}@${domain}`))
      else add('exactMatch', user, asExact(user.userPrincipalName))
    } else if (roll < 0.58) {
      const alias = `${toMailboxPart(givenName).slice(0, 1)}${toMailboxPart(surname)}@${domain}`
      if (!taken.has(alias)) add('shortAlias', user, asExact(alias, alias))
    } else if (roll < 0.62 || (roll < 0.66 && user.mail !== user.userPrincipalName)) {
      if (user.mail && user.mail !== user.userPrincipalName) add('mailInsteadOfUpn', user, asExact(user.mail))
      else add('exactMatch', user, asExact(user.userPrincipalName))
    } else if (roll < 0.66) {
      // Changed surname in Entra (marriage, for example); the application still has the old one.
      const table = NAME_TABLES[nationalityOf(user)]
      let oldSurname = surname
      let userName = user.userPrincipalName
      for (let attempt = 0; attempt < 5 && (oldSurname === surname || taken.has(userName)); attempt += 1) {
        oldSurname = random.pick(table.surnames)
        userName = `${toMailboxPart(givenName)}.${toMailboxPart(oldSurname)}@${domain}`
      }
      if (oldSurname !== surname && !taken.has(userName)) {
        add('staleNameChange', user, {
          ...asExact(userName, userName),
          displayName: `${givenName} ${oldSurname}`,
          name: { givenName, familyName: oldSurname, formatted: `${givenName} ${oldSurname}` },
        })
      }
    }
  }

  for (let number = 1; number <= TEST_USER_COUNT; number += 1) {
    const userName = `test.user${number}@${primaryDomain}`
    add('testUser', null, {
      userName,
      active: true,
      displayName: `Test User ${number}`,
      name: { givenName: 'Test', familyName: `User ${number}`, formatted: `Test User ${number}` },
      emails: [{ value: userName, type: 'work', primary: true }],
    })
  }
  add('breakGlassAdmin', null, {
    userName: `breakglass-admin@${primaryDomain}`,
    active: true,
    displayName: 'Break Glass Administrator',
    name: { givenName: 'Break Glass', familyName: 'Administrator', formatted: 'Break Glass Administrator' },
    emails: [{ value: `breakglass-admin@${primaryDomain}`, type: 'work', primary: true }],
    userType: 'Administrator',
  })

  const leaverCount = Math.max(2, Math.round(sample.length * 0.03))
  const contractorCount = Math.max(2, Math.round(sample.length * 0.02))
  for (let index = 0; index < leaverCount + contractorCount; index += 1) {
    const isLeaver = index < leaverCount
    const table = NAME_TABLES[random.pick(['DK', 'SE', 'NO', 'NL'] as const)]
    const isFemale = random.chance(0.5)
    const givenName = random.pick(isFemale ? table.femaleGivenNames : table.maleGivenNames)
    const surname = random.pick(isFemale && table.femaleSurnames ? table.femaleSurnames : table.surnames)
    const domain = isLeaver ? random.pick(ORGANISATION_FACTS.companies).domain : random.pick(CONTRACTOR_DOMAINS)
    const userName = `${toMailboxPart(givenName)}.${toMailboxPart(surname)}${isLeaver ? '' : random.integer(1, 9)}@${domain}`
    if (taken.has(userName)) continue
    add(isLeaver ? 'leaver' : 'externalContractor', null, {
      userName,
      active: !isLeaver,
      displayName: `${givenName} ${surname}`,
      name: { givenName, familyName: surname, formatted: `${givenName} ${surname}` },
      emails: [{ value: userName, type: 'work', primary: true }],
      ...(isLeaver ? {} : { userType: 'Contractor', title: random.pick(['Shop Assistant', 'Cleaner', 'Temp Agent', 'Event Staff']) }),
    })
  }
  return planned
}

/** The records of {@link planExistingApplicationUsers}, as the demo target stores them. */
export function seedExistingApplicationUsers(organisation: DemoOrganisation, options?: ExistingUsersOptions): ScimUserRecord[] {
  return planExistingApplicationUsers(organisation, options).map((planned) => planned.record)
}

function recordFromEntra(user: GraphUser, userName: string, email: string, hasExternalId: boolean): Omit<ScimUserRecord, 'id' | 'meta'> {
  const phoneNumbers = [
    ...(user.mobilePhone ? [{ value: user.mobilePhone, type: 'mobile' }] : []),
    ...(user.businessPhones[0] ? [{ value: user.businessPhones[0], type: 'work' }] : []),
  ]
  return {
    userName,
    // Entra's default mapping sends mailNickname as externalId; users once provisioned by Entra have it.
    ...(hasExternalId && user.mailNickname ? { externalId: user.mailNickname } : {}),
    active: true,
    displayName: user.displayName ?? userName,
    name: { givenName: user.givenName ?? '', familyName: user.surname ?? '', formatted: user.displayName ?? '' },
    ...(user.jobTitle ? { title: user.jobTitle } : {}),
    emails: [{ value: email, type: 'work', primary: true }],
    ...(phoneNumbers.length > 0 ? { phoneNumbers } : {}),
    ...(user.country ? { addresses: [{ type: 'work', country: user.country, locality: user.city ?? undefined }] } : {}),
    [SCIM_ENTERPRISE_USER_SCHEMA]: {
      ...(user.employeeId ? { employeeNumber: user.employeeId } : {}),
      ...(user.department ? { department: user.department } : {}),
      ...(user.companyName ? { organization: user.companyName } : {}),
    },
  }
}

/** `alice.smith@x` → `Alice.Smith@x`. */
function capitaliseLocalPart(userPrincipalName: string): string {
  const [local = '', domain = ''] = userPrincipalName.split('@')
  return `${local.split('.').map((part) => part.slice(0, 1).toUpperCase() + part.slice(1)).join('.')}@${domain}`
}

function nationalityOf(user: GraphUser): keyof typeof NAME_TABLES {
  const language = user.preferredLanguage ?? ''
  const match = (Object.keys(NAME_TABLES) as (keyof typeof NAME_TABLES)[]).find((key) => NAME_TABLES[key].language === language)
  return match ?? 'DK'
}
