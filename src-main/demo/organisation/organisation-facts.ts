/**
 * The fixed shape of the demo tenant: companies, offices, departments, well-known application ids
 * and the people the tests and the UI walkthrough look for. Only the people, ids and credentials
 * vary with the seed; these facts do not, so the emulator and tests can rely on them.
 */

export type CountryCode = 'DK' | 'SE' | 'NO' | 'NL' | 'US' | 'IS'
export type CompanyKey = 'nordlys' | 'fjord'

export interface DemoCompany {
  readonly key: CompanyKey
  /** `companyName` on every member user. */
  readonly name: string
  /** Verified domain used for the company's user principal names. */
  readonly domain: string
  /** The group a Headcount profile for this company is scoped to. */
  readonly scopeGroupName: string
  /** Security group of all the company's staff, made of the office groups (nested). */
  readonly staffGroupName: string
  readonly employeeIdPrefix: string
  /** Value of `onPremisesExtensionAttributes.extensionAttribute2`. */
  readonly division: string
  /** Share of the workforce. */
  readonly weight: number
  /** Users of this company come from on-premises Active Directory (Entra Connect). */
  readonly isSyncedFromOnPremises: boolean
}

export interface DemoOffice {
  readonly key: string
  readonly company: CompanyKey
  readonly officeLocation: string
  readonly streetAddress: string
  readonly postalCode: string
  readonly city: string
  readonly state: string | null
  /** Display name of the country, as admins type it into `country`. */
  readonly country: string
  readonly countryCode: CountryCode
  /** Share of the company's workforce. */
  readonly weight: number
}

export interface DemoDepartment {
  readonly name: string
  readonly company: CompanyKey
  /** Value of `extensionAttribute1`. */
  readonly costCentre: string
  /** Job titles of people without reports. */
  readonly staffTitles: readonly string[]
  readonly weight: number
}

export const COMPANIES: readonly DemoCompany[] = [
  {
    key: 'nordlys',
    name: 'Nordlys A/S',
    domain: 'nordlys.dk',
    scopeGroupName: 'Headcount - Nordlys A/S',
    staffGroupName: 'Nordlys A/S - All staff',
    employeeIdPrefix: '',
    division: 'Nordlys Consumer & Business',
    weight: 65,
    isSyncedFromOnPremises: true,
  },
  {
    key: 'fjord',
    name: 'Fjord Telecom AB',
    domain: 'fjordtelecom.se',
    scopeGroupName: 'Headcount - Fjord Telecom AB',
    staffGroupName: 'Fjord Telecom AB - All staff',
    employeeIdPrefix: 'FT-',
    division: 'Fjord Telecom Networks',
    weight: 35,
    isSyncedFromOnPremises: false,
  },
]

export const OFFICES: readonly DemoOffice[] = [
  { key: 'copenhagen', company: 'nordlys', officeLocation: 'Copenhagen HQ', streetAddress: 'Kalvebod Brygge 45', postalCode: '1560', city: 'København', state: null, country: 'Denmark', countryCode: 'DK', weight: 45 },
  { key: 'aarhus', company: 'nordlys', officeLocation: 'Aarhus', streetAddress: 'Åboulevarden 22', postalCode: '8000', city: 'Aarhus', state: null, country: 'Denmark', countryCode: 'DK', weight: 18 },
  { key: 'oslo', company: 'nordlys', officeLocation: 'Oslo', streetAddress: 'Karl Johans gate 14', postalCode: '0154', city: 'Oslo', state: null, country: 'Norway', countryCode: 'NO', weight: 14 },
  { key: 'amsterdam', company: 'nordlys', officeLocation: 'Amsterdam', streetAddress: 'Keizersgracht 210', postalCode: '1016 DX', city: 'Amsterdam', state: null, country: 'Netherlands', countryCode: 'NL', weight: 13 },
  { key: 'seattle', company: 'nordlys', officeLocation: 'Seattle', streetAddress: '1420 Fifth Avenue', postalCode: '98101', city: 'Seattle', state: 'WA', country: 'United States', countryCode: 'US', weight: 10 },
  { key: 'stockholm', company: 'fjord', officeLocation: 'Stockholm HQ', streetAddress: 'Sveavägen 44', postalCode: '111 34', city: 'Stockholm', state: null, country: 'Sweden', countryCode: 'SE', weight: 50 },
  { key: 'goteborg', company: 'fjord', officeLocation: 'Göteborg', streetAddress: 'Lilla Bommen 1', postalCode: '411 04', city: 'Göteborg', state: null, country: 'Sweden', countryCode: 'SE', weight: 25 },
  { key: 'bergen', company: 'fjord', officeLocation: 'Bergen', streetAddress: 'Bryggen 7', postalCode: '5003', city: 'Bergen', state: null, country: 'Norway', countryCode: 'NO', weight: 15 },
  { key: 'reykjavik', company: 'fjord', officeLocation: 'Reykjavík', streetAddress: 'Borgartún 26', postalCode: '105', city: 'Reykjavík', state: null, country: 'Iceland', countryCode: 'IS', weight: 10 },
]

