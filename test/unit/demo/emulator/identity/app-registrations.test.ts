import { describe, expect, it } from 'vitest'
import {
  createDemoAppRegistrations,
  DEMO_PUBLIC_CLIENT_ID,
  FALLBACK_CONFIDENTIAL_CLIENT_ID,
  isRedirectUriRegistered,
} from '../../../../../src-main/demo/emulator/identity/app-registrations'
import { generateOrganisation } from '../../../../../src-main/demo/organisation/generate-organisation'
import type { DemoOrganisation } from '../../../../../src-main/demo/organisation/organisation-types'

const organisation = generateOrganisation({ users: 20 })

describe('demo app registrations', () => {
  it('are the public Headcount client and the organisation’s own Headcount app as confidential client', () => {
    const [publicClient, confidential] = createDemoAppRegistrations(organisation)
    expect(publicClient).toMatchObject({ appId: DEMO_PUBLIC_CLIENT_ID, isPublicClient: true, isMultiTenant: true, clientSecrets: [] })
    const headcount = organisation.applications.find((application) => application.displayName.startsWith('Headcount'))
    expect(confidential).toMatchObject({ appId: headcount?.appId, isPublicClient: false, requiredApplicationPermissions: ['User.Read.All', 'GroupMember.Read.All', 'Application.Read.All'] })
  })

  it('fall back to a fixed confidential client id when the organisation has no Headcount app', () => {
    const bare: DemoOrganisation = { ...organisation, applications: [] }
    expect(createDemoAppRegistrations(bare)[1]?.appId).toBe(FALLBACK_CONFIDENTIAL_CLIENT_ID)
  })
})

describe('isRedirectUriRegistered (loopback, any port, RFC 8252 §7.3)', () => {
  const [publicClient] = createDemoAppRegistrations(organisation)
  if (!publicClient) throw new Error('no public client')
  it.each([
    ['http://localhost:51234', true],
    ['http://localhost:51234/', true],
    ['http://127.0.0.1:8400', true],
    ['http://localhost', true],
    ['https://localhost:51234', false],
    ['http://localhost:51234/callback', false],
    ['http://localhost.evil.example:80', false],
    ['http://192.168.1.5:8080', false],
    ['not a url', false],
  ])('%s → %s', (uri, expected) => {
    expect(isRedirectUriRegistered(publicClient, uri)).toBe(expected)
  })
})
