/**
 * The bundle directory's files, content-addressed (docs/search.md): every file but a page's
 * fragment and text is named by a hash of its bytes, so a file that did not change keeps its
 * name (and its place in browsers' and CDNs' caches) and is not written again. A page's files
 * are named by its page id, which no other content gets within the directory. Every file the
 * current index refers to is marked; prune() then removes what an earlier build wrote and this
 * one no longer refers to.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** 60 bits of SHA-1 in base64url: unique among the files of one bundle directory. */
export const nameOf = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64url').slice(0, 10);

export const BUNDLE_DIRS = ['index', 'dir', 'filter', 'fragment', 'text', 'sort', 'docnum'];
/** the directories of files named by page id (./pages.ts) */
const PAGE_DIRS = new Set(['fragment', 'text']);

export class BundleStore {
  readonly dir: string;
  private referenced = new Set<string>();
  /** files written by this build, and files referenced that were already there */
  written = 0;
  kept = 0;

  constructor(dir: string) {
    this.dir = dir;
    for (const sub of BUNDLE_DIRS) mkdirSync(join(dir, sub), { recursive: true });
  }

  /** Stores `bytes` under the name of their hash (`path(name)`: the file's place), returns the name. */
  put(path: (name: string) => string, bytes: Uint8Array): string {
    const name = nameOf(bytes);
    this.file(path(name), bytes, false);
    return name;
  }

  /** A file named by the caller (a page's fragment or text); written unless present and not `fresh`. */
  file(rel: string, bytes: Uint8Array, fresh: boolean): void {
    if (this.referenced.has(rel) && !fresh) return;
    this.referenced.add(rel);
    const abs = join(this.dir, rel);
    if (!fresh && existsSync(abs)) {
      this.kept++;
      return;
    }
    writeFileSync(abs, bytes);
    this.written++;
  }

  /** Marks a file of an earlier build as still referenced. */
  keep(rel: string): void {
    if (this.referenced.has(rel)) return;
    this.referenced.add(rel);
    this.kept++;
  }

  has(rel: string): boolean {
    return existsSync(join(this.dir, rel));
  }

  /** Removes every file the current index does not refer to; returns how many. With
   * `pageFiles` (an incremental build: the fragments and texts of the pages the previous index
   * had), only those are looked at in fragment/ and text/, which hold most of the files: a page's
   * files are never rewritten under another page's id, so no other file there can have fallen out. */
  prune(pageFiles?: Iterable<string>): number {
    let n = 0;
    const drop = (rel: string) => {
      if (this.referenced.has(rel)) return;
      rmSync(join(this.dir, rel), { force: true });
      n++;
    };
    const scan = pageFiles ? BUNDLE_DIRS.filter((d) => !PAGE_DIRS.has(d)) : BUNDLE_DIRS;
    for (const sub of scan) {
      for (const e of readdirSync(join(this.dir, sub), { withFileTypes: true, recursive: true })) {
        if (e.isFile()) drop(relative(this.dir, join(e.parentPath, e.name)).split(sep).join('/'));
      }
    }
    for (const rel of pageFiles ?? []) if (!this.referenced.has(rel) && existsSync(join(this.dir, rel))) drop(rel);
    return n;
  }
}
