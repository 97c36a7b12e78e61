/**
 * 历史版本 files: content/policies/<path>/versions/<YYYY-MM-DD>.md, each an earlier full text of
 * content/policies/<path>.md. Read with the policies (same frontmatter rules), then attached to
 * their document, oldest first. A version file whose name is not a date, or whose document does
 * not exist, is an error: nothing is dropped.
 */
import path from 'node:path';
import type { Policy } from '../../lib/model.ts';
import type { Problem } from '../../lib/errors.ts';
import { isIsoDate } from '../../schemas/fields/dates.ts';
import { versionSchema, labels as versionLabels, toVersion, type VersionFrontmatter } from '../../schemas/version.ts';
import { relPath, validate } from '../files.ts';
import { relKey } from './read.ts';
import { readDocument } from './documents.ts';
import type { DirectoryScan } from './scan.ts';

export const VERSIONS_DIR = 'versions';

/** A file directly inside a `versions/` folder of policies/ is a version, not a policy. */
export function isVersionFile(file: string): boolean {
  return path.basename(path.dirname(file)) === VERSIONS_DIR;
}

/** A version file read but not yet attached to its document. */
export interface VersionRead {
  /** key of its document: path relative to policies/ without extension */
  docKey: string;
  date: string;
  source: string;
  data: VersionFrontmatter;
  body: string;
}

function nameProblem(rel: string, reason: string): Problem {
  return { file: rel, field: '(文件名)', label: '发布日期', reason, allowed: ['YYYY-MM-DD.md，为该版本的发布日期，如 2004-10-18.md'], severity: 'error' };
}

export function readVersionFile(scan: DirectoryScan, file: string, text: string | undefined): void {
  const rel = relPath(scan.o.root, file);
  const date = path.basename(file).replace(/\.md$/i, '');
  if (!isIsoDate(date)) {
    scan.problems.push(nameProblem(rel, `历史版本文件名 "${path.basename(file)}" 不是日期（version file name must be its 发布日期）`));
    return;
  }
  const { fm } = readDocument(scan, file, text);
  if (!fm?.data) return;
  const v = validate(versionSchema, fm.data, { file: rel, labels: versionLabels, lineOf: fm.lineOf });
  scan.problems.push(...v.problems);
  if (!v.data) return;
  if (v.data.published !== undefined && v.data.published !== date) {
    const line = fm.lineOf(['published']);
    scan.problems.push({ file: rel, ...(line === undefined ? {} : { line }), field: 'published', label: '发布日期', reason: `发布日期 ${v.data.published} 与文件名 ${date} 不一致（published must equal the file name）`, severity: 'error' });
    return;
  }
  const docKey = relKey(path.join(scan.dir, 'policies'), path.dirname(path.dirname(file)));
  scan.versions.push({ docKey, date, source: rel, data: v.data, body: fm.body });
}

/**
 * Each version onto its document (published or scheduled), oldest first. A version of a document
 * that is missing is an error; of one that is invalid or a draft, left with it (already reported
 * or listed).
 */
export function attachVersions(scan: DirectoryScan): void {
  const byId = new Map<string, Policy>([...scan.policies, ...scan.scheduledPolicies].map((p) => [p.id, p]));
  const policiesRel = relPath(scan.o.root, path.join(scan.dir, 'policies'));
  for (const v of [...scan.versions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const original = scan.originals.policies.get(v.docKey);
    if (!original) {
      scan.problems.push({
        file: v.source,
        field: '(文件)',
        reason: `历史版本所属的政策文件 ${policiesRel}/${v.docKey}.md 不存在（version of a missing document）`,
        hint: '历史版本放在 policies/<文件名>/versions/ 中，<文件名> 与现行文本的文件名（不含 .md）相同',
        severity: 'error',
      });
      continue;
    }
    const policy = original.id === undefined ? undefined : byId.get(original.id);
    if (!policy || !original.valid) continue;
    (policy.versions ??= []).push(toVersion(v.data, v.date, policy.title, v.source, v.body));
  }
}
