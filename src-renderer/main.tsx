/** Renderer entry: builds the store over the host's API and mounts the shell. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import type { PreferenceStorage } from './features/directory/column-preferences'
import { api, hostKind } from './lib/api'
import { createAppStore } from './stores/app-store'
import { AppStoreProvider } from './stores/app-store-context'
import './styles/tokens.css'
import './styles/base.css'
import './styles/controls.css'
import './styles/forms.css'
import './styles/shell.css'
import './features/connect/connect.css'
import './features/directory/directory.css'
import './features/health/health.css'
import './features/rules/rules.css'
import './features/settings/settings.css'
import './features/sync/sync.css'

/** localStorage, unless the browser denies it (then preferences last for the session only). */
function preferenceStorage(): PreferenceStorage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root element')

const store = createAppStore({ api, hostKind, preferences: preferenceStorage() })

createRoot(container).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
)
