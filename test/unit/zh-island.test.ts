import { describe, expect, it } from 'vitest';
import { isChineseIsland, presentVerticalHtml, presentVerticalText, splitChineseRuns, ZH_INLINE_MAX } from '../../src/lib/direction.ts';
import { groupIslands } from '../../src/lib/mongolian/islands.ts';
import { removedBySanitizer, sanitizeHtml } from '../../src/lib/sanitize.ts';

// content/mn/policies/nmg-2020-jczwgk-shishi-yijian.md:68, the longest Han run in the sample translations (53 Han characters)
const PLACES = '呼和浩特市新城区、包头市稀土高新区、兴安盟乌兰浩特市、通辽市开鲁县、赤峰市克什克腾旗、锡林郭勒盟镶黄旗、乌海市海勃湾区';
const MN = 'ᠰᠤᠷᠠᠯᠴᠠᠬᠤ ᠰᠣᠯᠢᠯᠴᠠᠬᠤ ᠶᠢ ᠰᠠᠢᠬᠠᠨ ᠬᠢᠬᠤ᠃';
const text = (html: string) => html.replace(/<[^>]*>/g, '');

describe('long Han runs in vertical Mongolian become horizontal islands', () => {
  it('counts Han characters only: a 文号 with its digits and brackets is short, a list of place names is long', () => {
    expect(isChineseIsland('内政公办字〔2016〕5号')).toBe(false);
    expect(isChineseIsland('中华人民共和国政府信息公开条例')).toBe(true); // 15
    expect(isChineseIsland(PLACES)).toBe(true);
    expect(isChineseIsland('一'.repeat(ZH_INLINE_MAX))).toBe(false);
    expect(isChineseIsland('一'.repeat(ZH_INLINE_MAX + 1))).toBe(true);
    expect(isChineseIsland(`${'一'.repeat(ZH_INLINE_MAX)}、，。〔2020〕12`)).toBe(false);
  });

  it('marks the long run of a Mongolian paragraph with class zh-island and leaves short runs inline', () => {
    const html = presentVerticalHtml(`<p>${MN} ${PLACES} ᠤᠯᠤᠰ ᠤᠨ 国办发〔2019〕54号</p>`);
    expect(html).toBe(`<p>${MN} <span lang="zh-CN" class="zh-island">${PLACES}</span> ᠤᠯᠤᠰ ᠤᠨ <span lang="zh-CN">国办发〔2019〕<span class="tcy">54</span>号</span></p>`);
    const at = (n: number) => presentVerticalHtml(`<p>ᠪᠠ ${'区'.repeat(n)} ᠪᠠ</p>`);
    expect(at(ZH_INLINE_MAX)).toBe(`<p>ᠪᠠ <span lang="zh-CN">${'区'.repeat(ZH_INLINE_MAX)}</span> ᠪᠠ</p>`);
    expect(at(ZH_INLINE_MAX + 1)).toBe(`<p>ᠪᠠ <span lang="zh-CN" class="zh-island">${'区'.repeat(ZH_INLINE_MAX + 1)}</span> ᠪᠠ</p>`);
  });

  it('keeps the quotation marks of a quoted run inside the island, and its short digits upright', () => {
    expect(presentVerticalHtml(`<p>ᠨᠢ “${PLACES}” ᠪᠣᠯᠠᠢ᠃</p>`)).toBe(`<p>ᠨᠢ <span lang="zh-CN" class="zh-island">“${PLACES}”</span> ᠪᠣᠯᠠᠢ᠃</p>`);
    expect(presentVerticalHtml('<p>ᠪᠠ 自治区人民政府办公厅关于印发第5批目录的通知 ᠪᠠ</p>')).toBe(
      '<p>ᠪᠠ <span lang="zh-CN" class="zh-island">自治区人民政府办公厅关于印发第<span class="tcy">5</span>批目录的通知</span> ᠪᠠ</p>',
    );
  });

  it('changes no character of the text, so copying, the search index and its excerpts see the same words', () => {
    const source = `<h1>${MN}</h1><p>${MN} “${PLACES}” ᠪᠣᠯᠠᠢ᠃ 内政公发〔2020〕2号</p><td>${PLACES}</td>`;
    expect(text(presentVerticalHtml(source))).toBe(text(source));
  });

  it('is idempotent and never adds an island inside an element that is already Chinese', () => {
    const once = presentVerticalHtml(`<p>${MN} ${PLACES}</p>`);
    expect(presentVerticalHtml(once)).toBe(once);
    expect(presentVerticalHtml(`<p lang="zh-CN">${PLACES}</p>`)).toBe(`<p lang="zh-CN">${PLACES}</p>`);
    expect(presentVerticalHtml(`<p>${PLACES}</p>`, { markChinese: false })).toBe(`<p>${PLACES}</p>`);
  });

  it('escapes plain text first (search result titles) and flags islands for the search page', () => {
    expect(presentVerticalText(`<b> ${PLACES}`)).toBe(`&lt;b&gt; <span lang="zh-CN" class="zh-island">${PLACES}</span>`);
    expect(splitChineseRuns(`${MN} ${PLACES} 内政公发〔2020〕2号`)).toEqual([
      { text: `${MN} `, zh: false },
      { text: PLACES, zh: true, island: true },
      { text: ' ', zh: false },
      { text: '内政公发〔2020〕2号', zh: true },
    ]);
  });

  it('is presentation added after the sanitizer: content cannot write the class itself', () => {
    const authored = `<p><span class="zh-island">${PLACES}</span></p>`;
    expect(removedBySanitizer(authored)).toEqual([{ found: 'class="zh-island"', reason: expect.stringContaining('class not allowed') }]);
    expect(sanitizeHtml(authored)).toBe(`<p><span>${PLACES}</span></p>`);
  });
});

