/**
 * Issue #17 item 2: one Mongolian term list (src/i18n/mn-terms.ts) in the forms of
 * ../shared/MONGOLIAN-TERMS.md; the UI uses it; docs/mn-terminology.md is generated from it; no
 * Khalkha transliteration and no doubled vowel outside a short allow-list in src/i18n or content/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOUBLED_VOWEL_ALLOWED, isAwaiting, MN_TERMS, mn, type MnTerm, type MnTermKey } from '../../src/i18n/mn-terms.ts';
import { MN_CORRECTIONS } from '../../src/i18n/mn-corrections.ts';
import { useTranslations, type UiKey } from '../../src/i18n/index.ts';
import { mnMong } from '../../src/i18n/mn-Mong.ts';
import { findDoubledVowels, findForbidden, type ForbiddenForm } from '../../src/lib/mongolian/spelling.ts';
import { renderTerminology, TERMINOLOGY_DOC } from '../../scripts/mn-terminology.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const HAS_MONGOLIAN = /[\u1820-\u18AA]/;

function dedupe(forms: ForbiddenForm[]): ForbiddenForm[] {
  const seen = new Set<string>();
  return forms.filter((f) => !seen.has(`${f.match} ${f.form}`) && !!seen.add(`${f.match} ${f.form}`));
}

/** The transliterations named in issue #17, then every wrong form the term list and the corrections name. */
const ISSUE_FORMS: ForbiddenForm[] = ['ᠳᠤᠭᠠᠠᠷ', 'ᠮᠡᠳᠡᠡᠯ\u180Eᠡ', 'ᠬᠦᠰᠨᠡᠭᠲ', 'ᠨᠢᠶᠲ', 'ᠨᠢᠶᠢᠲᠢᠨ', 'ᠨᠢᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ'].map((form) => ({ form, match: 'word' }));
const FORBIDDEN: ForbiddenForm[] = dedupe([
  ...ISSUE_FORMS,
  ...(Object.values(MN_TERMS) as MnTerm[]).flatMap((t) => (t.replaces ?? []).map((form) => ({ form, match: (form.includes(' ') || form.includes('\u202F') ? 'phrase' : 'word') as ForbiddenForm['match'] }))),
  ...MN_CORRECTIONS.map((c) => ({ form: c.from, match: c.match })),
]);
const ALLOWED = DOUBLED_VOWEL_ALLOWED.map((a) => a.stem);

/** JS/TS source: the contents of its string literals with \uXXXX escapes decoded. */
const decode = (src: string): string => src.replace(/\\u([0-9A-Fa-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function files(dir: string, exts: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, exts) : exts.test(name) ? [p] : [];
  });
}

/** Every Mongolian line of src/i18n (except the lists of wrong forms themselves) and content/, with its place. */
function mongolianLines(): { where: string; text: string }[] {
  const i18n = files(join(root, 'src/i18n'), /\.ts$/).filter((f) => !/mn-(terms|corrections)\.ts$/.test(f));
  const content = files(join(root, 'content'), /\.(md|mdx|ya?ml|json|jsonl|csv|txt)$/);
  return [...i18n, ...content].flatMap((f) => {
    const text = f.endsWith('.ts') ? decode(readFileSync(f, 'utf8')) : readFileSync(f, 'utf8');
    return text.split('\n').flatMap((line, i) => (HAS_MONGOLIAN.test(line) ? [{ where: `${f.slice(root.length)}:${i + 1}`, text: line }] : []));
  });
}

