/**
 * "Unattended (app registration)": tenant, client id and a client secret or certificate for runs
 * with nobody signed in. Secrets are write-only: once stored, the form says so and offers Replace;
 * it never shows one back. Changing the tenant or client id means entering the credential again,
 * because `connection:configure` takes the whole connection at once.
 */
import { useState, type ReactNode } from 'react'
import type { ConnectionSettings } from '../../../src-main/common'
import { ErrorNotice } from '../../components/error-notice'
import { FormField } from '../../components/form-field'
import { LockIcon } from '../../components/icons'
import { useAppStore } from '../../stores/app-store-context'
import { CloudFields, NetworkFields } from './cloud-fields'
import { ConnectionTestResultView } from './connection-test-result'
import {
  base64OfBytes,
  connectionInputOf,
  formValuesFrom,
  labelOfCloud,
  problemOf,
  type ConnectionFormValues,
} from './connection-form'
import { PermissionList } from './permission-list'

/** The form, then the outcome of the last test. */
export function UnattendedConnectForm(props: { readonly settings: ConnectionSettings | null }): ReactNode {
  const test = useAppStore((state) => state.connection.test)
  const save = useAppStore((state) => state.connection.save)
  const testConnection = useAppStore((state) => state.testConnection)
  const { settings } = props
  const hasStoredCredential = settings !== null && settings.mode !== 'interactive' && settings.hasCredential
  const [isReplacing, setIsReplacing] = useState(!hasStoredCredential)
  const [values, setValues] = useState<ConnectionFormValues>(() => formValuesFrom(settings, 'unattended'))
  const problem = save.error === null ? null : problemOf(save.error)
  const errorOf = (field: string): string | null => (problem?.field === field ? problem.message : null)
  const change = (changes: Partial<ConnectionFormValues>): void => setValues({ ...values, ...changes })
  const isEditing = isReplacing || !hasStoredCredential
  const isBusy = test.isBusy || save.isBusy

  const readPfx = async (file: File | undefined): Promise<void> => {
    if (file === undefined) {
      change({ pfxBase64: '', pfxFileName: '' })
      return
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    setValues((current) => ({ ...current, pfxBase64: base64OfBytes(bytes), pfxFileName: file.name }))
  }

  return (
    <form
      className="card connect-form"
      aria-labelledby="unattended-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void testConnection(isEditing ? connectionInputOf(values, 'unattended', true) : null)
      }}
    >
      <div className="connect-form-intro">
        <h2 id="unattended-heading">Unattended (app registration)</h2>
        <p className="card-lead">
          For scheduled pulls with nobody signed in: an app registration in your tenant with the application
          permissions below (admin consent granted), and a client secret or certificate.
        </p>
      </div>
      <div className="connect-form-section">
        <h3>Application permissions it needs</h3>
        <PermissionList kind="application" />
      </div>

      {!isEditing && settings !== null ? (
        <div className="connect-form-section">
          <h3>Stored connection</h3>
          <dl className="definition-grid">
            <dt>Cloud</dt>
            <dd>{labelOfCloud(settings.cloud)}</dd>
            <dt>Tenant</dt>
            <dd>{settings.tenant}</dd>
            <dt>Client id</dt>
            <dd>
              <code>{settings.clientId}</code>
            </dd>
            {settings.proxyUrl !== null && (
              <>
                <dt>Proxy</dt>
                <dd>{settings.proxyUrl}</dd>
              </>
            )}
          </dl>
          <div className="stored-secret" data-testid="stored-credential">
            <LockIcon size={18} />
            <span>
              {settings.mode === 'certificate' ? 'A certificate is stored' : 'A client secret is stored'}, encrypted on
              this computer. Headcount never shows it again.
            </span>
            <button type="button" className="button" onClick={() => setIsReplacing(true)}>
              Replace…
            </button>
          </div>
        </div>
      ) : (
        <fieldset className="connect-form-section" disabled={isBusy}>
          <legend className="section-legend">App registration</legend>
          <div className="form-grid">
            <CloudFields values={values} onChange={change} errorOf={errorOf} />
            <FormField label="Tenant" help="Your tenant id or a verified domain, e.g. contoso.onmicrosoft.com." error={errorOf('tenant')}>
              <input
                className="text-input"
                value={values.tenant}
                placeholder="contoso.onmicrosoft.com"
                spellCheck={false}
                autoComplete="off"
                required
                onChange={(event) => change({ tenant: event.target.value })}
              />
            </FormField>
            <FormField label="Client id" help="Application (client) id, on the app registration’s Overview page." error={errorOf('clientId')}>
              <input
                className="text-input is-code"
                value={values.clientId}
                placeholder="00000000-0000-0000-0000-000000000000"
                spellCheck={false}
                autoComplete="off"
                required
                onChange={(event) => change({ clientId: event.target.value })}
              />
            </FormField>
          </div>
          <CredentialFields values={values} onChange={change} errorOf={errorOf} onPfx={(file) => void readPfx(file)} />
          <NetworkFields values={values} onChange={change} errorOf={errorOf} hasCustomCa={settings?.hasCustomCa ?? false} />
        </fieldset>
      )}

      {problem !== null && problem.field === null && save.error !== null && (
        <ErrorNotice title="The connection was not saved" error={save.error} />
      )}
      <div className="form-actions">
        <button type="submit" className="button is-primary is-large" data-testid="test-connection-button" disabled={isBusy}>
          {isBusy ? 'Testing…' : isEditing ? 'Save and test connection' : 'Test connection'}
        </button>
        {isReplacing && hasStoredCredential && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setIsReplacing(false)
              setValues(formValuesFrom(settings, 'unattended'))
            }}
          >
            Keep the stored credential
          </button>
        )}
      </div>
      {test.error !== null && <ErrorNotice title="The test could not run" error={test.error} />}
      {test.result !== null && !test.isBusy && <ConnectionTestResultView result={test.result} />}
    </form>
  )
}

