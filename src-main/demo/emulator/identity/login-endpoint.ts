/**
 * `POST /{tenant}/login`: the steps after the account picker — password, consent or "need admin
 * approval", then the hand-back to the app (form_post with a code, or the admin-consent redirect).
 */
import { randomUUID } from 'node:crypto'
import type { Request, Response } from 'express'
import { aadFailure } from './aad-error'
import { DEMO_USER_PASSWORD, type AppRegistration } from './app-registrations'
import { errorFields } from './authorize-endpoint'
import { needsAdministrator, planDelegatedGrant } from './delegated-grant'
import { describeOpenIdScope, findDelegatedPermission, GRAPH_RESOURCE } from './graph-permissions'
import { parameter, sendErrorPage, sendFormPost, sendPage, type IdentityContext } from './identity-context'
import type { SignInAccount } from './identity-directory'
import type { AuthorizeInteraction, Interaction } from './interaction-store'
import { createPageSecurity, type PageSecurity } from './page-layout'
import {
  renderAccountPickerPage,
  renderAdminApprovalPage,
  renderConsentPage,
  renderPasswordPage,
  type ConsentLine,
  type InteractionForm,
} from './sign-in-pages'

/** Authorization codes live ten minutes (Entra's documented maximum). */
const CODE_LIFETIME_MS = 10 * 60 * 1000

