/** A small typed event source: `on` returns an unsubscribe, listeners that throw don't stop the others. */
import type { Listener, Unsubscribe } from '../common'

export class EventHub<T> {
  private readonly listeners = new Set<Listener<T>>()

  on(listener: Listener<T>): Unsubscribe {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  emit(payload: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(payload)
      } catch {
        // A broken listener (a closed window, a dropped socket) must not stop the others.
      }
    }
  }

  get size(): number {
    return this.listeners.size
  }
}
