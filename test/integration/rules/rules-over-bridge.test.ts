/**
 * The rules area end to end: the real composition root (SQLite cache, the demo's Graph emulator over
 * HTTPS, the pull) behind the real browser bridge, called over its WebSocket as the renderer calls it.
 * Also proves that a saved rule on a property the default pull does not read makes the next pull
 * `$select` it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { composeHeadcountApi } from '../../../src-main/api/compose-api'
import type { HeadcountApiHandle } from '../../../src-main/api/headcount-api'
import { startBridge, type RunningBridge } from '../../../src-main/bridge/bridge-server'
import { BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX } from '../../../src-main/common'
import type { ProfileRules, RulesPreview, RulesState } from '../../../src-main/common/rules'
import type { PullStatus } from '../../../src-main/common/profiles'
import { PullStateStore } from '../../../src-main/services/store/pull-state-store'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'

const DEMO_USERS = 150
const COST_CENTRE = 'extension_0123456789abcdef0123456789abcdef_costCentre'

let dataDir: string
let staticRoot: string
let handle: HeadcountApiHandle
let bridge: RunningBridge
let socket: WebSocket
let nextId = 1

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'headcount-rules-'))
  staticRoot = mkdtempSync(join(tmpdir(), 'headcount-rules-static-'))
  mkdirSync(join(staticRoot, 'assets'))
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Headcount</title>')
  handle = await composeHeadcountApi({ dataDir, host: 'browser', demoUsers: DEMO_USERS })
  bridge = await startBridge({ api: handle.api, staticRoot })
  socket = await new Promise<WebSocket>((resolve, reject) => {
    const opened = new WebSocket(`ws://127.0.0.1:${bridge.port}/api`, [BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX + bridge.token], { headers: { Origin: bridge.origin } })
    opened.once('open', () => resolve(opened))
    opened.once('error', reject)
  })
}, 60_000)

afterAll(async () => {
  socket?.close()
  await bridge?.close()
  await handle?.dispose()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(staticRoot, { recursive: true, force: true })
})

/** One call over the socket; events that arrive meanwhile are skipped. Rejects with the AppError data. */
function call<T>(channel: string, argument: unknown): Promise<T> {
  const id = nextId++
  return new Promise<T>((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as { type: string; id?: number; ok?: boolean; result?: unknown; error?: unknown }
      if (message.type !== 'result' || message.id !== id) return
      socket.off('message', onMessage)
      if (message.ok) resolve(message.result as T)
      else reject(Object.assign(new Error('call failed'), { data: message.error }))
    }
    socket.on('message', onMessage)
    socket.send(JSON.stringify({ type: 'call', id, channel, argument }))
  })
}

