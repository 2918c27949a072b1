/**
 * `npm run bench [-- --json] [-- --only <id>[,<id>…]]`
 *
 * Runs the registered benchmarks and prints their figures: a readable table by default, or one JSON
 * object per line (`{"id","metric","value","unit","baseline","ratio"}`) with `--json`. Benchmarks
 * report; they never fail on time. Add a case by writing it under cases/ and listing it below.
 */
import type { BenchCase, BenchFigure } from './bench-case'
import { directoryQuery100k } from './cases/directory-query-100k'
import { delta100k } from './cases/delta-100k'
import { plan100k } from './cases/plan-100k'
import { pull100k } from './cases/pull-100k'
import { pushThroughput } from './cases/push-throughput'
import { rules100k } from './cases/rules-100k'

const CASES: readonly BenchCase[] = [pull100k, delta100k, directoryQuery100k, rules100k, plan100k, pushThroughput]

interface Arguments {
  readonly isJson: boolean
  readonly only: ReadonlySet<string> | null
}

function parseArguments(argv: readonly string[]): Arguments {
  let isJson = false
  let only: Set<string> | null = null
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!
    if (argument === '--json') isJson = true
    else if (argument === '--only' || argument.startsWith('--only=')) {
      const value = argument === '--only' ? argv[(index += 1)] : argument.slice('--only='.length)
      if (value === undefined || value === '') throw new Error('--only needs a benchmark id')
      only = new Set([...(only ?? []), ...value.split(',')])
    } else if (argument === '--help') {
      console.log(`Benchmarks: ${CASES.map((bench) => `\n  ${bench.id}: ${bench.description}`).join('')}`)
      process.exit(0)
    } else throw new Error(`Unknown argument ${argument}; try --help`)
  }
  return { isJson, only }
}

function formatFigure(figure: BenchFigure): string {
  const baseline = figure.baseline === null ? '' : `  (baseline ${figure.baseline} ${figure.unit}, ratio ${figure.ratio})`
  return `  ${figure.metric.padEnd(34)} ${String(figure.value).padStart(12)} ${figure.unit}${baseline}`
}

async function main(): Promise<void> {
  const { isJson, only } = parseArguments(process.argv.slice(2))
  const unknown = only === null ? [] : [...only].filter((id) => !CASES.some((bench) => bench.id === id))
  if (unknown.length > 0) throw new Error(`No benchmark named ${unknown.join(', ')}; try --help`)
  const selected = CASES.filter((bench) => only === null || only.has(bench.id))
  // Progress lines go to stderr so `--json` output stays one object per line on stdout.
  const log = (line: string) => console.error(`[bench] ${line}`)
  for (const bench of selected) {
    log(`${bench.id}: ${bench.description}`)
    const outcome = await bench.run(log)
    if (isJson) {
      for (const figure of outcome.figures) console.log(JSON.stringify(figure))
      continue
    }
    console.log(`\n${bench.id} — ${bench.description}`)
    for (const note of outcome.notes) console.log(`  ${note}`)
    for (const figure of outcome.figures) console.log(formatFigure(figure))
    for (const target of outcome.targets) console.log(`  target: ${target.description}: ${target.isMet ? 'met' : 'NOT met'}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
