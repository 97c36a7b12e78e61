/**
 * Debian's Chromium through playwright-core (no browser download). Tests call
 * `launchChromium()` and skip when it returns null, saying why. In a test run the browser
 * suites share one Chromium that test/helpers/chromium-setup.ts starts (PORTAL_CHROMIUM_WS):
 * each suite connects to it instead of starting its own; closing the connection closes the
 * suite's pages and contexts. Outside a run (benchmarks) a browser of its own is launched.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, LaunchOptions } from 'playwright-core';
import { ROOT } from './build-site.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
export const ARTIFACTS = join(ROOT, 'test-results');
/** the shared browser's address, set by test/helpers/chromium-setup.ts */
export const CHROMIUM_WS_ENV = 'PORTAL_CHROMIUM_WS';

export const LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  mkdirSync(ARTIFACTS, { recursive: true });
  const shared = process.env[CHROMIUM_WS_ENV];
  if (shared) return chromium.connect(shared);
  return chromium.launch(LAUNCH_OPTIONS);
}
