import { configDefaults, defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension in Debian's Chromium via playwright-core. The Firefox run
 * (tests/e2e/firefox.e2e.ts) has its own config, vitest.firefox.config.ts, so `npm test` counts it
 * on its own.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: [...configDefaults.exclude, 'tests/e2e/firefox.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
