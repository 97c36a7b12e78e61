/**
 * The cross-file rules (src/lib/validity.ts validateLibrary) over everything read, and the
 * LoadResult: problems in file order, SiteData when site.yaml, organizations and topics are valid.
 */
import type { DraftRef, Interpretation, Organization, Policy, SiteConfig, Topic, Translations } from '../../lib/model.ts';
import type { Problem } from '../../lib/errors.ts';
import type { Locator } from '../../lib/relations.ts';
import { validateLibrary } from '../../lib/validity.ts';
import { versionProblems } from '../../lib/version-checks.ts';
import { eliIndex } from '../../lib/eli.ts';
import { redirectablePages, redirectProblems } from '../../lib/redirects.ts';
import type { Redirect } from '../../schemas/redirects.ts';
import type { LineOf } from '../files.ts';
import { compact, orderProblems } from '../files.ts';
import type { LoadResult, ResolvedOptions } from './options.ts';

export interface Collected {
  site: SiteConfig | undefined;
  organizations: Organization[] | undefined;
  topics: Topic[] | undefined;
  policies: Policy[];
  /** policies published after the build date: checked, not published */
  scheduledPolicies?: Policy[];
  interpretations: Interpretation[];
  draftPolicyIds: Set<string>;
  drafts: DraftRef[];
  problems: Problem[];
  locate?: Locator;
  /** files or rows read (valid or not); default: the valid documents */
  counts?: LoadResult['counts'];
  /** Mongolian translations (directory mode only) */
  translations?: Translations;
  /** content/redirects.yaml, when there is one (directory mode only) */
  redirects?: { list: Redirect[]; file: string; lineOf: LineOf };
}

export function finish(o: ResolvedOptions, c: Collected): LoadResult {
  const problems = c.problems;
  const counts = c.counts ?? { policies: c.policies.length, interpretations: c.interpretations.length, translations: { policies: 0, interpretations: 0 } };
  const organizations = c.organizations?.map((x) => compact({ ...x })) ?? [];
  const topics = c.topics?.map((x) => compact({ ...x })) ?? [];
  // Cross-file rules need organizations and topics; without them, issuer/topic checks would be noise.
  const lib = validateLibrary(
    { organizations, topics, policies: c.policies, interpretations: c.interpretations, draftPolicyIds: c.draftPolicyIds, scheduled: c.scheduledPolicies ?? [] },
    { today: o.today, lenient: o.lenient, ...(c.locate ? { locate: c.locate } : {}) },
  );
  const crossProblems = c.organizations && c.topics ? lib.problems : lib.problems.filter((p) => !/^(issuers|topic)/.test(p.field));
  problems.push(...crossProblems);
  problems.push(...versionProblems([...c.policies, ...(c.scheduledPolicies ?? [])], { draftIds: c.draftPolicyIds, ...(c.locate ? { locate: c.locate } : {}) }));
  const eli = eliIndex(lib.policies, { lenient: o.lenient, ...(c.locate ? { locate: c.locate } : {}) });
  problems.push(...eli.problems);
  const translations = c.translations ?? { policies: {}, interpretations: {} };
  if (c.redirects) {
    const pages = redirectablePages({ policies: lib.policies, interpretations: c.interpretations, translations });
    const generated = new Set(eli.targets.map((t) => t.path));
    problems.push(...redirectProblems({ redirects: c.redirects.list, pages, generated, file: c.redirects.file, lineOf: c.redirects.lineOf }));
  }
  // file order (yaml files first, then documents), then line; JSON-lines rows stay in row order
  const ordered = orderProblems(problems);
  const warnings = ordered.filter((p) => p.severity === 'warning');
  const result: LoadResult = { problems: ordered, drafts: c.drafts, counts };
  if (c.site && c.organizations && c.topics) {
    const site = compact({ ...c.site });
    result.data = {
      site,
      organizations,
      topics,
      policies: lib.policies,
      interpretations: c.interpretations,
      warnings,
      drafts: c.drafts,
      translations,
    };
    if (c.redirects) result.data.redirects = c.redirects.list;
  }
  return result;
}
