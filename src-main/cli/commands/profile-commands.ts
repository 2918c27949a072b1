/** `headcount profile create|list|show|delete`. */
import { AppError, CLOUD_NAMES, type CloudName, type ConnectionInput } from '../../common'
import {
  loadCredentialSources,
  readPemFile,
  readSecretFromEnvironment,
  saveCredentialSources,
  splitCertificateBundle,
  type CliCredentialSources,
} from '../cli-credential-sources'
import { findProfile, type CliContext } from '../cli-context'
import { UsageError, type CommandSpec, type ParsedCommand } from '../parse-command-line'

const json = { kind: 'switch', description: 'print JSON on stdout' } as const

export const PROFILE_COMMANDS: readonly CommandSpec[] = [
  {
    name: 'profile create',
    summary: 'Create a profile that signs in unattended with an app registration.',
    positionals: ['name'],
    flags: {
      tenant: { kind: 'value', description: 'tenant id or verified domain' },
      'client-id': { kind: 'value', description: 'application (client) id of the app registration' },
      'client-secret-env': { kind: 'value', description: 'environment variable that holds the client secret' },
      certificate: { kind: 'value', description: 'PEM file with the certificate and its private key' },
      cloud: { kind: 'value', description: 'Microsoft cloud (default global)', choices: CLOUD_NAMES },
      'authority-host': { kind: 'value', description: 'custom cloud: login host[:port]' },
      'graph-endpoint': { kind: 'value', description: 'custom cloud: Graph service root (https://…)' },
      'ca-certificate': { kind: 'value', description: 'PEM file of an extra CA to trust' },
      proxy: { kind: 'value', description: 'HTTP proxy, http://host:port' },
      json,
    },
  },
  { name: 'profile list', summary: 'List the profiles.', positionals: [], flags: { json } },
  { name: 'profile show', summary: 'Show one profile and its connection.', positionals: ['name'], flags: { json } },
  {
    name: 'profile delete',
    summary: 'Delete a profile with its cache and stored secrets.',
    positionals: ['name'],
    flags: { yes: { kind: 'switch', description: 'confirm the deletion' } },
  },
]

/** The connection a CLI profile signs in with, secrets read from their sources now. */
export function buildConnectionInput(
  base: Omit<ConnectionInput, 'clientSecret' | 'certificatePem' | 'privateKeyPem' | 'caCertificatePem' | 'mode'>,
  sources: CliCredentialSources,
  environment: NodeJS.ProcessEnv,
): ConnectionInput {
  const ca = sources.caCertificateFile ? { caCertificatePem: readPemFile(sources.caCertificateFile, 'CA certificate') } : {}
  if (sources.clientSecretEnv) {
    return { ...base, ...ca, mode: 'clientSecret', clientSecret: readSecretFromEnvironment(sources.clientSecretEnv, environment) }
  }
  if (sources.certificateFile) {
    const bundle = splitCertificateBundle(readPemFile(sources.certificateFile, 'certificate'), sources.certificateFile)
    return { ...base, ...ca, mode: 'certificate', ...bundle }
  }
  throw new AppError({
    code: 'InvalidArgument',
    message: 'This profile has no credential the command line can use.',
    hint: 'Create it with “headcount profile create … --client-secret-env VAR” or “--certificate FILE”.',
  })
}

