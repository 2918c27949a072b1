/**
 * What every Graph endpoint handler needs besides the request: the tenant, where links point, the
 * token codec, the fault switches and the delta settings.
 */
import type { DirectoryReader } from './directory-state'
import type { FaultControl } from './fault-control'
import type { PageTokenCodec } from './page-token-codec'

export interface DeltaSettings {
  /** Users per delta page. */
  readonly usersPerPage: number
  /** Groups per delta page. */
  readonly groupsPerPage: number
  /** `members@delta` entries per page, across its groups; larger groups are split over pages. */
  readonly membersPerPage: number
  /** Age after which a delta token is refused (Graph: 7 days for directory objects). */
  readonly tokenLifetimeMs: number
}

export const DEFAULT_DELTA_SETTINGS: DeltaSettings = {
  usersPerPage: 200,
  groupsPerPage: 100,
  membersPerPage: 500,
  tokenLifetimeMs: 7 * 24 * 60 * 60 * 1000,
}

export interface GraphContext {
  readonly reader: DirectoryReader
  /** e.g. `https://127.0.0.1:53211`; links are `${origin}/v1.0/...`. */
  readonly origin: string
  readonly tokens: PageTokenCodec
  readonly faults: FaultControl
  readonly delta: DeltaSettings
}
