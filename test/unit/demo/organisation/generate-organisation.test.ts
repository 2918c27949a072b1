import { describe, expect, it } from 'vitest'
import { generateOrganisation } from '../../../../src-main/demo/organisation/generate-organisation'
import { ORGANISATION_FACTS } from '../../../../src-main/demo/organisation/organisation-facts'
import type { DemoOrganisation } from '../../../../src-main/demo/organisation/organisation-types'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const organisation = generateOrganisation()
const members = organisation.users.filter((entry) => entry.user.userType === 'Member')
const guests = organisation.users.filter((entry) => entry.user.userType === 'Guest')
const byGuest = new Set(guests.map((entry) => entry.user.id))

function share(count: number, total: number): number {
  return count / total
}

function groupByName(org: DemoOrganisation, name: string) {
  const group = org.groups.find((candidate) => candidate.displayName === name)
  if (!group) throw new Error(`no group ${name}`)
  return group
}

describe('generateOrganisation: determinism and size', () => {
  it('defaults to 2,500 users, seed 2026 and a fixed now', () => {
    expect(organisation.users).toHaveLength(2500)
    expect(organisation.seed).toBe(2026)
    const headcount = organisation.applications.find((app) => app.appId === ORGANISATION_FACTS.headcountApplication.appId)!
    const nightly = headcount.passwordCredentials.find((secret) => secret.displayName === 'Nightly sync')!
    expect(nightly.endDateTime).toBe('2026-11-11T09:00:00Z')
  })

  it('gives identical output for the same seed and size', () => {
    const again = generateOrganisation({ seed: 2026, users: 2500 })
    expect(JSON.stringify(again)).toBe(JSON.stringify(organisation))
  })

  it('gives a different tenant for a different seed', () => {
    const other = generateOrganisation({ seed: 7, users: 300 })
    const same = generateOrganisation({ seed: 2026, users: 300 })
    expect(other.tenantId).not.toBe(same.tenantId)
    expect(other.users.map((entry) => entry.user.id)).not.toEqual(same.users.map((entry) => entry.user.id))
    expect(other.users.slice(10).map((entry) => entry.user.displayName)).not.toEqual(same.users.slice(10).map((entry) => entry.user.displayName))
  })

  it('keeps a person the same whatever the size of the organisation', () => {
    const small = generateOrganisation({ users: 50 })
    for (let index = 0; index < 50; index += 1) {
      const a = small.users[index]!.user
      const b = organisation.users[index]!.user
      expect({ id: a.id, upn: a.userPrincipalName, name: a.displayName, phone: a.mobilePhone }).toEqual({
        id: b.id, upn: b.userPrincipalName, name: b.displayName, phone: b.mobilePhone,
      })
    }
    expect(small.groups.find((group) => group.displayName === 'All Staff')!.id).toBe(groupByName(organisation, 'All Staff').id)
  })

  it.each([1, 2, 3, 50, 997])('generates exactly %i users', (count) => {
    expect(generateOrganisation({ users: count }).users).toHaveLength(count)
  })

  it('refuses sizes outside 1 … 200,000', () => {
    expect(() => generateOrganisation({ users: 0 })).toThrow(RangeError)
    expect(() => generateOrganisation({ users: 200_001 })).toThrow(RangeError)
    expect(() => generateOrganisation({ users: 2.5 })).toThrow(RangeError)
  })

  it('uses only GUID-shaped, unique ids across users, groups, apps and service principals', () => {
    const ids = [
      organisation.tenantId,
      ...organisation.users.map((entry) => entry.user.id),
      ...organisation.groups.map((group) => group.id),
      ...organisation.applications.map((app) => app.id),
      ...organisation.servicePrincipals.map((principal) => principal.id),
    ]
    for (const id of ids) expect(id).toMatch(GUID)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('generateOrganisation: tenant and companies', () => {
  it('is Nordlys Group with two companies and verified domains', () => {
    expect(organisation.organization.displayName).toBe('Nordlys Group')
    expect(organisation.organization.id).toBe(organisation.tenantId)
    expect(organisation.initialDomain).toBe('nordlys.onmicrosoft.com')
    const domains = organisation.organization.verifiedDomains
    expect(domains.find((domain) => domain.isInitial)?.name).toBe('nordlys.onmicrosoft.com')
    expect(domains.find((domain) => domain.isDefault)?.name).toBe('nordlys.dk')
    expect(domains.map((domain) => domain.name)).toEqual(expect.arrayContaining(['nordlys.dk', 'fjordtelecom.se']))
    const companies = new Set(members.map((entry) => entry.user.companyName))
    expect([...companies].sort()).toEqual(['Fjord Telecom AB', 'Nordlys A/S'])
  })

  it('puts each member on their company domain, and every domain is verified', () => {
    const verified = new Set(organisation.organization.verifiedDomains.map((domain) => domain.name))
    for (const { user } of members) {
      const domain = user.userPrincipalName.split('@')[1]!
      expect(domain).toBe(user.companyName === 'Nordlys A/S' ? 'nordlys.dk' : 'fjordtelecom.se')
      expect(verified.has(user.mail!.split('@')[1]!)).toBe(true)
    }
  })
})

describe('generateOrganisation: users', () => {
  it('has unique user principal names and mail addresses, ASCII only in UPNs', () => {
    const upns = organisation.users.map((entry) => entry.user.userPrincipalName.toLowerCase())
    expect(new Set(upns).size).toBe(upns.length)
    const mails = organisation.users.map((entry) => entry.user.mail!.toLowerCase())
    expect(new Set(mails).size).toBe(mails.length)
    for (const upn of upns) expect(upn).toMatch(/^[a-z0-9._#-]+@[a-z0-9.-]+$/)
  })

  it('includes the featured names with diacritics and particles among the first 50 users', () => {
    const first = generateOrganisation({ users: 50 }).users.map((entry) => entry.user)
    const givenNames = first.map((user) => user.givenName)
    const surnames = first.map((user) => user.surname)
    for (const name of ['Zoë', 'Søren', 'Åsa', 'Ólafur']) expect(givenNames).toContain(name)
    for (const name of ['Müller', 'van der Berg']) expect(surnames).toContain(name)
    const soren = first.find((user) => user.givenName === 'Søren')!
    expect(soren.userPrincipalName).toBe('soren.molgaard@nordlys.dk')
    expect(first.find((user) => user.surname === 'van der Berg')!.userPrincipalName).toBe('pieter.vanderberg@nordlys.dk')
  })

  it('has Nordic letters all over the directory, not just in the featured people', () => {
    const withDiacritics = members.slice(20).filter((entry) => /[^ -~]/.test(entry.user.displayName!))
    expect(share(withDiacritics.length, members.length)).toBeGreaterThan(0.2)
  })

  it('adds digits to a UPN when the name is taken', () => {
    const numbered = members.filter((entry) => /\d@/.test(entry.user.userPrincipalName))
    expect(numbered.length).toBeGreaterThan(0)
    for (const { user } of numbered.slice(0, 20)) {
      const base = user.userPrincipalName.replace(/\d+@/, '@')
      expect(organisation.users.some((entry) => entry.user.userPrincipalName === base)).toBe(true)
    }
  })

  it('has the documented shares of guests, disabled accounts, missing employee ids and odd mail', () => {
    expect(share(guests.length, 2500)).toBeGreaterThan(0.01)
    expect(share(guests.length, 2500)).toBeLessThan(0.03)
    const disabled = organisation.users.filter((entry) => !entry.user.accountEnabled).length
    expect(share(disabled, 2500)).toBeGreaterThan(0.025)
    expect(share(disabled, 2500)).toBeLessThan(0.055)
    const withoutEmployeeId = members.filter((entry) => entry.user.employeeId === null).length
    expect(share(withoutEmployeeId, members.length)).toBeGreaterThan(0.05)
    expect(share(withoutEmployeeId, members.length)).toBeLessThan(0.11)
    const oddMail = members.filter((entry) => entry.user.mail !== entry.user.userPrincipalName).length
    expect(share(oddMail, members.length)).toBeGreaterThan(0.03)
    expect(share(oddMail, members.length)).toBeLessThan(0.07)
    const unlicensed = members.filter((entry) => entry.user.assignedLicenses.length === 0).length
    expect(unlicensed).toBeGreaterThan(0)
  })

  it('lists mail as the primary SMTP proxy address and the UPN as an alias when they differ', () => {
    for (const { user } of members) {
      expect(user.proxyAddresses[0]).toBe(`SMTP:${user.mail}`)
      if (user.mail !== user.userPrincipalName) expect(user.proxyAddresses).toContain(`smtp:${user.userPrincipalName}`)
      expect(user.proxyAddresses.filter((address) => address.startsWith('SMTP:'))).toHaveLength(1)
    }
  })

  it('names guests the way B2B invitations do', () => {
    expect(guests.length).toBeGreaterThan(0)
    for (const { user, managerId } of guests) {
      expect(user.userPrincipalName).toMatch(/^[a-z0-9.-]+_[a-z0-9.-]+#EXT#@nordlys\.onmicrosoft\.com$/)
      expect(user.userPrincipalName.startsWith(user.mail!.replace('@', '_'))).toBe(true)
      expect(user.employeeId).toBeNull()
      expect(managerId).toBeNull()
    }
  })

  it('uses several employee types, and every member has the address of their office', () => {
    const types = new Set(members.map((entry) => entry.user.employeeType))
    for (const type of ['Employee', 'Contractor', 'Intern']) expect(types).toContain(type)
    for (const { user } of members) {
      expect(user.officeLocation).toBeTruthy()
      expect(user.city).toBeTruthy()
      expect(user.usageLocation).toMatch(/^[A-Z]{2}$/)
      expect(user.employeeHireDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/)
      expect(Date.parse(user.createdDateTime)).toBeLessThan(Date.parse(ORGANISATION_FACTS.defaultNow))
    }
  })

  it('fills cost centre and division extension attributes for most members', () => {
    const withCostCentre = members.filter((entry) => entry.user.onPremisesExtensionAttributes.extensionAttribute1 !== null)
    expect(share(withCostCentre.length, members.length)).toBeGreaterThan(0.9)
    for (const { user } of members) expect(user.onPremisesExtensionAttributes.extensionAttribute2).toBeTruthy()
    expect(Object.keys(members[0]!.user.onPremisesExtensionAttributes)).toHaveLength(15)
  })

  it('marks Nordlys users as synced from on-premises, Fjord Telecom as cloud-only', () => {
    const synced = members.filter((entry) => entry.user.onPremisesSyncEnabled === true)
    expect(synced.length).toBeGreaterThan(0)
    for (const { user } of synced) {
      expect(user.companyName).toBe('Nordlys A/S')
      expect(user.onPremisesImmutableId).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      expect(user.onPremisesSamAccountName!.length).toBeLessThanOrEqual(20)
    }
    expect(members.filter((entry) => entry.user.companyName === 'Fjord Telecom AB').every((entry) => entry.user.onPremisesSyncEnabled === null)).toBe(true)
  })
})

describe('generateOrganisation: phone numbers per country', () => {
  const formats: Record<string, { mobile: RegExp; business: RegExp }> = {
    DK: { mobile: /^\+45 \d{2} \d{2} \d{2} \d{2}$/, business: /^\+45 \d{2} \d{2} \d{2} \d{2}$/ },
    SE: { mobile: /^\+46 7\d \d{3} \d{2} \d{2}$/, business: /^\+46 (8 \d{3} \d{3} \d{2}|31 \d{3} \d{2} \d{2})$/ },
    NO: { mobile: /^\+47 [49]\d{2} \d{2} \d{3}$/, business: /^\+47 \d{2} \d{2} \d{2} \d{2}$/ },
    NL: { mobile: /^\+31 6 \d{8}$/, business: /^\+31 20 \d{3} \d{4}$/ },
    US: { mobile: /^\+1 \d{3} 555 01\d{2}$/, business: /^\+1 \d{3} 555 01\d{2}$/ },
    IS: { mobile: /^\+354 \d{3} \d{4}$/, business: /^\+354 \d{3} \d{4}$/ },
  }

  it.each(Object.keys(formats))('formats %s numbers the local way', (country) => {
    const people = members.filter((entry) => entry.user.usageLocation === country)
    expect(people.length).toBeGreaterThan(10)
    for (const { user } of people) {
      if (user.mobilePhone !== null) expect(user.mobilePhone).toMatch(formats[country]!.mobile)
      for (const phone of user.businessPhones) expect(phone).toMatch(formats[country]!.business)
    }
  })

  it('leaves some people without a mobile number', () => {
    expect(members.some((entry) => entry.user.mobilePhone === null)).toBe(true)
  })
})

describe('generateOrganisation: manager hierarchy', () => {
  const byId = new Map(organisation.users.map((entry) => [entry.user.id, entry]))

  it('has exactly one CEO at the root and a few members without a manager', () => {
    const roots = members.filter((entry) => entry.managerId === null)
    const ceos = roots.filter((entry) => entry.user.jobTitle === 'Chief Executive Officer')
    expect(ceos).toHaveLength(1)
    expect(members.filter((entry) => entry.user.jobTitle === 'Chief Executive Officer')).toHaveLength(1)
    const orphans = roots.length - 1
    expect(orphans).toBeGreaterThan(0)
    expect(share(orphans, members.length)).toBeLessThan(0.012)
  })

  it('only points at existing members, and has no cycles', () => {
    for (const entry of members) {
      const seen = new Set<string>([entry.user.id])
      let managerId = entry.managerId
      while (managerId !== null) {
        const manager = byId.get(managerId)
        expect(manager).toBeDefined()
        expect(manager!.user.userType).toBe('Member')
        expect(seen.has(managerId)).toBe(false)
        seen.add(managerId)
        managerId = manager!.managerId
      }
    }
  })

  it('is a tree by department: heads report to an executive, staff report within their department', () => {
    const ceoId = members.find((entry) => entry.user.jobTitle === 'Chief Executive Officer')!.user.id
    let sameDepartment = 0
    let withManager = 0
    for (const entry of members) {
      if (entry.managerId === null) continue
      const manager = byId.get(entry.managerId)!.user
      if (entry.user.jobTitle?.startsWith('Head of')) {
        expect(['Chief Executive Officer', 'Managing Director']).toContain(manager.jobTitle)
        continue
      }
      withManager += 1
      if (manager.department === entry.user.department) sameDepartment += 1
    }
    expect(share(sameDepartment, withManager)).toBeGreaterThan(0.99)
    const directReportsOfCeo = members.filter((entry) => entry.managerId === ceoId)
    expect(directReportsOfCeo.length).toBeGreaterThan(5)
    const depths = members.map((entry) => {
      let depth = 0
      let managerId = entry.managerId
      while (managerId !== null) { depth += 1; managerId = byId.get(managerId)!.managerId }
      return depth
    })
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(4)
  })

  it('keeps managers in the same company for nearly everyone', () => {
    const withManager = members.filter((entry) => entry.managerId !== null)
    const sameCompany = withManager.filter((entry) => byId.get(entry.managerId!)!.user.companyName === entry.user.companyName)
    expect(share(sameCompany.length, withManager.length)).toBeGreaterThan(0.95)
  })
})

describe('generateOrganisation: groups', () => {
  const groupIds = new Set(organisation.groups.map((group) => group.id))
  const userIds = new Set(organisation.users.map((entry) => entry.user.id))
  const membersOf = (groupId: string) => organisation.memberships.filter((membership) => membership.groupId === groupId)

  it('has one scope group per company, role groups, a guest group and one empty group', () => {
    for (const name of ORGANISATION_FACTS.scopeGroupNames) expect(membersOf(groupByName(organisation, name).id).length).toBeGreaterThan(100)
    for (const name of ORGANISATION_FACTS.roleGroupNames) expect(membersOf(groupByName(organisation, name).id).length).toBeGreaterThan(0)
    const guestGroup = groupByName(organisation, ORGANISATION_FACTS.guestGroupName)
    expect(membersOf(guestGroup.id).every((membership) => byGuest.has(membership.memberId))).toBe(true)
    expect(membersOf(groupByName(organisation, ORGANISATION_FACTS.emptyGroupName).id)).toHaveLength(0)
    const empty = organisation.groups.filter((group) => membersOf(group.id).length === 0)
    expect(empty.map((group) => group.displayName)).toEqual([ORGANISATION_FACTS.emptyGroupName])
  })

  it('has both security groups and Microsoft 365 groups, with consistent flags', () => {
    const unified = organisation.groups.filter((group) => group.groupTypes.includes('Unified'))
    expect(unified.length).toBeGreaterThan(0)
    expect(organisation.groups.some((group) => group.securityEnabled && group.groupTypes.length === 0)).toBe(true)
    for (const group of unified) {
      expect(group.mailEnabled).toBe(true)
      expect(group.mail).toMatch(/@/)
    }
    const names = organisation.groups.map((group) => group.displayName)
    expect(new Set(names).size).toBe(names.length)
  })

  it('references only existing users and groups, each membership once', () => {
    const keys = new Set<string>()
    for (const membership of organisation.memberships) {
      expect(groupIds.has(membership.groupId)).toBe(true)
      if (membership.memberType === '#microsoft.graph.group') expect(groupIds.has(membership.memberId)).toBe(true)
      else expect(userIds.has(membership.memberId)).toBe(true)
      const key = `${membership.groupId}/${membership.memberId}`
      expect(keys.has(key)).toBe(false)
      keys.add(key)
    }
  })

  it('nests All Staff → company → office → people, and managers groups under Nordic Managers, without cycles', () => {
    const nested = new Map<string, string[]>()
    for (const membership of organisation.memberships) {
      if (membership.memberType !== '#microsoft.graph.group') continue
      nested.set(membership.groupId, [...(nested.get(membership.groupId) ?? []), membership.memberId])
    }
    const depthOf = (groupId: string, path: readonly string[]): number => {
      expect(path).not.toContain(groupId)
      const children = nested.get(groupId) ?? []
      return 1 + Math.max(0, ...children.map((child) => depthOf(child, [...path, groupId])))
    }
    for (const group of organisation.groups) depthOf(group.id, [])
    const allStaff = groupByName(organisation, 'All Staff')
    expect(depthOf(allStaff.id, [])).toBeGreaterThanOrEqual(3)
    const companyGroups = (nested.get(allStaff.id) ?? []).map((id) => organisation.groups.find((group) => group.id === id)!.displayName)
    expect(companyGroups.sort()).toEqual(['Fjord Telecom AB - All staff', 'Nordlys A/S - All staff'])
    expect((nested.get(groupByName(organisation, 'Nordic Managers').id) ?? []).length).toBeGreaterThan(5)
    for (const group of organisation.groups.filter((candidate) => candidate.groupTypes.includes('Unified'))) {
      expect(nested.has(group.id)).toBe(false)
    }
  })
})

describe('generateOrganisation: applications and credentials', () => {
  const now = Date.parse(ORGANISATION_FACTS.defaultNow)
  const daysUntil = (iso: string): number => Math.round((Date.parse(iso) - now) / 86_400_000)

  it('registers Headcount with a secret expiring in ~10 days, another in ~400 days, and a certificate', () => {
    const app = organisation.applications.find((candidate) => candidate.appId === ORGANISATION_FACTS.headcountApplication.appId)!
    expect(app.displayName).toBe('Headcount')
    expect(app.passwordCredentials.map((secret) => daysUntil(secret.endDateTime)).sort((a, b) => a - b)).toEqual([10, 400])
    expect(app.keyCredentials).toHaveLength(1)
    expect(app.keyCredentials[0]!.type).toBe('AsymmetricX509Cert')
    expect(organisation.servicePrincipals.some((principal) => principal.appId === app.appId)).toBe(true)
  })

  it('gives Cardwise two SAML signing certificates: the active one expiring in ~25 days', () => {
    const cardwise = organisation.servicePrincipals.find((principal) => principal.appId === ORGANISATION_FACTS.cardwiseApplication.appId)!
    expect(cardwise.preferredSingleSignOnMode).toBe('saml')
    expect(cardwise.appRoleAssignmentRequired).toBe(true)
    const byIdentifier = new Map<string, string[]>()
    for (const key of cardwise.keyCredentials) byIdentifier.set(key.customKeyIdentifier!, [...(byIdentifier.get(key.customKeyIdentifier!) ?? []), key.usage])
    expect(byIdentifier.size).toBe(2)
    for (const usages of byIdentifier.values()) expect(usages.sort()).toEqual(['Sign', 'Verify'])
    const active = cardwise.keyCredentials.filter((key) => key.customKeyIdentifier === cardwise.preferredTokenSigningKeyThumbprint)
    expect(active).toHaveLength(2)
    for (const key of active) expect(daysUntil(key.endDateTime)).toBe(25)
    const inactive = cardwise.keyCredentials.filter((key) => key.customKeyIdentifier !== cardwise.preferredTokenSigningKeyThumbprint)
    for (const key of inactive) expect(daysUntil(key.endDateTime)).toBeGreaterThan(365)
  })

  it('moves credential dates with the now option', () => {
    const later = generateOrganisation({ users: 10, now: '2027-01-01T00:00:00Z' })
    const app = later.applications.find((candidate) => candidate.appId === ORGANISATION_FACTS.headcountApplication.appId)!
    expect(app.passwordCredentials.map((secret) => secret.endDateTime)).toContain('2027-01-11T00:00:00Z')
  })

  it('has a couple of other apps besides Headcount and Cardwise', () => {
    expect(organisation.applications.length).toBeGreaterThanOrEqual(4)
    expect(new Set(organisation.servicePrincipals.map((principal) => principal.appId)).size).toBe(organisation.servicePrincipals.length)
  })
})

describe('generateOrganisation: scale', () => {
  it('generates 100,000 users (time printed, not asserted)', () => {
    const started = performance.now()
    const large = generateOrganisation({ users: 100_000 })
    const elapsed = performance.now() - started
    console.info(`generateOrganisation: 100,000 users in ${Math.round(elapsed)} ms, ${large.memberships.length} memberships`)
    expect(large.users).toHaveLength(100_000)
    const upns = new Set(large.users.map((entry) => entry.user.userPrincipalName))
    expect(upns.size).toBe(100_000)
  })
})
