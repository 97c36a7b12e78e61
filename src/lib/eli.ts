/**
 * 永久标识 / permanent identifiers in the spirit of ELI (European Legislation Identifier): a
 * readable path from who issued a document, the year and its number, that keeps leading to the
 * document whatever its id or the site's layout becomes. Served as static redirect pages.
 *
 *   /eli/<机关代字>/<年份>/<序号>/            the document (from its 文号: 银发〔2015〕305号 → /eli/银发/2015/305/)
 *   /eli/<机关代字>/<序号>/                   a 文号 without a year (国务院令第656号 → /eli/国务院令/656/)
 *   /eli/<发文机关 id>/<年份>/<文件 id>/        a document without a 文号 (laws, regulations)
 *   …/<YYYY-MM-DD>/                           each version of a document with versions
 * An earlier version issued under its own 文号 is also reachable by that 文号's identifier.
 * Two documents claiming one identifier get neither: two documents with one 文号 are already
 * reported by the duplicate-文号 rule (src/lib/validity.ts); a clash involving a version's
 * identifier is reported here (an error; a warning in lenient corpus builds). Pure.
 */
import type { Policy } from './model.ts';
import type { Problem, Severity } from './errors.ts';
import { defaultLocator, type Locator } from './relations.ts';
import { allVersions, type PolicyVersion } from './versions.ts';
import type { DocNumber } from './docnumber.ts';

export interface EliTarget {
  /** site path of the identifier, no leading slash, trailing slash: eli/银发/2015/305/ */
  path: string;
  policyId: string;
  /** set when the identifier names one version */
  version?: string;
  title: string;
  source: string;
}

/** A 机关代字 usable as one path segment; others fall back to the issuer id. */
const SEGMENT = /^[\p{L}\p{N}\-]+$/u;

function fromDocNumber(n: DocNumber | undefined): string | undefined {
  if (!n || !SEGMENT.test(n.agency)) return undefined;
  return n.year === undefined ? `eli/${n.agency}/${n.serial}/` : `eli/${n.agency}/${n.year}/${n.serial}/`;
}

type EliInput = Pick<Policy, 'id' | 'title' | 'docNumber' | 'issuers' | 'published' | 'written' | 'source' | 'versions' | 'body' | 'bodyFormat' | 'effective' | 'amendment' | 'expires'>;

/** The document's identifier (from its latest 文号, else issuer, year and id). */
export function documentEli(p: EliInput): string {
  const year = (p.published || p.written || '').slice(0, 4) || '0';
  return fromDocNumber(p.docNumber) ?? `eli/${p.issuers[0]}/${year}/${p.id}/`;
}

/** Every identifier of one document: the document, each version by date, earlier versions by their own 文号. */
export function eliTargets(p: EliInput): EliTarget[] {
  const doc = documentEli(p);
  const base = { policyId: p.id, title: p.title, source: p.source };
  const out: EliTarget[] = [{ ...base, path: doc }];
  if (!p.versions?.length) return out;
  const own = (v: PolicyVersion) => (v.latest ? undefined : fromDocNumber(v.docNumber));
  for (const v of allVersions(p)) {
    const t = { ...base, version: v.date, title: v.title, source: v.source };
    out.push({ ...t, path: `${doc}${v.date}/` });
    const byNumber = own(v);
    if (byNumber && byNumber !== doc) out.push({ ...t, path: byNumber });
  }
  return out;
}

/** Identifiers of the library, those claimed twice left out and reported. */
export function eliIndex(policies: readonly EliInput[], options: { lenient?: boolean; locate?: Locator } = {}): { targets: EliTarget[]; problems: Problem[] } {
  const locate = options.locate ?? defaultLocator;
  const severity: Severity = options.lenient ? 'warning' : 'error';
  const byPath = new Map<string, EliTarget[]>();
  for (const t of policies.flatMap(eliTargets)) byPath.set(t.path, [...(byPath.get(t.path) ?? []), t]);
  const targets: EliTarget[] = [];
  const problems: Problem[] = [];
  for (const [path, list] of byPath) {
    const docs = new Set(list.map((t) => `${t.policyId}@${t.version ?? ''}`));
    if (docs.size === 1) {
      targets.push(list[0]!);
      continue;
    }
    // document against document: the same 文号, reported by the duplicate-文号 rule
    if (!list.some((t) => t.version !== undefined)) continue;
    for (const t of list.slice(1)) {
      const first = list[0]!;
      problems.push({
        ...locate(t, ['docNumber']), field: 'docNumber', label: '发文字号', severity,
        reason: `永久标识 /${path} 与 ${first.source}（${first.policyId}）相同，两者都不发布该标识（permanent identifier claimed twice）`,
        hint: '同一文号只能属于一个文件；同一文件的不同版本请放在 versions/ 中',
      });
    }
  }
  return { targets, problems };
}
