import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { createTrustedFetch, type TrustedFetch } from '../../../src-main/services/net/trusted-fetch'

let emulator: RunningEmulator
let trusted: TrustedFetch

beforeAll(async () => {
  emulator = await startEmulator({ users: 120 })
  trusted = createTrustedFetch({ caCertificates: [emulator.caCertificatePem] })
})

afterAll(async () => {
  await trusted.close()
  await emulator.close()
})

async function appToken(): Promise<string> {
  const response = await trusted.fetch(`${emulator.origin}/${emulator.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: emulator.confidentialClient.clientId,
      client_secret: emulator.confidentialClient.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }).toString(),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { access_token: string }).access_token
}

describe('startEmulator', () => {
  it('listens on 127.0.0.1 over HTTPS and describes itself', () => {
    expect(emulator.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(emulator.graphBaseUrl).toBe(`${emulator.origin}/v1.0`)
    expect(emulator.authorityHost).toBe(emulator.origin.replace('https://', ''))
    expect(emulator.tenantId).toBe(emulator.organisation.tenantId)
    expect(emulator.confidentialClient.clientId).toBe(emulator.organisation.applications.find((application) => application.displayName.startsWith('Headcount'))?.appId)
  })

  it('is not trusted without its CA', async () => {
    await expect(fetch(`${emulator.origin}/${emulator.tenantId}/v2.0/.well-known/openid-configuration`)).rejects.toThrow()
  })

  it('serves Graph to a token from its own token endpoint', async () => {
    const token = await appToken()
    const response = await trusted.fetch(`${emulator.graphBaseUrl}/users?$top=5&$select=id,displayName`, { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    const page = (await response.json()) as { value: unknown[]; '@odata.nextLink'?: string }
    expect(page.value).toHaveLength(5)
    expect(page['@odata.nextLink']).toMatch(new RegExp(`^${emulator.graphBaseUrl.replace(/[.]/g, '\\.')}/users\\?`))
  })

  it('rejects a token signed by someone else with 401', async () => {
    const token = await appToken()
    const [header, payload] = token.split('.')
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`
    const response = await trusted.fetch(`${emulator.graphBaseUrl}/users`, { headers: { authorization: `Bearer ${forged}` } })
    expect(response.status).toBe(401)
  })

  it('stops sign-in for a user disabled through the directory state', async () => {
    const administrator = emulator.organisation.users.find(({ user }) => user.jobTitle === 'IT Manager' || user.jobTitle === 'Head of IT')?.user
    if (!administrator) throw new Error('no administrator in the organisation')
    expect(emulator.state.disableUser(administrator.id).ok).toBe(true)
    const page = await trusted.fetch(`${emulator.origin}/organizations/oauth2/v2.0/authorize?client_id=${emulator.publicClientId}&redirect_uri=http://localhost:1&response_type=code&response_mode=form_post&scope=openid&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`)
    expect(await page.text()).not.toContain(administrator.userPrincipalName)
  })

  it('answers unknown paths with 404 JSON', async () => {
    const response = await trusted.fetch(`${emulator.origin}/nothing/here`)
    expect(response.status).toBe(404)
  })
})