interface CredentialFieldsProps {
  readonly values: ConnectionFormValues
  onChange(changes: Partial<ConnectionFormValues>): void
  errorOf(field: string): string | null
  onPfx(file: File | undefined): void
}

/** Client secret, or certificate as PEM text or a PFX file. */
function CredentialFields(props: CredentialFieldsProps): ReactNode {
  const { values, onChange, errorOf } = props
  return (
    <fieldset className="credential-fields">
      <legend className="form-label">Credential</legend>
      <div className="segmented" role="radiogroup" aria-label="Credential">
        <label className="segmented-option">
          <input
            type="radio"
            name="credential-kind"
            checked={values.credentialKind === 'clientSecret'}
            onChange={() => onChange({ credentialKind: 'clientSecret' })}
          />
          <span>Client secret</span>
        </label>
        <label className="segmented-option">
          <input
            type="radio"
            name="credential-kind"
            checked={values.credentialKind === 'certificate'}
            onChange={() => onChange({ credentialKind: 'certificate' })}
          />
          <span>Certificate</span>
        </label>
      </div>
      {values.credentialKind === 'clientSecret' ? (
        <FormField
          label="Client secret"
          help="The secret’s Value (not its id), shown once in Entra under Certificates & secrets. Stored encrypted."
          error={errorOf('clientSecret')}
        >
          <input
            className="text-input"
            type="password"
            data-testid="client-secret-input"
            value={values.clientSecret}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange({ clientSecret: event.target.value })}
          />
        </FormField>
      ) : (
        <>
          <div className="segmented is-small" role="radiogroup" aria-label="Certificate format">
            <label className="segmented-option">
              <input
                type="radio"
                name="certificate-format"
                checked={values.certificateFormat === 'pem'}
                onChange={() => onChange({ certificateFormat: 'pem' })}
              />
              <span>PEM text</span>
            </label>
            <label className="segmented-option">
              <input
                type="radio"
                name="certificate-format"
                checked={values.certificateFormat === 'pfx'}
                onChange={() => onChange({ certificateFormat: 'pfx' })}
              />
              <span>PFX file</span>
            </label>
          </div>
          {values.certificateFormat === 'pem' ? (
            <div className="form-row">
              <FormField label="Certificate (PEM)" error={errorOf('certificatePem')}>
                <textarea
                  className="text-area is-code"
                  rows={4}
                  value={values.certificatePem}
                  placeholder="-----BEGIN CERTIFICATE-----"
                  spellCheck={false}
                  onChange={(event) => onChange({ certificatePem: event.target.value })}
                />
              </FormField>
              <FormField label="Private key (PEM)" help="Stored encrypted; never shown again." error={errorOf('privateKeyPem')}>
                <textarea
                  className="text-area is-code"
                  rows={4}
                  value={values.privateKeyPem}
                  placeholder="-----BEGIN PRIVATE KEY-----"
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => onChange({ privateKeyPem: event.target.value })}
                />
              </FormField>
            </div>
          ) : (
            <div className="form-row">
              <FormField
                label="PFX file"
                help={values.pfxFileName === '' ? 'A .pfx or .p12 with the certificate and its private key.' : `Read ${values.pfxFileName}.`}
                error={errorOf('pfxBase64')}
              >
                <input className="file-input" type="file" accept=".pfx,.p12,application/x-pkcs12" onChange={(event) => props.onPfx(event.target.files?.[0])} />
              </FormField>
              <FormField label="PFX password" isOptional error={errorOf('pfxPassword')}>
                <input
                  className="text-input"
                  type="password"
                  value={values.pfxPassword}
                  autoComplete="off"
                  onChange={(event) => onChange({ pfxPassword: event.target.value })}
                />
              </FormField>
            </div>
          )}
        </>
      )}
    </fieldset>
  )
}
