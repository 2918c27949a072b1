/**
 * The properties each Graph entity type has, which of them `$filter` accepts, and which are returned
 * when no `$select` is given. Property names are matched case-insensitively like Graph's directory
 * endpoints do, and always written back in their canonical spelling.
 *
 * Properties Graph has but the demo organisation does not carry (e.g. `faxNumber`) are still known
 * here, so a `$select` of them answers `null` as Graph would instead of failing.
 */

export type PropertyKind = 'string' | 'boolean' | 'dateTime' | 'stringCollection' | 'complex' | 'complexCollection'

export interface PropertyDefinition {
  readonly name: string
  readonly kind: PropertyKind
  /** `$filter` accepts this property (collections through `any`). */
  readonly isFilterable: boolean
}

export interface EntityCatalog {
  /** `user` for `microsoft.graph.user`. */
  readonly typeName: string
  /** Resource name used by Graph's `Request_UnsupportedQuery` texts, e.g. `User`. */
  readonly resourceName: string
  readonly properties: ReadonlyMap<string, PropertyDefinition>
  /** Canonical names returned when `$select` is absent. */
  readonly defaultSelect: readonly string[]
}

/** Finds a property by name, ignoring case. */
export function findProperty(catalog: EntityCatalog, name: string): PropertyDefinition | undefined {
  return catalog.properties.get(name.toLowerCase())
}

/** The value Graph writes for a property an object has no value for. */
export function emptyValue(kind: PropertyKind): null | readonly never[] {
  return kind === 'stringCollection' || kind === 'complexCollection' ? [] : null
}

type PropertyList = readonly (readonly [name: string, kind: PropertyKind, isFilterable?: boolean])[]

function catalog(
  typeName: string,
  resourceName: string,
  list: PropertyList,
  defaultSelect?: readonly string[],
): EntityCatalog {
  const properties = new Map<string, PropertyDefinition>()
  for (const [name, kind, isFilterable = false] of list) properties.set(name.toLowerCase(), { name, kind, isFilterable })
  return { typeName, resourceName, properties, defaultSelect: defaultSelect ?? list.map(([name]) => name) }
}

const F = true

/** microsoft.graph.user (v1.0), the properties an app-only caller can read. */
export const USER_CATALOG = catalog(
  'user',
  'User',
  [
    ['id', 'string', F],
    ['userPrincipalName', 'string', F],
    ['mail', 'string', F],
    ['mailNickname', 'string', F],
    ['proxyAddresses', 'stringCollection', F],
    ['otherMails', 'stringCollection', F],
    ['imAddresses', 'stringCollection', F],
    ['displayName', 'string', F],
    ['givenName', 'string', F],
    ['surname', 'string', F],
    ['jobTitle', 'string', F],
    ['department', 'string', F],
    ['companyName', 'string', F],
    ['officeLocation', 'string', F],
    ['streetAddress', 'string', F],
    ['postalCode', 'string', F],
    ['city', 'string', F],
    ['state', 'string', F],
    ['country', 'string', F],
    ['usageLocation', 'string', F],
    ['preferredLanguage', 'string', F],
    ['mobilePhone', 'string', F],
    ['businessPhones', 'stringCollection', F],
    ['faxNumber', 'string', F],
    ['employeeId', 'string', F],
    ['employeeType', 'string', F],
    ['employeeHireDate', 'dateTime'],
    ['employeeLeaveDateTime', 'dateTime'],
    ['employeeOrgData', 'complex'],
    ['accountEnabled', 'boolean', F],
    ['userType', 'string', F],
    ['createdDateTime', 'dateTime'],
    ['deletedDateTime', 'dateTime'],
    ['creationType', 'string', F],
    ['externalUserState', 'string', F],
    ['externalUserStateChangeDateTime', 'dateTime'],
    ['ageGroup', 'string', F],
    ['consentProvidedForMinor', 'string', F],
    ['legalAgeGroupClassification', 'string'],
    ['lastPasswordChangeDateTime', 'dateTime'],
    ['passwordPolicies', 'string'],
    ['preferredDataLocation', 'string'],
    ['securityIdentifier', 'string', F],
    ['showInAddressList', 'boolean', F],
    ['signInSessionsValidFromDateTime', 'dateTime'],
    ['assignedLicenses', 'complexCollection'],
    ['assignedPlans', 'complexCollection'],
    ['provisionedPlans', 'complexCollection'],
    ['identities', 'complexCollection'],
    ['onPremisesExtensionAttributes', 'complex'],
    ['onPremisesSyncEnabled', 'boolean', F],
    ['onPremisesImmutableId', 'string', F],
    ['onPremisesSamAccountName', 'string', F],
    ['onPremisesDistinguishedName', 'string'],
    ['onPremisesDomainName', 'string'],
    ['onPremisesUserPrincipalName', 'string'],
    ['onPremisesSecurityIdentifier', 'string'],
    ['onPremisesLastSyncDateTime', 'dateTime'],
  ],
  // user-list: "By default, only a limited set of properties are returned".
  [
    'businessPhones',
    'displayName',
    'givenName',
    'jobTitle',
    'mail',
    'mobilePhone',
    'officeLocation',
    'preferredLanguage',
    'surname',
    'userPrincipalName',
    'id',
  ],
)

