import { defineConfig } from 'vitest/config';

/** The Firefox end-to-end run: the built `.output/firefox-mv3-test` in firefox-esr over WebDriver BiDi. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/firefox.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
