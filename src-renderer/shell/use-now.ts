/** The current time, refreshed on an interval, for wording such as "12 min ago". */
import { useEffect, useState } from 'react'

/** Re-renders the caller every `intervalMs` with a fresh Date. */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs)
    return () => window.clearInterval(timer)
  }, [intervalMs])
  return now
}
