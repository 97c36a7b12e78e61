/**
 * The build cache is input, not truth (SECURITY.md): CI may restore a cache another branch
 * wrote, so every entry read from PORTAL_CACHE_DIR/search-index/ is size-capped, schema-checked
 * and bound to what it claims to be computed from before it is used.
 * - writerDigest(): a hash of the source of the code that makes the cached files (tokenizer,
 *   index writer); it is part of every cache key, so entries written by other code (another
 *   branch's tokenizer, a forgotten WRITER_REVISION bump) are never read as this code's.
 * - token entries name the record digest they were computed for (recomputed by the reader from
 *   the record, never taken from the entry), and their section cuts must fit the record's body.
 * - the index state: names that become file paths (generation, chunk files) are path-safe.
 * An entry that fails is not used (recomputed, or a full build) and the reason is logged.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** uncompressed bytes of one token entry (a 2 MiB body makes ~10 MiB of words at most) */
export const MAX_TOKEN_ENTRY_BYTES = 64 * 2 ** 20;
/** bytes of the index state file (~120 bytes per page) */
export const MAX_STATE_BYTES = 256 * 2 ** 20;

/** The code whose output is cached: the tokenizer's import graph and the index writer. */
const WRITER_ENTRIES = ['src/lib/search/layout.ts', 'src/lib/search/tokenize.ts', 'src/lib/search/postings.ts', 'src/lib/search/format.ts'];
const WRITER_DIRS = ['scripts/lib/search-index'];
/** makes the records, which are hashed themselves (recordDigest), not the cached files */
const NOT_WRITER = new Set(['site-records.ts']);
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.\.?\/[^'"]+)['"]/g;

let writer: string | undefined;

/** SHA-1 of the writer's source files (relative path and bytes, in path order), 16 hex digits. */
export function writerDigest(root = ROOT): string {
  if (writer && root === ROOT) return writer;
  const files = new Set<string>();
  const visit = (abs: string): void => {
    if (files.has(abs)) return;
    files.add(abs);
    const src = readFileSync(abs, 'utf8');
    for (const m of src.matchAll(RELATIVE_IMPORT)) visit(resolve(dirname(abs), m[1]!));
  };
  for (const f of WRITER_ENTRIES) visit(join(root, f));
  for (const d of WRITER_DIRS) for (const f of readdirSync(join(root, d))) if (f.endsWith('.ts') && !NOT_WRITER.has(f)) visit(join(root, d, f));
  const h = createHash('sha1');
  for (const f of [...files].sort()) h.update(`${f.slice(root.length)}\n`).update(readFileSync(f)).update('\n');
  const d = h.digest('hex').slice(0, 16);
  if (root === ROOT) writer = d;
  return d;
}

/** Thrown for a cache entry that is not used; the message says why. */
export class BadCacheEntry extends Error {}

/** `json` parsed and checked against `schema`, else BadCacheEntry naming what it is not. */
function parseJsonAs<T extends z.ZodType>(schema: T, json: string, what: string): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new BadCacheEntry('not JSON');
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw new BadCacheEntry(`not ${what} (${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message})`);
  return r.data;
}

const DIGEST = /^[\w-]{22}$/;
const tokenEntry = z.strictObject({ d: z.string().regex(DIGEST), w: z.string(), c: z.array(z.number().int().nonnegative()).min(1) });

/** A token entry's JSON, checked to be the one computed for `digest`. */
export function parseTokenEntry(json: string, digest: string): { words: string[]; cuts: number[] } {
  const entry = parseJsonAs(tokenEntry, json, 'a token entry');
  if (entry.d !== digest) throw new BadCacheEntry(`computed for record ${entry.d}, not ${digest}`);
  return { words: entry.w ? entry.w.split('\u001f') : [], cuts: entry.c };
}

/** Why cached tokens cannot be a tokenization of a body of `bodyLength` characters ('' if they can):
 * the title slot, then one word per body token, and one section cut per `sectionTokens` of them
 * (layout.ts sectionCuts), ascending from 0, each inside the body. */
export function tokensMisfit(t: { words: readonly string[]; cuts: readonly number[] }, bodyLength: number, titleSlot: number, sectionTokens: number): string {
  const body = t.words.length - titleSlot;
  if (body < 0) return `${t.words.length} words, fewer than the title slot (${titleSlot})`;
  if (body > 4 * bodyLength + 16) return `${body} body words for ${bodyLength} characters`;
  const sections = body === 0 ? 1 : 1 + Math.floor((body - 1) / sectionTokens);
  if (t.cuts.length !== sections) return `${t.cuts.length} section cuts for ${body} body words (expected ${sections})`;
  if (t.cuts[0] !== 0) return 'the first section does not start at 0';
  for (let i = 1; i < t.cuts.length; i++) {
    if (t.cuts[i]! <= t.cuts[i - 1]! || t.cuts[i]! >= bodyLength) return `section cut ${t.cuts[i]} out of order or outside the body`;
  }
  return '';
}

const int = z.number().int().nonnegative();
const page = z.strictObject({ path: z.string().min(1).max(2048), page: int, digest: z.string().regex(DIGEST), length: int, sections: int.min(1), published: z.string().max(32).optional() });
/** chunk file names are content hashes (store.ts nameOf): no dot, no slash */
const chunk = z.tuple([z.string(), z.string(), int, z.string().regex(/^[\w-]{1,40}$/), int]);
const language = z.strictObject({ tag: z.string().regex(/^\w{1,40}$/), next: int, pages: z.array(page), chunks: z.array(chunk), common: z.array(z.tuple([z.string(), int])) });
const state = z.strictObject({
  key: z.string().max(4096),
  gen: z.string().regex(/^[0-9a-f]{16}$/),
  salt: z.string().regex(/^[0-9a-z]{2}$/),
  manifest: z.string().regex(/^[0-9a-f]{40}$/),
  updates: int,
  languages: z.record(z.string().regex(/^[a-z]{2,3}$/), language),
});

export type CheckedState = z.output<typeof state>;

/** The index state file's JSON, checked (paths it names stay inside the bundle directory). */
export function parseState(json: string): CheckedState {
  const checked = parseJsonAs(state, json, 'an index state');
  for (const [lang, l] of Object.entries(checked.languages)) {
    const numbers = new Set<number>();
    for (const p of l.pages) {
      if (p.page >= l.next || numbers.has(p.page)) throw new BadCacheEntry(`languages.${lang}: page ${p.page} reused or not below next (${l.next})`);
      numbers.add(p.page);
    }
  }
  return checked;
}
