/** A JSON-lines export (one policy per line), e.g. the corpus: `loadSite({ source: 'x.jsonl', lenient: true })`. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DraftRef, Organization, Policy, Topic } from '../../lib/model.ts';
import type { Problem } from '../../lib/errors.ts';
import { siteSchema, labels as siteLabels } from '../../schemas/site.ts';
import { relPath } from '../files.ts';
import { finish } from './finish.ts';
import { byName } from './jsonl-names.ts';
import { readRow, type JsonlScan } from './jsonl-row.ts';
import type { LoadResult, ResolvedOptions } from './options.ts';
import { readYamlFile } from './read.ts';
import { utf8Lines } from './utf8-lines.ts';
import { groupVersions } from '../../lib/version-groups.ts';

export async function loadJsonl(o: ResolvedOptions): Promise<LoadResult> {
  const file = path.resolve(o.root, o.source);
  const rel = relPath(o.root, file);
  const problems: Problem[] = [];
  const siteDir = path.resolve(o.root, process.env.PORTAL_SITE_DIR ?? 'content');
  const site = await readYamlFile(path.join(siteDir, 'site.yaml'), o.root, siteSchema, siteLabels, problems);
  const orgs = new Map<string, Organization>();
  const topics = new Map<string, Topic>();
  const scan: JsonlScan = { o, rel, soft: o.lenient ? 'warning' : 'error', orgFor: byName(orgs, 'org'), topicFor: byName(topics, 'topic'), serials: new Map() };
  const policies: Policy[] = [];
  const drafts: DraftRef[] = [];
  if (!(await stat(file).then(() => true, () => false))) {
    problems.push({ file: rel, field: '(文件)', reason: '缺少文件（missing file）', severity: 'error' });
    return finish(o, { site, organizations: [], topics: [], policies, interpretations: [], draftPolicyIds: new Set(), drafts: [], problems });
  }
  let lineNo = 0;
  let rows = 0;
  const lines = utf8Lines(file, (line) => {
    problems.push({ file: rel, line, field: '(行)', label: '编码', reason: '该行不是 UTF-8 编码（not valid UTF-8）', hint: '请把导出文件另存为 UTF-8', severity: 'error' });
  });
  for await (const raw of lines) {
    lineNo++;
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    rows++;
    const r = readRow(scan, text, lineNo);
    problems.push(...r.problems);
    if (r.draft) drafts.push(r.draft);
    if (r.policy) policies.push(r.policy);
  }
  return finish(o, {
    site,
    organizations: [...orgs.values()],
    topics: [...topics.values()],
    policies: o.groupVersions ? grouped(policies, problems) : policies,
    interpretations: [],
    draftPolicyIds: new Set(drafts.map((d) => d.id)),
    drafts,
    problems,
    counts: { policies: rows, interpretations: 0, translations: { policies: 0, interpretations: 0 } },
  });
}

/** Rows that are versions of one document, merged (each merged row named in a warning: its id has no page of its own). */
function grouped(policies: Policy[], problems: Problem[]): Policy[] {
  const g = groupVersions(policies);
  const byId = new Map(policies.map((p) => [p.id, p]));
  for (const [id, into] of g.merged) {
    const [file, line] = byId.get(id)!.source.split(/:(?=\d+$)/);
    problems.push({ file: file!, line: Number(line), field: 'id', label: '标识', reason: `作为 "${into}" 的历史版本发布，不单独成页（merged as a version of "${into}"）`, severity: 'warning' });
  }
  return g.policies;
}
