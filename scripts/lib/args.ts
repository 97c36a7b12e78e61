/**
 * Command-line arguments of the npm run scripts (check, report, import, new): `--name value`
 * options, `--flag` switches, `--help`/`-h`, and the usage error (exit 2 with the help text).
 *
 *   const args = parseArgsOrExit(process.argv.slice(2), { values: { '--content': null, '--today': checkToday }, flags: ['--lenient'] }, HELP);
 *   args.values['--content']; args.flags.has('--lenient');
 *
 * parseArgs is pure; parseArgsOrExit and usageError print and exit.
 */

/** Returns the error message for a bad value, or undefined when it is fine. */
export type ValueCheck = (value: string) => string | undefined;

export interface ArgSpec {
  /** options that take a value, each with an optional check run as soon as the value is read */
  values?: Readonly<Record<string, ValueCheck | null>>;
  /** switches without a value */
  flags?: readonly string[];
  /** arguments not starting with `--` are inputs (else they are unknown arguments) */
  positionals?: boolean;
}

export interface Args {
  /** option → value (the last one given) */
  values: Record<string, string>;
  flags: Set<string>;
  positionals: string[];
}

/**
 * Reads `argv` left to right; the first `--help`/`-h` or the first error ends it, so
 * `--help --nope` shows the help and `--nope --help` is a usage error.
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec): Args | { help: true } | { error: string } {
  const out: Args = { values: {}, flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { help: true };
    if (spec.flags?.includes(a)) out.flags.add(a);
    else if (spec.values && Object.hasOwn(spec.values, a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return { error: `缺少参数值 missing value for ${a}` };
      const bad = spec.values[a]?.(v);
      if (bad !== undefined) return { error: bad };
      out.values[a] = v;
    } else if (spec.positionals && !a.startsWith('--')) out.positionals.push(a);
    else return { error: `未知参数 unknown argument: ${a}` };
  }
  return out;
}

/** The check of `--today`: a date written YYYY-MM-DD. */
export const checkToday: ValueCheck = (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : `--today 应为 YYYY-MM-DD: ${v}`);

/** The options --content, --root and --today as loader options (collectSite, collectOpenData). */
export const CONTENT_OPTIONS: Readonly<Record<string, ValueCheck | null>> = { '--content': null, '--root': null, '--today': checkToday };

/** --content, --root and --today (CONTENT_OPTIONS), when given, as `source`, `root` and `today`. */
export function contentOptions(args: Args): { source?: string; root?: string; today?: string } {
  const o: { source?: string; root?: string; today?: string } = {};
  if (args.values['--content'] !== undefined) o.source = args.values['--content'];
  if (args.values['--root'] !== undefined) o.root = args.values['--root'];
  if (args.values['--today'] !== undefined) o.today = args.values['--today'];
  return o;
}

/** Prints `prefix + msg`, a blank line and the help text to stderr; exits 2 (usage error). */
export function usageError(help: string, msg: string, prefix = ''): never {
  console.error(`${prefix}${msg}\n\n${help}`);
  process.exit(2);
}

/** parseArgs, printing the help (exit 0) or the usage error (exit 2) when there is one. */
/**
 * An unexpected failure in a command prints one line, not a stack trace that names our code
 * instead of the editor's input (PORTAL_DEBUG=1 shows the trace).
 */
function installOneLineErrors(): void {
  const fail = (e: unknown): void => {
    if (process.env.PORTAL_DEBUG === '1') console.error(e);
    else console.error(`✗ ${e instanceof Error ? e.message.split('\n').slice(0, 20).join('\n') : String(e)}`);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

export function parseArgsOrExit(argv: readonly string[], spec: ArgSpec, help: string, errorPrefix = ''): Args {
  installOneLineErrors();
  const r = parseArgs(argv, spec);
  if ('help' in r) {
    console.log(help);
    process.exit(0);
  }
  if ('error' in r) return usageError(help, r.error, errorPrefix);
  return r;
}
