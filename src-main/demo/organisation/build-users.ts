/**
 * Pass two of the generator: turns the planned workforce into Graph `user` objects with the quirks
 * real tenants have — mail that differs from the UPN, guests with `#EXT#` names, people without an
 * employee id, disabled leavers, unlicensed accounts, synced and cloud-only users.
 */
import { blankGraphUser } from '../../services/graph/blank-graph-user'
import type { GraphAssignedLicense, GraphExtensionAttributes, GraphUser } from '../../services/graph/graph-types'
import type { DemoUser } from './organisation-types'
import { asciiFold, toMailboxPart } from './ascii-fold'
import { NAME_TABLES } from './name-tables'
import { COMPANIES, DEPARTMENTS, GUEST_DOMAINS, OFFICES, ORGANISATION_FACTS } from './organisation-facts'
import { formatBusinessPhone, formatMobilePhone } from './phone-numbers'
import { EXECUTIVE_DEPARTMENT, PERSON_FLAGS, type Workforce } from './plan-workforce'
import { SeededRandom, hashSeed } from './seeded-random'

/** Per-person facts the group builder needs beyond the Graph object. */
export interface UserTraits {
  readonly isEnabled: Uint8Array
  readonly isIntern: Uint8Array
  readonly isServiceDesk: Uint8Array
  /** Not assigned to the company's scope group (the "user not created: not in scope" case). */
  readonly isOutsideScope: Uint8Array
}

export interface BuiltUsers {
  readonly users: DemoUser[]
  readonly traits: UserTraits
}

const DAY_MS = 86_400_000
const EMPLOYEE_TYPES = ['Employee', 'Contractor', 'Intern', 'Consultant', 'Temporary'] as const
const EMPLOYEE_TYPE_WEIGHTS = [86, 7, 3, 2, 2]

