/** The event side of the fake APIs: what main's `onDid…` events do, in memory. */
import type { Listener } from '../../../src-main/common'

/** Delivers each emitted payload to every current listener, in subscription order. */
export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>()
  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  emit(payload: T): void {
    for (const listener of this.listeners) listener(payload)
  }
  /** How many listeners are subscribed (tests check that screens unsubscribe). */
  get size(): number {
    return this.listeners.size
  }
}