async function pullAndWait(): Promise<void> {
  const { runId } = await call<{ runId: string }>('pull:start', { profileId: 'demo' })
  for (;;) {
    const status = await call<PullStatus>('pull:status', { profileId: 'demo' })
    if (!status.running && status.lastFinished?.runId === runId) {
      expect(status.lastFinished.error ?? null).toBeNull()
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** What the cache says about the users pull: the `$select` it used and whether a document has `name`. */
function cachedPull(property: string): { select: readonly string[]; documentsWithProperty: number } {
  const database = openProfileDatabase(dataDir, 'demo')
  try {
    const select = new PullStateStore(database, () => new Date()).read('users')?.select ?? []
    const { count } = database.connection.prepare('SELECT COUNT(*) AS count FROM user_documents d JOIN users u ON u.document_id = d.id WHERE json_type(d.graph_json, ?) IS NOT NULL').get(`$.${property}`) as { count: number }
    return { select, documentsWithProperty: count }
  } finally {
    database.close()
  }
}

describe('rules over the browser bridge', () => {
  it('gets the demo defaults, saves edited rules, previews them, and pulls what they need', async () => {
    await call('profiles:openDemo', {})
    await pullAndWait()
    expect(cachedPull('faxNumber')).toMatchObject({ documentsWithProperty: 0 })

    const initial = await call<RulesState>('rules:get', { profileId: 'demo' })
    expect(initial.savedAt).toBeNull()
    expect(initial.rules.scope.mode).toBe('allUsers')

    const defaults = await call<RulesPreview>('rules:preview', { profileId: 'demo', rules: initial.rules })
    expect(defaults).toMatchObject({ totalUsers: DEMO_USERS, inScope: DEMO_USERS, groups: [{ name: 'All users', size: DEMO_USERS }] })

    // Only enabled accounts, grouped by department; the second filter needs properties the default
    // pull does not select.
    const edited: ProfileRules = {
      ...initial.rules,
      scope: {
        mode: 'allUsers',
        filters: [
          { name: 'Enabled', clauses: [{ attribute: 'accountEnabled', operator: 'IS TRUE' }] },
          { name: 'Faxers', clauses: [{ attribute: 'faxNumber', operator: 'IS NOT NULL' }, { attribute: 'otherMails', operator: 'IS NOT NULL' }] },
        ],
      },
      grouping: { kind: 'byFields', fields: ['department'] },
    }
    const saved = await call<RulesState>('rules:save', { profileId: 'demo', rules: edited })
    expect(saved.savedAt).not.toBeNull()
    expect(saved.fingerprint).not.toBe(initial.fingerprint)
    expect((await call<RulesState>('rules:get', { profileId: 'demo' })).rules).toEqual(edited)

    const preview = await call<RulesPreview>('rules:preview', { profileId: 'demo', rules: edited })
    expect(preview.totalUsers).toBe(DEMO_USERS)
    expect(preview.inScope + preview.outOfScope).toBe(DEMO_USERS)
    expect(preview.groups.reduce((sum, group) => sum + group.size, 0) + preview.ungrouped).toBe(preview.inScope)
    expect(preview.groups.length).toBeGreaterThan(1)

    await pullAndWait()
    const after = cachedPull('faxNumber')
    expect(after.select).toEqual(expect.arrayContaining(['faxNumber', 'otherMails', 'employeeType', 'onPremisesExtensionAttributes']))
    // The emulator answers a selected property for every user (null when empty), as Graph does.
    expect(after.documentsWithProperty).toBe(DEMO_USERS)
  }, 120_000)

  it('asks for a directory extension a rule names; Graph refuses one the tenant lacks, and the rules say so first', async () => {
    const { rules } = await call<RulesState>('rules:get', { profileId: 'demo' })
    const withExtension: ProfileRules = { ...rules, grouping: { kind: 'byFields', fields: [COST_CENTRE] } }
    const problems = await call<{ code: string }[]>('rules:validate', { profileId: 'demo', rules: withExtension })
    expect(problems.map((problem) => problem.code)).toContain('ExtensionNotPulled')
    await call('rules:save', { profileId: 'demo', rules: withExtension })

    const { runId } = await call<{ runId: string }>('pull:start', { profileId: 'demo' })
    let status = await call<PullStatus>('pull:status', { profileId: 'demo' })
    while (status.running || status.lastFinished?.runId !== runId) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      status = await call<PullStatus>('pull:status', { profileId: 'demo' })
    }
    // The emulator knows no extension properties, so, like Graph, it refuses the $select naming one.
    expect(status.lastFinished?.error).toMatchObject({ code: 'RemoteError', status: 400, message: expect.stringContaining(COST_CENTRE) as string })

    await call('rules:reset', { profileId: 'demo' })
    await pullAndWait()
  }, 120_000)

  it('refuses rules with errors over the socket with InvalidRules', async () => {
    const { rules } = await call<RulesState>('rules:get', { profileId: 'demo' })
    const broken = { ...rules, roles: { ...rules.roles, managerRule: { isEnabled: true, approverRole: ' ' } } }
    const error = await call('rules:save', { profileId: 'demo', rules: broken }).then(() => null, (reason: { data: { code: string; message: string } }) => reason.data)
    expect(error).toMatchObject({ code: 'InvalidRules', message: expect.stringContaining('The first: The manager rule is on but its approver role has no name.') as string })
  })
})
