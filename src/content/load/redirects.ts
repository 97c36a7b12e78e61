/** content/redirects.yaml (optional): read and schema-checked; the cross-file rules run in finish.ts. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../lib/errors.ts';
import { redirectsSchema, labels, type Redirect } from '../../schemas/redirects.ts';
import { relPath, type LineOf } from '../files.ts';
import { readYamlFile } from './read.ts';

export const REDIRECTS_FILE = 'redirects.yaml';

export async function readRedirects(dir: string, root: string, problems: Problem[]): Promise<{ list: Redirect[]; file: string; lineOf: LineOf } | undefined> {
  const file = path.join(dir, REDIRECTS_FILE);
  if (!(await stat(file).then((s) => s.isFile(), () => false))) return undefined;
  const lines = new Map<string, LineOf>();
  const list = await readYamlFile(file, root, redirectsSchema, labels, problems, lines);
  const rel = relPath(root, file);
  return list ? { list, file: rel, lineOf: lines.get(rel) ?? (() => undefined) } : undefined;
}
