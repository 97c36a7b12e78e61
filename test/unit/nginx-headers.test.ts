/**
 * docs/nginx.conf.example sends the security headers the pages need: its CSP header has every
 * directive of the pages' <meta> CSP (src/lib/csp.ts, default site from content/site.yaml) with
 * the same sources, plus frame-ancestors 'none'; every block that adds headers carries the full
 * set with `always` (nginx drops server-level add_header in a location that has its own).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentSecurityPolicy, cspOptions } from '../../src/lib/csp.ts';
import { headerCsp, nginxSecurityHeaders, securityHeaders } from '../../src/lib/security-headers.ts';
import { ROOT } from '../helpers/build-site.ts';

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/** nginx config → directives (quotes, comments, nested blocks; enough for the example). */
function parseNginx(text: string): Directive[] {
  const tokens = [...text.matchAll(/#[^\n]*|"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|([{};])|([^\s{};"'#]+)/g)]
    .filter((m) => !m[0].startsWith('#'))
    .map((m): { punct: string } | { word: string } => (m[3] ? { punct: m[3] } : { word: m[1] ?? m[2] ?? m[4]! }));
  let i = 0;
  const list = (): Directive[] => {
    const out: Directive[] = [];
    let cur: Directive | undefined;
    while (i < tokens.length) {
      const t = tokens[i++]!;
      if ('word' in t) {
        if (cur) cur.args.push(t.word);
        else cur = { name: t.word, args: [] };
      } else if (t.punct === ';') out.push(cur!), (cur = undefined);
      else if (t.punct === '{') out.push({ ...cur!, block: list() }), (cur = undefined);
      else return out; // '}'
    }
    return out;
  };
  return list();
}

function blocks(ds: Directive[], path = ''): { where: string; body: Directive[] }[] {
  return ds.flatMap((d) => (d.block ? [{ where: `${path}${d.name} ${d.args.join(' ')}`.trim(), body: d.block }, ...blocks(d.block, `${path}${d.name} ${d.args.join(' ')} > `)] : []));
}

/** `a x y; b z` → {a: [x, y], b: [z]} */
function cspDirectives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v.sort()]));
}

const example = parseNginx(readFileSync(join(ROOT, 'docs/nginx.conf.example'), 'utf8'));
const withHeaders = blocks(example).filter((b) => b.body.some((d) => d.name === 'add_header'));
const site = parseYaml(readFileSync(join(ROOT, 'content/site.yaml'), 'utf8'));
const pageCsp = contentSecurityPolicy(cspOptions(site));

describe('docs/nginx.conf.example security headers', () => {
  it('parses the server block and its locations', () => {
    expect(withHeaders.map((b) => b.where)).toContain('server');
    expect(withHeaders.filter((b) => b.where.includes('location')).length).toBeGreaterThanOrEqual(4);
  });

  it('sends the pages’ CSP with the same sources, plus frame-ancestors', () => {
    expect(cspOptions(site)).toEqual({}); // the default site: no federation peers, no external form endpoint
    for (const b of withHeaders) {
      const csp = b.body.find((d) => d.name === 'add_header' && d.args[0] === 'Content-Security-Policy');
      const header = cspDirectives(csp!.args[1]!);
      for (const [name, sources] of Object.entries(cspDirectives(pageCsp))) expect(header[name], `${b.where}: ${name}`).toEqual(sources);
      expect(header['frame-ancestors'], b.where).toEqual(["'none'"]);
      expect(Object.keys(header).sort(), b.where).toEqual([...Object.keys(cspDirectives(pageCsp)), 'frame-ancestors'].sort());
    }
  });

  it('repeats the full security set with `always` in every block that adds headers', () => {
    const expected = securityHeaders(cspOptions(site));
    for (const b of withHeaders) {
      const sent = new Map(b.body.filter((d) => d.name === 'add_header').map((d) => [d.args[0]!.toLowerCase(), d.args.slice(1)]));
      for (const [name, value] of expected) expect(sent.get(name.toLowerCase()), `${b.where}: ${name}`).toEqual([value, 'always']);
    }
  });

  it('matches the snippet the build writes (dist/security-headers.conf) for this site', () => {
    const snippet = parseNginx(nginxSecurityHeaders(cspOptions(site)));
    const server = withHeaders.find((b) => b.where === 'server')!.body.filter((d) => d.name === 'add_header' && d.args[0] !== 'Cache-Control');
    expect(server).toEqual(snippet);
  });
});

describe('header CSP', () => {
  it('lists federation peers and form endpoints like the pages do', () => {
    const opts = cspOptions({ apply: { endpoint: 'https://ysqgk.example.gov.cn/submit' }, federation: [{ url: 'https://peer.example.gov.cn/zwgk/' }] });
    const header = cspDirectives(headerCsp(opts));
    expect(header['connect-src']).toEqual(["'self'", 'https://peer.example.gov.cn']);
    expect(header['form-action']).toEqual(["'self'", 'https://ysqgk.example.gov.cn']);
    expect(header['frame-ancestors']).toEqual(["'none'"]);
  });
});
