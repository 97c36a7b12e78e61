import { describe, expect, it } from 'vitest';
import { bodyToHtml, bodyToText, escapeHtml, renderForCheck } from '../../src/lib/body.ts';

describe('document bodies', () => {
  it('renders plain-text imports as escaped paragraphs', () => {
    expect(bodyToHtml('第一条 <总则>\n\n第二条 A&B', 'text')).toBe('<p>第一条 &lt;总则&gt;</p>\n<p>第二条 A&amp;B</p>');
  });

  it('renders Markdown headings and lists', () => {
    const html = bodyToHtml('## 一、总体要求\n\n- 公开\n- 解读', 'markdown');
    expect(html).toContain('<h2');
    expect(html).toContain('<li>解读</li>');
  });

  it('turns Markdown into one line per block for the search index', () => {
    expect(bodyToText('## 一、总体要求\n\n做好**政务公开**工作 &amp; 解读。\n\n- 甲\n- 乙', 'markdown')).toBe('一、总体要求\n做好政务公开工作 & 解读。\n甲\n乙');
  });

  it('gives the same text for a body the content check rendered (kept from that rendering) as for one it did not', () => {
    const bodies = ['## 二、重点任务\n\n加强**政策解读**，&lt;不&gt;得 [链接](https://www.gov.cn/)。\n\n| 项目 | 时限 |\n|---|---|\n| 解读 | 3 个工作日 |', '第一条<br>第二条\n\n> 引用&#x41;'];
    const fresh = bodies.map((b) => bodyToText(b, 'markdown'));
    // the same text, rendered by the check first (a copy: the memo is keyed by content)
    const copies = bodies.map((b) => (' ' + b).slice(1));
    copies.forEach((b) => expect(renderForCheck(b)).toContain('<'));
    expect(copies.map((b) => bodyToText(b, 'markdown'))).toEqual(fresh);
    // a plain body's text (its lines) is what marked's rendering gives
    const plain = '第一条　为了规范管理，制定本办法。\n\n第二条 2020-2025年，上午9:00\n至11:30。\u3000\n\n\n';
    expect(renderForCheck(plain)).toBe('<p>第一条　为了规范管理，制定本办法。</p>\n<p>第二条 2020-2025年，上午9:00\n至11:30。\u3000</p>\n');
    expect(bodyToText(plain, 'markdown')).toBe('第一条　为了规范管理，制定本办法。\n第二条 2020-2025年，上午9:00\n至11:30。');
    expect(fresh[0]).toBe('二、重点任务\n加强政策解读，<不>得 链接。\n项目\n时限\n解读\n3 个工作日');
  });

  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('links in bodies', () => {
  it('marks links to other sites for sight and for screen readers', () => {
    const html = bodyToHtml('见[国务院](https://www.gov.cn/)和[本站](/policies/a/)。', 'markdown', { externalLabel: '（外部链接）' });
    expect(html).toContain('<a href="https://www.gov.cn/" class="external" rel="noopener noreferrer">国务院<span class="visually-hidden">（外部链接）</span></a>');
    expect(html).toContain('<a href="/policies/a/">本站</a>');
  });
});
