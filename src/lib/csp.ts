/**
 * The Content-Security-Policy every page carries (as a meta element, so it works on any static
 * host): only the site's own scripts, styles, fonts and images; no WebAssembly, no eval (the
 * search engine reads its index in plain JavaScript); no inline script or style; forms post
 * only to the site itself and to endpoints named in content/site.yaml.
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
    ['script-src', ["'self'"]],
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

/**
 * CSP options from content/site.yaml: the 依申请公开 endpoint, and the federated peers the
 * search fetches indexes from (absolute URLs only: a peer under a path of this host is 'self').
 * Peers' index files are data read by this site's engine, never run, so script-src stays 'self'.
 */
export function cspOptions(site: { apply?: { endpoint?: string | undefined } | undefined; federation?: { url: string }[] | undefined }): CspOptions {
  const o: CspOptions = {};
  if (site.apply?.endpoint) o.formActions = [site.apply.endpoint];
  const peers = (site.federation ?? []).map((p) => p.url).filter((u) => /^https?:\/\//.test(u));
  if (peers.length) o.connect = peers;
  return o;
}
