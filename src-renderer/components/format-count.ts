/** Number wording shared by every screen. */

/** A whole count with the locale's grouping: 100000 → "100,000". */
export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)
}

/** "1 user", "2 users": the noun follows the count (English only, like the rest of the UI). */
export function formatCountOf(value: number, singular: string, plural: string, locale?: string): string {
  return `${formatCount(value, locale)} ${value === 1 ? singular : plural}`
}
