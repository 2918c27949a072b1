/**
 * The run lock's owner ids and its refusal: who holds a run, whether that process is still there,
 * and the words an admin reads when a push is refused.
 */
import { spawnSync } from 'node:child_process'
import { hostname } from 'node:os'
import { describe, expect, it } from 'vitest'
import { createRunOwner, isOwnerProcessGone, runBusyError, type RunHolder } from '../../../../src-main/services/sync/run-lock'

function holder(owner: string, startedAt = '2026-11-23T14:02:00.000Z'): RunHolder {
  return { runId: 'run-1', owner, startedAt, startedBy: 'ada', heartbeatAt: startedAt }
}

describe('createRunOwner', () => {
  it('names the host kind, this process, a random part and the machine', () => {
    const owner = createRunOwner('cli')
    expect(owner).toMatch(new RegExp(`^cli:${process.pid}:[0-9a-f]{4}@`))
    expect(owner.endsWith(`@${hostname()}`)).toBe(true)
    expect(createRunOwner('cli')).not.toBe(owner)
  })
})

describe('isOwnerProcessGone', () => {
  it('is false for a process that is running', () => {
    expect(isOwnerProcessGone(createRunOwner('app'))).toBe(false)
  })

  it('is true for a process of this machine that has exited', () => {
    const exited = spawnSync(process.execPath, ['-e', '0'])
    expect(exited.status).toBe(0)
    expect(isOwnerProcessGone(`cli:${exited.pid}:ab12@${hostname()}`)).toBe(true)
  })

  it('is false when it cannot know: another machine, or no process id', () => {
    const exited = spawnSync(process.execPath, ['-e', '0'])
    expect(isOwnerProcessGone(`cli:${exited.pid}:ab12@not-${hostname()}`)).toBe(false)
    expect(isOwnerProcessGone(`cli:${exited.pid}:ab12`)).toBe(false)
    expect(isOwnerProcessGone(`cli:x:ab12@${hostname()}`)).toBe(false)
  })
})

describe('runBusyError', () => {
  it('says Busy, who pushes since when (local time), and what to do', () => {
    const startedAt = new Date('2026-11-23T14:02:00.000Z')
    const clock = `${String(startedAt.getHours()).padStart(2, '0')}:${String(startedAt.getMinutes()).padStart(2, '0')}`
    const error = runBusyError(holder('browser:4321:ab12@laptop'))
    expect(error.code).toBe('Busy')
    expect(error.message).toBe(`Another Headcount window or a scheduled \`headcount push\` is pushing this profile right now (started ${clock} by ada in the browser host, process 4321).`)
    expect(error.hint).toBe('Wait for it to finish, or cancel it there.')
  })

  it('keeps an unknown host kind and an unreadable start as they are', () => {
    expect(runBusyError(holder('scheduler', 'yesterday')).message).toContain('(started yesterday by ada in scheduler).')
  })
})
