/**
 * The renderer's Content-Security-Policy, sent as a response header by session-policy.ts. Pure so
 * the directives can be read and tested without Electron.
 */
import type { AppLocation } from './app-location'

/**
 * The packaged renderer needs no network at all: Graph, sign-in and the target application are all
 * reached from the main process. So everything is `'self'`, with inline styles allowed for React's
 * `style` attributes (Electron security checklist, item 7).
 *
 * Under the Vite dev server, React Fast Refresh injects an inline preamble script and HMR talks over
 * a WebSocket to the dev origin; those two relaxations exist only in development. (The exact dev
 * needs were not checked against a running Electron here: its binary cannot be downloaded.)
 */
export function contentSecurityPolicy(location: AppLocation): string {
  const isDevelopment = location.kind === 'development'
  const socketOrigin = isDevelopment ? location.origin.replace(/^http/, 'ws') : ''
  const directives: readonly (readonly [string, string])[] = [
    ['default-src', "'self'"],
    ['script-src', isDevelopment ? "'self' 'unsafe-inline'" : "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self' data:"],
    ['connect-src', isDevelopment ? `'self' ${socketOrigin}` : "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ]
  return directives.map(([name, value]) => `${name} ${value}`).join('; ')
}

/**
 * Response headers with the policy set, replacing any policy the server sent under another spelling
 * of the header name (the Vite dev server, for one, may send its own), so exactly one applies.
 */
export function withContentSecurityPolicy(
  headers: Readonly<Record<string, string | string[]>> | undefined,
  policy: string,
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value
  }
  result['Content-Security-Policy'] = [policy]
  return result
}
