/**
 * A content directory: site.yaml, organizations.yaml, topics.yaml, policies/ and
 * interpretations/ (Markdown), their attachments under public/, and Mongolian translations.
 */
import path from 'node:path';
import type { Problem } from '../../lib/errors.ts';
import type { Locator } from '../../lib/relations.ts';
import { siteSchema, labels as siteLabels } from '../../schemas/site.ts';
import { organizationsSchema, labels as organizationLabels } from '../../schemas/organizations.ts';
import { topicsSchema, labels as topicLabels } from '../../schemas/topics.ts';
import { inventoryProblems } from '../inventory.ts';
import { attachmentProblem } from '../file-safety.ts';
import { siteAssetProblems } from '../site-assets.ts';
import { readTexts, relPath } from '../files.ts';
import { finish } from './finish.ts';
import { readInterpretationFile, readPolicyFile } from './documents.ts';
import { missingMongolianNames } from './mongolian-names.ts';
import type { LoadResult, ResolvedOptions } from './options.ts';
import { listMarkdown, readYamlFile } from './read.ts';
import type { DirectoryScan } from './scan.ts';
import { readTranslations } from './translations.ts';
import { attachVersions, isVersionFile, readVersionFile } from './versions.ts';
import { readRedirects } from './redirects.ts';

export async function loadDirectory(o: ResolvedOptions): Promise<LoadResult> {
  const dir = path.resolve(o.root, o.source);
  const scan: DirectoryScan = {
    o, dir, problems: [], drafts: [], lines: new Map(), policies: [], scheduledPolicies: [], interpretations: [],
    draftPolicyIds: new Set(), versions: [], attachmentChecks: [], originals: { policies: new Map(), interpretations: new Map() },
  };
  const { problems, lines } = scan;
  const [site, organizations, topics] = await Promise.all([
    readYamlFile(path.join(dir, 'site.yaml'), o.root, siteSchema, siteLabels, problems, lines),
    readYamlFile(path.join(dir, 'organizations.yaml'), o.root, organizationsSchema, organizationLabels, problems, lines),
    readYamlFile(path.join(dir, 'topics.yaml'), o.root, topicsSchema, topicLabels, problems, lines),
  ]);
  problems.push(...(await inventoryProblems(dir, relPath(o.root, dir), site?.ignore)));

  const markdown = await listMarkdown(path.join(dir, 'policies'));
  const policyFiles = markdown.filter((f) => !isVersionFile(f));
  const versionFiles = markdown.filter(isVersionFile);
  const interpretationFiles = await listMarkdown(path.join(dir, 'interpretations'));
  const texts = await readTexts([...policyFiles, ...interpretationFiles, ...versionFiles], o.root, problems);
  policyFiles.forEach((file, n) => readPolicyFile(scan, file, texts[n]));
  interpretationFiles.forEach((file, n) => readInterpretationFile(scan, file, texts[policyFiles.length + n]));
  versionFiles.forEach((file, n) => readVersionFile(scan, file, texts[policyFiles.length + interpretationFiles.length + n]));
  attachVersions(scan);
  const publicDir = path.resolve(o.root, process.env.PORTAL_PUBLIC_DIR ?? 'public');
  await checkAttachments(scan, publicDir);
  const siteRel = relPath(o.root, path.join(dir, 'site.yaml'));
  if (site) problems.push(...(await siteAssetProblems(site, siteRel, publicDir, lines.get(siteRel))));

  const redirects = await readRedirects(dir, o.root, problems);
  const mn = await readTranslations(scan);
  if (organizations && topics) problems.push(...missingMongolianNames(dir, o.root, organizations, topics, mn.needsMn, lines));
  const locate: Locator = (doc, p) => {
    const line = lines.get(doc.source)?.(p);
    return line === undefined ? { file: doc.source } : { file: doc.source, line };
  };
  const counts = { policies: policyFiles.length, interpretations: interpretationFiles.length, translations: mn.files };
  const { policies, scheduledPolicies, interpretations, draftPolicyIds, drafts } = scan;
  return finish(o, { site, organizations, topics, policies, scheduledPolicies, interpretations, draftPolicyIds, drafts, problems, locate, counts, translations: mn.translations, ...(redirects ? { redirects } : {}) });
}

/**
 * Attachments under public/ must exist (a warning: the link would be broken) and be regular
 * files inside it (an error: a symlink out would publish a host file).
 */
async function checkAttachments(scan: DirectoryScan, publicDir: string): Promise<void> {
  await Promise.all(
    scan.attachmentChecks.map(async (a) => {
      const bad = await attachmentProblem(publicDir, a.file);
      if (!bad) return;
      const p: Problem = { file: a.rel, field: `attachments[${a.i}].file`, label: '附件文件', ...bad };
      const line = a.lineOf(['attachments', a.i, 'file']);
      if (line !== undefined) p.line = line;
      scan.problems.push(p);
    }),
  );
}
