import { describe, expect, it } from 'vitest'
import { asciiFold } from '../../../../src-main/demo/organisation/ascii-fold'
import { generateOrganisation } from '../../../../src-main/demo/organisation/generate-organisation'
import {
  planExistingApplicationUsers,
  seedExistingApplicationUsers,
  type ExistingUserKind,
} from '../../../../src-main/demo/target/seed-existing-application-users'

const organisation = generateOrganisation()
const planned = planExistingApplicationUsers(organisation)
const usersById = new Map(organisation.users.map((entry) => [entry.user.id, entry.user]))
const entraUpns = new Set(organisation.users.map((entry) => entry.user.userPrincipalName.toLowerCase()))
const ofKind = (kind: ExistingUserKind) => planned.filter((entry) => entry.kind === kind)

describe('seedExistingApplicationUsers', () => {
  it('is deterministic for the same organisation', () => {
    expect(seedExistingApplicationUsers(organisation)).toEqual(planned.map((entry) => entry.record))
    expect(seedExistingApplicationUsers(generateOrganisation())).toEqual(seedExistingApplicationUsers(organisation))
  })

  it('differs for another seed', () => {
    const other = seedExistingApplicationUsers(generateOrganisation({ seed: 99, users: 500 }))
    const same = seedExistingApplicationUsers(generateOrganisation({ users: 500 }))
    expect(other.map((record) => record.userName)).not.toEqual(same.map((record) => record.userName))
  })

  it('covers roughly two thirds of the first 1,000 members in some form', () => {
    const sample = organisation.users.filter((entry) => entry.user.userType === 'Member').slice(0, 1000)
    const represented = new Set(planned.map((entry) => entry.entraUserId).filter((id) => id !== null))
    const share = sample.filter((entry) => represented.has(entry.user.id)).length / sample.length
    expect(share).toBeGreaterThan(0.6)
    expect(share).toBeLessThan(0.72)
  })

  it('has unique user names ignoring case, and unique ids', () => {
    const names = planned.map((entry) => entry.record.userName.toLowerCase())
    expect(new Set(names).size).toBe(names.length)
    const ids = planned.map((entry) => entry.record.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('produces every kind of existing user', () => {
    const kinds: ExistingUserKind[] = [
      'exactMatch', 'caseVariant', 'diacriticVariant', 'shortAlias', 'mailInsteadOfUpn', 'staleNameChange',
      'duplicateOfMatched', 'testUser', 'breakGlassAdmin', 'leaver', 'externalContractor',
    ]
    for (const kind of kinds) expect(ofKind(kind).length, kind).toBeGreaterThan(0)
  })

  it('matches exactly, in another case, or with the diacritics the UPN folded away', () => {
    for (const entry of ofKind('exactMatch')) expect(entry.record.userName).toBe(usersById.get(entry.entraUserId!)!.userPrincipalName)
    for (const entry of ofKind('caseVariant')) {
      const upn = usersById.get(entry.entraUserId!)!.userPrincipalName
      expect(entry.record.userName).not.toBe(upn)
      expect(entry.record.userName.toLowerCase()).toBe(upn)
    }
    for (const entry of ofKind('diacriticVariant')) {
      const upn = usersById.get(entry.entraUserId!)!.userPrincipalName
      expect(entry.record.userName).not.toBe(upn)
      expect(asciiFold(entry.record.userName)).toBe(upn)
    }
  })

  it('keeps short aliases, mail-based and old-surname names that no Entra UPN equals', () => {
    for (const entry of ofKind('shortAlias')) {
      expect(entry.record.userName).toMatch(/^[a-z][a-z-]+\d*@/)
      expect(entraUpns.has(entry.record.userName.toLowerCase())).toBe(false)
    }
    for (const entry of ofKind('mailInsteadOfUpn')) expect(entry.record.userName).toBe(usersById.get(entry.entraUserId!)!.mail)
    for (const entry of ofKind('staleNameChange')) {
      const user = usersById.get(entry.entraUserId!)!
      expect(entraUpns.has(entry.record.userName.toLowerCase())).toBe(false)
      expect(entry.record.name?.givenName).toBe(user.givenName)
      expect(entry.record.name?.familyName).not.toBe(user.surname)
    }
  })

  it('holds people Entra does not know: test users, a break-glass admin, inactive leavers, outside contractors', () => {
    expect(ofKind('testUser').map((entry) => entry.record.userName)).toContain('test.user1@nordlys.dk')
    expect(ofKind('breakGlassAdmin').map((entry) => entry.record.userName)).toEqual(['breakglass-admin@nordlys.dk'])
    for (const entry of [...ofKind('testUser'), ...ofKind('breakGlassAdmin'), ...ofKind('leaver'), ...ofKind('externalContractor')]) {
      expect(entry.entraUserId).toBeNull()
      expect(entraUpns.has(entry.record.userName.toLowerCase())).toBe(false)
    }
    for (const entry of ofKind('leaver')) expect(entry.record.active).toBe(false)
    for (const entry of ofKind('externalContractor')) {
      expect(entry.record.active).toBe(true)
      expect(entry.record.userName).not.toMatch(/@(nordlys\.dk|nordlys\.com|fjordtelecom\.se)$/)
    }
  })

  it('gives the featured people fixed variants the walkthrough relies on', () => {
    const byName = (userName: string) => planned.find((entry) => entry.record.userName === userName)
    expect(byName('søren.mølgaard@nordlys.dk')?.kind).toBe('diacriticVariant')
    expect(byName('zoe.clarke@nordlys.dk')?.kind).toBe('exactMatch')
    expect(byName('OLAFUR.GUDMUNDSSON@FJORDTELECOM.SE')?.kind).toBe('caseVariant')
    expect(byName('lmuller@nordlys.dk')?.kind).toBe('shortAlias')
  })

  it('writes SCIM-shaped records with a work e-mail and the enterprise extension for matched people', () => {
    const record = ofKind('exactMatch')[0]!.record
    expect(record.emails?.[0]).toMatchObject({ type: 'work', primary: true })
    expect(record['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']?.department).toBeTruthy()
    expect(Date.parse(record.meta.created)).toBeLessThanOrEqual(Date.parse(record.meta.lastModified))
  })
})
