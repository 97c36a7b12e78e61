/**
 * Search records for the Mongolian pages that are not documents (issue 17 item 6): the 政务公开
 * landing, 公开指南, 公开制度, 依申请公开, each compiled 标准目录 area, each 权力清单, each 年度报告,
 * 政府公报 issue, 意见征集 and 专题 page under /mn/. Translated documents have their records in
 * records.ts.
 *
 * A record holds the Mongolian text the page itself shows: its title and its own headings and
 * descriptions (the UI strings of that page), with the Chinese names inside them. The
 * Chinese-only content that the page shows in its Chinese block (ZhBlock) is indexed once, in
 * the Chinese index (open-records.ts), so a search over both indexes does not list every page
 * twice. Filters and dates are the Chinese page's (enum values stay Chinese in every index).
 */
import type { LocalizedSite } from '../lib/localize.ts';
import type { SearchRecord } from '../lib/search/record.ts';
import type { OpenData } from '../lib/open/model.ts';
import { POWER_TYPES } from '../lib/open/model.ts';
import { LOCALE_INFO } from '../i18n/locales.ts';
import { useTranslations, type Translate } from '../i18n/index.ts';
import { openRoutes } from '../lib/open/paths.ts';
import { OPEN_KINDS, openDataToRecords, type OpenKind } from './open-records.ts';

/** One page: its path (without language prefix), Mongolian title and text, and its kind. */
interface MnPage {
  path: string;
  title: string;
  text: string[];
  kind: OpenKind;
}

/** Whether the site publishes any 政务公开 content (a site without any has only UI text under /mn/open/). */
function hasOpenContent(open: OpenData): boolean {
  return !!(open.guide || open.apply) || [open.rules, open.catalog, open.powers, open.reports, open.gazette, open.consultations, open.specials].some((x) => x.length > 0);
}

/**
 * The 政务公开 landing, 公开制度, 公开指南 and 依申请公开, when there is content to describe: a site
 * without any (and without translations) keeps no Mongolian index, as federation expects.
 */
function fixedPages(t: Translate, open: OpenData): MnPage[] {
  if (!hasOpenContent(open)) return [];
  const sections = ['guide', 'rules', 'catalog', 'reports', 'apply'] as const;
  const landing: MnPage = {
    path: openRoutes.open(),
    title: t('open.title'),
    text: [t('open.intro'), t('open.active'), t('open.active.desc'), ...sections.flatMap((s) => [t(`open.${s}`), t(`open.${s}.desc`)])],
    kind: OPEN_KINDS.guide,
  };
  const pages = [landing];
  if (open.rules.length > 0) pages.push({ path: openRoutes.rules(), title: t('open.rules'), text: [t('open.rules.desc')], kind: OPEN_KINDS.guide });
  // the guide page itself is the Chinese guide under a Mongolian heading: its Chinese title names it
  if (open.guide) pages.push({ path: openRoutes.guide(), title: t('open.guide'), text: [open.guide.title], kind: OPEN_KINDS.guide });
  if (open.apply) pages.push({ path: openRoutes.apply(), title: t('open.apply'), text: [t('open.apply.desc'), t('apply.channels'), t('apply.form'), t('apply.guide')], kind: OPEN_KINDS.guide });
  return pages;
}

/** Pages with one record per data item, titled as the Mongolian page titles them. */
function dataPages(t: Translate, open: OpenData, site: LocalizedSite): MnPage[] {
  // a 专题 lists its documents, in Mongolian where they are translated
  const translated = new Map(site.policies.map((p) => [p.id, p.title]));
  const pages: MnPage[] = [];
  for (const area of open.catalog) {
    pages.push({ path: openRoutes.catalog(area.id), title: t('catalog.tableCaption', { area: area.name }), text: [t('open.catalog')], kind: OPEN_KINDS.catalog });
  }
  for (const list of open.powers) {
    const types = POWER_TYPES.filter((ty) => list.items.some((i) => i.type === ty));
    pages.push({ path: openRoutes.power(list.id), title: t('powers.caption', { department: list.department }), text: [t('open.powers'), ...types.map((ty) => t(`powerType.${ty}`))], kind: OPEN_KINDS.powers });
  }
  for (const r of open.reports) {
    pages.push({ path: openRoutes.report(r.year), title: t('reports.title', { year: r.year }), text: [t('open.reports'), t('reports.computed')], kind: OPEN_KINDS.report });
  }
  for (const g of open.gazette) {
    const issue = t('gazette.issue', { year: g.year, number: g.number });
    pages.push({ path: openRoutes.gazetteIssue(g.year, g.number), title: `${t('open.gazette')} ${issue}`, text: [t('gazette.contents')], kind: OPEN_KINDS.gazette });
  }
  for (const c of open.consultations) {
    pages.push({ path: openRoutes.consultation(c.id), title: c.title, text: [t('open.consultations'), c.department], kind: OPEN_KINDS.consultation });
  }
  for (const s of open.specials) {
    pages.push({ path: openRoutes.special(s.id), title: s.title, text: [t('open.specials'), t('special.policies'), ...s.members.map((id) => translated.get(id) ?? '')], kind: OPEN_KINDS.special });
  }
  return pages;
}

/**
 * The records of `site`'s non-document pages when it is a Mongolian site; [] for Chinese (its
 * pages are open-records.ts's). `zhSite` is the Chinese site, whose records give filters and dates.
 */
export function mnPageRecords(site: LocalizedSite, zhSite: LocalizedSite, open: OpenData): SearchRecord[] {
  const info = LOCALE_INFO[site.locale];
  if (info.searchLanguage !== 'mn') return [];
  const t = useTranslations(site.locale);
  const zh = new Map(openDataToRecords(zhSite, open).map((r) => [r.path, r]));
  return [...fixedPages(t, open), ...dataPages(t, open, site)].map((p) => {
    const twin = zh.get(LOCALE_INFO['zh-CN'].prefix + p.path);
    const record: SearchRecord = {
      path: info.prefix + p.path,
      language: info.searchLanguage,
      title: p.title,
      body: p.text.filter(Boolean).join('\n'),
      filters: twin ? structuredClone(twin.filters) : { kind: [p.kind], level: [site.site.level] },
    };
    if (twin?.published) record.published = twin.published;
    return record;
  });
}
