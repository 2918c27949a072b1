/**
 * A HeadcountApi implemented in memory for host tests (bridge, IPC): records calls and lets the test
 * emit events. It implements the interface; it is not a module mock.
 */
import { AppError, type HeadcountApi, type Listener, type PullFinished, type PullProgress } from '../../src-main/common'
import { EventHub } from '../../src-main/api/event-hub'

export interface RecordingApi extends HeadcountApi {
  readonly calls: { channel: string; argument: unknown }[]
  readonly progress: EventHub<PullProgress>
}

export function createRecordingApi(): RecordingApi {
  const calls: { channel: string; argument: unknown }[] = []
  const progress = new EventHub<PullProgress>()
  const finished = new EventHub<PullFinished>()
  const record = (channel: string, argument: unknown): void => {
    calls.push({ channel, argument })
  }
  return {
    calls,
    progress,
    app: {
      info: async (argument) => {
        record('app:info', argument)
        return { name: 'Headcount', version: '0.0.0-test', host: 'browser' }
      },
    },
    profiles: {
      list: async (argument) => {
        record('profiles:list', argument)
        return []
      },
      openDemo: async (argument) => {
        record('profiles:openDemo', argument)
        return { id: 'demo', name: 'Demo', kind: 'demo', tenantName: null, lastPullAt: null }
      },
      onDidChange: (_listener: Listener<never>) => () => undefined,
    },
    pull: {
      start: async (argument) => {
        record('pull:start', argument)
        return { runId: 'run-1' }
      },
      cancel: async (argument) => {
        record('pull:cancel', argument)
      },
      status: async (argument) => {
        record('pull:status', argument)
        return { running: false, progress: null, lastFinished: null }
      },
      onDidProgress: (listener) => progress.on(listener),
      onDidFinish: (listener) => finished.on(listener),
    },
    directory: {
      summary: async (argument) => {
        record('directory:summary', argument)
        throw new AppError({ code: 'NotFound', message: 'No such profile.', hint: 'Open the demo first.' })
      },
      queryUsers: async (argument) => {
        record('directory:queryUsers', argument)
        return { total: 0, offset: argument.offset, rows: [] }
      },
      getUser: async (argument) => {
        record('directory:getUser', argument)
        throw new AppError({ code: 'NotFound', message: 'No such user.' })
      },
    },
  }
}
