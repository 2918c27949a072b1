/** How the Health screen words what main judged: levels, kinds, owners and days left. */
import type { CredentialHealth, CredentialKind, ExpiryLevel } from '../../../src-main/common'

/** Each level in words, so colour is never the only signal. */
export const EXPIRY_LEVEL_LABELS: Readonly<Record<ExpiryLevel, string>> = {
  ok: 'OK',
  notice30: 'Within 30 days',
  warning14: 'Within 14 days',
  critical7: 'Within 7 days',
  expired: 'Expired',
}

export const CREDENTIAL_KIND_LABELS: Readonly<Record<CredentialKind, string>> = {
  samlSigningCertificate: 'SAML signing certificate',
  clientSecret: 'Client secret',
  clientCertificate: 'Client certificate',
}

export const CREDENTIAL_OWNER_LABELS: Readonly<Record<CredentialHealth['owner'], string>> = {
  enterpriseApp: 'Enterprise app',
  appRegistration: 'Headcount’s app registration',
}

const LEVEL_URGENCY: Readonly<Record<ExpiryLevel, number>> = { expired: 0, critical7: 1, warning14: 2, notice30: 3, ok: 4 }

/**
 * Most urgent first: by level, then fewest days left; the certificate that signs today before its
 * spare. Main already sends them in this order; sorting again keeps the screen right if it ever
 * does not, and costs nothing for a handful of credentials.
 */
export function byUrgency(credentials: readonly CredentialHealth[]): readonly CredentialHealth[] {
  return [...credentials].sort(
    (left, right) =>
      LEVEL_URGENCY[left.level] - LEVEL_URGENCY[right.level] ||
      left.daysLeft - right.daysLeft ||
      Number(right.isActive) - Number(left.isActive),
  )
}

/** "in 12 days", "tomorrow", "today", "1 day ago", "30 days ago". */
export function formatDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return 'today'
  if (daysLeft === 1) return 'tomorrow'
  if (daysLeft > 1) return `in ${daysLeft} days`
  return daysLeft === -1 ? '1 day ago' : `${-daysLeft} days ago`
}