export const DEPARTMENTS: readonly DemoDepartment[] = [
  { company: 'nordlys', name: 'Sales', costCentre: 'CC-4100', weight: 18, staffTitles: ['Account Executive', 'Key Account Manager', 'Sales Representative', 'Inside Sales Specialist', 'Sales Coordinator'] },
  { company: 'nordlys', name: 'Marketing', costCentre: 'CC-4200', weight: 8, staffTitles: ['Marketing Specialist', 'Content Producer', 'Brand Designer', 'Campaign Manager', 'SEO Specialist'] },
  { company: 'nordlys', name: 'Finance', costCentre: 'CC-2100', weight: 7, staffTitles: ['Financial Controller', 'Accountant', 'Accounts Payable Specialist', 'Payroll Specialist', 'Business Analyst'] },
  { company: 'nordlys', name: 'People & Culture', costCentre: 'CC-2200', weight: 5, staffTitles: ['HR Business Partner', 'Recruiter', 'HR Generalist', 'Learning Specialist'] },
  { company: 'nordlys', name: 'IT', costCentre: 'CC-2300', weight: 8, staffTitles: ['Service Desk Technician', 'System Administrator', 'Cloud Engineer', 'Security Analyst', 'Service Desk Agent'] },
  { company: 'nordlys', name: 'Engineering', costCentre: 'CC-3100', weight: 20, staffTitles: ['Software Engineer', 'Senior Software Engineer', 'QA Engineer', 'Product Designer', 'Data Engineer'] },
  { company: 'nordlys', name: 'Customer Service', costCentre: 'CC-4300', weight: 20, staffTitles: ['Customer Service Agent', 'Support Specialist', 'Customer Success Manager'] },
  { company: 'nordlys', name: 'Operations', costCentre: 'CC-3200', weight: 10, staffTitles: ['Operations Coordinator', 'Logistics Planner', 'Facility Coordinator', 'Purchaser'] },
  { company: 'nordlys', name: 'Legal', costCentre: 'CC-2400', weight: 2, staffTitles: ['Legal Counsel', 'Paralegal', 'Compliance Officer'] },
  { company: 'fjord', name: 'Network Operations', costCentre: 'FT-510', weight: 22, staffTitles: ['Network Engineer', 'NOC Technician', 'Radio Planner', 'Transmission Engineer'] },
  { company: 'fjord', name: 'Field Service', costCentre: 'FT-520', weight: 20, staffTitles: ['Field Technician', 'Installer', 'Fibre Splicer', 'Dispatcher'] },
  { company: 'fjord', name: 'Sales', costCentre: 'FT-610', weight: 16, staffTitles: ['Account Manager', 'Sales Representative', 'Telesales Agent', 'Partner Manager'] },
  { company: 'fjord', name: 'Customer Service', costCentre: 'FT-620', weight: 24, staffTitles: ['Customer Service Agent', 'Support Specialist', 'Billing Specialist'] },
  { company: 'fjord', name: 'Finance', costCentre: 'FT-210', weight: 6, staffTitles: ['Accountant', 'Financial Controller', 'Billing Analyst'] },
  { company: 'fjord', name: 'HR', costCentre: 'FT-220', weight: 4, staffTitles: ['HR Generalist', 'Recruiter', 'Payroll Specialist'] },
  { company: 'fjord', name: 'IT', costCentre: 'FT-230', weight: 8, staffTitles: ['Service Desk Agent', 'System Administrator', 'Service Desk Technician', 'Security Analyst'] },
]

