/**
 * The index format check (src/lib/search/format.ts): the engine reads only a manifest of the
 * format and version it knows, and says so in one line otherwise.
 */
import { describe, expect, it } from 'vitest';
import { INDEX_FORMAT, INDEX_VERSION, SUPPORTED_VERSIONS, assertIndexFormat } from '../../src/lib/search/format.ts';
import { PeerError } from '../../src/lib/search/validate.ts';

const problem = (m: unknown): PeerError => {
  try {
    assertIndexFormat(m, 'manifest.json');
  } catch (e) {
    return e as PeerError;
  }
  throw new Error('accepted');
};

describe('assertIndexFormat', () => {
  it('accepts the current format and version, and no other version', () => {
    expect(SUPPORTED_VERSIONS).toEqual([INDEX_VERSION]);
    expect(() => assertIndexFormat({ format: INDEX_FORMAT, version: INDEX_VERSION, languages: {} })).not.toThrow();
    expect(() => assertIndexFormat({ version: INDEX_VERSION })).not.toThrow();
    // version 2 named files by page number and chunk number, not by content
    expect(problem({ format: INDEX_FORMAT, version: 2 }).message).toContain('index version 2');
  });
  it('rejects a missing version', () => {
    const e = problem({ format: INDEX_FORMAT });
    expect(e).toBeInstanceOf(PeerError);
    expect(e.problem).toBe('broken');
    expect(e.message).toBe(`manifest.json: no index version, this engine reads ${INDEX_FORMAT} version 3 (rebuild the site)`);
  });
  it('rejects an unknown version, naming it', () => {
    expect(problem({ format: INDEX_FORMAT, version: 4 }).message).toMatch(/^manifest\.json: index version 4, this engine reads gop-postings version 3 \(rebuild the site\)$/);
    expect(problem({ version: '3' }).message).toContain('index version "3"');
    expect(problem({ version: 1 }).problem).toBe('broken');
  });
  it('rejects another format, and what is not a manifest at all', () => {
    expect(problem({ format: 'pagefind', version: 3 }).message).toContain('index format "pagefind"');
    expect(problem(null).message).toBe('manifest.json: not a search index manifest (rebuild the site)');
    expect(problem([2]).problem).toBe('broken');
    expect(problem('{"version":2}').problem).toBe('broken');
  });
  it('keeps a long hostile value out of the message', () => {
    expect(problem({ version: 'x'.repeat(10_000) }).message.length).toBeLessThan(200);
  });
});
