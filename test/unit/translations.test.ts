import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSiteCache, collectSite, loadSite } from '../../src/content/load.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { foldMongolian } from '../../src/lib/mongolian/fold.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const F = 'test/fixtures/content';
const today = '2025-06-01';
const NNBSP = '\u202F';

async function problemLines(fixture: string): Promise<string[]> {
  const r = await collectSite({ root, source: `${F}/${fixture}`, today });
  return r.problems.map(formatProblem);
}

beforeEach(() => clearSiteCache());

describe('translations: mn-ok fixture', () => {
  it('loads content/mn/policies and content/mn/interpretations keyed by the original id', async () => {
    const data = await loadSite({ root, source: `${F}/mn-ok`, today });
    expect(Object.keys(data.translations.policies)).toEqual(['policy-b']);
    expect(Object.keys(data.translations.interpretations)).toEqual(['policy-b-jiedu']);
    const t = data.translations.policies['policy-b']!;
    expect(t).toMatchObject({
      id: 'policy-b',
      source: `${F}/mn-ok/mn/policies/policy-b.md`,
      title: `ᠰᠢᠨᠡ ᠬᠤᠪᠢᠯᠪᠤᠷᠢ${NNBSP}ᠶᠢᠨ ᠵᠠᠰᠠᠭ${NNBSP}ᠤᠨ ᠬᠡᠷᠡᠭ${NNBSP}ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠠᠵᠢᠯ${NNBSP}ᠤᠨ ᠭᠣᠣᠯ ᠵᠦᠢᠯ${NNBSP}ᠢ ᠬᠡᠪᠯᠡᠵᠦ ᠲᠠᠷᠬᠠᠭᠠᠬᠤ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ`,
      // a keyword list given as one string is split on 、 but never on the spaces/U+202F inside a term
      keywords: [`ᠵᠠᠰᠠᠭ${NNBSP}ᠤᠨ ᠬᠡᠷᠡᠭ${NNBSP}ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ`, `ᠠᠵᠢᠯ${NNBSP}ᠤᠨ ᠭᠣᠣᠯ ᠵᠦᠢᠯ`],
      published: '2024-02-10',
      translator: '示例旗人民政府办公室',
      bodyFormat: 'markdown',
    });
    expect(t.body).toContain('《示例旗人民政府办公室关于印发政务公开工作要点的通知》');
    expect(data.translations.interpretations['policy-b-jiedu']).toMatchObject({ title: 'ᠲᠠᠶᠢᠯᠪᠤᠷᠢ', keywords: [] });
    expect(data.translations.interpretations['policy-b-jiedu']!.published).toBeUndefined();
    // a draft translation is listed (nothing disappears silently) but not published
    expect(data.drafts).toContainEqual({ kind: 'policy', id: 'policy-a', source: `${F}/mn-ok/mn/policies/policy-a.md`, title: 'ᠨᠣᠢᠷᠠᠭ', lang: 'mn-Mong' });
    expect(data.translations.policies['policy-a']).toBeUndefined();
    expect(data.organizations.find((o) => o.id === 'sl-zfb')?.nameMn).toMatch(/^ᠵᠢᠰᠢᠶ᠎ᠡ/);
    expect(data.topics.find((x) => x.id === 'zwgk')?.nameMn).toBe(`ᠵᠠᠰᠠᠭ${NNBSP}ᠤᠨ ᠬᠡᠷᠡᠭ${NNBSP}ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ`);
    expect(data.warnings).toEqual([]);
  });
  it('counts translation files; the original fixture without content/mn has none', async () => {
    const r = await collectSite({ root, source: `${F}/mn-ok`, today });
    expect(r.counts).toEqual({ policies: 4, interpretations: 1, translations: { policies: 2, interpretations: 1 } });
    const ok = await loadSite({ root, source: `${F}/ok`, today });
    expect(ok.translations).toEqual({ policies: {}, interpretations: {} });
  });
  it('JSON-lines mode yields empty translations', async () => {
    const r = await collectSite({ root, source: 'test/fixtures/jsonl/mini.jsonl', today, lenient: true });
    expect(r.data?.translations).toEqual({ policies: {}, interpretations: {} });
    expect(r.counts.translations).toEqual({ policies: 0, interpretations: 0 });
  });
  it('translated titles fold for search (NNBSP suffixes, O/U)', async () => {
    const data = await loadSite({ root, source: `${F}/mn-ok`, today });
    expect(foldMongolian(data.translations.policies['policy-b']!.title)).toContain(foldMongolian('ᠵᠠᠰᠠᠭ\u180Eᠤᠨ'));
  });
});

