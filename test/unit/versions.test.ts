import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSiteCache, collectSite, loadSite } from '../../src/content/load.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { allVersions, comparisonPairs, currentVersion, versionOn } from '../../src/lib/versions.ts';
import { localize } from '../../src/lib/localize.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const F = 'test/fixtures/content';
const today = '2025-06-01';

beforeEach(() => clearSiteCache());

describe('versions: loading', () => {
  it('attaches earlier versions oldest first; single-version documents stay as they were', async () => {
    const data = await loadSite({ root, source: `${F}/versions-ok`, today });
    const banfa = data.policies.find((p) => p.id === 'banfa')!;
    expect(banfa.versions!.map((v) => [v.date, v.title, v.effective, v.docNumber?.raw, v.amendment])).toEqual([
      ['2004-10-18', '示例旗政务公开办法', '2004-11-01', '示政发〔2004〕12号', undefined],
      ['2012-03-01', '示例旗政务公开办法（2012年修正）', undefined, undefined, { docNumber: expect.objectContaining({ raw: '示政发〔2012〕3号' }), title: '示例旗人民政府关于修改《示例旗政务公开办法》的决定' }],
    ]);
    expect(banfa.versions![0]!.source).toBe(`${F}/versions-ok/policies/banfa/versions/2004-10-18.md`);
    expect(banfa.versions![1]!.body).toContain('本旗行政区域');
    expect(banfa.amendment).toEqual({ id: 'xiugai-jueding' });
    // a version file is not a policy of its own
    expect(data.policies.map((p) => p.id).sort()).toEqual(['banfa', 'single', 'xiugai-jueding']);
    expect('versions' in data.policies.find((p) => p.id === 'single')!).toBe(false);
    expect(data.warnings).toEqual([]);
  });

  it('reports every bad version file with file, line, field and reason', async () => {
    const r = await collectSite({ root, source: `${F}/versions-bad`, today });
    const B = `${F}/versions-bad/policies`;
    expect(r.problems.map(formatProblem)).toEqual([
      `${B}/amend.md amendment（修改依据）: 缺少修改依据：除最早的版本外，每个版本都要写明修改它的文件（amendment required for every version but the earliest）；写 amendment: <本站政策文件 id>，或 amendment: {docNumber: 某某〔2021〕1号, title: 关于修改……的决定}`,
      `${B}/amend/versions/2018-01-01.md:2 amendment（修改依据）: 修改依据 "nope-nope" 不存在（unknown policy id）；本站没有的文件请写 {docNumber, title}`,
      `${B}/amend/versions/2019-01-01.md:2 amendment（修改依据）: 修改依据不能是文件本身 "amend"（a document cannot amend itself）`,
      `${B}/amend/versions/2019-06-01.md:2 amendment（修改依据）: 修改依据 "draft-jueding" 是草稿或尚未发布（amending document is a draft）；本站没有的文件请写 {docNumber, title}`,
      `${B}/dates.md:6 published（发布日期）: 与 ${B}/dates/versions/2020-01-01.md 的发布日期相同 2020-01-01：同一日期只能有一个版本（duplicate version date）`,
      `${B}/dates/versions/2017-01-01.md:2 effective（施行日期）: 施行日期 2016-12-01 早于发布日期 2017-01-01（effective before published）`,
      `${B}/dates/versions/2020-01-01.md effective（施行日期）: 施行日期 2020-01-01 不晚于上一版本（${B}/dates/versions/2018-01-01.md）的施行日期 2020-06-01（versions must take effect in order）`,
      `${B}/later.md:6 published（发布日期）: 发布日期 2020-01-01 早于历史版本 ${B}/later/versions/2021-01-01.md 的 2021-01-01：文件本身应是最新版本（the document's own file must be its latest version）；现行文本放在 policies/<id>.md，更早的版本放在 policies/<id>/versions/<发布日期>.md`,
      `${B}/names/versions/2016-01-01.md:2 amendment（修改依据）: 修改依据须写 id（本站文件）或 docNumber/title（站外文件）（amendment needs an id, or a docNumber and/or title）`,
      `${B}/names/versions/2017-01-01.md:2 efective: 未知字段（unrecognized key）；是否应为 "effective"（施行日期）？`,
      `${B}/names/versions/2018-01-01.md:2 published（发布日期）: 发布日期 2018-02-01 与文件名 2018-01-01 不一致（published must equal the file name）`,
      `${B}/names/versions/2019-13-01.md (文件名)（发布日期）: 历史版本文件名 "2019-13-01.md" 不是日期（version file name must be its 发布日期）；允许值：YYYY-MM-DD.md，为该版本的发布日期，如 2004-10-18.md`,
      `${B}/names/versions/notes.txt (文件): 不支持的文件类型 “.txt”（unsupported file type）；政策文件和解读用 .md；旧 .txt/.docx 请用 npm run import 转换；附件放在 public/files/`,
      `${B}/names/versions/v1.md (文件名)（发布日期）: 历史版本文件名 "v1.md" 不是日期（version file name must be its 发布日期）；允许值：YYYY-MM-DD.md，为该版本的发布日期，如 2004-10-18.md`,
      `${B}/orphan/versions/2018-01-01.md (文件): 历史版本所属的政策文件 ${B}/orphan.md 不存在（version of a missing document）；历史版本放在 policies/<文件名>/versions/ 中，<文件名> 与现行文本的文件名（不含 .md）相同`,
    ]);
    expect(r.problems.every((p) => p.severity === 'error')).toBe(true);
  });
});