async function create(command: ParsedCommand, context: CliContext): Promise<number> {
  const name = command.positionals[0] as string
  const { values } = command
  const tenant = values.tenant
  const clientId = values['client-id']
  if (!tenant || !clientId) throw new UsageError('“profile create” needs --tenant and --client-id.')
  if (Boolean(values['client-secret-env']) === Boolean(values.certificate)) {
    throw new UsageError('Give exactly one of --client-secret-env VAR and --certificate FILE.')
  }
  const cloud = (values.cloud ?? 'global') as CloudName
  if (cloud === 'custom' && (!values['authority-host'] || !values['graph-endpoint'])) {
    throw new UsageError('A custom cloud needs --authority-host and --graph-endpoint.')
  }
  const sources: CliCredentialSources = {
    version: 1,
    ...(values['client-secret-env'] ? { clientSecretEnv: values['client-secret-env'] } : {}),
    ...(values.certificate ? { certificateFile: values.certificate } : {}),
    ...(values['ca-certificate'] ? { caCertificateFile: values['ca-certificate'] } : {}),
  }
  const base = {
    cloud,
    tenant,
    clientId,
    ...(values['authority-host'] ? { authorityHost: values['authority-host'] } : {}),
    ...(values['graph-endpoint'] ? { graphEndpoint: values['graph-endpoint'] } : {}),
    ...(values.proxy ? { proxyUrl: values.proxy } : {}),
  }
  // Read the secret first: a profile is not created around a credential that cannot be read.
  const connection = buildConnectionInput(base, sources, context.environment)
  const profile = await context.api.profiles.create({ name })
  try {
    const status = await context.api.connection.configure({ profileId: profile.id, connection })
    saveCredentialSources(context.dataDir, profile.id, sources)
    if (command.switches.has('json')) context.stdout.write(JSON.stringify({ profile, connection: status.settings }) + '\n')
    else context.stdout.write(`Created profile “${profile.name}” (${profile.id}). Pull it with: headcount pull --profile "${profile.name}"\n`)
  } catch (error) {
    await context.api.profiles.delete({ profileId: profile.id, confirmName: profile.name })
    throw error
  }
  return 0
}

async function list(command: ParsedCommand, context: CliContext): Promise<number> {
  const profiles = await context.api.profiles.list({})
  if (command.switches.has('json')) {
    context.stdout.write(JSON.stringify(profiles) + '\n')
    return 0
  }
  if (profiles.length === 0) {
    context.stdout.write('No profiles yet. Create one with “headcount profile create NAME --tenant … --client-id …”.\n')
    return 0
  }
  for (const profile of profiles) {
    context.stdout.write(`${profile.name}\t${profile.id}\t${profile.kind}\t${profile.tenantName ?? '-'}\tlast pull ${profile.lastPullAt ?? 'never'}\n`)
  }
  return 0
}

async function show(command: ParsedCommand, context: CliContext): Promise<number> {
  const profile = await findProfile(context.api, command.positionals[0] as string)
  const status = await context.api.connection.status({ profileId: profile.id })
  const sources = loadCredentialSources(context.dataDir, profile.id)
  if (command.switches.has('json')) {
    context.stdout.write(JSON.stringify({ profile, connection: status, credentialSources: sources }) + '\n')
    return 0
  }
  const settings = status.settings
  const lines = [
    `Profile     ${profile.name} (${profile.id}), ${profile.kind}`,
    `Tenant      ${profile.tenantName ?? settings?.tenant ?? '-'}`,
    `Connection  ${status.state}${settings ? `, ${settings.mode}, ${settings.cloud} cloud` : ''}`,
  ]
  if (settings) lines.push(`Endpoints   ${settings.authorityHost} → ${settings.graphEndpoint}`, `Client id   ${settings.clientId}`)
  if (sources?.clientSecretEnv) lines.push(`Secret      from the environment variable ${sources.clientSecretEnv}`)
  if (sources?.certificateFile) lines.push(`Certificate from ${sources.certificateFile}`)
  lines.push(`Last pull   ${profile.lastPullAt ?? 'never'}`)
  context.stdout.write(lines.join('\n') + '\n')
  return 0
}

async function remove(command: ParsedCommand, context: CliContext): Promise<number> {
  const profile = await findProfile(context.api, command.positionals[0] as string)
  if (!command.switches.has('yes')) {
    throw new UsageError(`Deleting “${profile.name}” removes its cache and stored secrets. Add --yes to confirm.`)
  }
  await context.api.profiles.delete({ profileId: profile.id, confirmName: profile.name })
  context.stdout.write(`Deleted profile “${profile.name}”.\n`)
  return 0
}

export async function runProfileCommand(command: ParsedCommand, context: CliContext): Promise<number> {
  switch (command.spec.name) {
    case 'profile create':
      return create(command, context)
    case 'profile list':
      return list(command, context)
    case 'profile show':
      return show(command, context)
    default:
      return remove(command, context)
  }
}
