/**
 * Attachments of documents that are not published yet (drafts, scheduled): public/ is copied into
 * dist/ whole, so a scheduled document's PDF would be online at a guessable address before its
 * date. These files are removed from dist/ after the build, unless a published document uses them.
 */
import type { SiteData } from './model.ts';

export function withheldAttachments(data: Pick<SiteData, 'drafts' | 'policies'>): string[] {
  const used = new Set(data.policies.flatMap((p) => p.attachments.map((a) => a.file)));
  const files = data.drafts.flatMap((d) => d.attachments ?? []).filter((f) => !used.has(f));
  return [...new Set(files)].sort();
}
