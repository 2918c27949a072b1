/**
 * The layer rules of eslint.config.js (STYLE.md "Dependency rule"), checked on small probe sources
 * linted as if they lived at the given paths. Type-aware rules are switched off here: the probes are
 * not files of the TypeScript project, and the layer rules do not need types.
 */
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..', '..', '..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: [{ ...tseslint.configs.disableTypeChecked, files: ['**/*.{ts,tsx}'] }],
  })
})

/** The ids of the layer rules a source breaks at `filePath` (other rules are not the point here). */
async function layerViolations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {}\n`, { filePath: resolve(root, filePath) })
  const messages = result?.messages ?? []
  const fatal = messages.filter((message) => message.fatal)
  if (fatal.length > 0) throw new Error(`Probe did not parse: ${fatal.map((message) => message.message).join('; ')}`)
  return messages
    .map((message) => message.ruleId ?? '')
    .filter((ruleId) => ruleId === '@typescript-eslint/no-restricted-imports' || ruleId === 'no-restricted-syntax')
}

const IMPORT = '@typescript-eslint/no-restricted-imports'
const SYNTAX = 'no-restricted-syntax'

describe('the dependency rule common ← base ← domain ← services ← api ← app|bridge|cli', () => {
  it.each([
    ['src-main/common/probe.ts', "import { retry } from '../base/retry'"],
    ['src-main/base/probe.ts', "import { parse } from '../domain/expr/parser'"],
    ['src-main/domain/mapping/probe.ts', "import { GraphClientReader } from '../../services/graph/graph-client-reader'"],
    ['src-main/domain/expr/functions/probe.ts', "import { x } from '../../../api/headcount-api'"],
    ['src-main/services/graph/probe.ts', "import { createHeadcountApi } from '../../api/headcount-api'"],
    ['src-main/api/probe.ts', "import { bootstrap } from '../app/bootstrap'"],
    ['src-main/bridge/probe.ts', "import { attachIpcHost } from '../app/ipc-host'"],
    ['src-main/cli/probe.ts', "import { startBridge } from '../bridge/bridge-server'"],
    ['src-main/demo/probe.ts', "import { invokeApi } from '../api/invoke-api'"],
    ['src-main/services/probe.ts', "import { renderer } from '../../src-renderer/lib/api'"],
  ])('forbids %s: %s', async (filePath, code) => {
    expect(await layerViolations(filePath, code)).toEqual([IMPORT])
  })

  it.each([
    ['src-main/domain/mapping/probe.ts', "import type { UserRow } from '../../common'"],
    ['src-main/domain/mapping/probe.ts', "import { parse } from '../expr/parser'"],
    ['src-main/services/graph/probe.ts', "import { plan } from '../../domain/planner/plan'"],
    ['src-main/api/probe.ts', "import { openCache } from '../services/store/cache'"],
    ['src-main/app/probe.ts', "import { invokeApi } from '../api/invoke-api'"],
    ['src-main/bridge/probe.ts', "import { invokeApi } from '../api/invoke-api'"],
    ['src-main/common/probe.ts', "import { z } from 'zod'"],
  ])('allows %s: %s', async (filePath, code) => {
    expect(await layerViolations(filePath, code)).toEqual([])
  })
})

describe('the pure layers', () => {
  it.each([
    ["import { readFile } from 'node:fs/promises'"],
    ["import path from 'path'"],
    ["import Database from 'better-sqlite3'"],
    ["import { fetch } from 'undici'"],
  ])('keep the domain free of I/O: %s', async (code) => {
    expect(await layerViolations('src-main/domain/planner/probe.ts', code)).toEqual([IMPORT])
  })

  it('keep common free of Node', async () => {
    expect(await layerViolations('src-main/common/probe.ts', "import { tmpdir } from 'node:os'")).toEqual([IMPORT])
  })

  it.each(['Date.now()', 'new Date()', 'Math.random()', 'crypto.randomUUID()'])(
    'keep the domain deterministic: %s',
    async (expression) => {
      expect(await layerViolations('src-main/domain/planner/probe.ts', `export const value = ${expression}`)).toEqual([SYNTAX])
    },
  )

  it('let the domain build a date from a value', async () => {
    expect(await layerViolations('src-main/domain/planner/probe.ts', "export const value = new Date('2025-01-01')")).toEqual([])
  })
})

describe('electron and its IPC primitives', () => {
  it.each(['src-main/services/auth/probe.ts', 'src-main/api/probe.ts', 'src-main/bridge/probe.ts', 'src-renderer/probe.ts'])(
    'keep electron out of %s',
    async (filePath) => {
      expect(await layerViolations(filePath, "import { safeStorage } from 'electron'")).toEqual([IMPORT])
    },
  )

  it('let src-main/app use electron, but not ipcMain outside ipc-host.ts', async () => {
    expect(await layerViolations('src-main/app/probe.ts', "import { app } from 'electron'")).toEqual([])
    expect(await layerViolations('src-main/app/probe.ts', "import { ipcMain } from 'electron'")).toEqual([IMPORT])
    expect(await layerViolations('src-main/app/ipc-host.ts', "import { ipcMain } from 'electron'")).toEqual([])
  })

  it('catch IPC reached through a member instead of an import', async () => {
    const code = 'declare const contents: { ipc: { handle(channel: string): void } }\ncontents.ipc.handle("x")'
    expect(await layerViolations('src-main/app/main-window.ts', code)).toEqual([SYNTAX])
    expect(await layerViolations('src-main/app/ipc-host.ts', code)).toEqual([])
  })

  it('let only src-preload/index.ts touch ipcRenderer', async () => {
    const code = "import { contextBridge, ipcRenderer } from 'electron'"
    expect(await layerViolations('src-preload/headcount-bridge.ts', code)).toEqual([IMPORT])
    expect(await layerViolations('src-preload/index.ts', code)).toEqual([])
  })

  it('let tests import electron types but not electron itself', async () => {
    expect(await layerViolations('test/unit/app/probe.test.ts', "import type { App } from 'electron'")).toEqual([])
    expect(await layerViolations('test/unit/app/probe.test.ts', "import { app } from 'electron'")).toEqual([IMPORT])
  })
})

describe('the renderer and the preload', () => {
  it('let the preload use common at run time, and nothing else of main', async () => {
    expect(await layerViolations('src-preload/probe.ts', "import { CONTRACT } from '../src-main/common/contract'")).toEqual([])
    expect(await layerViolations('src-preload/probe.ts', "import { invokeApi } from '../src-main/api/invoke-api'")).toEqual([IMPORT])
    expect(await layerViolations('src-preload/probe.ts', "import { readFileSync } from 'node:fs'")).toEqual([IMPORT])
  })

  it('let the renderer import only types from common', async () => {
    const filePath = 'src-renderer/features/directory/probe.tsx'
    expect(await layerViolations(filePath, "import type { UserRow } from '../../../src-main/common'")).toEqual([])
    expect(await layerViolations(filePath, "import { type UserRow } from '../../../src-main/common'")).toEqual([])
    expect(await layerViolations(filePath, "import { USER_COLUMNS } from '../../../src-main/common'")).toEqual([IMPORT])
    expect(await layerViolations(filePath, "import type { X } from '../../../src-main/services/store/x'")).toEqual([IMPORT])
    expect(await layerViolations(filePath, "import { bridge } from '../../../src-preload/headcount-bridge'")).toEqual([IMPORT])
  })

  it('let the renderer api module build on the runtime contract', async () => {
    expect(await layerViolations('src-renderer/lib/api.ts', "import { CONTRACT } from '../../src-main/common'")).toEqual([])
  })
})

describe('the demo', () => {
  it.each(['src-main/services/pull/probe.ts', 'src-main/api/headcount-api.ts', 'src-main/domain/probe.ts'])(
    'stays out of the product path: %s',
    async (filePath) => {
      const depth = filePath.split('/').length - 3
      const code = `import { organisation } from '${'../'.repeat(depth + 1)}demo/organisation/organisation-types'`
      expect(await layerViolations(filePath, code)).toEqual([IMPORT])
    },
  )

  it.each(['src-main/api/compose-api.ts', 'src-main/app/probe.ts', 'src-main/bridge/probe.ts', 'src-main/cli/probe.ts'])(
    'is wired in by the composition root %s',
    async (filePath) => {
      const code = "import { organisation } from '../demo/organisation/organisation-types'"
      expect(await layerViolations(filePath, code)).toEqual([])
    },
  )
})
