#!/usr/bin/env node
// The `headcount` bin. Sources are TypeScript; tsx compiles them on the fly (a packaged app runs the
// bundled build under Electron as Node instead).
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('./run-cli.ts')
const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(130)
    controller.abort()
  })
}
const code = await runCli(process.argv.slice(2), {
  stdout: { write: (text) => process.stdout.write(text) },
  stderr: { write: (text) => process.stderr.write(text) },
  environment: process.env,
  signal: controller.signal,
})
// Writes to a pipe are asynchronous: exit only once stdout has flushed, or a large --json answer is cut short.
process.stdout.write('', () => process.exit(code))
