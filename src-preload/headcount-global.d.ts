/**
 * `window.headcount`, as the preload exposes it. Declared here, next to the code that creates it;
 * the renderer's api module is the only reader (STYLE.md layout).
 */
import type { HeadcountBridge } from './headcount-bridge'

declare global {
  interface Window {
    /**
     * Present in the Electron host only; in the browser host the renderer talks to the bridge.
     * (src-renderer/lib/api.ts repeats this declaration; TypeScript accepts it while both agree.)
     */
    headcount?: HeadcountBridge
  }
}

export {}
