import { describe, expect, it } from 'vitest';
import { htmlViolations, unsafeUrl } from '../../src/lib/html-policy.ts';

describe('raw HTML in document bodies', () => {
  it('accepts Markdown and simple structural HTML', () => {
    expect(htmlViolations('# 标题\n\n<table><tr><td colspan="2">甲</td></tr></table>\n\nH<sub>2</sub>O<br>')).toEqual([]);
  });

  it('rejects script, iframe and forms with the line they are on', () => {
    const v = htmlViolations('正文\n<script>alert(1)</script>\n<iframe src="https://x"></iframe>');
    expect(v.map((x) => [x.line, x.found])).toEqual([[2, '<script>'], [3, '<iframe>']]);
  });

  it('rejects event handlers, style attributes and javascript: URLs', () => {
    const v = htmlViolations('<p onclick="x()">a</p>\n<span style="color:red">b</span>\n<a href="java\tscript:alert(1)">c</a>\n[d](javascript:alert(1))');
    expect(v.map((x) => x.found.slice(0, 12))).toEqual(['onclick=', 'style=', 'java\tscript:', 'javascript:a']);
    expect(v.map((x) => x.line)).toEqual([1, 2, 3, 4]);
  });

  it('ignores HTML shown as code', () => {
    expect(htmlViolations('示例：`<script>`\n\n```\n<iframe></iframe>\n```')).toEqual([]);
  });

  it('allows web, mail and phone links and site paths only', () => {
    expect(['https://gov.cn', 'mailto:a@b.cn', 'tel:0471', '/files/a.pdf', 'files/a.pdf', '#top'].some(unsafeUrl)).toBe(false);
    expect(['javascript:x', 'JAVASCRIPT:x', 'vbscript:x', 'data:text/html,x'].every(unsafeUrl)).toBe(true);
  });
});
