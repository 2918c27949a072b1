/**
 * Runs a benchmark worker in its own Node process (with tsx), so its peak memory is its own and
 * not the emulator's or another case's. The worker reads its input as JSON from the
 * BENCH_WORKER_INPUT variable and writes its result as the last line of stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const WORKERS = new URL('./workers/', import.meta.url)

function spawnWorker(name: string, input: unknown): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(name, WORKERS))], {
    env: { ...process.env, BENCH_WORKER_INPUT: JSON.stringify(input) },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
}

/** Runs a worker to completion and returns the JSON it printed last. */
export function runWorker<Output>(name: string, input: unknown): Promise<Output> {
  const child = spawnWorker(name, input)
  child.stdin?.end()
  let stdout = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1)
      if (code !== 0 || last === undefined || last === '') reject(new Error(`${name} exited with ${code}`))
      else resolve(JSON.parse(last) as Output)
    })
  })
}

/** A long-lived worker (the emulator): resolves with its first JSON line; `stop()` ends it. */
export function startServiceWorker<Ready>(name: string, input: unknown): Promise<{ ready: Ready; stop: () => Promise<void> }> {
  const child = spawnWorker(name, input)
  let buffered = ''
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)))
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk
      const newline = buffered.indexOf('\n')
      if (newline === -1) return
      child.removeAllListeners('exit')
      const ready = JSON.parse(buffered.slice(0, newline)) as Ready
      const stop = () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done()
          child.once('exit', () => done())
          // Closing stdin asks the worker to close its server; it then exits on its own.
          child.stdin?.end()
        })
      resolve({ ready, stop })
    })
  })
}

/** Reads the worker's input (inside a worker). */
export function workerInput<Input>(): Input {
  const raw = process.env.BENCH_WORKER_INPUT
  if (raw === undefined) throw new Error('BENCH_WORKER_INPUT is not set: run this file through test/bench/run.ts')
  return JSON.parse(raw) as Input
}
