import { describe, expect, it } from 'vitest';
import { bodyToHtml } from '../../src/lib/body.ts';
import { htmlViolations, unsafeUrl } from '../../src/lib/html-policy.ts';
import { fullRemovalCheck, removedBySanitizer, sanitizeHtml } from '../../src/lib/sanitize.ts';
import { readFileSync } from 'node:fs';
import { markdownBlocks } from '../../src/lib/body.ts';

/** Hostile Markdown bodies: each must be reported and come out harmless. */
const HOSTILE: Record<string, string> = {
  'script tag': '正文\n<script>alert(1)</script>',
  'tag split over lines with a handler': '正文\n<img src=x\nonerror=alert(1)>',
  'handler on an allowed tag': '<p onclick="x()">a</p>',
  'decimal-entity javascript URL': '<a href="&#106;avascript:alert(1)">x</a>',
  'hex-entity javascript URL with leading space': '<a href=" &#x6A;&#x61;vascript&colon;alert(1)">x</a>',
  'tab inside the scheme': '<a href="jav&#x09;ascript:alert(1)">x</a>',
  'newline inside the scheme': '<a href="java\nscript:alert(1)">x</a>',
  'meta refresh after a closed fence': '~~~\n```\n~~~\n<meta http-equiv="refresh" content="0;url=https://evil.example">',
  'meta refresh after a code block': '```\nx\n```\n<meta http-equiv="refresh" content="0;url=https://evil.example">',
  'Markdown javascript link': '[点此](javascript:alert(1))',
  'Markdown data link': '[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'vbscript link': '<a href="vbscript:msgbox(1)">v</a>',
  'svg script': '<svg><script>alert(1)</script></svg>',
  'math xlink': '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  'base tag': '<base href="https://evil.example/">',
  'form': '<form action="https://evil.example"><input name="x"><button>提交</button></form>',
  'iframe': '<iframe src="https://evil.example"></iframe>',
  'object and embed': '<object data="x.swf"></object><embed src="x.swf">',
  'style tag': '<style>body{display:none}</style>',
  'style attribute': '<p style="position:fixed;inset:0">a</p>',
  'third-party image': '![x](https://tracker.example/p.png)',
  'protocol-relative image': '![x](//tracker.example/p.png)',
  'details ontoggle': '<details open ontoggle=alert(1)>x</details>',
  'link tag': '<link rel="stylesheet" href="https://evil.example/x.css">',
  'unknown class': '<span class="hidden">x</span>',
  'uppercase tag and handler': '<IMG SRC=x OnErRoR=alert(1)>',
  'srcset': '<img src="files/a.png" srcset="https://evil.example/a.png 1x">',
};

const DANGER = /<(script|iframe|object|embed|meta|base|form|input|style|link|svg|math|details)\b|\son\w+=|javascript:|vbscript:|data:|style=|srcset=|\/\/tracker/i;

