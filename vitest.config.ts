import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // sites built by several suites are built once per run (test/helpers/build-site.ts)
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 15 * 60_000,
    // build and browser suites share dist/ fixtures: run files one at a time
    fileParallelism: false,
  },
});
