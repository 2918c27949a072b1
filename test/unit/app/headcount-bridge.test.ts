/**
 * The preload's bridge (src-preload/headcount-bridge.ts), tested here with the host side because
 * the two halves only mean something together: what ipc-dispatcher answers, the bridge unwraps.
 */
import { describe, expect, it } from 'vitest'
import { invokeApi, subscribeAll } from '../../../src-main/api/invoke-api'
import { createIpcDispatcher } from '../../../src-main/app/ipc-dispatcher'
import { CONTRACT, isAppErrorData, type PullProgress } from '../../../src-main/common'
import { createHeadcountBridge, unwrapEnvelope, type BridgeTransport } from '../../../src-preload/headcount-bridge'
import { createRecordingApi } from '../../helpers/recording-api'

const appFrame = { url: 'file:///opt/Headcount/out/renderer/index.html', isMainFrame: true }

/** Wires the bridge to the real dispatcher and event forwarding, with structured cloning in between as IPC does. */
function connect() {
  const api = createRecordingApi()
  const dispatch = createIpcDispatcher({
    location: { kind: 'file', url: appFrame.url },
    invoke: (channel, argument) => invokeApi(api, channel, argument),
    onUnexpectedError: () => undefined,
    onRejectedSender: () => undefined,
  })
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  subscribeAll(api, (channel, payload) => {
    for (const listener of listeners.get(channel) ?? []) listener(structuredClone(payload))
  })
  const sent: { channel: string; argument: unknown }[] = []
  const transport: BridgeTransport = {
    invoke: async (channel, argument) => {
      sent.push({ channel, argument })
      return structuredClone(await dispatch({ channel, frame: appFrame, argument: structuredClone(argument) }))
    },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set)
      set.add(listener)
      return () => set.delete(listener)
    },
  }
  return { api, bridge: createHeadcountBridge(transport), sent, listeners }
}

const progress: PullProgress = {
  profileId: 'demo',
  runId: 'run-1',
  phase: 'users',
  pages: 2,
  users: 200,
  groups: 0,
  totalUsers: 2500,
  rate: 150,
  etaSeconds: 15,
}

describe('window.headcount, built from the contract', () => {
  it('has every area, method and event of the contract and says it is the Electron host', () => {
    const { bridge } = connect()
    expect(bridge.host).toBe('electron')
    for (const [area, { methods, events }] of Object.entries(CONTRACT)) {
      const members = (bridge as unknown as Record<string, Record<string, unknown>>)[area]
      expect(Object.keys(members ?? {}).sort()).toEqual([...methods, ...events].sort())
      for (const name of [...methods, ...events]) expect(typeof members?.[name]).toBe('function')
    }
  })

  it('is frozen, so page scripts cannot swap a method', () => {
    const { bridge } = connect()
    expect(Object.isFrozen(bridge)).toBe(true)
    expect(Object.isFrozen(bridge.pull)).toBe(true)
  })

  it('calls area:method with the one argument and resolves with the result', async () => {
    const { bridge, sent } = connect()
    await expect(bridge.pull.start({ profileId: 'demo' })).resolves.toEqual({ runId: 'run-1' })
    expect(sent).toEqual([{ channel: 'pull:start', argument: { profileId: 'demo' } }])
  })

  it('sends only the first argument, whatever the caller passes', async () => {
    const { bridge, sent } = connect()
    const call = bridge.profiles.list as unknown as (...values: unknown[]) => Promise<unknown>
    await call({}, { type: 'click' })
    expect(sent).toEqual([{ channel: 'profiles:list', argument: {} }])
  })

  it('rejects with the AppError fields of a failure, as plain data', async () => {
    const { bridge } = connect()
    const failure: unknown = await bridge.directory.summary({ profileId: 'nobody' }).then(
      () => 'resolved',
      (reason: unknown) => reason,
    )
    expect(failure).toEqual({ name: 'AppError', code: 'NotFound', message: 'No such profile.', hint: 'Open the demo first.' })
    expect(isAppErrorData(failure)).toBe(true)
    // Plain data, because contextBridge would strip these fields from an Error.
    expect(Object.getPrototypeOf(failure)).toBe(Object.prototype)
  })

  it('rejects a bad argument with InvalidArgument from the main process', async () => {
    const { api, bridge } = connect()
    await expect(bridge.directory.queryUsers({ profileId: 'demo', offset: -1, limit: 10 })).rejects.toMatchObject({
      code: 'InvalidArgument',
    })
    expect(api.calls).toEqual([])
  })

  it('delivers events to subscribers until they unsubscribe', () => {
    const { api, bridge } = connect()
    const received: PullProgress[] = []
    const unsubscribe = bridge.pull.onDidProgress((payload) => received.push(payload))
    api.progress.emit(progress)
    unsubscribe()
    api.progress.emit({ ...progress, pages: 3 })
    expect(received).toEqual([progress])
  })

  it('passes the listener nothing but the payload', () => {
    const { api, bridge } = connect()
    const received: unknown[][] = []
    bridge.pull.onDidProgress((...values: unknown[]) => received.push(values))
    api.progress.emit(progress)
    expect(received).toEqual([[progress]])
  })

  it('refuses a subscription without a listener', () => {
    const { bridge } = connect()
    const subscribe = bridge.pull.onDidFinish as unknown as (listener: unknown) => unknown
    expect(() => subscribe('not a function')).toThrow(TypeError)
  })
})

describe('unwrapping an envelope', () => {
  it('returns the result of a success, even when it is undefined', () => {
    expect(unwrapEnvelope({ ok: true, result: [1, 2] })).toEqual([1, 2])
    expect(unwrapEnvelope({ ok: true, result: undefined })).toBeUndefined()
  })

  it('keeps only the known AppError fields of a failure', () => {
    const error = { code: 'TooManyRequests', message: 'Slow down.', status: 429, requestId: 'r-1', stack: 'secret' }
    const envelope = { ok: false, error }
    expect(() => unwrapEnvelope(envelope)).toThrow(
      expect.objectContaining({ code: 'TooManyRequests', message: 'Slow down.', status: 429, requestId: 'r-1' }),
    )
    try {
      unwrapEnvelope(envelope)
    } catch (reason) {
      expect(reason).not.toHaveProperty('stack')
    }
  })

  it.each([null, undefined, 'ok', { ok: true }, { ok: false }, { ok: 'yes', result: 1 }])(
    'turns a malformed answer (%j) into Internal',
    (envelope) => {
      expect(() => unwrapEnvelope(envelope)).toThrow(expect.objectContaining({ code: 'Internal' }))
    },
  )

  it('turns a failure with an unknown error code into Internal', () => {
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'Teapot', message: 'I am a teapot' } })).toThrow(
      expect.objectContaining({ code: 'Internal' }),
    )
  })
})
