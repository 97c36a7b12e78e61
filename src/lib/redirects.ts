/**
 * The rules of content/redirects.yaml over the built site's pages: each `from` listed once and
 * not a page that exists (the redirect would overwrite it), each `to` a page that exists and
 * not itself redirected (no chains, hence no loops). Pure: the page list is passed in.
 */
import type { Problem } from './errors.ts';
import type { Redirect } from '../schemas/redirects.ts';

export interface RedirectCheckInput {
  redirects: readonly Redirect[];
  /** site paths of the pages redirects may lead to (documents, versions, sections) */
  pages: ReadonlySet<string>;
  /** site paths of the other redirect pages the site generates (permanent identifiers, eli.ts):
   * a `from` among them would silently replace one (Astro renders one page per path) */
  generated?: ReadonlySet<string>;
  file: string;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export function redirectProblems({ redirects, pages, generated, file, lineOf }: RedirectCheckInput): Problem[] {
  const out: Problem[] = [];
  const at = (i: number, field: 'from' | 'to') => {
    const line = lineOf?.([i, field]);
    return { file, ...(line === undefined ? {} : { line }), field: `[${i}].${field}`, label: field === 'from' ? '原地址' : '新地址', severity: 'error' as const };
  };
  const froms = new Map<string, number>();
  redirects.forEach((r, i) => {
    const first = froms.get(r.from);
    if (first !== undefined) out.push({ ...at(i, 'from'), reason: `原地址 ${r.from} 重复，与第 ${first + 1} 项相同（duplicate from）` });
    else froms.set(r.from, i);
    if (pages.has(r.from)) out.push({ ...at(i, 'from'), reason: `原地址 ${r.from} 是现有页面，不能重定向（from is an existing page）` });
    // an identifier no document has any more (a corrected 文号) may keep its link; generated ones may not be taken over
    else if (generated?.has(r.from)) out.push({ ...at(i, 'from'), reason: `原地址 ${r.from} 是现有文件的永久标识，不能改指别处（from is a permanent identifier of a document）` });
  });
  redirects.forEach((r, i) => {
    if (r.from === r.to) out.push({ ...at(i, 'to'), reason: `新地址与原地址相同 ${r.to}（redirect to itself）` });
    else if (froms.has(r.to)) {
      out.push({ ...at(i, 'to'), reason: `新地址 ${r.to} 本身又被重定向（第 ${froms.get(r.to)! + 1} 项）：不允许连续重定向（no redirect chains）`, hint: '把 to 直接写成最终页面' });
    } else if (!pages.has(r.to)) {
      out.push({ ...at(i, 'to'), reason: `新地址 ${r.to} 不是本站页面（target page does not exist）`, hint: '写政策文件、解读、历史版本页面或栏目首页的路径，如 policies/<id>/' });
    }
  });
  return out;
}

/** Sections every site has (site paths), in each language. */
const SECTIONS = ['', 'policies/', 'interpretations/', 'search/', 'open/', 'gazette/', 'consultations/', 'special/', 'sitemap/'];

interface PageSource {
  policies: readonly { id: string; published: string; versions?: readonly { date: string }[] }[];
  interpretations: readonly { id: string }[];
  translations: { policies: Record<string, unknown>; interpretations: Record<string, unknown> };
}

/** Site paths of the pages a redirect may lead to: sections, documents, translations, versions. */
export function redirectablePages(data: PageSource): Set<string> {
  const pages = new Set<string>([...SECTIONS, ...SECTIONS.map((s) => `mn/${s}`)]);
  for (const p of data.policies) {
    pages.add(`policies/${p.id}/`);
    if (p.id in data.translations.policies) pages.add(`mn/policies/${p.id}/`);
    if (!p.versions?.length) continue;
    for (const d of [...p.versions.map((v) => v.date), p.published]) pages.add(`policies/${p.id}/v/${d}/`);
  }
  for (const i of data.interpretations) {
    pages.add(`interpretations/${i.id}/`);
    if (i.id in data.translations.interpretations) pages.add(`mn/interpretations/${i.id}/`);
  }
  return pages;
}