/** Handles one posted step of a sign-in. */
export function handleLogin(context: IdentityContext, request: Request, response: Response): void {
  const body: unknown = request.body
  const interaction = context.interactions.find(parameter(body, 'interaction') ?? '')
  if (!interaction || interaction.tenantSegment !== String(request.params.tenant)) {
    return sendErrorPage(response, aadFailure(400, 'invalid_request', 50089, 'Authentication failed due to flow token expired. Start the sign-in again from the application.'))
  }
  const application = context.state.findApplication(interaction.request.clientId)
  if (!application) return sendErrorPage(response, aadFailure(400, 'unauthorized_client', 700016, 'The application is no longer registered.'))
  const step = new SignInStep(context, interaction, application, response)
  switch (parameter(body, 'action')) {
    case 'choose-account':
      return step.chooseAccount(parameter(body, 'username') ?? '')
    case 'sign-in':
      return step.signIn(parameter(body, 'username') ?? '', parameter(body, 'password') ?? '')
    case 'restart':
      interaction.accountId = null
      return step.showAccountPicker()
    case 'consent':
      return parameter(body, 'decision') === 'accept' ? step.consent(parameter(body, 'consent_for_organisation') === 'on') : step.decline()
    case 'cancel':
      return step.decline()
    default:
      return sendErrorPage(response, aadFailure(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'action'."))
  }
}

/** One request's worth of the sign-in state machine. */
class SignInStep {
  private readonly form: InteractionForm

  constructor(
    private readonly context: IdentityContext,
    private readonly interaction: Interaction,
    private readonly application: AppRegistration,
    private readonly response: Response,
  ) {
    this.form = { action: `/${encodeURIComponent(interaction.tenantSegment)}/login`, interactionId: interaction.id, applicationName: application.displayName }
  }

  showAccountPicker(error?: string): void {
    this.render((security) =>
      renderAccountPickerPage(this.form, { administrators: this.context.directory.listAdministrators(), isAdminConsent: this.interaction.request.kind === 'admin-consent', ...(error ? { error } : {}) }, security),
    )
  }

  chooseAccount(username: string): void {
    const account = this.context.directory.findAccount(username.trim())
    if (!account) return this.showAccountPicker("We couldn't find an account with that username. Try another, or use one of the accounts listed. (AADSTS50034)")
    this.render((security) => renderPasswordPage(this.form, { account }, security))
  }

  signIn(username: string, password: string): void {
    const account = this.context.directory.findAccount(username.trim())
    if (!account) return this.showAccountPicker("We couldn't find an account with that username. (AADSTS50034)")
    if (password !== DEMO_USER_PASSWORD) {
      return this.render((security) => renderPasswordPage(this.form, { account, error: 'Your account or password is incorrect. (AADSTS50126)' }, security))
    }
    if (!account.accountEnabled) {
      return this.render((security) => renderPasswordPage(this.form, { account, error: 'Your account has been disabled. Contact your administrator. (AADSTS50057)' }, security))
    }
    if (this.interaction.request.kind === 'admin-consent' && !account.isAdministrator) {
      return this.showAccountPicker(`${account.userPrincipalName} is not an administrator. Sign in with an administrator account to grant consent for the organisation. (AADSTS90094)`)
    }
    this.interaction.accountId = account.id
    this.afterSignIn(account)
  }

  consent(forOrganisation: boolean): void {
    const account = this.signedInAccount()
    if (!account) return this.showAccountPicker()
    const request = this.interaction.request
    const appId = this.application.appId
    if (request.kind === 'admin-consent') {
      const delegated = request.scopes ? request.scopes.permissions.map((permission) => permission.value) : this.application.requiredDelegatedPermissions
      this.context.state.grantDelegatedPermissions(appId, delegated, { kind: 'organisation' })
      if (!request.scopes) this.context.state.grantApplicationPermissions(appId, this.application.requiredApplicationPermissions)
      return this.finishAdminConsent(delegated)
    }
    const plan = this.plan(request, account)
    if (forOrganisation && account.isAdministrator) {
      this.context.state.grantDelegatedPermissions(appId, plan.permissions, { kind: 'organisation' })
    } else if (!account.isAdministrator && needsAdministrator(plan.missing)) {
      // An administrator who leaves the box unticked consents for themselves only, as in Entra.
      return this.showAdminApproval(account, plan.missing)
    } else {
      this.context.state.grantDelegatedPermissions(appId, plan.permissions, { kind: 'user', userId: account.id })
    }
    this.issueCode(request, account)
  }

  decline(): void {
    const request = this.interaction.request
    this.context.interactions.close(this.interaction.id)
    const description = 'AADSTS65004: User declined to consent to access the app.'
    if (request.kind === 'admin-consent') {
      // The admin-consent endpoint answers with a GET redirect (reference/entra-and-graph.md §6.1).
      const target = new URL(request.redirectUri)
      for (const [name, value] of Object.entries(errorFields('consent_required', description, request.state))) target.searchParams.set(name, value)
      this.response.redirect(303, target.toString())
      return
    }
    sendFormPost(this.response, request.redirectUri, { ...errorFields('access_denied', description, request.state), error_subcode: 'cancel' })
  }

  private afterSignIn(account: SignInAccount): void {
    const request = this.interaction.request
    if (request.kind === 'admin-consent') {
      const permissions = request.scopes ? request.scopes.permissions.map((permission) => permission.value) : [...this.application.requiredDelegatedPermissions]
      return this.render((security) => renderConsentPage(this.form, { account, permissions: consentLines(permissions, [], this.application.requiredApplicationPermissions, !request.scopes), offersOrganisationConsent: false, isAdminConsent: true }, security))
    }
    const plan = this.plan(request, account)
    if (plan.missing.length === 0 && request.prompt !== 'consent') return this.issueCode(request, account)
    if (!account.isAdministrator && needsAdministrator(plan.missing)) return this.showAdminApproval(account, plan.missing)
    this.render((security) =>
      renderConsentPage(this.form, { account, permissions: consentLines(plan.permissions, request.scopes.openId, [], false), offersOrganisationConsent: account.isAdministrator, isAdminConsent: false }, security),
    )
  }

  private issueCode(request: AuthorizeInteraction, account: SignInAccount): void {
    const plan = this.plan(request, account)
    const now = this.context.clock().getTime()
    const code = this.context.state.saveAuthorizationCode({
      clientId: this.application.appId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      userId: account.id,
      permissions: plan.permissions,
      responseScope: plan.responseScope,
      openId: request.scopes.openId,
      nonce: request.nonce,
      expiresAt: now + CODE_LIFETIME_MS,
    })
    this.context.interactions.close(this.interaction.id)
    const fields: Record<string, string> = { code }
    if (request.wantsClientInfo) fields.client_info = encodeClientInfo(account.id, this.context.organisation.tenantId)
    if (request.state !== null) fields.state = request.state
    fields.session_state = randomUUID()
    sendFormPost(this.response, request.redirectUri, fields)
  }

  private finishAdminConsent(delegated: readonly string[]): void {
    const request = this.interaction.request
    this.context.interactions.close(this.interaction.id)
    const target = new URL(request.redirectUri)
    target.searchParams.set('admin_consent', 'True')
    target.searchParams.set('tenant', this.context.organisation.tenantId)
    if (request.kind === 'admin-consent' && request.isVersion2) {
      target.searchParams.set('scope', delegated.map((permission) => `${GRAPH_RESOURCE}/${permission}`).join(' '))
    }
    if (request.state !== null) target.searchParams.set('state', request.state)
    this.response.redirect(303, target.toString())
  }

  private showAdminApproval(account: SignInAccount, missing: readonly string[]): void {
    this.render((security) => renderAdminApprovalPage(this.form, { account, permissions: consentLines(missing, [], [], false) }, security))
  }

  private plan(request: AuthorizeInteraction, account: SignInAccount) {
    return planDelegatedGrant(this.application, request.scopes, this.context.state.delegatedPermissions(this.application.appId, account.id))
  }

  private signedInAccount(): SignInAccount | null {
    return this.interaction.accountId ? this.context.directory.findAccount(this.interaction.accountId) : null
  }

  private render(page: (security: PageSecurity) => string): void {
    const security = createPageSecurity()
    sendPage(this.response, 200, page(security), security.contentSecurityPolicy)
  }
}

function consentLines(delegated: readonly string[], openId: readonly string[], application: readonly string[], includesApplication: boolean): ConsentLine[] {
  const lines: ConsentLine[] = delegated.map((value) => ({ value, text: findDelegatedPermission(value)?.consentText ?? value }))
  for (const scope of openId) if (scope !== 'openid') lines.push({ value: scope, text: describeOpenIdScope(scope) })
  if (includesApplication) for (const value of application) lines.push({ value: `${value} (application)`, text: `${findDelegatedPermission(value)?.consentText ?? value} without a signed-in user` })
  return lines
}

/** `client_info`: base64url JSON `{uid, utid}`; MSAL builds `homeAccountId` = `uid.utid` from it. */
export function encodeClientInfo(userId: string, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: userId, utid: tenantId })).toString('base64url')
}