describe('a search excerpt whose long Han run crosses highlights', () => {
  it('is grouped into one island holding its marks, the rest as before, with no character lost', () => {
    const pieces = [
      { text: `ᠨᠢ “呼和浩特市新城区、包头市稀土高新区、兴安盟`, mark: false },
      { text: '乌兰浩特', mark: true },
      { text: '市、通辽市开鲁县” ᠪᠣᠯᠠᠢ᠃ 国办发', mark: false },
      { text: 'ᠪᠠ', mark: true },
    ];
    const groups = groupIslands(pieces);
    expect(groups).toEqual([
      { island: false, pieces: [{ text: 'ᠨᠢ ', mark: false }] },
      { island: true, pieces: [{ text: '“呼和浩特市新城区、包头市稀土高新区、兴安盟', mark: false }, { text: '乌兰浩特', mark: true }, { text: '市、通辽市开鲁县”', mark: false }] },
      { island: false, pieces: [{ text: ' ᠪᠣᠯᠠᠢ᠃ 国办发', mark: false }, { text: 'ᠪᠠ', mark: true }] },
    ]);
    expect(groups.flatMap((g) => g.pieces.map((p) => p.text)).join('')).toBe(pieces.map((p) => p.text).join(''));
  });

  it('leaves text without a long run in one group, and a run made long only by a highlight is still an island', () => {
    expect(groupIslands([{ text: 'ᠪᠠ 国办发', mark: false }, { text: '〔2019〕54号', mark: true }])).toEqual([{ island: false, pieces: [{ text: 'ᠪᠠ 国办发', mark: false }, { text: '〔2019〕54号', mark: true }] }]);
    expect(groupIslands([{ text: '内蒙古自治区', mark: false }, { text: '人民政府办公厅', mark: true }])).toEqual([
      { island: true, pieces: [{ text: '内蒙古自治区', mark: false }, { text: '人民政府办公厅', mark: true }] },
    ]);
    expect(groupIslands([])).toEqual([]);
  });
});
