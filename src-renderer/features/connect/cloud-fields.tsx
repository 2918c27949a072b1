/** The fields both ways in share: which cloud, and (optional) the network path to it. */
import type { ReactNode } from 'react'
import { FormField } from '../../components/form-field'
import { CLOUD_CHOICES, type ConnectionFormValues } from './connection-form'

export interface CloudFieldsProps {
  readonly values: ConnectionFormValues
  onChange(changes: Partial<ConnectionFormValues>): void
  /** Main's refusal of a field, by ConnectionInput field name. */
  errorOf(field: keyof ConnectionFormValues): string | null
  readonly isDisabled?: boolean
}

/** Cloud picker, and the login host and Graph endpoint of a custom cloud. */
export function CloudFields(props: CloudFieldsProps): ReactNode {
  const { values } = props
  const choice = CLOUD_CHOICES.find((item) => item.cloud === values.cloud)
  return (
    <>
      <FormField label="Cloud" help={choice?.detail} error={props.errorOf('cloud')}>
        <select
          className="select-input"
          value={values.cloud}
          disabled={props.isDisabled}
          onChange={(event) => props.onChange({ cloud: event.target.value as ConnectionFormValues['cloud'] })}
        >
          {CLOUD_CHOICES.map((item) => (
            <option key={item.cloud} value={item.cloud}>
              {item.label}
            </option>
          ))}
        </select>
      </FormField>
      {values.cloud === 'custom' && (
        <div className="form-row">
          <FormField label="Login host" help="Host name, with :port if needed." error={props.errorOf('authorityHost')}>
            <input
              className="text-input"
              value={values.authorityHost}
              placeholder="login.example.com"
              spellCheck={false}
              disabled={props.isDisabled}
              onChange={(event) => props.onChange({ authorityHost: event.target.value })}
            />
          </FormField>
          <FormField label="Graph endpoint" help="The https:// root of Microsoft Graph." error={props.errorOf('graphEndpoint')}>
            <input
              className="text-input"
              value={values.graphEndpoint}
              placeholder="https://graph.example.com"
              spellCheck={false}
              disabled={props.isDisabled}
              onChange={(event) => props.onChange({ graphEndpoint: event.target.value })}
            />
          </FormField>
        </div>
      )}
    </>
  )
}

/** Proxy and extra CA certificate, folded away: most networks need neither. */
export function NetworkFields(props: CloudFieldsProps & { readonly hasCustomCa: boolean }): ReactNode {
  const { values } = props
  const isOpen = values.proxyUrl !== '' || props.errorOf('proxyUrl') !== null || props.errorOf('caCertificatePem') !== null
  return (
    <details className="form-disclosure" open={isOpen || undefined}>
      <summary>Proxy and certificates (optional)</summary>
      <div className="form-disclosure-body">
        <FormField
          label="HTTP proxy"
          isOptional
          help="Only when this computer reaches the internet through a proxy, e.g. http://proxy.example:8080."
          error={props.errorOf('proxyUrl')}
        >
          <input
            className="text-input"
            value={values.proxyUrl}
            placeholder="http://proxy.example:8080"
            spellCheck={false}
            disabled={props.isDisabled}
            onChange={(event) => props.onChange({ proxyUrl: event.target.value })}
          />
        </FormField>
        <FormField
          label="Extra CA certificate (PEM)"
          isOptional
          help={
            props.hasCustomCa
              ? 'A CA certificate is stored. Paste another to replace it.'
              : 'For a proxy that inspects TLS, or a custom cloud with its own certificate authority.'
          }
          error={props.errorOf('caCertificatePem')}
        >
          <textarea
            className="text-area is-code"
            rows={3}
            value={values.caCertificatePem}
            placeholder="-----BEGIN CERTIFICATE-----"
            spellCheck={false}
            disabled={props.isDisabled}
            onChange={(event) => props.onChange({ caCertificatePem: event.target.value })}
          />
        </FormField>
      </div>
    </details>
  )
}
