/**
 * The one-document edit of the rebuild benchmark: one paragraph of one generated policy is
 * replaced by a real paragraph of the source corpus that the fewest generated documents contain, so
 * a phrase from it finds the edited document once the rebuilt site is searched (first when the
 * phrase is unique; among the documents that hold it otherwise, as at 50,000 where nearly every
 * real paragraph is used).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonl, type CorpusDoc } from './corpus-records.ts';

export interface Edit {
  file: string;
  /** policies/<id>/ of the edited document */
  id: string;
  phrase: string;
  /** other documents holding the phrase (0: the edited one must come first) */
  others: number;
  restore(): void;
}

/** 12 consecutive Han characters from the middle of a paragraph, or null when it has no such run. */
export function phraseOf(paragraph: string): string | null {
  const runs = paragraph.match(/[\u4e00-\u9fff]{12,}/g) ?? [];
  const run = runs.sort((a, b) => b.length - a.length)[0];
  if (!run) return null;
  const from = Math.floor((run.length - 12) / 2);
  return run.slice(from, from + 12);
}

/** Replaces body paragraph `index` (blank-line separated, after the frontmatter) with `paragraph`. */
export function swapParagraph(markdown: string, index: number, paragraph: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(markdown);
  if (!m) throw new Error('no frontmatter: not a generated policy file');
  const paras = markdown.slice(m[0].length).split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  if (!paras.length) throw new Error('a generated policy without body paragraphs');
  paras[index % paras.length] = paragraph;
  return `${m[0]}\n${paras.join('\n\n')}\n`;
}

/** Real paragraphs (one line, 60–400 characters, no Markdown markers) with their phrases, in corpus order. */
async function candidates(sourceCorpus: string, wanted: number): Promise<{ paragraph: string; phrase: string }[]> {
  const out: { paragraph: string; phrase: string }[] = [];
  for await (const d of readJsonl<CorpusDoc>(sourceCorpus)) {
    for (const p of d.body.split('\n').map((s) => s.trim())) {
      if (p.length < 60 || p.length > 400 || /^(?:\d+[.)]|[-*+>#])\s|[<>`*_\\{}|]/.test(p)) continue;
      const phrase = phraseOf(p);
      if (phrase) out.push({ paragraph: p, phrase });
      if (out.length >= wanted) return out;
    }
  }
  return out;
}

/** How many files of `dir` contain each phrase (one pass over the files). */
function countPhrases(dir: string, files: string[], phrases: string[]): number[] {
  const counts = phrases.map(() => 0);
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    phrases.forEach((p, i) => {
      if (text.includes(p)) counts[i]!++;
    });
  }
  return counts;
}

/** Edits the middle policy of a generated content directory with the real paragraph whose
 * phrase the fewest generated documents hold (none, up to a few thousand documents);
 * `restore()` puts the file back. */
export async function editOneDocument(contentDir: string, sourceCorpus: string): Promise<Edit> {
  const dir = join(contentDir, 'policies');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const name = files[Math.floor(files.length / 2)];
  if (!name) throw new Error(`${dir}: no policies to edit`);
  const file = join(dir, name);
  const original = readFileSync(file, 'utf8');
  const pool = (await candidates(sourceCorpus, 40)).filter((c) => !original.includes(c.phrase));
  const counts = countPhrases(dir, files, pool.map((c) => c.phrase));
  const best = counts.indexOf(Math.min(...counts));
  const pick = pool[best];
  if (!pick) throw new Error(`${sourceCorpus}: no paragraph to swap into ${file}`);
  writeFileSync(file, swapParagraph(original, 1, pick.paragraph));
  return { file, id: name.replace(/\.md$/, ''), phrase: pick.phrase, others: counts[best]!, restore: () => writeFileSync(file, original) };
}

/** Where the built engine ranks the edited document for the edited phrase (0 = first; -1 = not found). */
export async function editRank(outDir: string, edit: Edit): Promise<number> {
  const { loadEngine } = await import('../../test/search/helpers.ts');
  const engine = await loadEngine(outDir);
  const res = await engine.search(edit.phrase, { limit: edit.others + 10 });
  return res.results.findIndex((r) => r.url.includes(`/policies/${edit.id}/`));
}
