/**
 * The target settings form as the admin types it (numbers as text), and its conversion into what
 * `target:configure` takes. Only the shape is checked here; main judges the URL and the limits.
 */
import type { ScimCompatibility, TargetSettingsInput, TargetStatus } from '../../../src-main/common'

export interface TargetFormValues {
  readonly scimUrl: string
  /** Empty keeps the stored token. */
  readonly token: string
  readonly ratePerSecond: string
  readonly concurrency: string
  readonly compatibility: ScimCompatibility
  readonly isSoftDeleteSupported: boolean
  readonly hardDeleteAfterDays: string
}

export type TargetFormErrors = Partial<Record<keyof TargetFormValues, string>>

/** The form filled from what main has saved, or with the defaults (25 per second, 4 at once, 30 days). */
export function targetFormOf(status: TargetStatus | null): TargetFormValues {
  const settings = status?.settings
  return {
    scimUrl: status?.scimUrl ?? '',
    token: '',
    ratePerSecond: String(settings?.ratePerSecond ?? 25),
    concurrency: String(settings?.concurrency ?? 4),
    compatibility: settings?.compatibility ?? 'strict',
    isSoftDeleteSupported: settings?.isSoftDeleteSupported ?? true,
    hardDeleteAfterDays: String(settings?.hardDeleteAfterDays ?? 30),
  }
}

function wholeNumber(text: string, minimum: number): number | null {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const value = Number(trimmed)
  return value >= minimum ? value : null
}

/** The settings to send, or the fields to fix. */
export function targetSettingsOf(
  values: TargetFormValues,
): { readonly settings: TargetSettingsInput; readonly errors: null } | { readonly settings: null; readonly errors: TargetFormErrors } {
  const errors: TargetFormErrors = {}
  const ratePerSecond = wholeNumber(values.ratePerSecond, 1)
  const concurrency = wholeNumber(values.concurrency, 1)
  const hardDeleteAfterDays = wholeNumber(values.hardDeleteAfterDays, 0)
  if (values.scimUrl.trim() === '') errors.scimUrl = 'Enter the SCIM base URL from the application’s provisioning page.'
  if (ratePerSecond === null) errors.ratePerSecond = 'Enter a whole number of requests per second, 1 or more.'
  if (concurrency === null) errors.concurrency = 'Enter a whole number, 1 or more.'
  if (hardDeleteAfterDays === null) errors.hardDeleteAfterDays = 'Enter a whole number of days; 0 means never.'
  if (ratePerSecond === null || concurrency === null || hardDeleteAfterDays === null || errors.scimUrl !== undefined) {
    return { settings: null, errors }
  }
  const token = values.token.trim()
  return {
    settings: {
      scimUrl: values.scimUrl.trim(),
      ...(token === '' ? {} : { token }),
      ratePerSecond,
      concurrency,
      compatibility: values.compatibility,
      isSoftDeleteSupported: values.isSoftDeleteSupported,
      hardDeleteAfterDays,
    },
    errors: null,
  }
}
