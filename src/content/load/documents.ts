/** Policy and interpretation files (Markdown with YAML frontmatter) of a content directory. */
import path from 'node:path';
import type { z } from 'zod';
import { policySchema, labels as policyLabels, toPolicy } from '../../schemas/policy.ts';
import { interpretationSchema, labels as interpretationLabels, toInterpretation } from '../../schemas/interpretation.ts';
import { isValidAttachmentFile } from '../../schemas/fields/attachments.ts';
import { bodyHtmlProblems } from '../html-problems.ts';
import { compact, relPath, validate } from '../files.ts';
import { idFor, localFiles, readFrontmatter, relKey, type Frontmatter } from './read.ts';
import type { DirectoryScan } from './scan.ts';
import type { Labels } from '../../lib/errors.ts';

/** Frontmatter and body of one document file, its problems recorded; undefined data when unusable. */
export function readDocument(scan: DirectoryScan, file: string, text: string | undefined): { rel: string; fm?: Frontmatter } {
  const rel = relPath(scan.o.root, file);
  if (text === undefined) return { rel }; // not UTF-8: reported
  const fm = readFrontmatter(text, rel);
  scan.lines.set(rel, fm.lineOf);
  scan.problems.push(...fm.problems, ...bodyHtmlProblems(text, fm.body, rel));
  return { rel, fm };
}

/** A document file read, validated and recorded among the folder's originals (so translations
 * and the inventory know it); undefined when it is not usable (its problems are recorded). */
function readValidated<S extends z.ZodType<{ published: string; draft?: boolean | undefined }>>(
  scan: DirectoryScan,
  file: string,
  text: string | undefined,
  kind: { folder: 'policies' | 'interpretations'; schema: S; labels: Labels },
): { rel: string; fm: Frontmatter; id: string; d: z.output<S>; scheduled: boolean } | undefined {
  const { rel, fm } = readDocument(scan, file, text);
  if (!fm?.data) return undefined;
  const id = idFor(file, rel, fm.data as Record<string, unknown>, scan.problems);
  const v = validate(kind.schema, fm.data, { file: rel, labels: kind.labels, lineOf: fm.lineOf });
  scan.problems.push(...v.problems);
  const scheduled = !!v.data && v.data.published > scan.o.today;
  scan.originals[kind.folder].set(relKey(path.join(scan.dir, kind.folder), file), { id, source: rel, valid: !!v.data, draft: !!v.data?.draft, published: v.data?.published, scheduled });
  if (!v.data || id === undefined) return undefined;
  return { rel, fm, id, d: v.data, scheduled };
}

export function readPolicyFile(scan: DirectoryScan, file: string, text: string | undefined): void {
  const doc = readValidated(scan, file, text, { folder: 'policies', schema: policySchema, labels: policyLabels });
  if (!doc) return;
  const { rel, fm, id, d, scheduled } = doc;
  const policy = toPolicy(d, id, rel, fm.body);
  if (d.draft || scheduled) {
    scan.drafts.push(compact({ kind: 'policy' as const, id, source: rel, title: d.title, scheduled: d.draft ? undefined : d.published, attachments: localFiles(d.attachments) }));
    scan.draftPolicyIds.add(id);
    if (!d.draft) scan.scheduledPolicies.push(policy);
    return;
  }
  d.attachments.forEach((a, i) => {
    if (!/^https:/.test(a.file) && isValidAttachmentFile(a.file)) scan.attachmentChecks.push({ rel, i, file: a.file, lineOf: fm.lineOf });
  });
  scan.policies.push(policy);
}

export function readInterpretationFile(scan: DirectoryScan, file: string, text: string | undefined): void {
  const doc = readValidated(scan, file, text, { folder: 'interpretations', schema: interpretationSchema, labels: interpretationLabels });
  if (!doc) return;
  const { rel, fm, id, d, scheduled } = doc;
  if (d.draft || scheduled) {
    scan.drafts.push(compact({ kind: 'interpretation' as const, id, source: rel, title: d.title, scheduled: d.draft ? undefined : d.published }));
    return;
  }
  scan.interpretations.push(toInterpretation(d, id, rel, fm.body));
}
