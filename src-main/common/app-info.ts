/** DTOs of the App area. */
export type HostKind = 'electron' | 'browser' | 'cli'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly host: HostKind
}
