import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// One config, a project per test layer (DESIGN.md §5). `npm test` runs them in order through
// scripts/test.ts; `npx vitest run --project unit` runs one layer.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'engine',
          include: ['test/engine/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 30_000,
        },
      },
      {
        // Background wiring against WXT's fake browser (`wxt/testing/fake-browser`, injected into
        // extension/platform, which takes its browser APIs as parameters) and fake-indexeddb.
        test: {
          name: 'extension',
          include: ['test/extension/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 30_000,
        },
      },
      {
        // The built extension (.output/chrome-mv3) in Debian Chromium; `npm test` builds first.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // The relay runs on real workerd, configured from wrangler.toml. The secrets are test-only
        // values (tests read them back from `env` to sign webhooks); the log is shrunk so that
        // retention is reachable, and pings come fast enough to observe.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TODOIST_CLIENT_SECRET: 'relay-test-todoist-client-secret',
                RELAY_SIGNING_KEY: 'relay-test-signing-key',
                RELAY_LOG_MAX_ENTRIES: '5',
                RELAY_PING_MS: '200',
              },
            },
          }),
        ],
        test: {
          name: 'relay',
          include: ['test/relay/**/*.test.ts'],
        },
      },
    ],
  },
});
