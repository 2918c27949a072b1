import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../../src-main/app/content-security-policy'

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )
}

describe('the content security policy', () => {
  const packaged = directives(contentSecurityPolicy({ kind: 'file', url: 'file:///opt/Headcount/out/renderer/index.html' }))
  const development = directives(
    contentSecurityPolicy({ kind: 'development', url: 'http://localhost:5173/', origin: 'http://localhost:5173' }),
  )

  it('lets the packaged renderer load only its own files and reach no network', () => {
    expect(packaged.get('default-src')).toBe("'self'")
    expect(packaged.get('script-src')).toBe("'self'")
    expect(packaged.get('connect-src')).toBe("'self'")
  })

  it('forbids plugins, base rewriting, form posts and framing', () => {
    expect(packaged.get('object-src')).toBe("'none'")
    expect(packaged.get('base-uri')).toBe("'none'")
    expect(packaged.get('form-action')).toBe("'none'")
    expect(packaged.get('frame-ancestors')).toBe("'none'")
  })

  it('never allows eval, in any mode', () => {
    for (const policy of [packaged, development]) {
      for (const value of policy.values()) expect(value).not.toContain('unsafe-eval')
    }
  })

  it('relaxes scripts and sockets for the dev server only, and only towards it', () => {
    expect(development.get('script-src')).toBe("'self' 'unsafe-inline'")
    expect(development.get('connect-src')).toBe("'self' ws://localhost:5173")
  })
})

describe('setting the policy header', () => {
  it('adds the header and keeps the others', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'] }, "default-src 'self'")
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] })
  })

  it('replaces a policy the server sent, whatever its spelling', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'CONTENT-SECURITY-POLICY': 'script-src *' },
      "default-src 'self'",
    )
    expect(headers).toEqual({ 'Content-Security-Policy': ["default-src 'self'"] })
  })

  it('works when the response had no headers', () => {
    expect(withContentSecurityPolicy(undefined, "default-src 'self'")).toEqual({
      'Content-Security-Policy': ["default-src 'self'"],
    })
  })
})
