/**
 * schema.org Legislation markup of a document page (JSON-LD, #18): identifiers (文号 and the
 * permanent /eli/ path), dates (legislationDate = 成文日期, datePublished, legislationDateVersion =
 * the version shown), legal force from 有效性, issuers, what it changes (amends / repeals) and, for a
 * document with versions, what its text is based on (the amending documents) and consolidates (the
 * earlier versions and the amending documents). Serialized so no text can end the <script>. Pure.
 */
import type { IsoDate, PolicyView, Status } from './model.ts';
import { routes } from './paths.ts';
import { versionRoutes } from './version-page.ts';
import { allVersions, currentVersion, hasVersions, type PolicyVersion } from './versions.ts';

/** 有效性 → schema.org LegalForceStatus: 已修改 is in force as amended (partially). */
export const LEGAL_FORCE: Record<Status, string> = {
  现行有效: 'https://schema.org/InForce',
  已修改: 'https://schema.org/PartiallyInForce',
  已废止: 'https://schema.org/NotInForce',
  已失效: 'https://schema.org/NotInForce',
  尚未生效: 'https://schema.org/NotInForce',
};

export interface JsonLdContext {
  /** absolute URL of the site root (siteUrl), ending in / */
  siteUrl: string;
  /** the page's language tag (zh-CN, mn-Mong) and its path prefix ('' or 'mn/') */
  lang: string;
  prefix: string;
  issuerNames: string[];
  /** every policy of the library by id (the Chinese originals) */
  library: ReadonlyMap<string, PolicyView>;
  today: IsoDate;
  /** the permanent identifier path (eli/…/), when the document has one */
  eli?: string;
}

type Node = Record<string, unknown>;

function ref(p: PolicyView, ctx: JsonLdContext): Node {
  const node: Node = { '@type': 'Legislation', '@id': new URL(routes.policy(p.id), ctx.siteUrl).href, name: p.title };
  if (p.docNumber) node.legislationIdentifier = p.docNumber.raw;
  return node;
}

/** The amending document of a version: a library document's reference, else its 文号/title. */
function amendingNode(v: PolicyVersion, ctx: JsonLdContext): Node | undefined {
  const a = v.amendment;
  if (!a) return undefined;
  if ('id' in a) {
    const p = ctx.library.get(a.id);
    return p ? ref(p, ctx) : undefined;
  }
  const node: Node = { '@type': 'Legislation' };
  if (a.title) node.name = a.title;
  if (a.docNumber) node.legislationIdentifier = a.docNumber.raw;
  return node;
}

function versionNodes(p: PolicyView, ctx: JsonLdContext): { basedOn: Node[]; consolidates: Node[] } {
  const all = allVersions(p);
  const shown = currentVersion(p, ctx.today);
  const upTo = all.slice(0, all.indexOf(all.find((v) => v.date === shown.date)!) + 1);
  const basedOn = upTo.map((v) => amendingNode(v, ctx)).filter((n) => n !== undefined);
  const earlier = upTo.slice(0, -1).map((v) => ({ '@type': 'Legislation', '@id': new URL(versionRoutes.version(p.id, v.date), ctx.siteUrl).href, name: v.title, legislationDateVersion: v.date }));
  return { basedOn, consolidates: [...earlier, ...basedOn] };
}

export function legislationJsonLd(p: PolicyView, ctx: JsonLdContext): Node {
  const url = new URL(ctx.prefix + routes.policy(p.id), ctx.siteUrl).href;
  const ids = [p.docNumber?.raw, ctx.eli && new URL(ctx.eli, ctx.siteUrl).href].filter((x): x is string => !!x);
  const shown = hasVersions(p) ? currentVersion(p, ctx.today) : undefined;
  const node: Node = {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': url,
    url,
    name: p.title,
    inLanguage: ctx.lang,
    legislationPassedBy: ctx.issuerNames.map((name) => ({ '@type': 'GovernmentOrganization', name })),
    legislationLegalForce: { '@id': LEGAL_FORCE[p.status] },
    legislationDateVersion: shown?.date ?? p.published,
  };
  if (ids.length) node.legislationIdentifier = ids.length === 1 ? ids[0] : ids;
  if (p.written ?? p.published) node.legislationDate = p.written ?? p.published;
  if (p.published) node.datePublished = p.published;
  if (p.effective) node.legislationDateOfApplicability = p.effective;
  if (p.expires) node.expires = p.expires;
  if (p.docType) node.legislationType = p.docType;
  const changes = [...p.amends, ...p.repeals].map((id) => ctx.library.get(id)).filter((x) => x !== undefined);
  if (changes.length) node.legislationChanges = changes.map((c) => ref(c, ctx));
  if (shown) {
    const { basedOn, consolidates } = versionNodes(p, ctx);
    if (basedOn.length) node.isBasedOn = basedOn;
    if (consolidates.length) node.legislationConsolidates = consolidates;
  }
  return node;
}

/**
 * JSON for a <script type="application/ld+json">: `<`, `>` and `&` as \u escapes, so no title can
 * close the element or open a comment (`</script>`, `<!--`); U+2028/2029 escaped for old parsers.
 * JSON.parse gives back the same data.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
