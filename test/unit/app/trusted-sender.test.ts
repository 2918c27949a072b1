import { describe, expect, it } from 'vitest'
import type { AppLocation } from '../../../src-main/app/app-location'
import { isTrustedSender } from '../../../src-main/app/trusted-sender'

const packaged: AppLocation = { kind: 'file', url: 'file:///opt/Headcount/out/renderer/index.html' }
const development: AppLocation = { kind: 'development', url: 'http://localhost:5173/', origin: 'http://localhost:5173' }

describe('who may call the API over IPC', () => {
  it('trusts the main frame of the packaged page', () => {
    const frame = { url: 'file:///opt/Headcount/out/renderer/index.html#/mapping', isMainFrame: true }
    expect(isTrustedSender(frame, packaged)).toBe(true)
  })

  it('trusts the main frame of the dev server page while developing', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, development)).toBe(true)
  })

  it('refuses a sub-frame, even one showing the app', () => {
    const frame = { url: 'file:///opt/Headcount/out/renderer/index.html', isMainFrame: false }
    expect(isTrustedSender(frame, packaged)).toBe(false)
  })

  it('refuses a main frame that shows another page', () => {
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, packaged)).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', isMainFrame: true }, packaged)).toBe(false)
  })

  it('refuses the dev origin once the app is packaged', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, packaged)).toBe(false)
  })

  it('refuses a frame that has gone since it sent the message', () => {
    expect(isTrustedSender(null, packaged)).toBe(false)
  })
})
