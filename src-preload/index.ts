/**
 * The preload: contextBridge only. Exposes `window.headcount` built from the contract; the page never
 * sees `ipcRenderer`, an event object or a generic `send(channel)` (Electron security checklist,
 * item 20). The only file that touches `ipcRenderer`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createHeadcountBridge } from './headcount-bridge'

const bridge = createHeadcountBridge({
  invoke: (channel, argument): Promise<unknown> => ipcRenderer.invoke(channel, argument) as Promise<unknown>,
  subscribe: (channel, listener) => {
    // The IPC event (which carries `sender`, i.e. ipcRenderer) stays here; only the payload goes on.
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, handler)
    return () => {
      ipcRenderer.removeListener(channel, handler)
    }
  },
})

contextBridge.exposeInMainWorld('headcount', bridge)
