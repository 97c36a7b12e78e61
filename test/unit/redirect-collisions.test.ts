/**
 * Redirect paths that collide with pages (src/integrations/redirect-collisions.ts): an old address
 * in content/redirects.yaml that is also a page of the site (open/guide/) was rendered as the page
 * with only a warning, the redirect lost and the page dropped from the sitemap. After the build,
 * each redirect's output must be that redirect.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redirectCollisions } from '../../src/integrations/redirect-collisions.ts';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'redirect-collisions-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const write = (path: string, html: string) => {
  mkdirSync(join(out, path), { recursive: true });
  writeFileSync(join(out, path, 'index.html'), html);
};
const refresh = (url: string) => `<!doctype html><html><head><meta http-equiv="refresh" content="0; url=${url}"></head></html>`;

describe('redirect pages after the build', () => {
  it('accepts redirects whose output is that redirect (under a base path, & escaped)', () => {
    write('policies/old/', refresh('/zwgk/policies/new/'));
    write('eli/示政发/2004/12/', refresh('/zwgk/policies/a&amp;b/'));
    const list = [
      { path: 'policies/old/', to: 'policies/new/', title: '' },
      { path: 'eli/示政发/2004/12/', to: 'policies/a&b/', title: '' },
    ];
    expect(redirectCollisions(out, '/zwgk/', list)).toEqual([]);
  });

  it('reports a redirect whose path is a page of the site, and one taken by another redirect', () => {
    write('open/guide/', '<!doctype html><title>政府信息公开指南</title>');
    write('eli/x/2020/1/', refresh('/policies/other/'));
    const bad = redirectCollisions(out, '/', [
      { path: 'open/guide/', to: 'policies/single/', title: '' },
      { path: 'eli/x/2020/1/', to: 'policies/mine/', title: '' },
      { path: 'never/written/', to: 'policies/mine/', title: '' },
    ]);
    expect(bad).toEqual([
      expect.stringContaining('open/guide/：是本站已有的页面'),
      expect.stringContaining('eli/x/2020/1/：被另一个重定向占用（taken by another redirect to /policies/other/）'),
      expect.stringContaining('never/written/：是本站已有的页面'),
    ]);
  });
});
