/**
 * Every internal link goes through `href()` so that dist/ works under any `base`
 * (an intranet sub-path such as /zwgk/). Pure: the base is passed in.
 */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.replace(/^\/+/, '');
  return `${b}${p}`;
}

/** Policy and interpretation URLs: the URL contract of DESIGN.md. */
export const routes = {
  home: () => '',
  policies: () => 'policies/',
  policiesPage: (n: number) => (n <= 1 ? 'policies/' : `policies/page/${n}/`),
  policy: (id: string) => `policies/${id}/`,
  facet: (facet: FacetName, value: string, page = 1) =>
    page <= 1 ? `policies/${facet}/${encodeURIComponent(value)}/` : `policies/${facet}/${encodeURIComponent(value)}/${page}/`,
  interpretations: () => 'interpretations/',
  interpretation: (id: string) => `interpretations/${id}/`,
  search: (q?: string) => (q ? `search/?q=${encodeURIComponent(q)}` : 'search/'),
};

export type FacetName = 'year' | 'issuer' | 'topic' | 'status';
