/**
 * Turns what msal-node throws into an AppError an admin can act on. Entra's AADSTS numbers are the
 * stable part of its answers, so the mapping keys on them; the message never repeats a secret.
 */
import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node'
import { AppError } from '../../common/errors'

export interface SignInErrorContext {
  /** Host (and port) of the authority, for "could not reach …". */
  readonly authorityHost: string
  /** Why the last request failed at the network level, when known (see createMsalNetworkClient). */
  readonly networkFailure?: string
}

interface KnownAnswer {
  readonly code: AppError['code']
  readonly message: string
  readonly hint: string
}

/** What Headcount says about the AADSTS codes an admin meets when connecting an app registration. */
const KNOWN_AADSTS: Readonly<Record<number, KnownAnswer>> = {
  7000215: {
    code: 'Unauthorized',
    message: 'The client secret was rejected (AADSTS7000215).',
    hint: "Paste the secret's Value, not its Secret ID, from Certificates & secrets in the app registration, or create a new secret.",
  },
  7000222: {
    code: 'Unauthorized',
    message: 'The client secret has expired (AADSTS7000222).',
    hint: 'Create a new client secret in the app registration and enter it here.',
  },
  7000218: {
    code: 'Unauthorized',
    message: 'No client secret or certificate was sent (AADSTS7000218).',
    hint: 'Enter the client secret or choose the certificate registered on the app.',
  },
  700016: {
    code: 'Unauthorized',
    message: 'The application (client) id was not found in this tenant (AADSTS700016).',
    hint: 'Check the client id and the tenant id; the app registration must live in the tenant you connect to.',
  },
  700027: {
    code: 'Unauthorized',
    message: 'The certificate was rejected (AADSTS700027).',
    hint: 'Upload the public certificate to the app registration (Certificates & secrets) and check that it has not expired.',
  },
  700024: {
    code: 'Unauthorized',
    message: "The certificate assertion was outside its valid time (AADSTS700024).",
    hint: "Check this computer's clock.",
  },
  90002: {
    code: 'NotFound',
    message: 'The tenant was not found (AADSTS90002).',
    hint: 'Check the tenant id or domain, and that you chose the right cloud.',
  },
  65004: {
    code: 'Cancelled',
    message: 'Consent was declined (AADSTS65004).',
    hint: 'Headcount cannot read the directory without these permissions. Connect again and select Accept.',
  },
  65001: {
    code: 'Unauthorized',
    message: 'Headcount has not been granted the permissions it needs in this tenant (AADSTS65001).',
    hint: 'Connect again and consent on behalf of your organisation, or ask an administrator to grant consent.',
  },
  1002012: {
    code: 'InvalidArgument',
    message: 'The permission scope is not valid for an unattended connection (AADSTS1002012).',
    hint: 'Unattended connections use the /.default scope; check the Graph endpoint setting.',
  },
}

/** Maps an error thrown by msal-node (or by our network client under it) to an AppError. */
export function toSignInAppError(error: unknown, context: SignInErrorContext): AppError {
  if (error instanceof AppError) return error
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError')) {
    return new AppError({ code: 'Cancelled', message: 'Sign-in was cancelled.' }, { cause: error })
  }
  if (!(error instanceof AuthError)) {
    return new AppError({ code: 'Internal', message: 'Signing in failed unexpectedly.', hint: 'Try again; if it keeps happening, send the log file to support.' }, { cause: error })
  }
  const aadsts = readAadstsNumber(error)
  const known = aadsts === null ? undefined : KNOWN_AADSTS[aadsts]
  const status = error instanceof ServerError ? error.status : undefined
  if (known) return new AppError({ ...known, ...(status !== undefined ? { status } : {}) }, { cause: error })
  if (error instanceof InteractionRequiredAuthError) {
    return new AppError({ code: 'Unauthorized', message: 'You need to sign in again.', hint: 'Select Connect to sign in to Microsoft again.' }, { cause: error })
  }
  if (['network_error', 'endpoints_resolution_error', 'openid_config_error', 'token_parsing_error'].includes(error.errorCode)) {
    return new AppError(
      {
        code: 'NetworkError',
        message: `Could not reach the sign-in service at ${context.authorityHost}.`,
        hint: describeNetworkHint(`${error.errorMessage} ${context.networkFailure ?? ''}`),
      },
      { cause: error },
    )
  }
  if (status === 429) return new AppError({ code: 'TooManyRequests', message: 'The sign-in service is throttling requests.', hint: 'Wait a minute and try again.', status }, { cause: error })
  if (status !== undefined && status >= 500) {
    return new AppError({ code: 'ServiceUnavailable', message: 'The sign-in service is unavailable.', hint: 'Try again in a few minutes.', status }, { cause: error })
  }
  const label = aadsts !== null ? `AADSTS${aadsts}` : error.errorCode
  return new AppError(
    { code: CREDENTIAL_ERRORS.includes(error.errorCode) ? 'Unauthorized' : 'RemoteError', message: `Microsoft sign-in refused the request (${label}).`, hint: firstSentence(error.errorMessage), ...(status !== undefined ? { status } : {}) },
    { cause: error },
  )
}

/** OAuth error names that mean "who you are was not accepted" (RFC 6749 §5.2). */
const CREDENTIAL_ERRORS = ['invalid_client', 'unauthorized_client', 'invalid_grant', 'access_denied']

function readAadstsNumber(error: AuthError): number | null {
  const fromField = error instanceof ServerError && error.errorNo !== undefined ? Number(error.errorNo) : NaN
  if (Number.isInteger(fromField) && fromField > 0) return fromField
  const match = /AADSTS(\d+)/.exec(error.errorMessage)
  return match?.[1] ? Number(match[1]) : null
}

function describeNetworkHint(message: string): string {
  if (/CERT|certificate|SSL|TLS/i.test(message)) {
    return 'The server certificate is not trusted. If your network inspects TLS, add its CA certificate in Settings → Network.'
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return 'The host name could not be resolved. Check the network connection, proxy and cloud setting.'
  if (/timed out|TIMEOUT/i.test(message)) return 'The request timed out. Check the network connection and proxy settings.'
  return 'Check the network connection and, if you use one, the proxy setting.'
}

/** AADSTS descriptions end with trace ids and timestamps; the first sentence is what matters. */
function firstSentence(message: string): string {
  const withoutTrace = message.split(/ Trace ID:/)[0] ?? message
  return withoutTrace.length > 300 ? `${withoutTrace.slice(0, 297)}…` : withoutTrace
}
