/** DTOs of the App area. */
export type HostKind = 'electron' | 'browser'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly host: HostKind
}
