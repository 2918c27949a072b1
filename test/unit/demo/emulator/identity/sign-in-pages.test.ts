import { describe, expect, it } from 'vitest'
import { aadFailure, toAadErrorBody } from '../../../../../src-main/demo/emulator/identity/aad-error'
import { createPageSecurity, escapeHtml } from '../../../../../src-main/demo/emulator/identity/page-layout'
import { renderAccountPickerPage, renderErrorPage, renderFormPostPage } from '../../../../../src-main/demo/emulator/identity/sign-in-pages'

const form = { action: '/organizations/login', interactionId: 'abc', applicationName: 'Headcount' }

describe('sign-in pages', () => {
  it('escape every value taken from the request or the directory', () => {
    const security = createPageSecurity()
    const html = renderAccountPickerPage(form, { administrators: [], loginHint: '"><script>alert(1)</script>', isAdminConsent: false }, security)
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain(escapeHtml('"><script>alert(1)</script>'))
  })

  it('give each response its own nonce and allow forms only to self and the redirect origin', () => {
    const first = createPageSecurity(['http://localhost:5000'])
    const second = createPageSecurity()
    expect(first.nonce).not.toBe(second.nonce)
    expect(first.contentSecurityPolicy).toContain("form-action 'self' http://localhost:5000")
    expect(first.contentSecurityPolicy).toContain("frame-ancestors 'none'")
    expect(first.contentSecurityPolicy).not.toContain('unsafe-inline')
  })

  it('the form_post page carries the fields as hidden inputs, a Continue button and one nonce script', () => {
    const security = createPageSecurity(['http://localhost:5000'])
    const html = renderFormPostPage('http://localhost:5000', { code: 'c&d', state: 's"1' }, security)
    expect(html).toContain('<form method="post" action="http://localhost:5000" id="form-post">')
    expect(html).toContain(`<input type="hidden" name="code" value="${escapeHtml('c&d')}">`)
    expect(html).toContain(`<input type="hidden" name="state" value="${escapeHtml('s"1')}">`)
    expect(html).toContain('>Continue</button>')
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(html).toContain(`<script nonce="${security.nonce}">`)
  })

  it('error pages show the AADSTS code', () => {
    const html = renderErrorPage(aadFailure(400, 'invalid_request', 50011, 'The redirect URI does not match.'), createPageSecurity())
    expect(html).toContain('AADSTS50011: The redirect URI does not match.')
  })
})

describe('toAadErrorBody', () => {
  it('matches the shape Entra sends', () => {
    const body = toAadErrorBody(aadFailure(401, 'invalid_client', 7000215, 'Invalid client secret provided.'), 'https://127.0.0.1:1', new Date('2026-11-01T09:00:05.123Z'), 'ab7c3a5e-0b7e-4f2b-9d71-5b0c4f6a8e21')
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000215], timestamp: '2026-11-01 09:00:05Z', correlation_id: 'ab7c3a5e-0b7e-4f2b-9d71-5b0c4f6a8e21' })
    expect(body.error_description).toBe(`AADSTS7000215: Invalid client secret provided. Trace ID: ${body.trace_id} Correlation ID: ab7c3a5e-0b7e-4f2b-9d71-5b0c4f6a8e21 Timestamp: 2026-11-01 09:00:05Z`)
    expect(body.suberror).toBeUndefined()
  })
})
