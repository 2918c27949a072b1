/**
 * "Connect with your admin account": the permissions asked for, the cloud, tenant and client id,
 * then Connect, which saves the settings and opens Microsoft sign-in in the browser.
 */
import { useState, type ReactNode } from 'react'
import type { ConnectionSettings } from '../../../src-main/common'
import { ErrorNotice } from '../../components/error-notice'
import { FormField } from '../../components/form-field'
import { InfoIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'
import { CloudFields, NetworkFields } from './cloud-fields'
import { ConsentLinkPanel } from './consent-link-panel'
import { connectionInputOf, formValuesFrom, problemOf, type ConnectionFormValues } from './connection-form'
import { PermissionList } from './permission-list'
import { SignInWaiting } from './sign-in-waiting'

/** The form and, below it, the consent link for another admin. */
export function InteractiveConnectForm(props: { readonly settings: ConnectionSettings | null }): ReactNode {
  const signIn = useAppStore((state) => state.connection.signIn)
  const saveError = useAppStore((state) => state.connection.save.error)
  const connectInteractive = useAppStore((state) => state.connectInteractive)
  const [values, setValues] = useState<ConnectionFormValues>(() => formValuesFrom(props.settings, 'interactive'))
  const problem = saveError === null ? null : problemOf(saveError)
  const errorOf = (field: string): string | null => (problem?.field === field ? problem.message : null)
  const change = (changes: Partial<ConnectionFormValues>): void => setValues({ ...values, ...changes })
  const isBusy = signIn.phase !== 'idle'
  const inputOfForm = () => connectionInputOf(values, 'interactive', false)

  return (
    <>
      <form
        className="card connect-form"
        aria-labelledby="interactive-heading"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void connectInteractive(inputOfForm())
        }}
      >
        <div className="connect-form-intro">
          <h2 id="interactive-heading">Connect with your admin account</h2>
          <p className="card-lead">
            Headcount opens Microsoft sign-in in your browser. Sign in as a Global Administrator (or anyone allowed to
            consent for the organisation) and accept once: no app registration by hand.
          </p>
        </div>
        <div className="connect-form-section">
          <h3>What Headcount asks for</h3>
          <PermissionList kind="delegated" />
        </div>
        <fieldset className="connect-form-section" disabled={isBusy}>
          <legend className="section-legend">Where to sign in</legend>
          <div className="form-grid">
            <CloudFields values={values} onChange={change} errorOf={errorOf} />
            <FormField
              label="Tenant"
              help={
                <>
                  <code>organizations</code> lets any work account sign in. Your tenant id or domain
                  (contoso.onmicrosoft.com) pins the sign-in to your organisation.
                </>
              }
              error={errorOf('tenant')}
            >
              <input
                className="text-input"
                value={values.tenant}
                placeholder="organizations"
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => change({ tenant: event.target.value })}
              />
            </FormField>
            <FormField
              label="Client id"
              help="The application (client) id of Headcount’s sign-in app, from your Headcount welcome e-mail or your IT department."
              error={errorOf('clientId')}
            >
              <input
                className="text-input is-code"
                value={values.clientId}
                placeholder="00000000-0000-0000-0000-000000000000"
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => change({ clientId: event.target.value })}
              />
            </FormField>
          </div>
          <NetworkFields values={values} onChange={change} errorOf={errorOf} hasCustomCa={props.settings?.hasCustomCa ?? false} />
        </fieldset>
        {problem !== null && problem.field === null && saveError !== null && (
          <ErrorNotice title="The connection was not saved" error={saveError} />
        )}
        {signIn.error !== null && <ErrorNotice title="Sign-in did not finish" error={signIn.error} />}
        {signIn.wasCancelled && (
          <div className="notice" role="status">
            <InfoIcon size={20} />
            <p>Sign-in cancelled. Nothing was changed; connect again whenever you are ready.</p>
          </div>
        )}
        {isBusy ? (
          <SignInWaiting />
        ) : (
          <div className="form-actions">
            <button type="submit" className="button is-primary is-large" data-testid="connect-button">
              Connect
            </button>
            <span className="form-actions-note">Your browser opens Microsoft sign-in.</span>
          </div>
        )}
      </form>
      <ConsentLinkPanel input={inputOfForm} />
    </>
  )
}
