/**
 * The Content-Security-Policy every page carries (as a meta element, so it works on any static
 * host): only the site's own scripts, styles, fonts and images; WebAssembly compilation for
 * Pagefind ('wasm-unsafe-eval', not 'unsafe-eval'); no inline script or style; forms post only
 * to the site itself and to endpoints named in content/site.yaml.
 */
export interface CspOptions {
  /** extra origins forms may post to (e.g. the 依申请公开 endpoint) */
  formActions?: string[];
  /** extra origins the search may fetch indexes from (federated peers) */
  connect?: string[];
}

function origins(urls: string[] = []): string[] {
  return [...new Set(urls.map((u) => new URL(u).origin))];
}

export function contentSecurityPolicy(opts: CspOptions = {}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...origins(opts.connect)]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'", ...origins(opts.formActions)]],
  ];
  return directives.map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
}

/** CSP options from content/site.yaml: the 依申请公开 endpoint, when one is configured. */
export function cspOptions(site: { apply?: { endpoint?: string | undefined } | undefined }): CspOptions {
  return site.apply?.endpoint ? { formActions: [site.apply.endpoint] } : {};
}
