import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { decodeText, encodeGb18030 } from './src/lib/import/decode.ts';
import { extractDocument } from './src/lib/import/extract.ts';
const orgs = parse(readFileSync('content/organizations.yaml','utf8'));
for (const f of readdirSync('/work/shared/seeds')) {
  const bytes = encodeGb18030(readFileSync('/work/shared/seeds/'+f,'utf8'), true);
  const d = decodeText(bytes);
  const ex = extractDocument(d.text, { organizations: orgs });
  const { body, ...rest } = ex;
  console.log(f, d.encoding, JSON.stringify(rest, null, 1));
  if (process.argv[2]===f.slice(0,3)) console.log(body);
}