describe('the term list', () => {
  it('each term is attested (V/M/N with its source) or awaits a translator (I/NF, with where its candidate comes from)', () => {
    for (const [key, t] of Object.entries(MN_TERMS) as [string, MnTerm][]) {
      expect(t.source.length, key).toBeGreaterThan(3);
      if (isAwaiting(t)) expect(['I', 'NF'], key).toContain(t.conf);
      else {
        expect(['V', 'M', 'N'], key).toContain(t.conf);
        expect(t.source, key).toMatch(/§[A-G]/);
        expect(t.mn, key).toMatch(HAS_MONGOLIAN);
      }
    }
  });
  it('holds the #16 strings 推荐结果, 找错 and 应用 as awaiting a translator', () => {
    for (const k of ['bestBets', 'errorReport', 'apply'] as MnTermKey[]) expect(isAwaiting(MN_TERMS[k])).toBe(true);
  });
  it('its own forms and the corrections break none of the rules', () => {
    const forms = [...(Object.values(MN_TERMS) as MnTerm[]).map((t) => t.mn), ...MN_CORRECTIONS.map((c) => c.to)];
    for (const f of forms) {
      expect(findForbidden(f, FORBIDDEN), f).toEqual([]);
      expect(findDoubledVowels(f, ALLOWED), f).toEqual([]);
    }
  });
  it('the UI labels are the terms', () => {
    const t = useTranslations('mn-Mong');
    const uses: [UiKey, MnTermKey][] = [
      ['nav.home', 'home'], ['doc.published', 'publishedDate'], ['doc.docNumber', 'docNumber'], ['doc.indexNumber', 'indexNumber'],
      ['doc.topic', 'topicClass'], ['doc.issuers', 'issuer'], ['nav.interpretations', 'interpretation'], ['kind.政策文件', 'policyDocuments'],
      ['docType.通知', 'notice'], ['open.title', 'govInfoDisclosure'], ['search.bestBets', 'bestBets'], ['footer.errorReport', 'errorReport'], ['search.apply', 'apply'],
    ];
    for (const [key, term] of uses) expect(t(key), key).toBe(mn(term));
    expect(t('doc.infoTable')).toBe(`${mn('information')}\u202Fᠶᠢᠨ ${mn('table')}`);
    expect(t('list.count', { count: 3 })).toBe(`${mn('total')} 3`);
  });
  it('numbers in UI strings take their ordinal suffix by the number', () => {
    const t = useTranslations('mn-Mong');
    expect(t('a11y.pageN', { n: 9 })).toBe('9 ᠳ\u180Bᠦᠭᠡᠷ ᠬᠠᠭᠤᠳᠠᠰᠤ');
    expect(t('a11y.pageN', { n: 12 })).toBe('12 ᠳ\u180Bᠤᠭᠠᠷ ᠬᠠᠭᠤᠳᠠᠰᠤ');
    expect(t('gazette.issue', { year: 2020, number: 11 })).toBe('2020 ᠣᠨ\u202Fᠤ 11 ᠳ\u180Bᠦᠭᠡᠷ ᠲᠣᠭᠠᠲᠤ');
    expect(useTranslations('zh-CN')('a11y.pageN', { n: 9 })).toBe('第 9 页');
  });
});

describe('docs/mn-terminology.md', () => {
  it('is generated from the term list (node scripts/mn-terminology.ts)', () => {
    expect(readFileSync(TERMINOLOGY_DOC, 'utf8')).toBe(renderTerminology());
  });
  it('lists every term with its status and the wrong forms', () => {
    const doc = renderTerminology();
    for (const [key, t] of Object.entries(MN_TERMS) as [string, MnTerm][]) expect(doc).toMatch(new RegExp(`^\\| ${key} \\| ${t.zh.replace(/[()（）]/g, '.')} .*${isAwaiting(t) ? 'awaiting translator' : 'attested'}`, 'm'));
    expect(doc).toContain('ᠳᠤᠭᠠᠠᠷ');
  });
});

describe('Mongolian text in src/i18n and content/', () => {
  const lines = mongolianLines();
  it('has Mongolian text to check (UI strings, translations, organization names)', () => {
    expect(lines.length).toBeGreaterThan(300);
    expect(lines.some((l) => l.where.startsWith('content/mn/'))).toBe(true);
    expect(Object.values(mnMong).join(' ')).toMatch(HAS_MONGOLIAN);
  });
  it('the checks catch what they must (each wrong form, doubled vowels, with any suffix connector or FVS)', () => {
    for (const f of FORBIDDEN) expect(findForbidden(`ᠠ ${f.form} ᠶᠢᠨ`, FORBIDDEN).length, f.form).toBeGreaterThan(0);
    expect(findForbidden('ᠪᠢᠴᠢᠭ\u202Fᠦᠨ ᠳᠤᠭ\u180Bᠠᠠᠷ', FORBIDDEN)).toHaveLength(1);
    expect(findForbidden('ᠮᠡᠳᠡᠭᠡ ᠳ\u180Bᠤᠭᠠᠷ ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ', FORBIDDEN)).toEqual([]);
    expect(findDoubledVowels('ᠪᠦᠬᠦ ᠲᠠᠯᠠᠠᠷ ᠭᠣᠣᠯ ᠰᠢᠢᠳᠪᠦᠷᠢ', ALLOWED).map((p) => p.found)).toEqual(['ᠲᠠᠯᠠᠠᠷ']);
  });
  it('contains no known Khalkha transliteration', () => {
    const found = lines.flatMap((l) => findForbidden(l.text, FORBIDDEN).map((p) => `${l.where}: ${p.found} (${p.form})`));
    expect(found).toEqual([]);
  });
  it('contains no doubled vowel outside the allow-list', () => {
    const found = lines.flatMap((l) => findDoubledVowels(l.text, ALLOWED).map((p) => `${l.where}: ${p.found}`));
    expect(found).toEqual([]);
  });
});
