import { describe, expect, it } from 'vitest'
import { isAppUrl, resolveAppLocation, type AppLocation } from '../../../src-main/app/app-location'

const indexFilePath = '/opt/Headcount/resources/app/out/renderer/index.html'

describe('where the renderer is loaded from', () => {
  it('loads the built index file when no dev server is given', () => {
    const location = resolveAppLocation({ isPackaged: false, developmentUrl: undefined, indexFilePath })
    expect(location).toEqual({ kind: 'file', url: 'file:///opt/Headcount/resources/app/out/renderer/index.html' })
  })

  it('uses the dev server electron-vite announces while developing', () => {
    const location = resolveAppLocation({ isPackaged: false, developmentUrl: 'http://localhost:5173/', indexFilePath })
    expect(location).toEqual({ kind: 'development', url: 'http://localhost:5173/', origin: 'http://localhost:5173' })
  })

  it('ignores a dev server URL in a packaged app', () => {
    const location = resolveAppLocation({ isPackaged: true, developmentUrl: 'http://localhost:5173/', indexFilePath })
    expect(location.kind).toBe('file')
  })

  it.each(['https://evil.example/', 'http://192.168.1.20:5173/', 'file:///tmp/index.html', 'not a url'])(
    'never loads %s as a dev server',
    (developmentUrl) => {
      const location = resolveAppLocation({ isPackaged: false, developmentUrl, indexFilePath })
      expect(location.kind).toBe('file')
    },
  )

  it('escapes unusual characters in the index path', () => {
    const location = resolveAppLocation({
      isPackaged: true,
      developmentUrl: undefined,
      indexFilePath: '/Users/Zoë Smith/Head count/out/renderer/index.html',
    })
    expect(location.url).toBe('file:///Users/Zo%C3%AB%20Smith/Head%20count/out/renderer/index.html')
    expect(isAppUrl(location.url, location)).toBe(true)
  })
})

describe('which URLs are the app itself', () => {
  const file: AppLocation = { kind: 'file', url: 'file:///opt/Headcount/out/renderer/index.html' }
  const development: AppLocation = {
    kind: 'development',
    url: 'http://localhost:5173/',
    origin: 'http://localhost:5173',
  }

  it.each([
    [file, 'file:///opt/Headcount/out/renderer/index.html'],
    [file, 'file:///opt/Headcount/out/renderer/index.html#/directory'],
    [file, 'file:///opt/Headcount/out/renderer/index.html?profile=demo'],
    [development, 'http://localhost:5173/'],
    [development, 'http://localhost:5173/src/main.tsx'],
  ])('%# accepts %s', (location, url) => {
    expect(isAppUrl(url, location)).toBe(true)
  })

  it.each([
    [file, 'file:///opt/Headcount/out/renderer/other.html'],
    [file, 'file:///etc/passwd'],
    [file, 'file://fileserver/opt/Headcount/out/renderer/index.html'],
    [file, 'https://login.microsoftonline.com/'],
    [file, 'about:blank'],
    [development, 'http://localhost:5174/'],
    [development, 'http://127.0.0.1:5173/'],
    [development, 'https://localhost:5173/'],
    [development, 'garbage'],
  ])('%# refuses %s', (location, url) => {
    expect(isAppUrl(url, location)).toBe(false)
  })
})
