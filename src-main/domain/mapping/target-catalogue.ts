/**
 * The SCIM target attributes the mapping editor offers: the core User attributes that make sense as
 * mapping targets (RFC 7643 §4.1, with the value filters Entra's SCIM mappings use for the multi-valued
 * ones), the enterprise extension (§4.3) and the Headcount card extension.
 */
import type { TargetAttributeInfo } from '../../common/rules'
import { DEFAULT_MANDATORY_TARGETS } from './attribute-mapping'
import { CARD_EXTENSION_ATTRIBUTES, CARD_EXTENSION_SCHEMA } from './card-extension-schema'
import { ENTERPRISE_USER_SCHEMA, targetTextKey } from './target-path'

const CORE: readonly (readonly [path: string, description: string])[] = [
  ['userName', 'The unique name the user signs in with at the target (Entra maps userPrincipalName).'],
  ['externalId', 'The identifier of the user in Entra, kept by the target for the provisioning client.'],
  ['name.givenName', 'First name.'],
  ['name.familyName', 'Last name.'],
  ['name.middleName', 'Middle name(s).'],
  ['name.honorificPrefix', 'Title before the name, e.g. “Dr.”.'],
  ['name.honorificSuffix', 'Suffix after the name, e.g. “Jr.”.'],
  ['name.formatted', 'The full name, formatted for display.'],
  ['displayName', 'The name shown to other users.'],
  ['nickName', 'The casual name, e.g. “Bob” for Robert.'],
  ['title', 'Job title.'],
  ['userType', 'How the organisation classifies the user, e.g. Employee or Contractor.'],
  ['preferredLanguage', 'Preferred written or spoken language, e.g. “en-US”.'],
  ['locale', 'Language and region for formatting dates, numbers and currency, e.g. “en-GB”.'],
  ['timezone', 'Time zone in IANA form, e.g. “Europe/Oslo”.'],
  ['active', 'Whether the user can use the application; false deactivates (Entra: Not([IsSoftDeleted])).'],
  ['emails[type eq "work"].value', 'Work e-mail address.'],
  ['phoneNumbers[type eq "work"].value', 'Work phone number.'],
  ['phoneNumbers[type eq "mobile"].value', 'Mobile phone number.'],
  ['phoneNumbers[type eq "fax"].value', 'Fax number.'],
  ['addresses[type eq "work"].formatted', 'The whole work address as one text.'],
  ['addresses[type eq "work"].streetAddress', 'Work address: street.'],
  ['addresses[type eq "work"].locality', 'Work address: city.'],
  ['addresses[type eq "work"].region', 'Work address: state or region.'],
  ['addresses[type eq "work"].postalCode', 'Work address: postal code.'],
  ['addresses[type eq "work"].country', 'Work address: country.'],
  ['roles', 'Roles of the user at the target (usually from an Entra app role or group).'],
]

const ENTERPRISE: readonly (readonly [name: string, description: string])[] = [
  ['employeeNumber', 'The number the organisation gives the employee.'],
  ['costCenter', 'Cost centre.'],
  ['organization', 'Organisation.'],
  ['division', 'Division.'],
  ['department', 'Department.'],
  ['manager', 'The user’s manager (Entra flows the manager’s object id; the target’s id is filled in by the sync).'],
]

/**
 * Every offered target attribute, core first, then the enterprise and card extensions, then the
 * attributes of the target's own schemas (from its /Schemas, read by "Test connection") that are not
 * among them.
 */
export function targetCatalogue(mandatoryTargets: readonly string[] = DEFAULT_MANDATORY_TARGETS, targetPaths: readonly string[] = []): readonly TargetAttributeInfo[] {
  const mandatory = new Set(mandatoryTargets.map(targetTextKey))
  const info = (path: string, schema: TargetAttributeInfo['schema'], description: string): TargetAttributeInfo => ({
    path,
    schema,
    description,
    isMandatoryByDefault: mandatory.has(targetTextKey(path)),
  })
  const known = [
    ...CORE.map(([path, description]) => info(path, 'core', description)),
    ...ENTERPRISE.map(([name, description]) => info(`${ENTERPRISE_USER_SCHEMA}:${name}`, 'enterprise', description)),
    ...CARD_EXTENSION_ATTRIBUTES.map((attribute) => info(`${CARD_EXTENSION_SCHEMA}:${attribute.name}`, 'card', attribute.description)),
  ]
  const knownKeys = new Set(known.map((item) => targetTextKey(item.path)))
  const own = [...new Set(targetPaths)]
    .filter((path) => !knownKeys.has(targetTextKey(path)))
    .map((path) => info(path, 'target', 'Declared by the target in its /Schemas.'))
  return [...known, ...own]
}
