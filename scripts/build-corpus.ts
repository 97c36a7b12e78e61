/**
 * npm run build:corpus -- FILE.jsonl OUTDIR [--strict] [--base /sub/] [--group-versions]
 *
 * Builds the whole portal from a JSON-lines export ({id, title, docNumber, issuer, written,
 * published, topic, body} per line) into OUTDIR, the same shape as dist/. Every row goes
 * through the same schemas and cross-file rules as content/. Legacy exports often lack a
 * date or an issuer, or repeat a 文号: by default those three problems are reported as
 * warnings (see src/content/load.ts, `lenient`); --strict makes them errors. --group-versions
 * publishes rows with the same title and issuers and different dates as one document with
 * 历史版本 (src/lib/version-groups.ts, on the grouping npm run import --group-versions shares:
 * src/lib/version-grouping.ts); each merged row is named in a warning.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
if (args.includes('--help') || args.length < 2) {
  console.log('用法 usage: npm run build:corpus -- FILE.jsonl OUTDIR [--strict] [--base /sub/] [--group-versions]');
  process.exit(args.includes('--help') ? 0 : 2);
}
const [file, outDir] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--base');
const baseIdx = args.indexOf('--base');
if (!file || !outDir || !existsSync(file)) {
  console.error(`找不到输入文件 input file not found: ${file ?? '(none)'}`);
  process.exit(2);
}
const env = {
  ...process.env,
  PORTAL_CONTENT: resolve(file),
  PORTAL_OUT_DIR: resolve(outDir),
  PORTAL_LENIENT: args.includes('--strict') ? '0' : '1',
  PORTAL_GROUP_VERSIONS: args.includes('--group-versions') ? '1' : '0',
  ...(baseIdx >= 0 && args[baseIdx + 1] ? { PORTAL_BASE: args[baseIdx + 1] } : {}),
};
const run = (script: string, extra: string[] = []) => {
  const r = spawnSync(process.execPath, [script, ...extra], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
// astro build writes the search index too (src/integrations/search-index.ts)
run('node_modules/astro/bin/astro.mjs', ['build']);
