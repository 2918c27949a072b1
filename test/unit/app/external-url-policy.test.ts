import { describe, expect, it } from 'vitest'
import { ALLOWED_EXTERNAL_HOSTS, isAllowedExternalUrl, isAllowedSignInUrl } from '../../../src-main/app/external-url-policy'

describe('which links may open in the system browser', () => {
  it.each([
    'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=x',
    'https://login.microsoftonline.us/common/adminconsent',
    'https://login.partner.microsoftonline.cn/contoso.partner.onmschina.cn/oauth2/v2.0/authorize',
    'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade',
    'https://portal.azure.com/',
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data',
    'https://LEARN.Microsoft.com/en-us/graph/delta-query-overview',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    ['plain http', 'http://login.microsoftonline.com/'],
    ['a host not on the list', 'https://example.com/'],
    ['a sub-domain of an allowed host', 'https://evil.learn.microsoft.com/'],
    ['an allowed host as a prefix of another', 'https://login.microsoftonline.com.evil.example/'],
    ['an allowed host as user info', 'https://login.microsoftonline.com@evil.example/'],
    ['credentials in the URL', 'https://user:secret@portal.azure.com/'],
    ['a non-default port', 'https://portal.azure.com:8443/'],
    ['the trailing-dot spelling of a host', 'https://portal.azure.com./'],
    ['a file URL', 'file:///etc/passwd'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a custom protocol', 'ms-settings:privacy'],
    ['text that is not a URL', 'login.microsoftonline.com'],
    ['an empty string', ''],
  ])('refuses %s', (_reason, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('lists only exact lower-case host names', () => {
    for (const host of ALLOWED_EXTERNAL_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+$/)
  })

  it('checks against the list it is given', () => {
    expect(isAllowedExternalUrl('https://example.com/', ['example.com'])).toBe(true)
    expect(isAllowedExternalUrl('https://portal.azure.com/', ['example.com'])).toBe(false)
  })
})

describe('isAllowedSignInUrl', () => {
  it('accepts Microsoft login hosts and exactly the profile’s own login host', () => {
    expect(isAllowedSignInUrl('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?x=1', 'login.microsoftonline.com')).toBe(true)
    expect(isAllowedSignInUrl('https://login.chinacloudapi.cn/t/oauth2/v2.0/authorize', 'login.chinacloudapi.cn')).toBe(true)
    expect(isAllowedSignInUrl('https://127.0.0.1:53211/t/oauth2/v2.0/authorize', '127.0.0.1:53211')).toBe(true)
  })

  it.each([
    ['http://127.0.0.1:53211/t/authorize', '127.0.0.1:53211'],
    ['https://127.0.0.1:53212/t/authorize', '127.0.0.1:53211'],
    ['https://user:pw@127.0.0.1:53211/t/authorize', '127.0.0.1:53211'],
    ['https://evil.example/t/authorize', '127.0.0.1:53211'],
    ['not a url', '127.0.0.1:53211'],
  ])('refuses %s for login host %s', (url, host) => {
    expect(isAllowedSignInUrl(url, host)).toBe(false)
  })
})
