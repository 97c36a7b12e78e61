/**
 * What the search page shows besides the form: the 推荐结果 in the page's language with their
 * links, and an example 文号 from the library for the search box hint. Pure (build time).
 */
import { LOCALE_INFO } from '../../i18n/locales.ts';
import type { LocalizedSite } from '../localize.ts';
import type { BestBet } from '../open/model.ts';
import { policyLink } from '../open/paths.ts';
import { joinBase } from '../paths.ts';
import { betKey, type PageBestBet } from '../best-bets.ts';

/** The best bets as the page of `site`'s language links them (a policy bet without its policy is left out). */
export function pageBestBets(site: LocalizedSite, bets: readonly BestBet[], base: string): PageBestBet[] {
  const mn = site.locale === 'mn-Mong';
  return bets.flatMap((b) => {
    const path = b.policy ? policyLink(site, b.policy)?.path : LOCALE_INFO[site.locale].prefix + (b.page ?? '');
    if (path === undefined) return [];
    const title = mn && b.title.mn ? b.title.mn : b.title.zh;
    const keys = [...new Set([...b.queries, b.title.zh, ...(b.title.mn ? [b.title.mn] : [])].map(betKey))];
    const bet: PageBestBet = { title, href: joinBase(base, path), keys };
    if (mn && !b.title.mn) bet.lang = LOCALE_INFO['zh-CN'].lang;
    return [bet];
  });
}

/** The 文号 of the newest document that has one: a hint that finds something on this site. */
export function exampleDocNumber(site: LocalizedSite): string | undefined {
  const withNumber = site.policies.filter((p) => p.docNumber);
  withNumber.sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
  return withNumber[0]?.docNumber?.raw;
}
