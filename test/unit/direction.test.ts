import { describe, expect, it } from 'vitest';
import { awaitsTranslation, isChineseLang, latinRunPresentation, presentVerticalHtml, presentVerticalText, splitChineseRuns, wrapShortDigits } from '../../src/lib/direction.ts';

const NNBSP = '\u202F';
const tcy = (d: string) => `<span class="tcy">${d}</span>`;

describe('latin/digit runs in vertical Mongolian', () => {
  it('sets 1–2 ASCII digits upright and everything longer sideways', () => {
    expect(latinRunPresentation('5')).toBe('tcy');
    expect(latinRunPresentation('25')).toBe('tcy');
    expect(latinRunPresentation('125')).toBe('sideways');
    expect(latinRunPresentation('2016')).toBe('sideways');
    expect(latinRunPresentation('A4')).toBe('sideways');
    expect(latinRunPresentation('3.5')).toBe('sideways');
    expect(latinRunPresentation('１２')).toBe('sideways'); // fullwidth digits are upright by themselves
  });

  it('wraps short digit runs inside Mongolian text and leaves long ones alone', () => {
    const date = `2024 ᠣᠨ${NNBSP}ᠤ 3 ᠰᠠᠷ᠎ᠠ${NNBSP}ᠶᠢᠨ 15`;
    expect(wrapShortDigits(`<p>${date}</p>`)).toBe(`<p>2024 ᠣᠨ${NNBSP}ᠤ ${tcy('3')} ᠰᠠᠷ᠎ᠠ${NNBSP}ᠶᠢᠨ ${tcy('15')}</p>`);
  });

  it('keeps numbers joined by punctuation, phone numbers, URLs and e-mail addresses as one sideways run', () => {
    for (const s of ['0471-6945310', '12:30', '3.5', '1,234', '12%', 'https://www.nmg.gov.cn/12/34.html', 'gk@nmg.gov.cn', 'ICP', 'v2']) {
      expect(wrapShortDigits(`<p>${s}</p>`)).toBe(`<p>${s}</p>`);
    }
    expect(wrapShortDigits('<p>ᠬᠠᠶᠢᠭ https://a.gov.cn/1/ ᠪᠠ 7</p>')).toBe(`<p>ᠬᠠᠶᠢᠭ https://a.gov.cn/1/ ᠪᠠ ${tcy('7')}</p>`);
  });

  it('never touches tags, attributes, character references, comments, scripts, styles or the head', () => {
    const html = [
      '<html lang="mn-Mong"><head><title>ᠬᠠᠭᠤᠳᠠᠰᠤ 2</title><meta content="12"><style>a{margin:1px}</style></head>',
      '<body><a href="/policies/page/2/" data-n=\'12\' title="3 > 2">2</a><!-- 12 --><script>let a = 1 < 2;</script>',
      '<p>&#39;&#x202F;&amp;12</p><input value="4"><select><option>5</option></select><pre>6</pre></body></html>',
    ].join('');
    expect(wrapShortDigits(html)).toBe(
      html
        .replace('title="3 > 2">2</a>', `title="3 > 2">${tcy('2')}</a>`)
        .replace('&amp;12', `&amp;${tcy('12')}`),
    );
  });

  it('is idempotent', () => {
    const once = presentVerticalHtml('<p>ᠪᠢᠴᠢᠭ 5 内政公办字〔2016〕5号</p>');
    expect(presentVerticalHtml(once)).toBe(once);
  });
});

describe('Chinese runs in vertical Mongolian', () => {
  it('marks a 文号 and a Chinese name with lang="zh-CN", short digits inside it upright', () => {
    expect(presentVerticalHtml('<td>内政公办字〔2016〕5号</td>')).toBe(`<td><span lang="zh-CN">内政公办字〔2016〕${tcy('5')}号</span></td>`);
    expect(presentVerticalHtml('<p>ᠪᠢᠴᠢᠭ ᠭᠠᠷᠭᠠᠭᠰᠠᠨ᠄ 内蒙古自治区人民政府᠂ ᠪᠠ</p>')).toBe(
      '<p>ᠪᠢᠴᠢᠭ ᠭᠠᠷᠭᠠᠭᠰᠠᠨ᠄ <span lang="zh-CN">内蒙古自治区人民政府</span>᠂ ᠪᠠ</p>',
    );
  });

  it('leaves text that is already Chinese-tagged unwrapped, but still combines its short digits', () => {
    expect(presentVerticalHtml('<span lang="zh-CN">蒙ICP备05012345号 第3条</span>')).toBe(`<span lang="zh-CN">蒙ICP备05012345号 第${tcy('3')}条</span>`);
    expect(presentVerticalHtml('<div lang="zh-Hans"><p>通知</p></div>')).toBe('<div lang="zh-Hans"><p>通知</p></div>');
    expect(presentVerticalHtml('<p>通知</p>', { lang: 'zh-CN' })).toBe('<p>通知</p>');
  });

  it('does not wrap CJK punctuation around Mongolian words', () => {
    expect(presentVerticalHtml('<p>《ᠮᠣᠩᠭᠣᠯ》</p>')).toBe('<p>《ᠮᠣᠩᠭᠣᠯ》</p>');
  });

  it('returns to the Mongolian context after a Chinese element closes', () => {
    expect(presentVerticalHtml('<p><span lang="zh-CN">通知</span> 办法</p>')).toBe('<p><span lang="zh-CN">通知</span> <span lang="zh-CN">办法</span></p>');
  });

  it('escapes plain text before presenting it', () => {
    expect(presentVerticalText('<b>第5条</b> & 3')).toBe(`&lt;b&gt;<span lang="zh-CN">第${tcy('5')}条</span>&lt;/b&gt; &amp; ${tcy('3')}`);
  });

  it('recognises Chinese language tags', () => {
    for (const l of ['zh', 'zh-CN', 'zh-Hans', 'ZH-hant-TW']) expect(isChineseLang(l)).toBe(true);
    for (const l of ['mn-Mong', 'mn', 'en', '', undefined]) expect(isChineseLang(l)).toBe(false);
  });

  it('splits plain text into Han runs and the rest, as presentVerticalHtml marks them (search result titles)', () => {
    expect(splitChineseRuns('社会救助 ᠰᠠᠯᠪᠤᠷᠢ《ᠮᠣᠩᠭᠣᠯ》内政公办字〔2016〕5号')).toEqual([
      { text: '社会救助', zh: true },
      { text: ' ᠰᠠᠯᠪᠤᠷᠢ《ᠮᠣᠩᠭᠣᠯ》', zh: false },
      { text: '内政公办字〔2016〕5号', zh: true },
    ]);
    expect(splitChineseRuns('ᠰᠠᠯᠪᠤᠷᠢ 2016')).toEqual([{ text: 'ᠰᠠᠯᠪᠤᠷᠢ 2016', zh: false }]);
    expect(splitChineseRuns('')).toEqual([]);
  });
});

describe('UI strings awaiting a translator', () => {
  it('are the Chinese strings of a page in another language, never those of a Chinese page', () => {
    expect(awaitsTranslation('mn-Mong-CN', '时点查询')).toBe(true);
    expect(awaitsTranslation('mn-Mong-CN', 'ᠬᠠᠢᠯᠲᠠ')).toBe(false);
    expect(awaitsTranslation('zh-CN', '时点查询')).toBe(false);
  });
});
