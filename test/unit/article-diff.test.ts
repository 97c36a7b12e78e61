import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { charDiff, diffArticles, splitUnits, summarize } from '../../src/lib/article-diff.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/policies.jsonl', import.meta.url));
const hasCorpus = existsSync(CORPUS);

describe('splitUnits', () => {
  it('cuts a Markdown body into paragraphs before the first article, headings and articles with their paragraphs', () => {
    const body = '为了……，现予公布。\n\n## 某某办法\n\n### 第 一 章 总 则\n\n第一条 目的。\n\n（一）甲；\n\n（二）乙。\n\n第二条之一 补充。\n\n### 第二章 附则\n\n第三条 施行。';
    expect(splitUnits(body).map((u) => [u.kind, u.label, u.paragraphs.length])).toEqual([
      ['text', '', 1],
      ['heading', '某某办法', 1],
      ['heading', '第 一 章 总 则', 1],
      ['article', '第一条', 3],
      ['article', '第二条之一', 1],
      ['heading', '第二章 附则', 1],
      ['article', '第三条', 1],
    ]);
  });
});

describe('diffArticles', () => {
  const old = '第一条 甲。\n第二条 乙乙乙乙乙乙乙乙。\n第三条 丙丙丙丙。\n第四条 丁。';
  it('matches renumbered articles, marks inserted, deleted and modified ones', () => {
    const neu = '第一条 甲。\n第二条 新增的一条。\n第三条 乙乙乙乙乙乙乙乙乙。\n第四条 丁。';
    const d = diffArticles(old, neu);
    expect(d.map((e) => [e.op, e.op === 'ins' ? e.new.label : e.old.label, e.op === 'del' ? '' : e.new.label])).toEqual([
      ['same', '第一条', '第一条'],
      ['ins', '第二条', '第二条'],
      ['mod', '第二条', '第三条'],
      ['del', '第三条', ''],
      ['same', '第四条', '第四条'],
    ]);
    expect(d[4]).toMatchObject({ op: 'same', renumbered: false });
    const mod = d[2]!;
    expect(mod.op === 'mod' && mod.segments).toEqual([
      { op: 'same', text: '第' },
      { op: 'del', text: '二' },
      { op: 'ins', text: '三' },
      { op: 'same', text: '条 ' },
      { op: 'ins', text: '乙' },
      { op: 'same', text: '乙乙乙乙乙乙乙乙。' },
    ]);
    expect(summarize(d)).toEqual({ same: 2, ins: 1, del: 1, mod: 1 });
  });
  it('an unchanged article that moved number is the same, flagged renumbered', () => {
    const d = diffArticles('第一条 甲。\n第二条 乙。', '第一条 新。\n第二条 甲。\n第三条 乙。');
    expect(d.filter((e) => e.op === 'same').map((e) => e.op === 'same' && [e.old.label, e.new.label, e.renumbered])).toEqual([
      ['第一条', '第二条', true],
      ['第二条', '第三条', true],
    ]);
  });
  it('identical texts have no changes; charDiff of equal strings is one same segment', () => {
    expect(summarize(diffArticles(old, old))).toEqual({ same: 4, ins: 0, del: 0, mod: 0 });
    expect(charDiff('abc', 'abc')).toEqual([{ op: 'same', text: 'abc' }]);
    expect(charDiff('', 'x')).toEqual([{ op: 'ins', text: 'x' }]);
  });
});

describe.skipIf(!hasCorpus)('diffArticles on the real pair 上海市优化营商环境条例 2020-04-10 → 2024-09-27', () => {
  const rows = hasCorpus ? readFileSync(CORPUS, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; body: string }) : [];
  const body = (id: string) => rows.find((r) => r.id === id)!.body;
  const d = hasCorpus ? diffArticles(body('lrb-ecbaccb7f67c'), body('lrb-6b9c8b2c1228')) : [];
  it('accounts for every article of both texts (80 then 97 articles)', () => {
    const s = summarize(d);
    expect(s.same + s.del + s.mod).toBe(80);
    expect(s.same + s.ins + s.mod).toBe(97);
    expect(s.ins - s.del).toBe(17);
    expect(s.same).toBeGreaterThan(10);
    expect(s.mod).toBeGreaterThan(s.same);
  });
  it('第二条: 市场主体 became 经营主体; the 附则 article moved from 第八十条 to 第九十七条 unchanged', () => {
    const art2 = d.find((e) => e.op === 'mod' && e.new.label === '第二条')!;
    expect(art2.op === 'mod' && art2.segments.filter((s) => s.op !== 'same')).toEqual([
      { op: 'del', text: '市场' },
      { op: 'ins', text: '经营' },
    ]);
    expect(d.find((e) => e.op === 'same' && e.new.label === '第九十七条')).toMatchObject({ old: { label: '第八十条' }, renumbered: true });
  });
  it('a new article of 2024 (第二十三条, 突发事件) is an insertion', () => {
    const e = d.find((x) => x.op === 'ins' && x.new.label === '第二十三条')!;
    expect(e.op === 'ins' && e.new.paragraphs[0]).toMatch(/^第二十三条 发生突发事件的/);
  });
});

describe('diffArticles on a hostile pair', () => {
  it('a complete rewrite of 400 long articles finishes quickly and accounts for every article', () => {
    const law = (seed: string) => Array.from({ length: 400 }, (_, i) => `第${i + 1}条 ${seed.repeat(60)}${i}`).join('\n').replace(/第(\d+)条/g, (_m, n: string) => `第${'一二三四五六七八九'[Number(n) % 9]}条`);
    const t = performance.now();
    const s = summarize(diffArticles(law('甲乙丙'), law('丁戊己')));
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(s.same + s.del + s.mod).toBe(400);
    expect(s.same + s.ins + s.mod).toBe(400);
  });
});
