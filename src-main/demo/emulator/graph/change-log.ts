/**
 * The directory's change log: every mutation appends entries with a monotonic sequence number, and a
 * delta token is nothing more than "the sequence number I have seen" plus the query. Entries are
 * kept for the life of the emulator; token age, not log length, decides when a token expires.
 */
import type { GraphMemberType } from '../../../services/graph/graph-types'

export type DirectoryObjectType = 'user' | 'group'

interface ChangeBase {
  readonly sequence: number
  /** Emulator time of the change (ISO-8601). */
  readonly at: string
  readonly objectType: DirectoryObjectType
  readonly objectId: string
}

export type DirectoryChange =
  | (ChangeBase & { readonly kind: 'created' | 'softDeleted' | 'restored' | 'hardDeleted' })
  | (ChangeBase & { readonly kind: 'updated'; readonly properties: readonly string[] })
  | (ChangeBase & { readonly kind: 'managerChanged'; readonly previousManagerId: string | null })
  | (ChangeBase & {
      readonly kind: 'memberAdded' | 'memberRemoved'
      readonly memberId: string
      readonly memberType: GraphMemberType
    })

/** Distributes `Omit` over the union so each variant keeps its own fields. */
export type NewDirectoryChange = DirectoryChange extends infer Change
  ? Change extends DirectoryChange
    ? Omit<Change, 'sequence' | 'at'>
    : never
  : never

export class ChangeLog {
  private readonly entries: DirectoryChange[] = []

  constructor(private readonly clock: () => Date) {}

  /** Sequence number of the latest change; 0 before the first. */
  get sequence(): number {
    return this.entries.length
  }

  append(change: NewDirectoryChange): void {
    this.entries.push({ ...change, sequence: this.entries.length + 1, at: this.clock().toISOString() })
  }

  /** Changes with `fromSequence < sequence <= toSequence`, oldest first. */
  between(fromSequence: number, toSequence: number): readonly DirectoryChange[] {
    return this.entries.slice(Math.max(0, fromSequence), Math.min(toSequence, this.entries.length))
  }
}
