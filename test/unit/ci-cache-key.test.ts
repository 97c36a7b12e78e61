/**
 * docs/ci-example.yml keys the build cache by the full ref (docs/deployment.md, SECURITY.md): the
 * cache holds page copies an incremental build publishes as they are, so main must never restore
 * a cache a content author's branch (or tag) wrote, whatever that branch is called.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Step { uses?: string; with?: { key?: string; 'restore-keys'?: string } }
const workflow = parse(readFileSync(new URL('../../docs/ci-example.yml', import.meta.url), 'utf8')) as { jobs: { build: { steps: Step[] } } };
const cache = workflow.jobs.build.steps.find((s) => s.uses?.startsWith('actions/cache'))!.with!;

/** The key or prefix as the runner expands it for a push of `ref` at `sha`. */
const expand = (template: string, ref: string, sha: string) =>
  template.replace(/\$\{\{\s*github\.(\w+)\s*\}\}/g, (_, v: string) => {
    const vars: Record<string, string> = { ref, sha, ref_name: ref.replace(/^refs\/(heads|tags)\//, '') };
    if (!(v in vars)) throw new Error(`unexpected expression github.${v}`);
    return vars[v]!;
  });

describe('the CI build cache key', () => {
  it("main's restore prefixes match no cache written by another branch or a tag, however it is named", () => {
    const prefixes = [cache['restore-keys'] ?? '', cache.key ?? ''].filter(Boolean).map((t) => expand(t, 'refs/heads/main', 'f00d'));
    const hostile = ['refs/heads/main-x', 'refs/heads/main/x', 'refs/heads/main.x', 'refs/heads/mainx', 'refs/tags/main', 'refs/heads/x/main', 'refs/pull/1/merge'];
    for (const ref of hostile) {
      const written = expand(cache.key!, ref, 'f00d');
      for (const p of prefixes) expect(written.startsWith(p), `${ref} writes ${written}, main restores ${p}`).toBe(false);
    }
    // and main still finds its own earlier cache
    expect(expand(cache.key!, 'refs/heads/main', 'beef').startsWith(expand(cache['restore-keys']!, 'refs/heads/main', ''))).toBe(true);
  });
});
