import { defineConfig } from 'vitest/config'

/**
 * Three projects: unit (pure and fast), integration (real SQLite files and loopback servers), e2e
 * (Chromium against the bridge; Electron where its binary exists). `electron` is never resolved
 * here: nothing outside src-main/app imports it, and the Electron spec loads it only after checking
 * the binary is present.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
})