describe('translations: each bad fixture fails with exact lines', () => {
  const cases: Record<string, string[]> = {
  'bad-mn-orphan': [
    `${F}/bad-mn-orphan/mn/interpretations/policy-b-jiedu.md:4 body（正文）: 译文正文为空（empty body）；请在前置元数据之后写出完整的蒙古文译文`,
    `${F}/bad-mn-orphan/mn/policies/draft-d.md:1 draft（草稿）: 原文 ${F}/bad-mn-orphan/policies/draft-d.md 是草稿，不发布，不能发布其译文（translation of a draft）；原文定稿（删除 draft: true）后再发布译文，或在译文中也写 draft: true`,
    `${F}/bad-mn-orphan/mn/policies/policy-a.md:3 published（译文发布日期）: 译文发布日期 2020-03-01 早于原文发布日期 2020-03-05（translation published before the original）`,
    `${F}/bad-mn-orphan/mn/policies/policy-bb.md:1 id（标识）: 找不到原文：${F}/bad-mn-orphan/policies/ 下没有 "policy-bb" 对应的政策文件（translation without original）；最接近的现有标识是 "policy-b"，请把文件改名为 policy-b.md`,
  ],
  'bad-mn-lint': [
    `${F}/bad-mn-lint/mn/policies/policy-b.md:2 title（蒙古文标题）: 蒙古文字符 U+FE35（no-presentation-form）位于该行第 1 字，上下文 “⟦U+FE35⟧ᠮᠡᠳᠡᠭᠳ”：竖排标点兼容形式，应改用普通标点，如 ︵︶ 改为 ( )、︽︾ 改为 《 》（vertical presentation form: use the plain character）`,
    `${F}/bad-mn-lint/mn/policies/policy-b.md:2 title（蒙古文标题）: 蒙古文字符 U+FE36（no-presentation-form）位于该行第 10 字，上下文 “ᠳᠡᠭᠳᠡᠯ⟦U+FE36⟧”：竖排标点兼容形式，应改用普通标点，如 ︵︶ 改为 ( )、︽︾ 改为 《 》（vertical presentation form: use the plain character）`,
    `${F}/bad-mn-lint/mn/policies/policy-b.md:3 summary（蒙古文摘要）: 蒙古文字符 U+200D（no-zwj-zwnj）位于该行第 5 字，上下文 “ᠠᠵᠢᠯ⟦U+200D⟧ᠤᠨ ᠭᠣᠣ”：正文中不应使用零宽连接符/零宽不连字（no ZWJ/ZWNJ in running text）`,
    `${F}/bad-mn-lint/mn/policies/policy-b.md:6 body（正文）: 蒙古文字符 U+180B（fvs-after-letter）位于该行第 14 字，上下文 “ᠡᠭᠳᠡᠯ ⟦U+180B⟧ᠠᠵᠢᠯ⏎⏎”：自由变体选择符必须紧跟在蒙古文字母之后（free variation selector must directly follow a Mongolian letter）`,
    `${F}/bad-mn-lint/mn/policies/policy-b.md:8 body（正文）: 蒙古文字符 U+202F（connector-between-letters）位于该行第 6 字，上下文 “⏎ᠠᠵᠢᠯ ⟦U+202F⟧ᠤᠨ ⟨U+E234⟩⟨U+E235⟩ ”：U+202F/U+180E 后缀连接符前后都必须是蒙古文字母（suffix connector must sit between Mongolian letters）`,
    `${F}/bad-mn-lint/mn/policies/policy-b.md:8 body（正文）: 蒙古文字符 U+E234（no-pua）位于该行第 10 字，上下文 “ᠯ ⟨U+202F⟩ᠤᠨ ⟦U+E234⟧⟨U+E235⟩ ᠵᠦᠢᠯ”：私用区字符（旧蒙科立等非标准编码），须转换为标准 Unicode 蒙古文（private-use code point: convert legacy encoding to Unicode）`,
    `${F}/bad-mn-lint/mn/policies/policy-b.md:8 body（正文）: 蒙古文字符 U+E235（no-pua）位于该行第 11 字，上下文 “ ⟨U+202F⟩ᠤᠨ ⟨U+E234⟩⟦U+E235⟧ ᠵᠦᠢᠯ⏎”：私用区字符（旧蒙科立等非标准编码），须转换为标准 Unicode 蒙古文（private-use code point: convert legacy encoding to Unicode）`,
  ],
  'bad-mn-missing-name': [
    `${F}/bad-mn-missing-name/organizations.yaml:1 [0].nameMn（蒙古文名称）: 发文机关 "sl-zfb"（示例旗人民政府办公室）缺少蒙古文名称 nameMn，蒙古文译文 ${F}/bad-mn-missing-name/mn/policies/policy-b.md 需要它（organization without nameMn used by a translation）；请在 ${F}/bad-mn-missing-name/organizations.yaml 中该项下添加 nameMn: <蒙古文名称>`,
    `${F}/bad-mn-missing-name/organizations.yaml:4 [1].nameMn（蒙古文名称）: 发文机关 "sl-czj"（示例旗财政局）缺少蒙古文名称 nameMn，蒙古文译文 ${F}/bad-mn-missing-name/mn/policies/policy-b.md 需要它（organization without nameMn used by a translation）；请在 ${F}/bad-mn-missing-name/organizations.yaml 中该项下添加 nameMn: <蒙古文名称>`,
    `${F}/bad-mn-missing-name/topics.yaml:2 [1].nameMn（蒙古文名称）: 主题分类 "zwgk"（政务公开）缺少蒙古文名称 nameMn，蒙古文译文 ${F}/bad-mn-missing-name/mn/policies/policy-b.md 需要它（topic without nameMn used by a translation）；请在 ${F}/bad-mn-missing-name/topics.yaml 中该项下添加 nameMn: <蒙古文名称>`,
  ],
  };
  for (const [fixture, expected] of Object.entries(cases)) {
    it(fixture, async () => {
      expect(await problemLines(fixture)).toEqual(expected);
      await expect(loadSite({ root, source: `${F}/${fixture}`, today })).rejects.toThrow(/内容校验失败/);
    });
  }
});

describe('npm run check counts translations', () => {
  it('prints them in the summary line', () => {
    const r = spawnSync(process.execPath, ['scripts/check.ts', '--content', `${F}/mn-ok`, '--today', today], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${F}/mn-ok/mn/policies/policy-a.md [草稿 draft]`);
    expect(r.stdout).toMatch(/✓ 内容校验通过 check passed: 政策文件 4 篇，政策解读 1 篇，草稿 2 篇，定时发布 0 篇；错误 0 个，警告 0 个；蒙古文译文 3 篇（政策文件 2、政策解读 1）/);
  });
});
