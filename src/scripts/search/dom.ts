/** DOM helpers of the search page: elements, safe links, excerpts as nodes (never innerHTML). */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A link to `url` when it is http(s) (a path of this site included); a result of a peer is
 * data, and javascript:, data: or other schemes never become a link (then no href at all). */
export function link(url: string, props: Partial<HTMLAnchorElement>, ...children: (Node | string)[]): HTMLAnchorElement {
  const a = el('a', props, ...children);
  try {
    const u = new URL(url, location.href);
    if (u.protocol === 'http:' || u.protocol === 'https:') a.setAttribute('href', url);
  } catch {
    // not a URL: text only
  }
  return a;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The engine's excerpt (escaped text, <mark> around matches) as nodes: only <mark> becomes an
 * element, everything else stays text, whatever a peer's document contained. Never innerHTML. */
export function excerptNodes(html: string): Node[] {
  const out: Node[] = [];
  let mark: HTMLElement | null = null;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === '<mark>') out.push((mark = el('mark')));
    else if (part === '</mark>') mark = null;
    else if (part) {
      const text = document.createTextNode(part.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!));
      if (mark) mark.append(text);
      else out.push(text);
    }
  }
  return out;
}

export const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
