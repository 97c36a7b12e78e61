import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSiteCache, collectSite, inferDocType, loadSite, nameSlug } from '../../src/content/load.ts';
import { ContentError, formatProblem } from '../../src/lib/errors.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const F = 'test/fixtures/content';
const today = '2025-06-01';

async function problemLines(fixture: string): Promise<string[]> {
  const r = await collectSite({ root, source: `${F}/${fixture}`, today });
  return r.problems.map(formatProblem);
}

beforeEach(() => clearSiteCache());

describe('loadSite: ok fixture', () => {
  it('loads site, organizations, topics, policies and interpretations', async () => {
    const data = await loadSite({ root, source: `${F}/ok`, today });
    expect(data.site).toMatchObject({ name: { zh: '示例旗人民政府', mn: 'ᠵᠢᠱᠢᠶ᠎ᠡ' }, shortName: { zh: '示例旗政府' }, level: '旗县', pageSize: 20 });
    expect(data.organizations.map((o) => o.id)).toEqual(['sl-zfb', 'sl-czj']);
    expect(data.topics).toContainEqual({ id: 'zwgk', name: '政务公开', parent: 'zonghe-zhengwu' });
    expect(data.policies.map((p) => [p.id, p.status])).toEqual([
      ['policy-a', '已废止'],
      ['policy-b', '现行有效'],
      ['policy-c-renamed', '尚未生效'],
    ]);
    const b = data.policies.find((p) => p.id === 'policy-b')!;
    expect(b).toMatchObject({
      source: `${F}/ok/policies/policy-b.md`,
      // parsed once by the schema; `raw` is what the editor wrote
      docNumber: { raw: '示政办发[2024]第12号', key: '示政办发|2024|12', agency: '示政办发', year: 2024, serial: '12' },
      issuers: ['sl-zfb', 'sl-czj'],
      category: '规范性文件',
      keywords: ['政务公开', '工作要点'],
      interpretations: ['policy-b-jiedu'],
      bodyFormat: 'markdown',
      year: 2024,
    });
    expect(b.body).toMatch(/^\n?本通知自/);
    expect(data.policies[0]!.repealedBy).toEqual(['policy-b']);
    expect(data.interpretations[0]).toMatchObject({ id: 'policy-b-jiedu', interprets: ['policy-b'], interpreter: { person: '张三' } });
    expect(data.drafts).toEqual([{ kind: 'policy', id: 'draft-d', source: `${F}/ok/policies/draft-d.md`, title: '草稿：示例旗政务公开指南' }]);
    expect(data.warnings).toEqual([]);
  });
  it('is memoized per root and source', async () => {
    const a = loadSite({ root, source: `${F}/ok`, today });
    expect(loadSite({ root, source: `${F}/ok`, today })).toBe(a);
    await a;
  });
});

