/**
 * Attachments of documents that are not published yet (drafts, scheduled): public/ is copied into
 * dist/ whole, so a scheduled document's PDF would be online at a guessable address before its
 * date. These files are removed from dist/ after the build, unless a published document uses them.
 */
import path from 'node:path';
import type { SiteData } from './model.ts';

export function withheldAttachments(data: Pick<SiteData, 'drafts' | 'policies'>, more: readonly string[] = []): string[] {
  const used = new Set(data.policies.flatMap((p) => p.attachments.map((a) => a.file)));
  const files = [...data.drafts.flatMap((d) => d.attachments ?? []), ...more].filter((f) => !used.has(f));
  return [...new Set(files)].sort();
}

/**
 * The output path of a withheld site-relative file, or undefined when it would leave `outDir`.
 * A plain path join: read as a URL, `#`, `?` and `%41` in a file name named another file.
 */
export function withheldPath(outDir: string, file: string): string | undefined {
  const target = path.join(outDir, file);
  const rel = path.relative(outDir, target);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? target : undefined;
}
