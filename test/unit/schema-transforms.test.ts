/**
 * Derived values carried by the schemas' transforms (a 文号 parsed once into {raw, key, agency,
 * year, serial}), their errors as the loader reports them (file:line field（标签）: reason；允许值),
 * and that the model types are the schemas' outputs (the expectTypeOf lines fail `npm run typecheck`
 * if model.ts restates a type by hand and it drifts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { collectSite } from '../../src/content/load.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { toDocNumber, type DocNumber } from '../../src/lib/docnumber.ts';
import type { Interpretation, Organization, Policy, SiteConfig, Topic, Translation } from '../../src/lib/model.ts';
import { docNumberSchema } from '../../src/schemas/fields/docNumber.ts';
import { policySchema, toPolicy, type PolicyFrontmatter } from '../../src/schemas/policy.ts';
import { interpretationSchema, type InterpretationFrontmatter } from '../../src/schemas/interpretation.ts';
import type { TranslationFrontmatter } from '../../src/schemas/translation.ts';
import type { organizationSchema } from '../../src/schemas/organizations.ts';
import type { topicSchema } from '../../src/schemas/topics.ts';
import type { siteSchema } from '../../src/schemas/site.ts';
import type { LoadedDocument } from '../../src/schemas/document.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const today = '2025-06-01';
const ALLOWED = '允许值：机关代字〔年份〕序号号，如 内政公办字〔2016〕5号、机关代字第序号号，如 国务院令第656号';
const minimal = { title: '关于印发要点的通知', issuers: 'sl-zfb', indexNumber: '111501020000000001/2020-00001', topic: 'zwgk', published: '2020-03-05' };

describe('docNumberSchema: the 文号 parsed once', () => {
  it.each<[string, DocNumber]>([
    ['内政公办字〔2016〕5号', { raw: '内政公办字〔2016〕5号', key: '内政公办字|2016|5', agency: '内政公办字', year: 2016, serial: '5' }],
    ['  银发[2015]第0305号 ', { raw: '银发[2015]第0305号', key: '银发|2015|305', agency: '银发', year: 2015, serial: '305' }],
    ['国务院令第656号', { raw: '国务院令第656号', key: '国务院令||656', agency: '国务院令', serial: '656' }],
    ['中国人民银行 财政部公告〔2016〕第3号', { raw: '中国人民银行 财政部公告〔2016〕第3号', key: '中国人民银行财政部公告|2016|3', agency: '中国人民银行财政部公告', year: 2016, serial: '3' }],
  ])('%s', (input, expected) => {
    const out = docNumberSchema.parse(input);
    expect(out).toEqual(expected);
    // no `year: undefined` key for 令 numbers: absent stays absent
    expect(Object.keys(out).sort()).toEqual(Object.keys(expected).sort());
  });

  it('is the same value toDocNumber gives (one parser)', () => {
    expect(policySchema.parse({ ...minimal, docNumber: '银发(2015)305号' }).docNumber).toEqual(toDocNumber('银发(2015)305号'));
    expect(toDocNumber('第五号')).toBeNull();
  });

  it('rejects unrecognizable text with the reason and the allowed forms', () => {
    const r = policySchema.safeParse({ ...minimal, docNumber: '第五号' });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(['docNumber']);
    expect(issue.message).toBe('无法识别的发文字号 "第五号"（unrecognized document number）');
  });

  it('keeps absent fields absent in the model (toPolicy)', () => {
    const p = toPolicy(policySchema.parse(minimal), 'a', 'p/a.md', '正文');
    expect('docNumber' in p).toBe(false);
    expect(Object.values(p)).not.toContain(undefined);
  });
});

describe('bad 文号 through the loader: file, line, field, reason', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-transforms-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a content file', async () => {
    cpSync(path.join(root, 'test/fixtures/content/ok'), path.join(dir, 'content'), { recursive: true });
    const file = path.join(dir, 'content/policies/policy-b.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('docNumber: 示政办发[2024]第12号', 'docNumber: 示政办发〔2024〕'));
    // the invalid policy is left out, so its interpretation's reference is reported too (nothing vanishes silently)
    const r = await collectSite({ root: dir, source: 'content', today });
    expect(r.problems.map(formatProblem)).toEqual([
      'content/interpretations/policy-b-jiedu.md:3 interprets[0]（解读文件）: 引用的政策文件不存在 "policy-b"（unknown policy id）；是否应为 "policy-a"？',
      `content/policies/policy-b.md:3 docNumber（发文字号）: 无法识别的发文字号 "示政办发〔2024〕"（unrecognized document number）；${ALLOWED}`,
    ]);
    expect(r.data).toBeDefined();
  });

  it('a JSON-lines row', async () => {
    const row = { id: 'r1', title: '关于支付结算的通知', docNumber: '〔2015〕305号', issuer: '中国人民银行', published: '2015-10-08', topic: '金融', body: '正文。' };
    writeFileSync(path.join(dir, 'rows.jsonl'), JSON.stringify(row) + '\n');
    const old = process.env.PORTAL_SITE_DIR;
    process.env.PORTAL_SITE_DIR = path.join(root, 'test/fixtures/content/ok');
    try {
      const r = await collectSite({ root: dir, source: 'rows.jsonl', today });
      expect(r.problems.map(formatProblem)).toEqual([
        `rows.jsonl:1 docNumber（发文字号）: 无法识别的发文字号 "〔2015〕305号"（unrecognized document number）；${ALLOWED}`,
      ]);
    } finally {
      if (old === undefined) delete process.env.PORTAL_SITE_DIR;
      else process.env.PORTAL_SITE_DIR = old;
    }
  });

  it('loaded documents carry the parsed value; duplicates compare by key', async () => {
    const r = await collectSite({ root, source: 'test/fixtures/content/ok', today });
    const a = r.data!.policies.find((p) => p.id === 'policy-a')!;
    expect(a.docNumber).toEqual({ raw: '示政办发〔2020〕5号', key: '示政办发|2020|5', agency: '示政办发', year: 2020, serial: '5' });
    for (const doc of [...r.data!.policies, ...r.data!.interpretations]) expect(Object.values(doc)).not.toContain(undefined);
  });
});

describe('model types are the schemas’ outputs', () => {
  it('Policy, Interpretation and Translation are frontmatter outputs plus what the loader adds', () => {
    expectTypeOf<Omit<Policy, keyof LoadedDocument | 'undated' | 'versions'>>().toEqualTypeOf<Omit<PolicyFrontmatter, 'id' | 'draft'>>();
    expectTypeOf<Policy['docNumber']>().toEqualTypeOf<DocNumber | undefined>();
    expectTypeOf<Omit<Interpretation, keyof LoadedDocument>>().toEqualTypeOf<Omit<InterpretationFrontmatter, 'id' | 'draft'>>();
    expectTypeOf<Interpretation['interpreter']>().toEqualTypeOf<z.output<typeof interpretationSchema>['interpreter']>();
    expectTypeOf<Omit<Translation, keyof LoadedDocument>>().toEqualTypeOf<Omit<TranslationFrontmatter, 'draft'>>();
  });
  it('Organization, Topic and SiteConfig are the YAML files’ outputs', () => {
    expectTypeOf<Organization>().toEqualTypeOf<z.output<typeof organizationSchema>>();
    expectTypeOf<Topic>().toEqualTypeOf<z.output<typeof topicSchema>>();
    expectTypeOf<SiteConfig>().toEqualTypeOf<z.output<typeof siteSchema>>();
  });
});
