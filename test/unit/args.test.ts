import { describe, expect, it } from 'vitest';
import { checkToday, CONTENT_OPTIONS, contentOptions, parseArgs, type ArgSpec } from '../../scripts/lib/args.ts';

const spec: ArgSpec = { values: CONTENT_OPTIONS, flags: ['--lenient'] };

describe('parseArgs (scripts/lib/args.ts)', () => {
  it('reads values, flags and positionals', () => {
    const r = parseArgs(['--content', 'c', '--lenient', 'a.txt', '--today', '2024-01-02', 'b.txt'], { ...spec, positionals: true });
    expect(r).toEqual({ values: { '--content': 'c', '--today': '2024-01-02' }, flags: new Set(['--lenient']), positionals: ['a.txt', 'b.txt'] });
  });

  it('keeps the last value of a repeated option', () => {
    expect(parseArgs(['--root', 'a', '--root', 'b'], spec)).toMatchObject({ values: { '--root': 'b' } });
  });

  it('--help and -h win unless an error comes first', () => {
    expect(parseArgs(['--help', '--nope'], spec)).toEqual({ help: true });
    expect(parseArgs(['--lenient', '-h'], spec)).toEqual({ help: true });
    expect(parseArgs(['--nope', '--help'], spec)).toEqual({ error: '未知参数 unknown argument: --nope' });
  });

  it('reports unknown arguments, and positionals where none are allowed', () => {
    expect(parseArgs(['x'], spec)).toEqual({ error: '未知参数 unknown argument: x' });
    expect(parseArgs(['--x'], { ...spec, positionals: true })).toEqual({ error: '未知参数 unknown argument: --x' });
    expect(parseArgs(['-x'], { ...spec, positionals: true })).toMatchObject({ positionals: ['-x'] });
  });

  it('reports a missing value, also when the next word is an option', () => {
    expect(parseArgs(['--content'], spec)).toEqual({ error: '缺少参数值 missing value for --content' });
    expect(parseArgs(['--content', '--lenient'], spec)).toEqual({ error: '缺少参数值 missing value for --content' });
  });

  it('checks a value as soon as it is read', () => {
    expect(parseArgs(['--today', '2024-1-2', '--nope'], spec)).toEqual({ error: '--today 应为 YYYY-MM-DD: 2024-1-2' });
    expect(parseArgs(['--nope', '--today', 'x'], spec)).toEqual({ error: '未知参数 unknown argument: --nope' });
  });

  it('checkToday accepts YYYY-MM-DD only', () => {
    expect(checkToday('2024-02-29')).toBeUndefined();
    expect(checkToday('2024/02/29')).toBe('--today 应为 YYYY-MM-DD: 2024/02/29');
  });

  it('contentOptions maps --content/--root/--today to loader options, leaving out what is not given', () => {
    const r = parseArgs(['--today', '2025-01-01', '--content', 'corpus.jsonl'], spec);
    expect('values' in r && contentOptions(r)).toStrictEqual({ source: 'corpus.jsonl', today: '2025-01-01' });
    expect(contentOptions({ values: {}, flags: new Set(), positionals: [] })).toStrictEqual({});
  });
});