describe('versions: Mongolian translations of earlier versions (content/mn/policies/<path>/versions/)', () => {
  it('are read and put on the /mn/ document: a translated version in Mongolian, the others Chinese and unmarked', async () => {
    const data = await loadSite({ root, source: `${F}/versions-mn`, today });
    expect(Object.keys(data.translations.policyVersions!.banfa!)).toEqual(['2012-03-01']);
    const mn = localize(data, 'mn-Mong').policies.find((p) => p.id === 'banfa')!;
    const [v2004, v2012] = mn.versions!;
    expect(v2012).toMatchObject({ translated: true, date: '2012-03-01' });
    expect(v2012!.title).toMatch(/^ᠵᠠᠰᠠᠭ/);
    expect(v2012!.body).toContain('ᠰᠦᠯᠵᠢᠶᠡᠨ');
    expect(v2004!.translated).toBeUndefined();
    expect(v2004!.body).toContain('第一条 为了推进政务公开');
    // the Chinese site is untouched
    expect(data.policies.find((p) => p.id === 'banfa')!.versions![1]!.title).toBe('示例旗政务公开办法（2012年修正）');
    expect(data.warnings).toEqual([]);
  });

  it('a translation of a missing version, of a version of an untranslated document, or not named by a date is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-mn-versions-'));
    try {
      cpSync(join(root, F, 'versions-mn'), dir, { recursive: true });
      const mnv = join(dir, 'mn/policies/banfa/versions');
      const good = readFileSync(join(mnv, '2012-03-01.md'), 'utf8');
      writeFileSync(join(mnv, '2013-01-01.md'), good);
      writeFileSync(join(mnv, 'v1.md'), good);
      // single gets an earlier version; its Mongolian translation has no document translation to sit beside
      mkdirSync(join(dir, 'policies/single/versions'), { recursive: true });
      writeFileSync(join(dir, 'policies/single/versions/2019-01-01.md'), '---\neffective: 2019-02-01\n---\n\n第一条 原文。\n');
      const single = join(dir, 'policies/single.md');
      writeFileSync(single, readFileSync(single, 'utf8').replace('published: 2020-01-01', 'published: 2020-01-01\namendment: {title: 示例旗人民政府关于修改《示例旗单一版本文件》的决定}'));
      mkdirSync(join(dir, 'mn/policies/single/versions'), { recursive: true });
      writeFileSync(join(dir, 'mn/policies/single/versions/2019-01-01.md'), good.replace('published: 2012-03-02', 'published: 2019-01-02'));
      const r = await collectSite({ root: dir, source: '.', today });
      const M = 'mn/policies';
      expect(r.problems.map(formatProblem).sort()).toEqual([
        `${M}/banfa/versions/2013-01-01.md:1 (文件)（历史版本）: 找不到原文：policies/banfa/versions/2013-01-01.md 不存在（translation of a missing version）；历史版本译文与原文历史版本同名，放在 mn/policies/<文件名>/versions/ 中`,
        `${M}/banfa/versions/v1.md (文件名)（发布日期）: 历史版本译文文件名 "v1.md" 不是日期（version translation file name must be the version's 发布日期）；允许值：YYYY-MM-DD.md，与原文历史版本的文件名相同`,
        `${M}/single/versions/2019-01-01.md:1 (文件)（历史版本）: 文件 policies/single.md 没有已发布的蒙古文译文，其历史版本的译文无处显示（translation of a version of an untranslated document）；先发布 mn/policies/single.md，或删除本文件`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('versions: which text applied on a date', () => {
  const doc = {
    title: 'T', published: '2021-07-20', effective: '2021-09-01', body: 'c', bodyFormat: 'markdown' as const, source: 'x.md',
    versions: [
      { date: '2004-10-18', effective: '2004-11-01', title: 'T', body: 'a', bodyFormat: 'markdown' as const, source: 'a.md' },
      { date: '2012-03-01', title: 'T', body: 'b', bodyFormat: 'markdown' as const, source: 'b.md' },
    ],
  };
  it('versionOn follows 施行日期 (else 公布日期) and returns none before the first', () => {
    expect(versionOn(doc, '2004-10-31')).toBeUndefined();
    expect(versionOn(doc, '2004-11-01')!.body).toBe('a');
    expect(versionOn(doc, '2012-02-29')!.body).toBe('a');
    expect(versionOn(doc, '2012-03-01')!.body).toBe('b');
    // published 2021-07-20 but in force only from 2021-09-01
    expect(versionOn(doc, '2021-08-31')!.body).toBe('b');
    expect(versionOn(doc, '2021-09-01')).toMatchObject({ body: 'c', latest: true });
    expect(versionOn({ ...doc, expires: '2023-01-01' }, '2023-01-02')).toBeUndefined();
  });
  it('currentVersion is the version in force today, else the latest', () => {
    expect(currentVersion(doc, '2021-08-01').body).toBe('b');
    expect(currentVersion(doc, '2026-01-01').body).toBe('c');
    expect(currentVersion(doc, '2000-01-01').body).toBe('c');
    expect(currentVersion({ ...doc, versions: undefined }, '2026-01-01')).toMatchObject({ date: '2021-07-20', latest: true });
  });
  it('comparisons: adjacent pairs, and the earliest against the latest when they are not adjacent', () => {
    expect(comparisonPairs(doc).map(([a, b]) => `${a.date}→${b.date}`)).toEqual(['2004-10-18→2012-03-01', '2012-03-01→2021-07-20', '2004-10-18→2021-07-20']);
    expect(comparisonPairs({ ...doc, versions: [doc.versions[0]!] })).toHaveLength(1);
    expect(allVersions({ ...doc, versions: undefined })).toHaveLength(1);
  });
});

describe('versions: grouping rows of a JSON-lines export (build:corpus --group-versions)', () => {
  const source = 'test/fixtures/jsonl/versions.jsonl';
  it('real pairs from the corpus become one document each, the latest row the document', async () => {
    const data = await loadSite({ root, source, lenient: true, today, groupVersions: true });
    const ids = data.policies.map((p) => p.id).sort();
    // the same 通知 exported twice (same 文号) stays two rows: not versions
    expect(ids).toEqual(['lrb-6b9c8b2c1228', 'pbc-and-74', 'pbc-nd-56', 'pbc-nd-73']);
    const pbc = data.policies.find((p) => p.id === 'pbc-nd-56')!;
    expect(pbc.versions!.map((v) => [v.date, v.docNumber?.raw, v.source])).toEqual([['2004-10-18', '中国人民银行公告〔2004〕第12号', `${source}:1`]]);
    expect(pbc.amendment).toEqual({ title: '证券公司短期融资券管理办法（中国人民银行公告[2021]第10号）' });
    const sh = data.policies.find((p) => p.id === 'lrb-6b9c8b2c1228')!;
    expect(sh.versions!.map((v) => v.date)).toEqual(['2020-04-10']);
    expect(versionOn(sh, '2024-01-01')!.body).toMatch(/^第一章 总则\n第一条 为了持续优化营商环境，激发市场主体活力/);
    expect(data.warnings.filter((w) => w.field === 'id').map(formatProblem)).toEqual([
      `${source}:1 [警告 warning] id（标识）: 作为 "pbc-nd-56" 的历史版本发布，不单独成页（merged as a version of "pbc-nd-56"）`,
      `${source}:3 [警告 warning] id（标识）: 作为 "lrb-6b9c8b2c1228" 的历史版本发布，不单独成页（merged as a version of "lrb-6b9c8b2c1228"）`,
    ]);
  });
  it('without the option every row stays a document', async () => {
    const data = await loadSite({ root, source, lenient: true, today, groupVersions: false });
    expect(data.policies).toHaveLength(6);
    expect(data.policies.some((p) => p.versions)).toBe(false);
  });
});

describe('versions: the 版本 box model', () => {
  it('between publication and 施行 of a new version, the previous one is shown and the new one announced', async () => {
    const { versionBoxModel, dayBefore } = await import('../../src/lib/version-page.ts');
    const data = await loadSite({ root, source: `${F}/versions-ok`, today });
    const byId = new Map(data.policies.map((p) => [p.id, p]));
    const index = { policies: byId, originalPolicies: byId, interpretations: new Map(), originalInterpretations: new Map() };
    const banfa = byId.get('banfa')!;
    const m = versionBoxModel(banfa, '2021-08-01', index)!;
    expect(m.shown.date).toBe('2012-03-01');
    expect(m.rows.map((r) => [r.date, r.from, r.until, r.inForce, r.original, r.latest])).toEqual([
      ['2004-10-18', '2004-11-01', '2012-02-29', false, true, false],
      ['2012-03-01', '2012-03-01', '2021-08-31', true, false, false],
      ['2021-07-20', '2021-09-01', undefined, false, false, true],
    ]);
    expect(m.pending).toMatchObject({ date: '2021-07-20', from: '2021-09-01' });
    expect(m.rows[2]!.amendment).toEqual({ title: '示例旗人民政府关于修订《示例旗政务公开办法》的决定', path: 'policies/xiugai-jueding/', docNumber: '示政发〔2021〕9号' });
    expect(m.comparisons.map((c) => [c.from, c.to, c.whole])).toEqual([
      ['2004-10-18', '2012-03-01', false],
      ['2012-03-01', '2021-07-20', false],
      ['2004-10-18', '2021-07-20', true],
    ]);
    expect(versionBoxModel(banfa, '2026-01-01', index)!.pending).toBeUndefined();
    expect(versionBoxModel(byId.get('single')!, '2026-01-01', index)).toBeUndefined();
    expect([dayBefore('2024-03-01'), dayBefore('2021-01-01')]).toEqual(['2024-02-29', '2020-12-31']);
  });
});
