/**
 * `npm run emulator -- --users 10000 [--seed N] [--port P] [--certificates DIR]`: runs the demo
 * emulator by hand (sign-in + Graph on https://127.0.0.1), prints what a client needs to reach it,
 * and stops on Ctrl+C.
 */
import { parseArgs } from 'node:util'
import { startEmulator } from './emulator/start-emulator'

const USAGE = 'Usage: npm run emulator -- [--users N] [--seed N] [--port P] [--certificates DIR]'

function readInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) {
    console.error(`--${name} must be a whole number, not '${value}'.\n${USAGE}`)
    process.exit(2)
  }
  return number
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      certificates: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const users = readInteger('users', values.users)
  const seed = readInteger('seed', values.seed)
  const port = readInteger('port', values.port)
  const started = performance.now()
  const emulator = await startEmulator({
    ...(users !== undefined ? { users } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(values.certificates ? { certificateFolder: values.certificates } : {}),
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`Headcount demo emulator — ${emulator.organisation.organization.displayName}, ${emulator.organisation.users.length} users (started in ${seconds} s)

  Origin            ${emulator.origin}
  Graph base URL    ${emulator.graphBaseUrl}
  Authority host    ${emulator.authorityHost}
  Authority         https://${emulator.authorityHost}/${emulator.tenantId}
  Tenant id         ${emulator.tenantId}
  Public client id  ${emulator.publicClientId}   (interactive sign-in; password of every account: demo)
  Confidential app  ${emulator.confidentialClient.clientId}
  Client secret     ${emulator.confidentialClient.clientSecret}
  CA certificate    ${emulator.caCertificateFile}

Trust the CA for other Node tools with:
  NODE_EXTRA_CA_CERTS=${emulator.caCertificateFile}

Press Ctrl+C to stop.`)

  let isStopping = false
  const stop = (): void => {
    if (isStopping) return
    isStopping = true
    console.log('\nStopping…')
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