/** People whose names exercise diacritics, particles and patronymics; they are always the first users. */
export const FEATURED_PEOPLE = [
  { givenName: 'Søren', surname: 'Mølgaard', nationality: 'DK', office: 'copenhagen' },
  { givenName: 'Åsa', surname: 'Jönsson', nationality: 'SE', office: 'stockholm' },
  { givenName: 'Zoë', surname: 'Clarke', nationality: 'US', office: 'seattle' },
  { givenName: 'Ólafur', surname: 'Guðmundsson', nationality: 'IS', office: 'reykjavik' },
  { givenName: 'Lukas', surname: 'Müller', nationality: 'DE', office: 'copenhagen' },
  { givenName: 'Pieter', surname: 'van der Berg', nationality: 'NL', office: 'amsterdam' },
  { givenName: 'Bjørn', surname: 'Østergaard', nationality: 'NO', office: 'oslo' },
  { givenName: 'Ida', surname: 'Ærø', nationality: 'DK', office: 'aarhus' },
] as const

/** External organisations guests come from (Microsoft's fictitious company names). */
export const GUEST_DOMAINS: readonly string[] = [
  'contoso.com', 'fabrikam.com', 'adatum.com', 'litware.com', 'tailspintoys.com', 'wingtiptoys.com', 'woodgrovebank.com', 'northwindtraders.com',
]

/** Role groups an application maps to its own roles (e.g. IT-ServiceDesk → "Service Desk Agent"). */
export const ROLE_GROUP_NAMES = ['IT-ServiceDesk', 'HR-Approvers', 'Finance-Approvers', 'Sales-Managers'] as const

/** Well-known constants of the demo tenant. */
export const ORGANISATION_FACTS = {
  tenantDisplayName: 'Nordlys Group',
  initialDomain: 'nordlys.onmicrosoft.com',
  /** A second verified domain used for aliases (some users' `mail` is here). */
  aliasDomain: 'nordlys.com',
  defaultSeed: 2026,
  defaultUserCount: 2500,
  maximumUserCount: 200_000,
  defaultNow: '2026-11-01T09:00:00Z',
  tenantCreatedDateTime: '2016-02-10T08:12:44Z',
  companies: COMPANIES,
  scopeGroupNames: COMPANIES.map((company) => company.scopeGroupName),
  allStaffGroupName: 'All Staff',
  nordicManagersGroupName: 'Nordic Managers',
  guestGroupName: 'External Partners',
  emptyGroupName: 'Project Aurora (archived)',
  roleGroupNames: ROLE_GROUP_NAMES,
  /**
   * Headcount's own app registration. Its appId is fixed (not seeded) because the emulator's
   * sign-in endpoint must accept it as the demo confidential client before any tenant exists.
   */
  headcountApplication: {
    appId: '3c1f6b0e-8a4d-4f52-9d7e-5b2a61c0e7d4',
    displayName: 'Headcount',
  },
  /** The business-card application Headcount syncs into (a SAML enterprise app). */
  cardwiseApplication: {
    appId: '9e2d4a71-0c5b-4e8f-a6d3-71f0b8c25e19',
    displayName: 'Cardwise',
  },
  /** Microsoft Graph's first-party appId, present as a service principal in every tenant. */
  microsoftGraphAppId: '00000003-0000-0000-c000-000000000000',
  featuredPeople: FEATURED_PEOPLE,
} as const
