/** Hands the store to components, and lets them read it through narrow selectors. */
import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { AppStore } from './app-store'
import type { AppState } from './app-state'

const AppStoreContext = createContext<AppStore | null>(null)

/** Makes a store available to everything below it. */
export function AppStoreProvider(props: { store: AppStore; children: ReactNode }): ReactNode {
  return <AppStoreContext.Provider value={props.store}>{props.children}</AppStoreContext.Provider>
}

/**
 * The store itself, for event handlers that must read the latest state at the moment they run
 * (document-level key handlers) rather than re-subscribe on every change.
 */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext)
  if (store === null) throw new Error('useAppStore used outside <AppStoreProvider>')
  return store
}

/**
 * Reads one value from the store and re-renders only when it changes. Selectors that build an
 * object or array must be wrapped in `useShallow`.
 */
export function useAppStore<Selected>(selector: (state: AppState) => Selected): Selected {
  return useStore(useAppStoreApi(), selector)
}
