/**
 * What the loader adds to a document's validated frontmatter: the id (frontmatter `id` or the
 * file name), where it came from, and its body.
 */
export interface LoadedDocument {
  id: string;
  /** source file relative to the project root (or `FILE.jsonl:LINE`) for error messages */
  source: string;
  /** Markdown body (content files) or plain paragraphs, one per line (JSON-lines import) */
  body: string;
  bodyFormat: 'markdown' | 'text';
}

/** `o` without its undefined-valued keys (absent fields stay absent in the model). */
export function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