/** microsoft.graph.group (v1.0). Groups answer all their properties by default. */
export const GROUP_CATALOG = catalog('group', 'Group', [
  ['id', 'string', F],
  ['displayName', 'string', F],
  ['description', 'string', F],
  ['mail', 'string', F],
  ['mailNickname', 'string', F],
  ['mailEnabled', 'boolean', F],
  ['securityEnabled', 'boolean', F],
  ['groupTypes', 'stringCollection', F],
  ['createdDateTime', 'dateTime'],
  ['deletedDateTime', 'dateTime'],
  ['visibility', 'string'],
  ['classification', 'string', F],
  ['expirationDateTime', 'dateTime'],
  ['isAssignableToRole', 'boolean', F],
  ['membershipRule', 'string'],
  ['membershipRuleProcessingState', 'string'],
  ['onPremisesSyncEnabled', 'boolean', F],
  ['onPremisesSamAccountName', 'string'],
  ['onPremisesSecurityIdentifier', 'string'],
  ['preferredDataLocation', 'string'],
  ['preferredLanguage', 'string'],
  ['proxyAddresses', 'stringCollection', F],
  ['renewedDateTime', 'dateTime'],
  ['securityIdentifier', 'string', F],
  ['theme', 'string'],
])

const CREDENTIAL_PROPERTIES: PropertyList = [
  ['keyCredentials', 'complexCollection'],
  ['passwordCredentials', 'complexCollection'],
]

/** microsoft.graph.application (v1.0). */
export const APPLICATION_CATALOG = catalog('application', 'Application', [
  ['id', 'string', F],
  ['appId', 'string', F],
  ['displayName', 'string', F],
  ['description', 'string'],
  ['signInAudience', 'string', F],
  ['createdDateTime', 'dateTime'],
  ['deletedDateTime', 'dateTime'],
  ['identifierUris', 'stringCollection', F],
  ['publisherDomain', 'string', F],
  ['tags', 'stringCollection', F],
  ['notes', 'string'],
  ...CREDENTIAL_PROPERTIES,
])

/** microsoft.graph.servicePrincipal (v1.0). */
export const SERVICE_PRINCIPAL_CATALOG = catalog('servicePrincipal', 'ServicePrincipal', [
  ['id', 'string', F],
  ['appId', 'string', F],
  ['displayName', 'string', F],
  ['appDisplayName', 'string', F],
  ['accountEnabled', 'boolean', F],
  ['appRoleAssignmentRequired', 'boolean', F],
  ['appOwnerOrganizationId', 'string', F],
  ['preferredSingleSignOnMode', 'string', F],
  ['preferredTokenSigningKeyThumbprint', 'string'],
  ['servicePrincipalType', 'string', F],
  ['servicePrincipalNames', 'stringCollection', F],
  ['signInAudience', 'string'],
  ['tags', 'stringCollection', F],
  ['homepage', 'string'],
  ['loginUrl', 'string'],
  ['replyUrls', 'stringCollection'],
  ['appRoles', 'complexCollection'],
  ['description', 'string'],
  ['notes', 'string'],
  ['deletedDateTime', 'dateTime'],
  ...CREDENTIAL_PROPERTIES,
])

/** microsoft.graph.organization (v1.0). */
export const ORGANIZATION_CATALOG = catalog('organization', 'Organization', [
  ['id', 'string', F],
  ['displayName', 'string'],
  ['verifiedDomains', 'complexCollection'],
  ['countryLetterCode', 'string'],
  ['tenantType', 'string'],
  ['createdDateTime', 'dateTime'],
  ['deletedDateTime', 'dateTime'],
  ['businessPhones', 'stringCollection'],
  ['city', 'string'],
  ['country', 'string'],
  ['postalCode', 'string'],
  ['preferredLanguage', 'string'],
  ['state', 'string'],
  ['street', 'string'],
  ['technicalNotificationMails', 'stringCollection'],
  ['onPremisesSyncEnabled', 'boolean'],
  ['assignedPlans', 'complexCollection'],
])

/** microsoft.graph.appRoleAssignment (v1.0). */
export const APP_ROLE_ASSIGNMENT_CATALOG = catalog('appRoleAssignment', 'AppRoleAssignment', [
  ['id', 'string', F],
  ['appRoleId', 'string', F],
  ['createdDateTime', 'dateTime'],
  ['deletedDateTime', 'dateTime'],
  ['principalDisplayName', 'string', F],
  ['principalId', 'string', F],
  ['principalType', 'string', F],
  ['resourceDisplayName', 'string', F],
  ['resourceId', 'string', F],
])

/**
 * Members of a group are users or groups: `$select` on `/members` may name a property of either
 * type (each object then answers what it has), so the union catalog is used for validation.
 */
export const DIRECTORY_OBJECT_CATALOG: EntityCatalog = {
  typeName: 'directoryObject',
  resourceName: 'DirectoryObject',
  properties: new Map([...GROUP_CATALOG.properties, ...USER_CATALOG.properties]),
  defaultSelect: [],
}
