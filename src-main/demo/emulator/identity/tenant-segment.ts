/**
 * The `{tenant}` path segment of the identity endpoints: the tenant id, one of its domain names, or
 * the multi-tenant aliases `organizations` and `common`. The emulator hosts exactly one tenant.
 */
import { aadFailure, type AadFailure } from './aad-error'
import type { DemoOrganisation } from '../../organisation/organisation-types'

export type TenantSegmentKind = 'tenant-id' | 'domain' | 'organizations' | 'common'

export type TenantSegmentResult = { readonly ok: true; readonly kind: TenantSegmentKind } | { readonly ok: false; readonly failure: AadFailure }

/** Resolves a path segment against the organisation; unknown tenants fail with AADSTS90002. */
export function resolveTenantSegment(segment: string, organisation: DemoOrganisation): TenantSegmentResult {
  const lower = segment.toLowerCase()
  if (lower === organisation.tenantId.toLowerCase()) return { ok: true, kind: 'tenant-id' }
  if (lower === 'organizations') return { ok: true, kind: 'organizations' }
  if (lower === 'common') return { ok: true, kind: 'common' }
  const domains = [organisation.initialDomain, ...organisation.organization.verifiedDomains.map((domain) => domain.name)]
  if (domains.some((domain) => domain.toLowerCase() === lower)) return { ok: true, kind: 'domain' }
  return {
    ok: false,
    failure: aadFailure(400, 'invalid_request', 90002, `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`),
  }
}
