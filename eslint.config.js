// @ts-check
/**
 * Lint: typescript-eslint's type-checked recommended rules, plus the layer rules of STYLE.md enforced
 * mechanically (as VS Code, GitHub Desktop and Heroic do), not by review:
 *
 *   common ← base ← domain ← services ← api ← app | bridge | cli      (demo: a side branch on services)
 *
 * - `common` and `domain` import no Node built-ins; `domain` no I/O package and no clock or randomness.
 * - The renderer and the preload import only `src-main/common`; the renderer only its types, except
 *   its one api module, which derives the browser client from the runtime CONTRACT.
 * - `electron` only in src-main/app and src-preload; `ipcMain`/`webContents.ipc` only in
 *   src-main/app/ipc-host.ts, `ipcRenderer` only in src-preload/index.ts.
 * - `demo/` only from the composition roots (app, bridge, cli, api/compose-api.ts).
 *
 * Imports are relative and extension-less (tsconfig: moduleResolution Bundler), so a layer is
 * recognised in a specifier as `../…/<layer>/`: climbing out of one's own folder into a sibling
 * named after a layer. Each file gets exactly one generated `no-restricted-imports` option set,
 * because ESLint replaces (does not merge) a rule's options when several config objects match.
 */
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

/** @typedef {{ name: string, importNames?: string[], message: string, allowTypeImports?: boolean }} RestrictedPath */
/** @typedef {{ regex: string, message: string, allowTypeImports?: boolean, caseSensitive?: boolean }} RestrictedPattern */
/** @typedef {{ paths: RestrictedPath[], patterns: RestrictedPattern[] }} Restrictions */

const LAYERS = ['common', 'base', 'domain', 'services', 'api', 'app', 'bridge', 'cli', 'demo']

/** What each src-main layer may import besides itself (STYLE.md "Dependency rule"). */
const ALLOWED_LAYERS = {
  common: [],
  base: ['common'],
  domain: ['common', 'base'],
  services: ['common', 'base', 'domain'],
  api: ['common', 'base', 'domain', 'services'],
  app: ['common', 'base', 'domain', 'services', 'api', 'demo'],
  bridge: ['common', 'base', 'domain', 'services', 'api', 'demo'],
  cli: ['common', 'base', 'domain', 'services', 'api', 'demo'],
  demo: ['common', 'base', 'domain', 'services'],
}

/** Packages that do I/O: never in the functional core. */
const IO_PACKAGES = [
  'better-sqlite3',
  'undici',
  'express',
  'ws',
  '@azure/msal-node',
  '@microsoft/microsoft-graph-client',
  'scimmy',
  'scimmy-routers',
]

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'))

/** @param {string} regex @param {string} message @returns {RestrictedPattern} */
const pattern = (regex, message) => ({ regex, message, caseSensitive: true })

/** A specifier that climbs out of its folder into the sibling layer folder `layer`. */
const layerRegex = (/** @type {string} */ layer) => `^(\\.\\./)+${layer}(/|$)`

const noElectron = pattern(
  '^electron(/|$)',
  "Only src-main/app and src-preload import 'electron' (its binary downloads on first require).",
)
const noNodeBuiltins = [
  pattern('^node:', 'No Node built-ins here: this layer must run anywhere (STYLE.md).'),
  ...NODE_BUILTINS.map((name) =>
    pattern(`^${name.replace('/', '\\/')}(/|$)`, 'No Node built-ins here: this layer must run anywhere (STYLE.md).'),
  ),
]
const noIoPackages = IO_PACKAGES.map((name) =>
  pattern(`^${name.replace('/', '\\/')}(/|$)`, 'The functional core does no I/O: take a port (interface) instead.'),
)
const noOtherSourceRoots = [
  pattern('(^|/)src-preload(/|$)', 'The preload is built on its own; share code through src-main/common.'),
  pattern('(^|/)src-renderer(/|$)', 'The main process never imports the renderer.'),
]

/** @param {keyof typeof ALLOWED_LAYERS} layer @returns {RestrictedPattern[]} */
function layerPatterns(layer) {
  const allowed = new Set([layer, ...ALLOWED_LAYERS[layer]])
  return LAYERS.filter((other) => !allowed.has(other)).map((other) =>
    pattern(
      layerRegex(other),
      other === 'demo'
        ? 'Only the composition roots (app, bridge, cli, api/compose-api.ts) may use the demo.'
        : `src-main/${layer} may not import src-main/${other}: the dependency rule is ` +
            'common ← base ← domain ← services ← api ← app|bridge|cli (STYLE.md).',
    ),
  )
}

/**
 * @param {string[]} files
 * @param {Restrictions} restrictions
 * @returns {import('eslint').Linter.Config}
 */
function zone(files, restrictions) {
  return { files, rules: { '@typescript-eslint/no-restricted-imports': ['error', restrictions] } }
}

