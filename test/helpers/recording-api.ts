/**
 * A HeadcountApi implemented in memory for host tests (bridge, IPC): records calls and lets the test
 * emit events. It implements the interface; it is not a module mock.
 */
import { AppError, type ConnectionStatus, type HeadcountApi, type Listener, type PullFinished, type PullProgress } from '../../src-main/common'
import { EventHub } from '../../src-main/api/event-hub'

export interface RecordingApi extends HeadcountApi {
  readonly calls: { channel: string; argument: unknown }[]
  readonly progress: EventHub<PullProgress>
}

function status(profileId: string): ConnectionStatus {
  return { profileId, state: 'notConfigured', settings: null, account: null, tenantName: null, lastError: null }
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
      create: async (argument) => {
        record('profiles:create', argument)
        return { id: 'new-1', name: argument.name, kind: 'tenant', tenantName: null, lastPullAt: null }
      },
      rename: async (argument) => {
        record('profiles:rename', argument)
        return { id: argument.profileId, name: argument.name, kind: 'tenant', tenantName: null, lastPullAt: null }
      },
      duplicate: async (argument) => {
        record('profiles:duplicate', argument)
        return { id: 'copy-1', name: argument.name, kind: 'tenant', tenantName: null, lastPullAt: null }
      },
      delete: async (argument) => {
        record('profiles:delete', argument)
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
    connection: {
      permissions: async (argument) => {
        record('connection:permissions', argument)
        return []
      },
      configure: async (argument) => {
        record('connection:configure', argument)
        return status(argument.profileId)
      },
      status: async (argument) => {
        record('connection:status', argument)
        return status(argument.profileId)
      },
      signIn: async (argument) => {
        record('connection:signIn', argument)
        return status(argument.profileId)
      },
      cancelSignIn: async (argument) => {
        record('connection:cancelSignIn', argument)
      },
      signOut: async (argument) => {
        record('connection:signOut', argument)
        return status(argument.profileId)
      },
      consentLink: async (argument) => {
        record('connection:consentLink', argument)
        return { url: 'https://login.example/consent', state: 'pending', checkedAt: null, detail: null }
      },
      checkConsent: async (argument) => {
        record('connection:checkConsent', argument)
        return { url: 'https://login.example/consent', state: 'pending', checkedAt: null, detail: null }
      },
      test: async (argument) => {
        record('connection:test', argument)
        return { isOk: true, steps: [], missingPermissions: [], tenantName: null, error: null }
      },
      onDidChange: () => () => undefined,
      onDidRequestBrowser: () => () => undefined,
    },
    health: {
      report: async (argument) => {
        record('health:report', argument)
        return { profileId: argument.profileId, checkedAt: '2026-11-23T00:00:00Z', enterpriseApp: null, credentials: [], worstLevel: 'ok' }
      },
      enterpriseApps: async (argument) => {
        record('health:enterpriseApps', argument)
        return []
      },
      chooseEnterpriseApp: async (argument) => {
        record('health:chooseEnterpriseApp', argument)
        return { profileId: argument.profileId, checkedAt: '2026-11-23T00:00:00Z', enterpriseApp: null, credentials: [], worstLevel: 'ok' }
      },
    },
    settings: {
      get: async (argument) => {
        record('settings:get', argument)
        return { dataDir: '/tmp/headcount', secretStorage: { backend: 'memory', isProtected: false, warning: 'Secrets are kept in memory only.' } }
      },
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
