import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/csp.ts';

describe('Content-Security-Policy', () => {
  it('allows only the site itself, without WebAssembly or eval', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('adds configured form endpoints by origin only', () => {
    const csp = contentSecurityPolicy({ formActions: ['https://ysqgk.example.gov.cn/apply/submit'] });
    expect(csp).toContain("form-action 'self' https://ysqgk.example.gov.cn");
  });
});
