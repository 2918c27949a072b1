/**
 * The Headcount card extension: the business-card fields a SCIM target can take next to the core User
 * and the enterprise extension (RFC 7643 §3.3: extensions are separate schemas named by URN). Declared
 * here as data — for the mapping editor's target list — and as a SCIM `/Schemas` resource (RFC 7643
 * §7), so the demo target can serve it and the sync can check a target that declares it.
 */

/** The schema URN. Mapping target paths write it before the attribute: `<urn>:cardTitle`. */
export const CARD_EXTENSION_SCHEMA = 'urn:ietf:params:scim:schemas:extension:headcount:2.0:User'

/** The SCIM attribute types the card fields use (RFC 7643 §2.3). */
export type CardAttributeType = 'string' | 'boolean' | 'reference'

export interface CardAttributeDefinition {
  readonly name: string
  readonly type: CardAttributeType
  readonly description: string
}

/**
 * The card fields. Each is single-valued and optional: a card prints what is there. Names are
 * camelCase like the core schema's; URLs are `external` references (RFC 7643 §2.3.7).
 */
export const CARD_EXTENSION_ATTRIBUTES: readonly CardAttributeDefinition[] = [
  { name: 'cardTitle', type: 'string', description: 'The title printed on the card, when it should differ from the job title (e.g. shorter, or customer-facing).' },
  { name: 'pronouns', type: 'string', description: 'Pronouns printed under the name, e.g. “she/her”.' },
  { name: 'secondaryDisplayName', type: 'string', description: 'The name in a second script or language, for the reverse of a bilingual card.' },
  { name: 'companyName', type: 'string', description: 'The company or legal entity printed on the card.' },
  { name: 'officeLocation', type: 'string', description: 'The office or site printed on the card.' },
  { name: 'website', type: 'reference', description: 'The web address printed on the card.' },
  { name: 'linkedInUrl', type: 'reference', description: 'The holder’s LinkedIn profile address.' },
  { name: 'qrCodeUrl', type: 'reference', description: 'What the card’s QR code opens, e.g. a vCard or a profile page.' },
  { name: 'photoUrl', type: 'reference', description: 'Where the card’s portrait photo is fetched from.' },
  { name: 'cardTemplate', type: 'string', description: 'The card design to print with, by name; usually set by the grouping rule.' },
  { name: 'isCardEnabled', type: 'boolean', description: 'False stops new cards from being issued for the user without removing them.' },
]

/** One attribute of a SCIM schema resource (RFC 7643 §7 "attributes"). */
export interface ScimSchemaAttribute {
  readonly name: string
  readonly type: CardAttributeType
  readonly multiValued: boolean
  readonly description: string
  readonly required: boolean
  readonly caseExact: boolean
  readonly mutability: 'readWrite'
  readonly returned: 'default'
  readonly uniqueness: 'none'
  readonly referenceTypes?: readonly string[]
}

/** A SCIM schema resource (RFC 7643 §7), as served at `/Schemas/<id>`. */
export interface ScimSchemaResource {
  readonly schemas: readonly ['urn:ietf:params:scim:schemas:core:2.0:Schema']
  readonly id: string
  readonly name: string
  readonly description: string
  readonly attributes: readonly ScimSchemaAttribute[]
  readonly meta: { readonly resourceType: 'Schema'; readonly location: string }
}

/** The card extension as a `/Schemas` resource; `baseUrl` is the SCIM service root (e.g. `https://host/scim/v2`). */
export function cardExtensionSchemaResource(baseUrl = ''): ScimSchemaResource {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: CARD_EXTENSION_SCHEMA,
    name: 'CardUser',
    description: 'Business-card fields of a user (Headcount card extension).',
    attributes: CARD_EXTENSION_ATTRIBUTES.map((attribute) => ({
      name: attribute.name,
      type: attribute.type,
      multiValued: false,
      description: attribute.description,
      required: false,
      // URLs compare exactly; printed text is matched without regard to case, as core strings are.
      caseExact: attribute.type === 'reference',
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
      ...(attribute.type === 'reference' ? { referenceTypes: ['external'] } : {}),
    })),
    meta: { resourceType: 'Schema', location: `${baseUrl.replace(/\/$/, '')}/Schemas/${CARD_EXTENSION_SCHEMA}` },
  }
}
