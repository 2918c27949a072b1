/**
 * Who can sign in to the emulated tenant, and who is an administrator. The demo organisation has no
 * directory roles, so administrators are recognised by job title (IT administrators, the CIO/CTO),
 * falling back to the root of the manager tree so that every organisation has at least one.
 */
import type { DemoOrganisation } from '../../organisation/organisation-types'
import type { GraphUser } from '../../../services/graph/graph-types'

export interface SignInAccount {
  /** Object id (`oid`). */
  readonly id: string
  readonly userPrincipalName: string
  readonly displayName: string
  readonly accountEnabled: boolean
  readonly isGuest: boolean
  /** May consent on behalf of the organisation (Global / Privileged Role Administrator). */
  readonly isAdministrator: boolean
}

/** The sign-in service's view of the directory. The emulator server may back it by live state. */
export interface IdentityDirectory {
  /** Finds an account by object id or user principal name (case-insensitive); null when absent. */
  findAccount(idOrUserPrincipalName: string): SignInAccount | null
  /** The administrators offered on the sign-in page, in a stable order. */
  listAdministrators(): readonly SignInAccount[]
}

export interface OrganisationDirectoryOptions {
  /** Object ids of the administrators; by default they are recognised by job title. */
  readonly administratorIds?: readonly string[]
  /** How many administrators to recognise when choosing by job title. */
  readonly maximumAdministrators?: number
}

const ADMINISTRATOR_TITLE = /\b(administrator|admin|chief information officer|chief technology officer|cio|cto|head of it|it director|it manager)\b/i

/** Builds the directory from a generated organisation (read once: sign-in data does not change here). */
export function createOrganisationDirectory(organisation: DemoOrganisation, options: OrganisationDirectoryOptions = {}): IdentityDirectory {
  const byId = new Map<string, SignInAccount>()
  const byPrincipalName = new Map<string, SignInAccount>()
  const administratorIds = new Set(options.administratorIds ?? chooseAdministrators(organisation, options.maximumAdministrators ?? 4))
  for (const { user } of organisation.users) {
    const account: SignInAccount = {
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName ?? user.userPrincipalName,
      accountEnabled: user.accountEnabled,
      isGuest: user.userType === 'Guest',
      isAdministrator: administratorIds.has(user.id),
    }
    byId.set(user.id.toLowerCase(), account)
    byPrincipalName.set(user.userPrincipalName.toLowerCase(), account)
  }
  const administrators = [...administratorIds]
    .map((id) => byId.get(id.toLowerCase()))
    .filter((account): account is SignInAccount => account !== undefined)
  return {
    findAccount: (key) => byId.get(key.toLowerCase()) ?? byPrincipalName.get(key.toLowerCase()) ?? null,
    listAdministrators: () => administrators,
  }
}

/** The part of the Graph emulator's directory state the sign-in service reads. */
export interface UserLookup {
  /** An active (not deleted) user by id or user principal name. */
  findUser(idOrUserPrincipalName: string): GraphUser | undefined
}

/**
 * A directory that reads users live from the Graph emulator's state, so a user disabled or deleted
 * through the emulator can no longer sign in or refresh a token. Administrators are fixed at start.
 */
export function createLiveDirectory(users: UserLookup, administratorIds: readonly string[]): IdentityDirectory {
  const administratorSet = new Set(administratorIds.map((id) => id.toLowerCase()))
  const toAccount = (user: GraphUser): SignInAccount => ({
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    accountEnabled: user.accountEnabled,
    isGuest: user.userType === 'Guest',
    isAdministrator: administratorSet.has(user.id.toLowerCase()),
  })
  return {
    findAccount(key) {
      const user = users.findUser(key)
      return user ? toAccount(user) : null
    },
    listAdministrators: () =>
      administratorIds
        .map((id) => users.findUser(id))
        .filter((user): user is GraphUser => user !== undefined && user.accountEnabled)
        .map(toAccount),
  }
}

/**
 * Picks administrators: enabled members whose job title says so, then (if none) the top of the
 * manager tree. Deterministic for a given organisation.
 */
export function chooseAdministrators(organisation: DemoOrganisation, maximum: number): string[] {
  const eligible = organisation.users.filter(({ user }) => user.accountEnabled && user.userType === 'Member')
  const byTitle = eligible.filter(({ user }) => user.jobTitle !== null && ADMINISTRATOR_TITLE.test(user.jobTitle))
  const chosen = byTitle.slice(0, maximum).map(({ user }) => user.id)
  if (chosen.length > 0) return chosen
  const root = eligible.find(({ managerId }) => managerId === null) ?? eligible[0]
  return root ? [root.user.id] : []
}