// Real Microsoft 365 SKU ids, so a licence rule written against a real tenant works on the demo.
const LICENCE_E3: readonly GraphAssignedLicense[] = Object.freeze([Object.freeze({ skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', disabledPlans: Object.freeze([]) })])
const LICENCE_E5: readonly GraphAssignedLicense[] = Object.freeze([Object.freeze({ skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06', disabledPlans: Object.freeze([]) })])
const LICENCE_F3: readonly GraphAssignedLicense[] = Object.freeze([Object.freeze({ skuId: '66b55226-6b4f-492c-910c-a3b7a3c9d993', disabledPlans: Object.freeze([]) })])
const NO_LICENCES: readonly GraphAssignedLicense[] = Object.freeze([])
const NO_PHONES: readonly string[] = Object.freeze([])

const EXTENSION_ATTRIBUTE_NAMES = Array.from({ length: 15 }, (_, index) => `extensionAttribute${index + 1}` as const)

type ExtensionAttributeSource = (costCentre: string | null, division: string | null, cardOptOut: boolean) => GraphExtensionAttributes

/**
 * Extension attributes are shared (frozen) between users with the same values: a 200,000-user
 * tenant would otherwise hold 200,000 copies of fifteen mostly-null properties.
 */
function createExtensionAttributeSource(): ExtensionAttributeSource {
  const cache = new Map<string, GraphExtensionAttributes>()
  return (costCentre, division, cardOptOut) => {
    const key = `${costCentre ?? ''}|${division ?? ''}|${cardOptOut ? 1 : 0}`
    const cached = cache.get(key)
    if (cached) return cached
    const attributes: Record<string, string | null> = {}
    for (const name of EXTENSION_ATTRIBUTE_NAMES) attributes[name] = null
    attributes.extensionAttribute1 = costCentre
    attributes.extensionAttribute2 = division
    if (cardOptOut) attributes.extensionAttribute15 = 'NoBusinessCard'
    const frozen = Object.freeze(attributes) as GraphExtensionAttributes
    cache.set(key, frozen)
    return frozen
  }
}

/** Hands out e-mail addresses and account names once each, adding digits on collision. */
class AddressBook {
  private readonly taken = new Set<string>()
  private readonly nextSuffix = new Map<string, number>()

  isFree(address: string): boolean {
    return !this.taken.has(address.toLowerCase())
  }

  claim(address: string): void {
    this.taken.add(address.toLowerCase())
  }

  /** `local@domain`, or `local2@domain`, `local3@domain` … when taken; without a domain, just the name. */
  claimUnique(local: string, domain?: string): string {
    const at = domain === undefined ? '' : `@${domain}`
    const base = `${local}${at}`
    if (this.isFree(base)) {
      this.claim(base)
      return base
    }
    let suffix = this.nextSuffix.get(base) ?? 2
    let candidate = `${local}${suffix}${at}`
    while (!this.isFree(candidate)) {
      suffix += 1
      candidate = `${local}${suffix}${at}`
    }
    this.nextSuffix.set(base, suffix + 1)
    this.claim(candidate)
    return candidate
  }
}

function isoDate(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 10) + 'T00:00:00Z'
}

function isoDateTime(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function base64FromHex(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64')
}

/** Builds the Graph users of a planned workforce. */
export function buildUsers(seed: number, workforce: Workforce, now: string): BuiltUsers {
  const { count } = workforce
  const nowMs = Date.parse(now)
  const tenantCreatedMs = Date.parse(ORGANISATION_FACTS.tenantCreatedDateTime)
  const addresses = new AddressBook()
  const extensionAttributes = createExtensionAttributeSource()
  const accountNames = new AddressBook()
  const users: DemoUser[] = new Array<DemoUser>(count)
  const traits: UserTraits = {
    isEnabled: new Uint8Array(count),
    isIntern: new Uint8Array(count),
    isServiceDesk: new Uint8Array(count),
    isOutsideScope: new Uint8Array(count),
  }
  const initialDomain = ORGANISATION_FACTS.initialDomain
  const foldedCache = new Map<string, string>()
  const mailboxPart = (name: string): string => {
    let folded = foldedCache.get(name)
    if (folded === undefined) {
      folded = toMailboxPart(name)
      foldedCache.set(name, folded)
    }
    return folded
  }

  for (let index = 0; index < count; index += 1) {
    const random = new SeededRandom(hashSeed(seed, 'details', index))
    const flags = workforce.flags[index]!
    const id = workforce.ids[index]!
    const givenName = workforce.givenNames[index]!
    const surname = workforce.surnames[index]!
    const nationality = workforce.nationalities[index]!
    const managerIndex = workforce.managerIndexes[index]!
    const managerId = managerIndex >= 0 ? (workforce.ids[managerIndex] ?? null) : null

    if (flags & PERSON_FLAGS.isGuest) {
      users[index] = { user: buildGuest({ id, givenName, surname, random, addresses, mailboxPart, initialDomain, nowMs, extensionAttributes }), managerId: null }
      traits.isEnabled[index] = users[index]!.user.accountEnabled ? 1 : 0
      continue
    }

    const company = COMPANIES[workforce.companyIndexes[index]!]!
    const office = OFFICES[workforce.officeIndexes[index]!]!
    const departmentIndex = workforce.departmentIndexes[index]!
    const department = departmentIndex === EXECUTIVE_DEPARTMENT ? null : DEPARTMENTS[departmentIndex]!
    const isFeatured = index < ORGANISATION_FACTS.featuredPeople.length
    const isHead = (flags & PERSON_FLAGS.isDepartmentHead) !== 0
    const hasReports = (flags & PERSON_FLAGS.hasReports) !== 0
    const depth = workforce.depths[index]!

    // Fixed draw order: every roll happens for everyone.
    const employeeTypeRoll = random.pickWeighted(EMPLOYEE_TYPES, EMPLOYEE_TYPE_WEIGHTS)
    const staffTitle = department ? random.pick(department.staffTitles) : 'Executive Assistant'
    const mailVariantRoll = random.next()
    const disabledRoll = random.next()
    const missingIdRoll = random.next()
    const licenceRoll = random.next()
    const mobileRoll = random.next()
    const businessPhoneRoll = random.next()
    const cloudOnlyRoll = random.next()
    const costCentreRoll = random.next()
    const cardOptOutRoll = random.next()
    const scopeRoll = random.next()
    const serviceDeskRoll = random.next()
    const hireDaysAgo = random.integer(-20, 365 * 26)
    const accountLeadDays = random.integer(0, 21)
    const createdSeconds = random.integer(0, 86_399)
    const oldSurname = random.pick(NAME_TABLES[nationality].surnames)

    const isManagerial = isHead || hasReports || depth < 0
    const employeeType = isManagerial || isFeatured ? 'Employee' : employeeTypeRoll
    const isIntern = employeeType === 'Intern'

    const local = `${mailboxPart(givenName)}.${mailboxPart(surname)}`
    const userPrincipalName = addresses.claimUnique(local, company.domain)
    const mailNickname = userPrincipalName.slice(0, userPrincipalName.indexOf('@'))
    let mail = userPrincipalName
    if (!isFeatured && mailVariantRoll < 0.05) {
      // ~5 % have a mail that is not their UPN: an alias domain, or the address from before a
      // name change (e.g. marriage) that was never updated.
      if (mailVariantRoll < 0.025 && company.key === 'nordlys') {
        mail = addresses.claimUnique(mailNickname, ORGANISATION_FACTS.aliasDomain)
      } else if (mailVariantRoll < 0.025) {
        mail = addresses.claimUnique(`${mailboxPart(givenName).slice(0, 1)}${mailboxPart(surname)}`, company.domain)
      } else {
        const oldLocal = `${mailboxPart(givenName)}.${mailboxPart(oldSurname)}`
        mail = oldLocal === local ? addresses.claimUnique(`${local}.old`, company.domain) : addresses.claimUnique(oldLocal, company.domain)
      }
    }
    const proxyAddresses = mail === userPrincipalName
      ? [`SMTP:${mail}`, `smtp:${mailNickname}@${initialDomain}`]
      : [`SMTP:${mail}`, `smtp:${userPrincipalName}`, `smtp:${mailNickname}@${initialDomain}`]

    const jobTitle = index === 0
      ? 'Chief Executive Officer'
      : index === 1
        ? 'Managing Director'
        : isHead
          ? `Head of ${department?.name ?? 'Executive Office'}`
          : hasReports
            ? depth === 1 ? `${department?.name ?? ''} Manager` : 'Team Lead'
            : isIntern ? `Intern, ${department?.name ?? ''}` : staffTitle

    const isEnabled = isFeatured || isManagerial || disabledRoll >= 0.048
    const hasEmployeeId = isFeatured || (
      (employeeType === 'Contractor' || employeeType === 'Consultant') ? missingIdRoll >= 0.7 : missingIdRoll >= 0.04
    )
    const employeeId = hasEmployeeId
      ? company.key === 'nordlys' ? String(100_000 + index) : `${company.employeeIdPrefix}${String(20_000 + index).padStart(6, '0')}`
      : null

    const isFrontline = department?.name === 'Field Service' || department?.name === 'Customer Service'
    const assignedLicenses = !isEnabled || licenceRoll < 0.06
      ? NO_LICENCES
      : isManagerial || department?.name === 'IT'
        ? LICENCE_E5
        : isFrontline && licenceRoll < 0.6 ? LICENCE_F3 : LICENCE_E3

    const hireMs = index < 2 ? tenantCreatedMs - 3_000 * DAY_MS : nowMs - hireDaysAgo * DAY_MS
    const hireDayMs = Math.floor(hireMs / DAY_MS) * DAY_MS
    const createdMs = Math.min(nowMs - DAY_MS, Math.max(tenantCreatedMs + index * 1000, hireDayMs - accountLeadDays * DAY_MS) + createdSeconds * 1000)

    const isSynced = company.isSyncedFromOnPremises && cloudOnlyRoll >= 0.1
    const samAccountName = isSynced
      ? accountNames.claimUnique(`${mailboxPart(givenName).slice(0, 1)}${mailboxPart(surname)}`.slice(0, 15))
      : null

    const user: GraphUser = {
      id,
      userPrincipalName,
      mail,
      mailNickname,
      proxyAddresses,
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      jobTitle,
      department: department?.name ?? 'Executive Office',
      companyName: company.name,
      officeLocation: office.officeLocation,
      streetAddress: office.streetAddress,
      postalCode: office.postalCode,
      city: office.city,
      state: office.state,
      country: office.country,
      usageLocation: office.countryCode,
      preferredLanguage: NAME_TABLES[nationality].language,
      mobilePhone: isFeatured || mobileRoll >= 0.15 ? formatMobilePhone(office.countryCode, random) : null,
      businessPhones: isFeatured || businessPhoneRoll >= 0.1 ? [formatBusinessPhone(office.countryCode, office.city, random)] : NO_PHONES,
      employeeId,
      employeeType,
      employeeHireDate: isoDate(hireMs),
      accountEnabled: isEnabled,
      userType: 'Member',
      createdDateTime: isoDateTime(createdMs),
      assignedLicenses,
      onPremisesExtensionAttributes: extensionAttributes(
        costCentreRoll < 0.95 ? (department?.costCentre ?? 'CC-1000') : null,
        company.division,
        cardOptOutRoll < 0.01 && !isFeatured,
      ),
      onPremisesSyncEnabled: isSynced ? true : null,
      onPremisesImmutableId: isSynced ? base64FromHex(random.hex(16)) : null,
      onPremisesSamAccountName: samAccountName,
    }
    users[index] = { user, managerId }
    traits.isEnabled[index] = isEnabled ? 1 : 0
    traits.isIntern[index] = isIntern ? 1 : 0
    traits.isServiceDesk[index] = department?.name === 'IT' && (staffTitle.startsWith('Service Desk') || serviceDeskRoll < 0.1) && !hasReports ? 1 : 0
    traits.isOutsideScope[index] = !isFeatured && scopeRoll < 0.03 ? 1 : 0
  }
  return { users, traits }
}

interface GuestInput {
  readonly id: string
  readonly givenName: string
  readonly surname: string
  readonly random: SeededRandom
  readonly addresses: AddressBook
  readonly mailboxPart: (name: string) => string
  readonly initialDomain: string
  readonly nowMs: number
  readonly extensionAttributes: ExtensionAttributeSource
}

function buildGuest({ id, givenName, surname, random, addresses, mailboxPart, initialDomain, nowMs, extensionAttributes }: GuestInput): GraphUser {
  const domain = random.pick(GUEST_DOMAINS)
  const externalMail = addresses.claimUnique(`${mailboxPart(givenName)}.${mailboxPart(surname)}`, domain)
  // B2B invitation: the external address with '@' replaced by '_', then #EXT# and the tenant's
  // initial domain (how Entra names invited guests).
  const userPrincipalName = `${externalMail.replace('@', '_')}#EXT#@${initialDomain}`
  const createdMs = nowMs - random.integer(20, 365 * 6) * DAY_MS - random.integer(0, 86_399) * 1000
  // Random draws stay in the same order as the properties below: the organisation is seeded.
  return {
    ...blankGraphUser({ id, userPrincipalName, createdDateTime: isoDateTime(createdMs) }),
    mail: externalMail,
    mailNickname: `${externalMail.replace('@', '_')}#EXT#`,
    proxyAddresses: [`SMTP:${externalMail}`],
    displayName: random.chance(0.3) ? `${givenName} ${surname} (${asciiFold(domain.split('.')[0] ?? domain)})` : `${givenName} ${surname}`,
    givenName: random.chance(0.7) ? givenName : null,
    surname: random.chance(0.7) ? surname : null,
    businessPhones: NO_PHONES,
    accountEnabled: random.chance(0.95),
    userType: 'Guest',
    assignedLicenses: NO_LICENCES,
    onPremisesExtensionAttributes: extensionAttributes(null, null, false),
  }
}