describe('loadSite: each bad fixture fails with exact lines', () => {
  const cases: Record<string, string[]> = {
    'bad-types': [
      `${F}/bad-types/policies/policy-x.md title（标题）: 缺少必填字段（required）`,
      `${F}/bad-types/policies/policy-x.md:2 docNumber（发文字号）: 类型错误：应为文本，实际为数字 2016（invalid type: expected string, received number）`,
      `${F}/bad-types/policies/policy-x.md:3 issuers（发文机关）: 至少需要 1 项（too small: at least 1 item）`,
      `${F}/bad-types/policies/policy-x.md:7 keywords（主题词）: 类型错误：应为列表，实际为对象（键: 值） {"a":1}（invalid type: expected array, received object）`,
    ],
    'bad-date': [
      `${F}/bad-date/policies/policy-x.md:6 written（成文日期）: 日期格式错误 "2023/1/5"，应为 YYYY-MM-DD（invalid date format）；允许值：YYYY-MM-DD，如 2024-03-15`,
      `${F}/bad-date/policies/policy-x.md:7 published（发布日期）: 日期不存在 "2023-02-30"（invalid calendar date）`,
    ],
    'bad-doctype': [
      `${F}/bad-doctype/policies/policy-x.md:6 docType（公文种类）: 不是允许的值 "条例"（invalid enum value）；允许值：决议、决定、命令、公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要`,
    ],
    'bad-unknown-key': [
      `${F}/bad-unknown-key/policies/policy-x.md title（标题）: 缺少必填字段（required）`,
      `${F}/bad-unknown-key/policies/policy-x.md:2 titel: 未知字段（unrecognized key）；是否应为 "title"（标题）？`,
      `${F}/bad-unknown-key/site.yaml contacts（联系方式）: 缺少必填字段（required）`,
      `${F}/bad-unknown-key/site.yaml:10 contact: 未知字段（unrecognized key）；是否应为 "contacts"（联系方式）？`,
    ],
    'bad-yaml': [`${F}/bad-yaml/policies/policy-x.md:6 yaml（YAML 语法）: YAML 语法错误：Missing closing "quote（YAML syntax error）`],
    'bad-dangling': [
      `${F}/bad-dangling/interpretations/policy-a-jiedu.md:3 interprets[1]（解读文件）: 引用的政策文件不存在 "policy-aa"（unknown policy id）；是否应为 "policy-a"？`,
      `${F}/bad-dangling/interpretations/policy-a-jiedu.md:3 interprets[2]（解读文件）: 引用的政策文件不存在 "zzz-unknown"（unknown policy id）`,
    ],
    'bad-duplicate-docnumber': [
      `${F}/bad-duplicate-docnumber/policies/policy-x.md:3 docNumber（发文字号）: 发文字号 "示政办发（2020）第5号" 与 ${F}/bad-duplicate-docnumber/policies/policy-a.md（"policy-a"）重复（duplicate document number）`,
    ],
    'bad-written-after-published': [
      `${F}/bad-written-after-published/policies/policy-x.md:7 published（发布日期）: 发布日期 2024-03-01 早于成文日期 2024-03-10（published before written）`,
    ],
    'bad-status': [
      `${F}/bad-status/policies/policy-a.md:10 status（有效性）: 声明为"现行有效"，但该文件已被 "policy-x" 废止，应为"已废止"（declared status contradicts relations）；允许值：已废止`,
      `${F}/bad-status/policies/policy-x.md:7 repeals[1]（废止文件）: 文件不能废止自身 "policy-x"（self reference）`,
    ],
    'bad-filename': [
      `${F}/bad-filename/policies/关于印发工作要点的通知.md id（标识）: 文件名 "关于印发工作要点的通知" 不能用作标识（file name is not a valid id）：只能包含小写英文字母、数字和连字符（lowercase a-z, 0-9, hyphen）；请把文件改名为如 2024-shengchan-anquan.md，或在前置元数据中写 id: 2024-shengchan-anquan`,
    ],
    'bad-references': [
      `${F}/bad-references/policies/policy-x.md:3 issuers[0]（发文机关）: 发文机关 "sl-zfbb" 不在 organizations.yaml 中（unknown organization）；允许值：sl-zfb、sl-czj；是否应为 "sl-zfb"？`,
      `${F}/bad-references/policies/policy-x.md:3 issuers[1]（发文机关）: 发文机关 "nobody" 不在 organizations.yaml 中（unknown organization）；允许值：sl-zfb、sl-czj`,
      `${F}/bad-references/policies/policy-x.md:5 topic（主题分类）: 主题分类 "caizhen" 不在 topics.yaml 中（unknown topic）；允许值：zonghe-zhengwu、zwgk、caizheng；是否应为 "caizheng"？`,
    ],
  };
  for (const [fixture, expected] of Object.entries(cases)) {
    it(fixture, async () => {
      expect(await problemLines(fixture)).toEqual(expected);
      const error = await loadSite({ root, source: `${F}/${fixture}`, today }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).message.split('\n').slice(1)).toEqual(expected);
    });
  }
});

