/**
 * Runs `work` over `items` with at most `concurrency` in flight. On the first failure (or when the
 * signal aborts) no new item starts; the ones in flight are awaited, then the first error is thrown.
 * Graph throttles per app and tenant, so a pull keeps a small, fixed number of member reads open.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let nextIndex = 0
  let firstError: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (firstError === undefined && signal?.aborted !== true && nextIndex < items.length) {
      const item = items[nextIndex] as T
      nextIndex += 1
      try {
        await work(item)
      } catch (error) {
        firstError ??= { error }
      }
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker)
  await Promise.all(workers)
  if (firstError !== undefined) throw firstError.error
  signal?.throwIfAborted()
}
