/**
 * Quick, forgiving reads of a content directory for the scaffolding scripts (import, new):
 * what is already there (ids, 索引号, topics), never failing on a broken file — reporting
 * those is `npm run check`'s business.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { frontmatterData } from '../../src/lib/frontmatter.ts';
import { parseYaml } from '../../src/lib/yaml.ts';

export interface ContentDocument {
  folder: 'policies' | 'interpretations';
  /** file name, e.g. `2024-x.md` */
  name: string;
  /** frontmatter; {} when the file cannot be read or parsed */
  data: Record<string, unknown>;
}

/** The Markdown files under <contentDir>/policies and <contentDir>/interpretations (recursively). */
export async function scanDocuments(contentDir: string): Promise<ContentDocument[]> {
  const out: ContentDocument[] = [];
  for (const folder of ['policies', 'interpretations'] as const) {
    let entries;
    try {
      entries = await readdir(path.join(contentDir, folder), { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isFile() || !/\.mdx?$/i.test(e.name)) continue;
      let data: Record<string, unknown> = {};
      try {
        data = frontmatterData(await readFile(path.join(e.parentPath, e.name), 'utf8'), e.name) ?? {};
      } catch {
        // an unreadable file: no frontmatter
      }
      out.push({ folder, name: e.name, data });
    }
  }
  return out;
}

/** A YAML file holding a list (organizations.yaml, topics.yaml); [] when missing, broken or not a list. */
export async function readYamlList(file: string): Promise<unknown[]> {
  try {
    const v = parseYaml(await readFile(file, 'utf8'), file).value;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}
