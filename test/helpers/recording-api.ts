/**
 * A HeadcountApi implemented in memory for host tests (bridge, IPC): records calls and lets the test
 * emit events. It implements the interface; it is not a module mock.
 */
import { AppError, type ConnectionStatus, type HeadcountApi, type Listener, type PullFinished, type PullProgress, type TargetStatus } from '../../src-main/common'
import { EventHub } from '../../src-main/api/event-hub'
import type { RulesState } from '../../src-main/common/rules'
import { defaultProfileRules } from '../../src-main/services/rules/default-profile-rules'

export interface RecordingApi extends HeadcountApi {
  readonly calls: { channel: string; argument: unknown }[]
  readonly progress: EventHub<PullProgress>
}

function rulesState(rules = defaultProfileRules('demo'), savedAt: string | null = null): RulesState {
  return { rules, savedAt, fingerprint: '0123456789ab' }
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
    rules: {
      get: async (argument) => {
        record('rules:get', argument)
        return rulesState()
      },
      validate: async (argument) => {
        record('rules:validate', argument)
        return []
      },
      save: async (argument) => {
        record('rules:save', argument)
        return rulesState(argument.rules, '2026-11-23T00:00:00.000Z')
      },
      reset: async (argument) => {
        record('rules:reset', argument)
        return rulesState()
      },
      exportFile: async (argument) => {
        record('rules:exportFile', argument)
        return { fileName: 'Demo-rules.json', text: '{}' }
      },
      importFile: async (argument) => {
        record('rules:importFile', argument)
        throw new AppError({ code: 'InvalidRules', message: 'This file is not a Headcount rules file.' })
      },
      catalogue: async (argument) => {
        record('rules:catalogue', argument)
        return { functions: [], sourceAttributes: [], targetAttributes: [], operators: [], groups: [] }
      },
      evaluateExpression: async (argument) => {
        record('rules:evaluateExpression', argument)
        return { tokens: [], diagnostics: [], user: null, sample: [] }
      },
      preview: async (argument) => {
        record('rules:preview', argument)
        return { totalUsers: 0, inScope: 0, outOfScope: 0, outOfScopeReasons: [], groups: [], ungrouped: 0, roles: [], missingMandatory: 0, problems: [], durationMs: 0 }
      },
      explainUser: async (argument) => {
        record('rules:explainUser', argument)
        throw new AppError({ code: 'NotFound', message: 'This user is not in the cached directory.' })
      },
    },
    target: {
      status: async (argument) => {
        record('target:status', argument)
        return targetStatus()
      },
      configure: async (argument) => {
        record('target:configure', argument)
        const { token, scimUrl, ...settings } = argument.settings
        return { ...targetStatus(), isConfigured: true, scimUrl, hasToken: token !== undefined, settings }
      },
      test: async (argument) => {
        record('target:test', argument)
        return { isOk: true, testedAt: '2026-11-23T00:00:00.000Z', problems: [], checks: [], features: null, customAttributes: [], resourceTypes: ['User', 'Group'], durationMs: 1 }
      },
      refresh: async (argument) => {
        record('target:refresh', argument)
        return targetStatus()
      },
      onDidProgress: () => () => undefined,
    },
    sync: {
      settings: async (argument) => {
        record('sync:settings', argument)
        return { mode: 'full', isPushEnabled: false, deletionThreshold: { count: 500, percent: 20 } }
      },
      configure: async (argument) => {
        record('sync:configure', argument)
        return argument.settings
      },
      plan: async (argument) => {
        record('sync:plan', argument)
        throw new AppError({ code: 'InvalidArgument', message: 'This profile has no target application yet.' })
      },
      queryPlan: async (argument) => {
        record('sync:queryPlan', argument)
        return { total: 0, offset: argument.offset, rows: [] }
      },
      setExcluded: async (argument) => {
        record('sync:setExcluded', argument)
        throw new AppError({ code: 'PlanOutdated', message: 'This plan is no longer the current one.' })
      },
      exportPlan: async (argument) => {
        record('sync:exportPlan', argument)
        return { fileName: `plan.${argument.format}`, text: '' }
      },
      push: async (argument) => {
        record('sync:push', argument)
        throw new AppError({ code: 'Forbidden', message: 'Pushing is not enabled for this profile.' })
      },
      cancel: async (argument) => {
        record('sync:cancel', argument)
      },
      status: async (argument) => {
        record('sync:status', argument)
        return null
      },
      provisionUser: async (argument) => {
        record('sync:provisionUser', argument)
        throw new AppError({ code: 'NotFound', message: 'This user is not in the cached directory.' })
      },
      runs: async (argument) => {
        record('sync:runs', argument)
        return []
      },
      runOperations: async (argument) => {
        record('sync:runOperations', argument)
        return { total: 0, offset: argument.offset, rows: [] }
      },
      exportRun: async (argument) => {
        record('sync:exportRun', argument)
        return { fileName: 'run.csv', text: '' }
      },
      onDidProgress: () => () => undefined,
      onDidFinish: () => () => undefined,
    },
  }
}

function targetStatus(): TargetStatus {
  return {
    isConfigured: false,
    scimUrl: null,
    hasToken: false,
    settings: { ratePerSecond: 25, concurrency: 4, compatibility: 'strict', isSoftDeleteSupported: true, hardDeleteAfterDays: 30 },
    lastTest: null,
    snapshot: null,
  }
}
