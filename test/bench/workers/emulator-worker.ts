/**
 * Serves the Graph + sign-in emulator for a benchmark from its own process, so the process that
 * is measured does not also generate and serve the organisation. Prints one JSON line when ready;
 * closes when stdin ends.
 */
import { startEmulator } from '../../../src-main/demo/emulator/start-emulator'
import { generateOrganisation } from '../../../src-main/demo/organisation/generate-organisation'
import { workerInput } from '../worker-process'

export interface EmulatorWorkerInput {
  readonly users: number
}

export interface EmulatorWorkerReady {
  readonly graphBaseUrl: string
  readonly authorityHost: string
  readonly tenantId: string
  readonly caCertificatePem: string
  readonly clientId: string
  readonly clientSecret: string
  readonly userCount: number
  readonly groupCount: number
  readonly membershipCount: number
  readonly generationMs: number
  readonly startMs: number
}

const input = workerInput<EmulatorWorkerInput>()
const generationStarted = performance.now()
const organisation = generateOrganisation({ users: input.users })
const generationMs = performance.now() - generationStarted
const startStarted = performance.now()
const emulator = await startEmulator({ organisation })
const ready: EmulatorWorkerReady = {
  graphBaseUrl: emulator.graphBaseUrl,
  authorityHost: emulator.authorityHost,
  tenantId: emulator.tenantId,
  caCertificatePem: emulator.caCertificatePem,
  clientId: emulator.confidentialClient.clientId,
  clientSecret: emulator.confidentialClient.clientSecret,
  userCount: organisation.users.length,
  groupCount: organisation.groups.length,
  membershipCount: organisation.memberships.length,
  generationMs,
  startMs: performance.now() - startStarted,
}
process.stdout.write(`${JSON.stringify(ready)}\n`)
process.stdin.resume()
process.stdin.on('end', () => {
  void emulator.close().then(() => process.exit(0))
})