const ipcMainOnlyInHost = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: 'IPC is handled only in src-main/app/ipc-host.ts.',
}
const ipcRendererOnlyInPreloadIndex = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: 'Only src-preload/index.ts touches ipcRenderer; build on headcount-bridge.ts.',
}
const renderersMayNotReachMain = pattern(
  '(^|/)src-main/(?!common(/|$))',
  'The renderer and the preload import only src-main/common: the main process is reached over the contract.',
)
const rendererTypesOnly = {
  ...pattern('(^|/)src-main/common(/|$)', 'The renderer imports only types from src-main/common (use `import type`).'),
  allowTypeImports: true,
}

const preloadPatterns = [
  renderersMayNotReachMain,
  pattern('(^|/)src-renderer(/|$)', 'The preload never imports the renderer.'),
  ...noNodeBuiltins,
]

const layerZones = /** @type {(keyof typeof ALLOWED_LAYERS)[]} */ (Object.keys(ALLOWED_LAYERS)).flatMap((layer) => {
  const isElectronHost = layer === 'app'
  /** @type {RestrictedPattern[]} */
  const patterns = [...layerPatterns(layer), ...noOtherSourceRoots]
  if (!isElectronHost) patterns.push(noElectron)
  if (layer === 'common' || layer === 'domain') patterns.push(...noNodeBuiltins)
  if (layer === 'domain') patterns.push(...noIoPackages)
  const zones = [zone([`src-main/${layer}/**/*.{ts,tsx}`], { paths: isElectronHost ? [ipcMainOnlyInHost] : [], patterns })]
  if (layer === 'app') zones.push(zone(['src-main/app/ipc-host.ts'], { paths: [], patterns }))
  if (layer === 'api') {
    // The one API-layer composition root: it wires the demo organisation into the demo profile.
    const withDemo = patterns.filter((entry) => entry.regex !== layerRegex('demo'))
    zones.push(zone(['src-main/api/compose-api.ts'], { paths: [], patterns: withDemo }))
  }
  return zones
})

/** Node's globals for the plain JavaScript files (configs, scripts): `globals` is not installed. */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'fetch',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
  ].map((name) => [name, 'readonly']),
)

export default defineConfig(
  globalIgnores(['out/', 'node_modules/', 'dist/', 'release/', 'test-results/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // ── Layer zones ────────────────────────────────────────────────────────────────────────────────
  ...layerZones,
  zone(['src-main/index.ts'], { paths: [], patterns: [...noOtherSourceRoots] }),
  // A sandboxed preload can require only 'electron' (and a few shims): no Node built-ins either.
  zone(['src-preload/**/*.ts'], { paths: [ipcRendererOnlyInPreloadIndex], patterns: preloadPatterns }),
  zone(['src-preload/index.ts'], { paths: [], patterns: preloadPatterns }),
  zone(['src-renderer/**/*.{ts,tsx}'], {
    paths: [],
    patterns: [
      renderersMayNotReachMain,
      rendererTypesOnly,
      pattern('(^|/)src-preload(/|$)', 'The renderer reaches the preload only through window.headcount (lib/api.ts).'),
      noElectron,
      ...noNodeBuiltins,
    ],
  }),
  // lib/api.ts builds the browser client from CONTRACT and rebuilds AppError: runtime values of common.
  zone(['src-renderer/lib/api.ts'], {
    paths: [],
    patterns: [
      renderersMayNotReachMain,
      pattern('(^|/)src-preload(/|$)', 'The renderer reaches the preload only through window.headcount (lib/api.ts).'),
      noElectron,
      ...noNodeBuiltins,
    ],
  }),
  // Tests may use any layer, but never load 'electron' (its first require starts a download).
  zone(['test/**/*.{ts,tsx}', 'scripts/**/*.ts'], {
    paths: [],
    patterns: [{ ...noElectron, allowTypeImports: true }],
  }),

  // ── Raw IPC primitives outside their one file (also catches `electron.ipcMain`, `contents.ipc`) ──
  {
    files: ['src-main/app/**/*.ts'],
    ignores: ['src-main/app/ipc-host.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name=/^(ipc|ipcMain)$/]",
          message: 'IPC is handled only in src-main/app/ipc-host.ts.',
        },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    ignores: ['src-preload/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='ipcRenderer']", message: 'Only src-preload/index.ts touches ipcRenderer.' },
      ],
    },
  },

  // ── The functional core is deterministic (STYLE.md habit 2): inject a clock and an id source ──
  {
    files: ['src-main/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Inject a clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject a clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Inject a random source.' },
        { selector: "CallExpression[callee.property.name='randomUUID']", message: 'Inject an id source.' },
      ],
    },
  },

  // ── React event handlers may be async; everything else must still handle its promises ──
  {
    files: ['src-renderer/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // zustand actions are closures over `set`/`get`, never `this`, so selecting one out of the store
  // (`useAppStore((state) => state.start)`) is safe even when the slice declares it as a method.
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },

  // ── Tests and scripts: relaxed where test code routinely reaches into untyped data ──
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },

  // ── Plain JavaScript (this file, scripts, test runners): not in the TypeScript project ──
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS, sourceType: 'module' },
  },
)
