import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in Debian's Chromium via playwright-core. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
