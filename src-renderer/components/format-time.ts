/** Time wording for the status bar and summaries. */

/** Options that make the wording deterministic in tests; the UI passes none. */
export interface TimeFormatOptions {
  readonly locale?: string
  readonly timeZone?: string
}

/**
 * When something happened, as an admin would say it: "just now", "12 min ago", "today at 14:03",
 * or a date for anything older than today. Null (never happened) reads "never".
 */
export function formatRelativeTime(iso: string | null, now: Date, options: TimeFormatOptions = {}): string {
  if (iso === null) return 'never'
  const then = new Date(iso)
  if (Number.isNaN(then.getTime())) return 'unknown'
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000)
  if (seconds < 45) return 'just now'
  if (seconds < 60 * 60) return `${Math.max(1, Math.round(seconds / 60))} min ago`
  const time = new Intl.DateTimeFormat(options.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
  }).format(then)
  const day = (date: Date): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone }).format(date)
  if (day(then) === day(now)) return `today at ${time}`
  const date = new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(then)
  return date
}

/**
 * A span of time in the largest sensible units: "8 s", "2 min 5 s", "1 h 4 min". Sub-second
 * spans read "under 1 s" rather than "0 s", which looks like nothing happened.
 */
export function formatDuration(milliseconds: number): string {
  const totalSeconds = Math.round(milliseconds / 1000)
  if (totalSeconds < 1) return 'under 1 s'
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`
  return `${seconds} s`
}
