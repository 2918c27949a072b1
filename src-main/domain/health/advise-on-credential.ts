/**
 * The plain-words advice under each credential on the Health screen: what the date means for sign-in
 * and the exact place in the Entra admin center to fix it.
 */
import type { CredentialHealth } from '../../common/health'

/** What the advice is written from. */
export type AdviceSubject = Pick<CredentialHealth, 'kind' | 'owner' | 'displayName' | 'daysLeft' | 'level' | 'isActive'> & {
  /** Display name of the enterprise app or app registration that holds the credential. */
  readonly ownerName: string
  /** SAML only: false when the tenant names no active certificate, so any of them may be signing. */
  readonly isActiveKnown?: boolean
}

/** Advice for one credential. */
export function adviseOnCredential(subject: AdviceSubject): string {
  switch (subject.kind) {
    case 'samlSigningCertificate':
      return samlAdvice(subject)
    case 'clientSecret':
      return secretAdvice(subject)
    case 'clientCertificate':
      return certificateAdvice(subject)
  }
}

function samlAdvice(subject: AdviceSubject): string {
  const place = `Entra (Enterprise applications › ${subject.ownerName} › Single sign-on)`
  const renew = `Create a new one in ${place}, make it active, and upload it to the application.`
  if (subject.isActive || subject.isActiveKnown === false) {
    const which = subject.isActive ? 'The SAML signing certificate that signs today' : 'A SAML signing certificate (Entra names no active one, so it may be the one that signs)'
    if (subject.level === 'expired') return `${which} has expired: sign-in to ${subject.ownerName} fails until a new one is active. ${renew}`
    if (subject.level === 'ok') return `${which} is valid for ${days(subject.daysLeft)} more.`
    return `${which} ${expiresIn(subject.daysLeft)}. ${renew}`
  }
  if (subject.level === 'expired') {
    return `An inactive SAML signing certificate has expired. It signs nothing, so sign-in is not affected; delete it in ${place} to keep the list clear.`
  }
  return (
    `An inactive SAML signing certificate, valid for ${days(subject.daysLeft)} more. It signs nothing today; ` +
    `to switch to it, upload it to the application first, then make it active in ${place}.`
  )
}

function secretAdvice(subject: AdviceSubject): string {
  const name = subject.displayName ? `The client secret “${subject.displayName}”` : 'A client secret'
  const where = subject.owner === 'appRegistration' ? `of the app registration ${subject.ownerName}` : `of the enterprise app ${subject.ownerName}`
  const replace =
    subject.owner === 'appRegistration'
      ? `Add a new secret in Entra (App registrations › ${subject.ownerName} › Certificates & secrets), put it into Headcount's connection and anything else that uses it, then delete the old one.`
      : // A service principal's own secrets have no page in the admin center: they are managed with
        // Microsoft Graph (servicePrincipal: addPassword / removePassword) or PowerShell.
        `Add a new one with Microsoft Graph or PowerShell (servicePrincipal addPassword), update whatever uses it, then remove the old one.`
  if (subject.level === 'expired') return `${name} ${where} has expired: anything that signs in with it fails until it is replaced. ${replace}`
  if (subject.level === 'ok') return `${name} ${where} is valid for ${days(subject.daysLeft)} more.`
  return `${name} ${where} ${expiresIn(subject.daysLeft)}. ${replace}`
}

function certificateAdvice(subject: AdviceSubject): string {
  const name = subject.displayName ? `The certificate “${subject.displayName}”` : 'A certificate'
  const where = subject.owner === 'appRegistration' ? `of the app registration ${subject.ownerName}` : `of the enterprise app ${subject.ownerName}`
  const replace =
    subject.owner === 'appRegistration'
      ? `Upload a new certificate in Entra (App registrations › ${subject.ownerName} › Certificates & secrets), switch Headcount's connection and anything else that uses it to the new one, then delete the old one.`
      : `Add a new certificate to the enterprise app with Microsoft Graph or PowerShell, switch whatever uses it, then remove the old one.`
  if (subject.level === 'expired') return `${name} ${where} has expired: anything that signs in with it fails until it is replaced. ${replace}`
  if (subject.level === 'ok') return `${name} ${where} is valid for ${days(subject.daysLeft)} more.`
  return `${name} ${where} ${expiresIn(subject.daysLeft)}. ${replace}`
}

function expiresIn(daysLeft: number): string {
  // daysLeft counts started days, so 1 means less than a day.
  return daysLeft <= 1 ? 'expires within a day' : `expires in ${days(daysLeft)}`
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`
}
