import { describe, expect, it } from 'vitest'
import { invokeApi } from '../../../src-main/api/invoke-api'
import type { AppLocation } from '../../../src-main/app/app-location'
import { CONTRACT_METHOD_CHANNELS, createIpcDispatcher, type IpcCall } from '../../../src-main/app/ipc-dispatcher'
import { AppError, CONTRACT } from '../../../src-main/common'
import { createRecordingApi } from '../../helpers/recording-api'

const location: AppLocation = { kind: 'file', url: 'file:///opt/Headcount/out/renderer/index.html' }
const appFrame = { url: 'file:///opt/Headcount/out/renderer/index.html', isMainFrame: true }

function setUp(invoke?: (channel: string, argument: unknown) => Promise<unknown>) {
  const api = createRecordingApi()
  const unexpected: { error: unknown; channel: string }[] = []
  const rejected: IpcCall[] = []
  const dispatch = createIpcDispatcher({
    location,
    invoke: invoke ?? ((channel, argument) => invokeApi(api, channel, argument)),
    onUnexpectedError: (error, channel) => unexpected.push({ error, channel }),
    onRejectedSender: (call) => rejected.push(call),
  })
  return { api, dispatch, unexpected, rejected }
}

describe('the IPC channels', () => {
  it('are exactly the contract methods, as area:method', () => {
    const expected = Object.entries(CONTRACT).flatMap(([area, { methods }]) =>
      methods.map((method: string) => `${area}:${method}`),
    )
    expect(CONTRACT_METHOD_CHANNELS).toEqual(expected)
    expect(CONTRACT_METHOD_CHANNELS).toContain('directory:queryUsers')
    expect(CONTRACT_METHOD_CHANNELS.some((channel) => channel.includes(':onDid'))).toBe(false)
  })
})

describe('dispatching one IPC call', () => {
  it('answers a valid call from the app window with its result', async () => {
    const { api, dispatch } = setUp()
    const answer = await dispatch({ channel: 'pull:start', frame: appFrame, argument: { profileId: 'demo' } })
    expect(answer).toEqual({ ok: true, result: { runId: 'run-1' } })
    expect(api.calls).toEqual([{ channel: 'pull:start', argument: { profileId: 'demo' } }])
  })

  it('refuses a call from an untrusted frame without running it', async () => {
    const { api, dispatch, rejected } = setUp()
    const frame = { url: 'https://evil.example/', isMainFrame: true }
    const call = { channel: 'pull:start', frame, argument: { profileId: 'demo' } }
    const answer = await dispatch(call)
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'Forbidden' }) })
    expect(api.calls).toEqual([])
    expect(rejected).toEqual([call])
  })

  it('refuses a call whose frame has gone', async () => {
    const { api, dispatch } = setUp()
    const answer = await dispatch({ channel: 'app:info', frame: null, argument: {} })
    expect(answer.ok).toBe(false)
    expect(api.calls).toEqual([])
  })

  it('answers a bad argument with InvalidArgument and does not run the method', async () => {
    const { api, dispatch, unexpected } = setUp()
    const answer = await dispatch({ channel: 'pull:start', frame: appFrame, argument: { profileId: '../../etc' } })
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'InvalidArgument' }) })
    expect(api.calls).toEqual([])
    expect(unexpected).toEqual([])
  })

  it('answers an expected failure with all its fields', async () => {
    const { dispatch, unexpected } = setUp()
    const answer = await dispatch({ channel: 'directory:summary', frame: appFrame, argument: { profileId: 'nobody' } })
    expect(answer).toEqual({
      ok: false,
      error: { code: 'NotFound', message: 'No such profile.', hint: 'Open the demo first.' },
    })
    expect(unexpected).toEqual([])
  })

  it('hides an unexpected error behind Internal and reports it in full', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'rows') at /home/alice/headcount")
    const { dispatch, unexpected } = setUp(() => Promise.reject(bug))
    const answer = await dispatch({ channel: 'directory:summary', frame: appFrame, argument: { profileId: 'demo' } })
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'Internal' }) })
    expect(JSON.stringify(answer)).not.toContain('alice')
    expect(unexpected).toEqual([{ error: bug, channel: 'directory:summary' }])
  })

  it('treats a thrown AppError as expected, not as a bug', async () => {
    const { dispatch, unexpected } = setUp(() => Promise.reject(new AppError({ code: 'Busy', message: 'A pull is running.' })))
    const answer = await dispatch({ channel: 'pull:start', frame: appFrame, argument: { profileId: 'demo' } })
    expect(answer).toEqual({ ok: false, error: { code: 'Busy', message: 'A pull is running.' } })
    expect(unexpected).toEqual([])
  })

  it('produces answers that survive structured cloning unchanged', async () => {
    const { dispatch } = setUp()
    const answers = await Promise.all([
      dispatch({ channel: 'profiles:openDemo', frame: appFrame, argument: {} }),
      dispatch({ channel: 'directory:getUser', frame: appFrame, argument: { profileId: 'demo', userId: 'u1' } }),
    ])
    for (const answer of answers) expect(structuredClone(answer)).toEqual(answer)
  })
})
