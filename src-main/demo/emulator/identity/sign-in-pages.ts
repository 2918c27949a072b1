/**
 * The HTML of the emulated sign-in: pick an account, enter the password, consent, "need admin
 * approval", the form_post hand-back to the app and error pages. Pure functions from data to HTML;
 * every dynamic value is escaped. Forms post to `/{tenant}/login` with the interaction id.
 */
import { describeFailure, type AadFailure } from './aad-error'
import { DEMO_USER_PASSWORD } from './app-registrations'
import type { SignInAccount } from './identity-directory'
import { escapeHtml, renderPage, type PageSecurity } from './page-layout'

/** What every interactive page needs to post back to the flow. */
export interface InteractionForm {
  /** `/{tenant}/login` */
  readonly action: string
  readonly interactionId: string
  /** The app's display name, e.g. "Headcount". */
  readonly applicationName: string
}

export interface ConsentLine {
  readonly value: string
  readonly text: string
}

/** Step 1: choose one of the administrators or type another username. */
export function renderAccountPickerPage(
  form: InteractionForm,
  options: { readonly administrators: readonly SignInAccount[]; readonly loginHint?: string; readonly error?: string; readonly isAdminConsent: boolean },
  security: PageSecurity,
): string {
  const accounts = options.administrators
    .map(
      (account) =>
        `<li><button type="submit" name="username" value="${escapeHtml(account.userPrincipalName)}">${escapeHtml(account.displayName)}<small>${escapeHtml(account.userPrincipalName)}</small></button></li>`,
    )
    .join('')
  const heading = options.administrators.length > 0 ? 'Pick an account' : 'Sign in'
  const purpose = options.isAdminConsent
    ? `to grant permissions to ${escapeHtml(form.applicationName)} for your organisation`
    : `to continue to ${escapeHtml(form.applicationName)}`
  const body = `<h1>${heading}</h1>
<p>${purpose}</p>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
${accounts ? `<form method="post" action="${escapeHtml(form.action)}">${hidden(form.interactionId, 'choose-account')}<ul class="accounts">${accounts}</ul></form>` : ''}
<form method="post" action="${escapeHtml(form.action)}">${hidden(form.interactionId, 'choose-account')}
<label for="username">${accounts ? 'Or use another account' : 'Email, phone, or Skype'}</label>
<input type="email" id="username" name="username" autocomplete="username" required value="${escapeHtml(options.loginHint ?? '')}">
<div class="actions"><button class="primary" type="submit">Next</button></div>
</form>
${cancelForm(form, 'Cancel')}`
  return renderPage({ title: 'Sign in to your account', body }, security)
}

/** Step 2: the password for the chosen account; the demo password is shown. */
export function renderPasswordPage(
  form: InteractionForm,
  options: { readonly account: SignInAccount; readonly error?: string },
  security: PageSecurity,
): string {
  const body = `<div class="identity">${escapeHtml(options.account.userPrincipalName)}</div>
<h1>Enter password</h1>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="${escapeHtml(form.action)}">${hidden(form.interactionId, 'sign-in')}
<input type="hidden" name="username" value="${escapeHtml(options.account.userPrincipalName)}">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required autofocus>
<p class="hint">Demo tenant: every account's password is <strong>${escapeHtml(DEMO_USER_PASSWORD)}</strong>.</p>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>
<form method="post" action="${escapeHtml(form.action)}">${hidden(form.interactionId, 'restart')}
<div class="actions"><button class="secondary" type="submit">Use another account</button></div></form>`
  return renderPage({ title: 'Enter password', body }, security)
}

