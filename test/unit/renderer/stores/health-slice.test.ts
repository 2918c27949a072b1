import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src-main/common/errors'
import { createAppStore } from '../../../../src-renderer/stores/app-store'
import { DEMO_PROFILE, FakeHeadcountApi, healthReport, settle, tenantProfile } from '../fake-headcount-api'

const CARDWISE = '11111111-1111-1111-1111-111111111111'
const EXPENSO = '33333333-3333-3333-3333-333333333333'

async function setUp() {
  const fake = new FakeHeadcountApi()
  fake.profiles = [DEMO_PROFILE, tenantProfile('contoso', 'Contoso')]
  fake.enterpriseApps = [
    { appId: CARDWISE, displayName: 'Cardwise' },
    { appId: EXPENSO, displayName: 'Expenso' },
  ]
  const store = createAppStore({ api: fake.api, hostKind: 'electron', preferences: null })
  await store.getState().start()
  return { fake, store }
}

describe('the health report', () => {
  it('reads the report of the active profile', async () => {
    const { fake, store } = await setUp()
    fake.reports.set('demo', healthReport('demo', { worstLevel: 'warning14' }))
    await store.getState().refreshHealth()
    expect(fake.callsOf('health.report')).toEqual([{ profileId: 'demo' }])
    expect(store.getState().health).toMatchObject({ profileId: 'demo', report: { isBusy: false, result: { worstLevel: 'warning14' } } })
  })

  it('says what to do when no enterprise app is chosen yet', async () => {
    const { store } = await setUp()
    await store.getState().refreshHealth()
    expect(store.getState().health.report).toMatchObject({
      result: null,
      error: { code: 'NotFound', hint: 'Choose the application’s enterprise app.' },
    })
  })

  it('keeps the last report on screen while refreshing, and shows only the newest answer', async () => {
    const { fake, store } = await setUp()
    fake.reports.set('demo', healthReport('demo', { checkedAt: '2026-11-01T09:00:00Z' }))
    await store.getState().refreshHealth()
    fake.hold('health.report')
    const older = store.getState().refreshHealth()
    expect(store.getState().health.report).toMatchObject({ isBusy: true, result: { checkedAt: '2026-11-01T09:00:00Z' } })
    const newer = store.getState().refreshHealth()
    fake.reports.set('demo', healthReport('demo', { checkedAt: '2026-11-01T10:00:00Z' }))
    fake.releaseGates([1, 0])
    await Promise.all([older, newer])
    expect(store.getState().health.report).toMatchObject({ isBusy: false, result: { checkedAt: '2026-11-01T10:00:00Z' } })
  })

  it('drops a report of the previous profile after a switch', async () => {
    const { fake, store } = await setUp()
    fake.reports.set('demo', healthReport('demo'))
    fake.hold('health.report')
    const reading = store.getState().refreshHealth()
    store.getState().switchProfile('contoso')
    fake.releaseGates()
    await reading
    expect(store.getState().health).toMatchObject({ profileId: 'contoso', report: { result: null, isBusy: false } })
  })

  it('reports Graph refusing to read the apps, with main’s hint', async () => {
    const { fake, store } = await setUp()
    fake.failures['health.report'] = new AppError({
      code: 'Forbidden',
      message: 'Headcount may not read applications.',
      hint: 'Grant Application.Read.All.',
    })
    await store.getState().refreshHealth()
    expect(store.getState().health.report.error).toMatchObject({ code: 'Forbidden', hint: 'Grant Application.Read.All.' })
  })
})

describe('choosing the enterprise app', () => {
  it('lists the tenant’s apps, then shows the chosen one’s report', async () => {
    const { fake, store } = await setUp()
    await store.getState().loadEnterpriseApps()
    expect(store.getState().health.apps.result?.map((app) => app.displayName)).toEqual(['Cardwise', 'Expenso'])
    await store.getState().chooseEnterpriseApp(EXPENSO)
    expect(fake.callsOf('health.chooseEnterpriseApp')).toEqual([{ profileId: 'demo', appId: EXPENSO }])
    expect(store.getState().health.report.result?.enterpriseApp?.displayName).toBe('Expenso')
  })

  it('does not let an older report read replace the chosen app’s report', async () => {
    const { fake, store } = await setUp()
    fake.reports.set('demo', healthReport('demo'))
    fake.hold('health.report')
    fake.hold('health.chooseEnterpriseApp')
    const reading = store.getState().refreshHealth()
    const choosing = store.getState().chooseEnterpriseApp(EXPENSO)
    await settle()
    fake.releaseGates([1, 0]) // the choice answers first, the older read of Cardwise after it
    await Promise.all([reading, choosing])
    expect(store.getState().health.report.result?.enterpriseApp?.displayName).toBe('Expenso')
  })

  it('keeps the current report and says why when the choice is refused', async () => {
    const { fake, store } = await setUp()
    fake.reports.set('demo', healthReport('demo'))
    await store.getState().refreshHealth()
    fake.failures['health.chooseEnterpriseApp'] = new AppError({ code: 'NotFound', message: 'That app is gone.' })
    await store.getState().chooseEnterpriseApp(EXPENSO)
    expect(store.getState().health).toMatchObject({
      report: { result: { enterpriseApp: { displayName: 'Cardwise' } } },
      choice: { error: { code: 'NotFound' } },
    })
  })
})