describe('JSON-lines import', () => {
  const source = 'test/fixtures/jsonl/mini.jsonl';
  const env = { PORTAL_SITE_DIR: `${F}/ok` };
  const withEnv = async <T>(f: () => Promise<T>): Promise<T> => {
    const old = process.env.PORTAL_SITE_DIR;
    process.env.PORTAL_SITE_DIR = env.PORTAL_SITE_DIR;
    try {
      return await f();
    } finally {
      if (old === undefined) delete process.env.PORTAL_SITE_DIR;
      else process.env.PORTAL_SITE_DIR = old;
    }
  };

  it('strict by default: missing date, missing issuer and duplicate 文号 are errors at FILE:LINE', async () => {
    const r = await withEnv(() => collectSite({ root, source, today }));
    expect(r.problems.map(formatProblem)).toEqual([
      `${source}:3 issuer（发文机关）: 缺少发文机关（missing issuer）`,
      `${source}:3 published（发布日期）: 缺少日期：成文日期和发布日期都没有（no date）`,
      `${source}:4 docNumber（发文字号）: 发文字号 "银发(2015)第305号" 与 ${source}:1（"doc-1"）重复（duplicate document number）`,
    ]);
    await expect(withEnv(() => loadSite({ root, source, today }))).rejects.toBeInstanceOf(ContentError);
  });

  it('lenient: the same problems become warnings and every row is kept', async () => {
    const data = await withEnv(() => loadSite({ root, source, today, lenient: true }));
    expect(data.warnings.map(formatProblem)).toEqual([
      `${source}:3 [警告 warning] issuer（发文机关）: 缺少发文机关，按"未注明发文机关"处理（missing issuer）`,
      `${source}:3 [警告 warning] published（发布日期）: 缺少日期：成文日期和发布日期都没有，按"日期不详"处理（no date）`,
      `${source}:4 [警告 warning] docNumber（发文字号）: 发文字号 "银发(2015)第305号" 与 ${source}:1（"doc-1"）重复（duplicate document number）`,
    ]);
    expect(data.policies.map((p) => p.id)).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-4']);
    const [d1, d2, d3] = data.policies;
    const org = (name: string) => data.organizations.find((o) => o.name === name)!.id;
    expect(d1).toMatchObject({ source: `${source}:1`, docType: '通知', category: '规范性文件', bodyFormat: 'text', body: '第一段。\n第二段。', year: 2015 });
    expect(d1!.indexNumber).toBe(`${org('中国人民银行')}/2015-00001`);
    expect(d2!.issuers).toEqual([org('中国人民银行'), org('财政部')]);
    expect(d2).toMatchObject({ docType: '公告', published: '2016-02-01' });
    expect(d2!.written).toBeUndefined();
    expect(d3).toMatchObject({ undated: true, published: '', year: 0, issuers: [org('未注明发文机关')] });
    expect(d3!.docType).toBeUndefined();
    for (const o of data.organizations) expect(o.id).toMatch(/^org-[a-z0-9]{7}$/);
    expect(data.topics.map((t) => t.name)).toEqual(['中国人民银行规范性文件', '地方性法规/上海']);
  });

  it('reports unparseable lines and schema errors with the row line', async () => {
    const r = await withEnv(() => collectSite({ root, source: 'test/fixtures/jsonl/bad.jsonl', today }));
    expect(r.problems.map(formatProblem)).toEqual([
      'test/fixtures/jsonl/bad.jsonl:1 published（发布日期）: 日期不存在 "2015-13-01"（invalid calendar date）',
      expect.stringMatching(/^test\/fixtures\/jsonl\/bad\.jsonl:2 \(行\): JSON 语法错误：.*（invalid JSON）$/),
    ]);
  });

  it('helpers: stable slugs and docType inference', () => {
    expect(nameSlug('org', '中国人民银行')).toBe(nameSlug('org', '中国人民银行'));
    expect(nameSlug('org', '中国人民银行')).not.toBe(nameSlug('org', '财政部'));
    expect(inferDocType('国务院关于加强监管的意见')).toBe('意见');
    expect(inferDocType('关于同意设立分行的批复（2019年修订）')).toBe('批复');
    expect(inferDocType('中华人民共和国公司法')).toBeUndefined();
  });
});

describe('scripts/check.ts', () => {
  const node = process.execPath;
  const check = (...args: string[]) => spawnSync(node, ['scripts/check.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, PORTAL_CONTENT: '' } });

  it('exits 1 and prints the problem line for a bad fixture (--content)', () => {
    const r = check('--content', `${F}/bad-doctype`, '--today', today);
    expect(r.status).toBe(1);
    const out = r.stdout.split('\n');
    expect(out).toContain(
      `${F}/bad-doctype/policies/policy-x.md:6 docType（公文种类）: 不是允许的值 "条例"（invalid enum value）；允许值：决议、决定、命令、公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要`,
    );
    expect(out.find((l) => l.startsWith('✗'))).toMatch(/^✗ 内容校验未通过 check failed: 政策文件 2 篇，政策解读 0 篇，草稿 0 篇，定时发布 0 篇；错误 1 个，警告 0 个/);
  });
  it('honours PORTAL_CONTENT and exits 0 on the ok fixture, listing drafts', () => {
    const r = spawnSync(node, ['scripts/check.ts', '--today', today], { cwd: root, encoding: 'utf8', env: { ...process.env, PORTAL_CONTENT: `${F}/ok` } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${F}/ok/policies/draft-d.md [草稿 draft]`);
    expect(r.stdout).toMatch(/✓ 内容校验通过 check passed: 政策文件 4 篇，政策解读 1 篇，草稿 1 篇，定时发布 0 篇；错误 0 个，警告 0 个/);
  });
  it('lists a scheduled 年报 of content/open/ beside the documents and counts it as scheduled', () => {
    const r = check('--content', 'content', '--today', '2025-01-10');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('content/open/reports/2024.yaml [定时发布 scheduled] 发布日期 2025-01-20');
    expect(r.stdout).toMatch(/草稿 0 篇，定时发布 1 篇；/);
  });
  it('--help exits 0; unknown flags exit 2', () => {
    expect(check('--help').status).toBe(0);
    expect(check('--help').stdout).toContain('--content');
    expect(check('--bogus').status).toBe(2);
  });
});