/** Step 3: the permissions and, for administrators, "Consent on behalf of your organisation". */
export function renderConsentPage(
  form: InteractionForm,
  options: {
    readonly account: SignInAccount
    readonly permissions: readonly ConsentLine[]
    /** Show the organisation checkbox (administrators in an ordinary sign-in). */
    readonly offersOrganisationConsent: boolean
    /** The admin-consent endpoint: accepting always grants for the whole organisation. */
    readonly isAdminConsent: boolean
  },
  security: PageSecurity,
): string {
  const lines = options.permissions.map((line) => `<li>${escapeHtml(line.text)} <small>(${escapeHtml(line.value)})</small></li>`).join('')
  const organisation = options.offersOrganisationConsent
    ? `<label class="checkbox"><input type="checkbox" name="consent_for_organisation" value="on"> <span>Consent on behalf of your organisation</span></label>
<p class="hint">Accepting with this box ticked grants these permissions to ${escapeHtml(form.applicationName)} for everyone in the organisation; users will not be asked again.</p>`
    : ''
  const lead = options.isAdminConsent
    ? `<p>${escapeHtml(form.applicationName)} needs permission to access resources in your organisation that only an admin can grant. Accepting grants them for the whole organisation.</p>`
    : `<p>${escapeHtml(form.applicationName)} would like to:</p>`
  const body = `<div class="identity">${escapeHtml(options.account.userPrincipalName)}</div>
<h1>Permissions requested</h1>
${lead}
<ul class="permissions">${lines}</ul>
<form method="post" action="${escapeHtml(form.action)}">${hidden(form.interactionId, 'consent')}
${organisation}
<div class="actions"><button class="secondary" type="submit" name="decision" value="decline">Cancel</button><button class="primary" type="submit" name="decision" value="accept">Accept</button></div>
</form>`
  return renderPage({ title: 'Permissions requested', body }, security)
}

/** A non-administrator asked for permissions only an administrator can grant. */
export function renderAdminApprovalPage(
  form: InteractionForm,
  options: { readonly account: SignInAccount; readonly permissions: readonly ConsentLine[] },
  security: PageSecurity,
): string {
  const lines = options.permissions.map((line) => `<li>${escapeHtml(line.text)} <small>(${escapeHtml(line.value)})</small></li>`).join('')
  const body = `<div class="identity">${escapeHtml(options.account.userPrincipalName)}</div>
<h1>Need admin approval</h1>
<p>${escapeHtml(form.applicationName)} needs permission to access resources in your organisation that only an admin can grant. Ask an admin to grant permission to this app before you can use it.</p>
<ul class="permissions">${lines}</ul>
<form method="post" action="${escapeHtml(form.action)}">${hidden(form.interactionId, 'restart')}
<div class="actions"><button class="primary" type="submit">Have an admin account? Sign in with that account</button></div></form>
<form method="post" action="${escapeHtml(form.action)}">${hidden(form.interactionId, 'consent')}<input type="hidden" name="decision" value="decline">
<div class="actions"><button class="secondary" type="submit">Return to the application without granting consent</button></div></form>`
  return renderPage({ title: 'Need admin approval', body }, security)
}

/**
 * The form_post response mode (OAuth 2.0 Form Post Response Mode §2): the parameters travel in a
 * form the browser posts to the redirect URI. It submits itself; the Continue button is there for a
 * browser with scripts off.
 */
export function renderFormPostPage(redirectUri: string, fields: Readonly<Record<string, string>>, security: PageSecurity): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n')
  const body = `<h1>Returning to the application</h1>
<p>Your browser will continue to the application. If nothing happens, select Continue.</p>
<form method="post" action="${escapeHtml(redirectUri)}" id="form-post">
${inputs}
<div class="actions"><button class="primary" type="submit">Continue</button></div>
</form>`
  return renderPage({ title: 'Working…', body, script: "document.getElementById('form-post').submit()" }, security)
}

/** An error that cannot be sent back to the app (unknown client, unregistered redirect URI …). */
export function renderErrorPage(failure: AadFailure, security: PageSecurity): string {
  const body = `<h1>Sorry, but we're having trouble signing you in.</h1>
<p class="error" role="alert">${escapeHtml(describeFailure(failure))}</p>
<p>Error: ${escapeHtml(failure.error)}</p>`
  return renderPage({ title: 'Sign in error', body }, security)
}

/** The end-session endpoint's page. */
export function renderSignedOutPage(security: PageSecurity): string {
  return renderPage({ title: 'Signed out', body: '<h1>You signed out of your account</h1><p>It\'s a good idea to close all browser windows.</p>' }, security)
}

function hidden(interactionId: string, action: string): string {
  return `<input type="hidden" name="interaction" value="${escapeHtml(interactionId)}"><input type="hidden" name="action" value="${escapeHtml(action)}">`
}

function cancelForm(form: InteractionForm, label: string): string {
  return `<form method="post" action="${escapeHtml(form.action)}">${hidden(form.interactionId, 'cancel')}<div class="actions"><button class="secondary" type="submit">${escapeHtml(label)}</button></div></form>`
}
