import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/common'
import { invokeApi, invokeApiEnveloped, parseChannel, subscribeAll } from '../../../src-main/api/invoke-api'
import { createRecordingApi } from '../../helpers/recording-api'

describe('invokeApi', () => {
  it('splits a channel into a contract area and method', () => {
    expect(parseChannel('directory:getUser')).toEqual({ area: 'directory', method: 'getUser' })
    for (const bad of ['directory', ':getUser', 'directory:', 'nope:list', 'pull:onDidProgress', '__proto__:x', 'directory:constructor']) {
      expect(() => parseChannel(bad)).toThrow(AppError)
    }
  })

  it('passes the validated argument through', async () => {
    const api = createRecordingApi()
    await invokeApi(api, 'pull:start', { profileId: 'demo' })
    expect(api.calls).toEqual([{ channel: 'pull:start', argument: { profileId: 'demo' } }])
  })

  it.each([
    ['pull:start', {}],
    ['pull:start', { profileId: 'demo', extra: 1 }],
    ['pull:start', { profileId: 'a/b' }],
    ['directory:queryUsers', { profileId: 'demo', offset: 0, limit: 5000 }],
    ['directory:queryUsers', { profileId: 'demo', offset: 0, limit: 5, sortBy: 'password' }],
    ['app:info', null],
  ])('refuses %s with %j as InvalidArgument', async (channel, argument) => {
    const api = createRecordingApi()
    const envelope = await invokeApiEnveloped(api, channel, argument)
    expect(envelope.ok).toBe(false)
    if (!envelope.ok) expect(envelope.error.code).toBe('InvalidArgument')
    expect(api.calls).toEqual([])
  })

  it('forwards every contract event under its channel name', () => {
    const api = createRecordingApi()
    const seen: string[] = []
    const unsubscribe = subscribeAll(api, (channel) => seen.push(channel))
    api.progress.emit({ profileId: 'demo', runId: 'r', phase: 'users', pages: 1, users: 1, groups: 0, totalUsers: null, rate: 0, etaSeconds: null })
    unsubscribe()
    api.progress.emit({ profileId: 'demo', runId: 'r', phase: 'users', pages: 2, users: 2, groups: 0, totalUsers: null, rate: 0, etaSeconds: null })
    expect(seen).toEqual(['pull:onDidProgress'])
  })
})
