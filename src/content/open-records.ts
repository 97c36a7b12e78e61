/**
 * Search records for the 政府信息公开 platform pages (issue 4), one per page that carries
 * content: 标准目录 areas, 权力清单 departments, 年度报告, 政府公报 issues, 意见征集, 重点领域
 * 专题 and the 指南/依申请公开 pages. `kind` values are the filter keys below (Chinese in every
 * index, translated on the search page through the `kind.*` UI strings).
 *
 * The platform's content is Chinese only, so records go into the Chinese index; the Mongolian
 * pages show it in a Chinese block, and their own Mongolian text is indexed by mn-page-records.ts.
 *
 * Wire-up (src/content/records.ts): `records.push(...openDataToRecords(site, await getOpenData()))`
 * for each localized site.
 */
import type { LocalizedSite } from '../lib/localize.ts';
import type { SearchRecord } from '../lib/search/record.ts';
import type { OpenData } from '../lib/open/model.ts';
import { bodyToText } from '../lib/body.ts';
import { LOCALE_INFO } from '../i18n/locales.ts';
import { openRoutes } from '../lib/open/paths.ts';
import { applicationTable, REPORT_SECTIONS } from '../lib/open/report.ts';

export const OPEN_KINDS = {
  catalog: '政务公开目录',
  powers: '权力清单',
  gazette: '政府公报',
  consultation: '意见征集',
  report: '年度报告',
  special: '重点领域',
  guide: '公开指南',
} as const;
export type OpenKind = (typeof OPEN_KINDS)[keyof typeof OPEN_KINDS];

type Add = (path: string, title: string, kind: OpenKind, body: string[], extra?: Partial<SearchRecord>, filters?: Partial<SearchRecord['filters']>) => void;
type PolicyById = ReadonlyMap<string, LocalizedSite['original']['policies'][number]>;

export function openDataToRecords(site: LocalizedSite, open: OpenData): SearchRecord[] {
  if (site.locale !== 'zh-CN') return [];
  const info = LOCALE_INFO[site.locale];
  const language = info.searchLanguage;
  const level = [site.site.level];
  const policyTitle: PolicyById = new Map(site.original.policies.map((p) => [p.id, p]));
  const out: SearchRecord[] = [];
  const add: Add = (path, title, kind, body, extra = {}, filters = {}) => {
    // a dated record has a year: the search page tells dated from undated records by it (oldest-first lists put undated ones last)
    const year = extra.published ? { year: [extra.published.slice(0, 4)] } : {};
    out.push({ path: info.prefix + path, language, title, body: body.filter(Boolean).join('\n'), ...extra, filters: { kind: [kind], level, ...year, ...filters } });
  };
  addGuides(add, open);
  addCatalog(add, open);
  addPowers(add, open);
  addReports(add, open, site.siteName);
  addGazette(add, open, policyTitle);
  addConsultations(add, open);
  for (const s of open.specials) {
    add(openRoutes.special(s.id), s.title, OPEN_KINDS.special, [s.summary ?? '', ...s.members.map((id) => policyTitle.get(id)?.title ?? '')]);
  }
  return out;
}

function addGuides(add: Add, open: OpenData): void {
  if (open.guide) add(openRoutes.guide(), open.guide.title, OPEN_KINDS.guide, [bodyToText(open.guide.body, 'markdown')], open.guide.updated ? { published: open.guide.updated } : {});
  if (open.apply) add(openRoutes.apply(), open.apply.title, OPEN_KINDS.guide, [bodyToText(open.apply.body, 'markdown')], open.apply.updated ? { published: open.apply.updated } : {});
}

function addCatalog(add: Add, open: OpenData): void {
  for (const area of open.catalog) {
    add(
      openRoutes.catalog(area.id),
      `${area.name}领域基层政务公开标准目录`,
      OPEN_KINDS.catalog,
      [area.note ?? '', ...area.items.map((i) => [i.group, i.name, i.content, i.basis.join('；'), i.deadline, i.subject].join(' '))],
      area.updated ? { published: area.updated } : {},
      area.updated ? { year: [area.updated.slice(0, 4)] } : {},
    );
  }
}

function addPowers(add: Add, open: OpenData): void {
  for (const list of open.powers) {
    add(
      openRoutes.power(list.id),
      `${list.department}权力清单和责任清单`,
      OPEN_KINDS.powers,
      list.items.map((i) => [i.code, i.name, i.type, i.basis.join('；'), i.responsibilities.join('；')].join(' ')),
      list.updated ? { published: list.updated } : {},
      { issuer: [list.department] },
    );
  }
}

function addReports(add: Add, open: OpenData, siteName: string): void {
  for (const r of open.reports) {
    const n = open.normative[r.year];
    add(
      openRoutes.report(r.year),
      `${siteName}${r.year}年政府信息公开工作年度报告`,
      OPEN_KINDS.report,
      [
        REPORT_SECTIONS[0],
        bodyToText(r.overview, 'markdown'),
        n ? `行政规范性文件 本年制发 ${n.issued} 件 本年废止 ${n.repealed} 件 现行有效 ${n.inForce} 件` : '',
        `本年新收政府信息公开申请 ${applicationTable(r.applications)[0]!.values[6]} 件`,
        REPORT_SECTIONS[4],
        bodyToText(r.problems, 'markdown'),
      ],
      r.published ? { published: r.published } : {},
      { year: [String(r.year)] },
    );
  }
}

function addGazette(add: Add, open: OpenData, policyTitle: PolicyById): void {
  for (const g of open.gazette) {
    add(
      openRoutes.gazetteIssue(g.year, g.number),
      `政府公报 ${g.year}年第${g.number}期${g.total ? `（总第${g.total}期）` : ''}`,
      OPEN_KINDS.gazette,
      g.entries.map((e) => {
        const p = e.policy ? policyTitle.get(e.policy) : undefined;
        return [e.section ?? '', p ? p.title : (e.title ?? ''), p?.docNumber?.raw ?? ''].join(' ');
      }),
      { published: g.published },
      { year: [String(g.year)] },
    );
  }
}

function addConsultations(add: Add, open: OpenData): void {
  for (const c of open.consultations) {
    add(
      openRoutes.consultation(c.id),
      c.title,
      OPEN_KINDS.consultation,
      [c.summary ?? '', c.department, bodyToText(c.body, 'markdown'), c.feedback?.summary ?? '', ...(c.feedback?.items.map((i) => `${i.opinion} ${i.response}`) ?? [])],
      { published: c.opens },
      { year: [c.opens.slice(0, 4)], issuer: [c.department] },
    );
  }
}