describe('the sanitizer', () => {
  for (const [name, body] of Object.entries(HOSTILE)) {
    it(`reports and neutralizes: ${name}`, () => {
      expect(htmlViolations(body).length, 'reported').toBeGreaterThan(0);
      expect(bodyToHtml(body, 'markdown')).not.toMatch(DANGER);
    });
  }

  it('keeps what official documents need, unreported', () => {
    const body = [
      '# 标题', '', '## 一、总则', '', '1. 第一条', '2. 第二条', '', '- 甲', '- 乙', '',
      '| 项目 | 数量 |', '|:-:|--:|', '| 甲 | 1 |', '',
      '<table><caption>表</caption><tr><th scope="col">甲</th><td colspan="2" rowspan="1">乙</td></tr></table>', '',
      'H<sub>2</sub>O，m<sup>2</sup>，第一行<br>第二行', '',
      '[国务院](https://www.gov.cn/) [邮件](mailto:a@b.cn) [电话](tel:0471-1234567) [附件](files/a.pdf) [锚点](#top)', '',
      '![图](files/a.png "说明")', '', '```js\nconst x = 1;\n```', '', '> 引用', '', '---',
    ].join('\n');
    expect(htmlViolations(body)).toEqual([]);
    const html = bodyToHtml(body, 'markdown', { externalLabel: '（外部链接）' });
    for (const kept of ['<h2>', '<ol>', '<table>', '<th align="center">', 'colspan="2"', '<sub>2</sub>', '<sup>2</sup>', '<br />', 'href="https://www.gov.cn/"', 'class="external"', 'href="mailto:a@b.cn"', 'href="tel:0471-1234567"', 'href="files/a.pdf"', 'src="files/a.png"', 'class="language-js"', '<blockquote>', '<hr />']) {
      expect(html).toContain(kept);
    }
  });

  it('reports each problem at its line', () => {
    const v = htmlViolations('正文\n<script>alert(1)</script>\n\n<iframe src="https://x"></iframe>\n\n<div\nonclick="x">a</div>\n\n[d](javascript:alert(1))');
    expect(v.map((x) => [x.line, x.found.slice(0, 12)])).toEqual([[2, '<script>'], [4, '<iframe>'], [7, 'onclick='], [9, 'href="javasc']]);
  });

  it('ignores HTML shown as code', () => {
    expect(htmlViolations('示例：`<script>`\n\n```\n<iframe></iframe>\n```\n\n    <meta http-equiv="refresh">')).toEqual([]);
  });

  it('is idempotent and reports nothing on its own output', () => {
    for (const body of Object.values(HOSTILE)) {
      const once = bodyToHtml(body, 'markdown');
      expect(sanitizeHtml(once)).toBe(once);
      expect(removedBySanitizer(once)).toEqual([]);
    }
  });

  it('escapes plain-text (JSON-lines) bodies', () => {
    expect(bodyToHtml('<script>alert(1)</script>\n第二段', 'text')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>第二段</p>');
  });

  it('allows web, mail and phone links and site paths only', () => {
    expect(['https://gov.cn', 'mailto:a@b.cn', 'tel:0471', '/files/a.pdf', 'files/a.pdf', '#top'].some(unsafeUrl)).toBe(false);
    expect(['javascript:x', 'JAVASCRIPT:x', ' java\tscript:x', 'vbscript:x', 'data:text/html,x', '\u0001javascript:x'].every(unsafeUrl)).toBe(true);
  });
});

describe('hidden characters in bodies', () => {
  it('reports bidi overrides and control characters at their line; no dir attribute', () => {
    const v = htmlViolations('第一行\n文号：内政发〔2024〕\u202E号5\n\u0001\n<p dir="rtl">反向</p>');
    expect(v.map((x) => [x.line, x.found])).toEqual([[2, 'U+202E'], [3, 'U+0001'], [4, '<p dir=']]);
  });
});

describe('the shortcut for plain HTML (attribute-free allowlisted tags)', () => {
  it('agrees with the full check on the blocks of 400 real documents and on hostile variants', () => {
    const rows = readFileSync(new URL('../../../shared/corpus/policies.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).slice(0, 400);
    const samples = rows.flatMap((l) => markdownBlocks((JSON.parse(l) as { body?: string }).body ?? '').map((b) => b.html));
    samples.push('<p>a</p><script>x</script>', '<p>a<!-- c --></p>', '<P onclick="x">a</P>', '<p>a<br/>b</p>', '<a>x</a><img>', '<p>a</p><svg><p>b</p></svg>', '<p>1 < 2</p>', '<p>a</p', '<textarea>x</textarea>');
    let plain = 0;
    for (const html of samples) {
      const quick = removedBySanitizer(html);
      expect(quick, html.slice(0, 80)).toEqual(fullRemovalCheck(html));
      if (quick.length === 0) plain++;
    }
    expect(plain).toBeGreaterThan(400);
    expect(removedBySanitizer('<p>a</p><script>x</script>')).not.toEqual([]);
  });
});

describe('sanitizeHtml passes plain, balanced HTML through and parses everything else', () => {
  it('keeps the markup of a plain block as it is', () => {
    expect(sanitizeHtml('<h2>第一章</h2><p>第一条 为了……</p><ol><li>一</li></ol>')).toBe('<h2>第一章</h2><p>第一条 为了……</p><ol><li>一</li></ol>');
  });
  it('never lets a stray or crossed end tag, an unclosed element or an attribute through', () => {
    for (const html of ['<p>a</p></div></main><p>b</p>', '<div><p>a</div></p>', '<div>a', '<p>a</p></div>', '<p title="x" onclick="y">a</p>', '<p>a<script>b</script></p>']) {
      const out = sanitizeHtml(html);
      expect(out, html).not.toMatch(/<\/main>|onclick|<script/);
      const opens = (out.match(/<div>/g) ?? []).length;
      expect((out.match(/<\/div>/g) ?? []).length, html).toBe(opens);
    }
  });
});

describe('stray end tags', () => {
  it('a pasted </div> that closes nothing is reported at its line, not dropped silently', () => {
    const v = htmlViolations('第一段。\n\n第二段。</div>\n\n第三段。');
    expect(v).toEqual([{ line: 3, found: '</div>', reason: '多余的结束标签，没有对应的开始标签，会被去掉（stray end tag）' }]);
    expect(htmlViolations('<div>\n\n一段。\n\n</div>')).toEqual([]);
    expect(htmlViolations('一段。<br>二段。<!-- </p> -->')).toEqual([]);
  });
});
