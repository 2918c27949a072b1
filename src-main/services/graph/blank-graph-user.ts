/**
 * A Graph user with Entra's defaults: what `GET /users/{id}` shows for a user created with little
 * more than a user principal name. Callers spread their own values over it, so every builder of
 * users (the demo generator, the emulator, test fixtures) names only what it is about.
 */
import type { GraphExtensionAttributes, GraphUser } from './graph-types'

/** `onPremisesExtensionAttributes` with all fifteen attributes present and null, as Graph returns them. */
export function emptyExtensionAttributes(): GraphExtensionAttributes {
  const attributes: Record<string, null> = {}
  for (let index = 1; index <= 15; index++) attributes[`extensionAttribute${index}`] = null
  return attributes
}

export function blankGraphUser(required: {
  readonly id: string
  readonly userPrincipalName: string
  readonly createdDateTime: string
}): GraphUser {
  return {
    id: required.id,
    userPrincipalName: required.userPrincipalName,
    mail: null,
    mailNickname: required.userPrincipalName.split('@')[0] ?? null,
    proxyAddresses: [],
    displayName: null,
    givenName: null,
    surname: null,
    jobTitle: null,
    department: null,
    companyName: null,
    officeLocation: null,
    streetAddress: null,
    postalCode: null,
    city: null,
    state: null,
    country: null,
    usageLocation: null,
    preferredLanguage: null,
    mobilePhone: null,
    businessPhones: [],
    employeeId: null,
    employeeType: null,
    employeeHireDate: null,
    accountEnabled: true,
    userType: 'Member',
    createdDateTime: required.createdDateTime,
    assignedLicenses: [],
    onPremisesExtensionAttributes: emptyExtensionAttributes(),
    onPremisesSyncEnabled: null,
    onPremisesImmutableId: null,
    onPremisesSamAccountName: null,
  }
}
