import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // one run directory for the sites built by several suites (test/helpers/build-site.ts)
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 15 * 60_000,
    projects: [
      // tests in Node alone (temporary directories only, no site build, no browser): a file per
      // core at a time (the default leaves one core free, which on a 2-core machine means one file
      // at a time). The search-quality suite indexes the corpus on one core: here it runs beside
      // the unit files instead of alone. `npm test` runs this project in a vitest run of its own
      // beside the site project's (test/helpers/run-tests.ts): in one run the projects would go
      // one after the other.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/search/**/*.test.ts'], maxWorkers: '100%' } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/{build,e2e,visual}/**/*.test.ts'],
          // one Chromium for every browser suite of the run (test/helpers/browser.ts)
          globalSetup: ['test/helpers/chromium-setup.ts'],
          // suites share built sites and the browser, and builds take both cores: one file at a time
          fileParallelism: false,
        },
      },
    ],
  },
});
