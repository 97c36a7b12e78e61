/**
 * axe-core run once inside the page. @axe-core/playwright's AxeBuilder (its default mode) injects
 * axe into every frame, runs axe.runPartial there, then opens a blank page in the context,
 * injects axe again and runs axe.finishRun in it: about three times the cost of one axe.run,
 * the difference that matters over ~190 pages. For a page without frames both report the same
 * violations (the same axe-core, rules and options); a page with frames still goes through
 * AxeBuilder, which reaches into them.
 */
import axe from 'axe-core';
import type { Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe's violations on `page` under `options` (no `runOnly`: axe's whole default rule set). */
export async function axeViolations(page: Page, options: RunOptions = {}): Promise<Result[]> {
  // other result types are not read: axe need not collect their nodes
  const run: RunOptions = { ...options, resultTypes: ['violations'] };
  if (page.frames().length > 1) {
    const { AxeBuilder } = await import('@axe-core/playwright');
    return (await new AxeBuilder({ page }).options(run).analyze()).violations;
  }
  await page.evaluate(axe.source);
  const outcome = await page.evaluate(async (opts) => {
    const w = window as unknown as { axe: typeof axe };
    try {
      return { violations: (await w.axe.run(document, opts)).violations, error: null };
    } catch (e) {
      return { violations: [], error: String(e) };
    }
  }, run);
  if (outcome.error !== null) throw new Error(`axe-core failed on ${page.url()}: ${outcome.error}`);
  return outcome.violations;
}
