/**
 * Global setup of the browser suites (vitest.config.ts, project "site"): one Chromium for the
 * whole run, which each suite connects to (test/helpers/browser.ts) rather than starting its own.
 * Nothing is started when Chromium is absent: the suites skip, saying why.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_WS_ENV, chromiumAvailable, LAUNCH_OPTIONS } from './browser.ts';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (!chromiumAvailable) return undefined;
  const server = await chromium.launchServer(LAUNCH_OPTIONS);
  process.env[CHROMIUM_WS_ENV] = server.wsEndpoint();
  return async () => {
    delete process.env[CHROMIUM_WS_ENV];
    await server.close();
  };
}
