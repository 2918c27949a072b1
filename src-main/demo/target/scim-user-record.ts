/**
 * The shapes the demo target stores and serves: SCIM 2.0 core User (RFC 7643 §4.1) with the
 * Enterprise User extension (§4.3), and core Group (§4.2). Only the attributes the demo uses are
 * typed; anything else a client sends is kept as sent.
 */

export const SCIM_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User'
export const SCIM_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group'
export const SCIM_ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'

export interface ScimMultiValue {
  readonly value: string
  readonly type?: string
  readonly primary?: boolean
  readonly display?: string
}

export interface ScimAddress {
  readonly type?: string
  readonly streetAddress?: string
  readonly locality?: string
  readonly postalCode?: string
  readonly country?: string
  readonly formatted?: string
  readonly primary?: boolean
}

export interface ScimEnterpriseUser {
  readonly employeeNumber?: string
  readonly costCenter?: string
  readonly organization?: string
  readonly division?: string
  readonly department?: string
  readonly manager?: { readonly value?: string; readonly $ref?: string; readonly displayName?: string }
}

export interface ScimMeta {
  readonly created: string
  readonly lastModified: string
}

/** A user as the demo target holds it (the SCIM resource without `schemas` and `meta.location`). */
export interface ScimUserRecord {
  readonly id: string
  readonly externalId?: string
  readonly userName: string
  readonly active: boolean
  readonly displayName?: string
  readonly name?: { readonly givenName?: string; readonly familyName?: string; readonly formatted?: string }
  readonly title?: string
  readonly userType?: string
  readonly preferredLanguage?: string
  readonly emails?: readonly ScimMultiValue[]
  readonly phoneNumbers?: readonly ScimMultiValue[]
  readonly addresses?: readonly ScimAddress[]
  readonly [SCIM_ENTERPRISE_USER_SCHEMA]?: ScimEnterpriseUser
  readonly meta: ScimMeta
}

/** A group as the demo target holds it. */
export interface ScimGroupRecord {
  readonly id: string
  readonly externalId?: string
  readonly displayName: string
  readonly members?: readonly ScimMultiValue[]
  readonly meta: ScimMeta
}
