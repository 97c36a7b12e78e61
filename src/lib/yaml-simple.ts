/**
 * Frontmatter as editors, `npm run new` and the importers write it: one `key: value` per line,
 * each value a double-quoted string, a plain word or date, a flow list of plain words (comma-free), or a
 * block list (`  - item` lines) of such strings.
 * Such a block is read here without the YAML library, whose parse was most of the content
 * check's frontmatter time; anything else (comments, blank or indented lines, nested blocks,
 * numbers, booleans, escapes, repeated keys…) returns null and the full parser reads it
 * (./yaml.ts), with its checks and messages. test/unit/yaml-simple.test.ts compares the two.
 */

/** What the YAML 1.2 core schema would not read as a string: numbers, booleans, null. */
const NOT_A_STRING = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;
const LINE = /^([A-Za-z_][A-Za-z0-9_]*): (.+)$/;
const QUOTED = /^"([^"\\\u0000-\u001f\u007f]*)"$/;
/** a plain scalar that cannot be anything but itself: no indicator first, no `: ` or ` #`, no
 * flow or quote characters, no edge spaces */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#,[\]{}"'\s]|[ \u3000](?![ \u3000]*$)|:(?=[^\s]))*$/;
const LIST = /^\[(.*)\]$/;

export interface SimpleYaml {
  value: Record<string, string | string[]>;
  /** 1-based line (within the text) of each key */
  lines: Map<string, number>;
  /** the line of each item of a block list (a flow list's items are on their key's line) */
  items: Map<string, number[]>;
}

const COMMENT = /^#(?: .*)?$/;
const KEY_ONLY = /^([A-Za-z_][A-Za-z0-9_]*):$/;
const ITEM = /^ {2}- (.+)$/;

/** The mapping of `text` when every line is one of the simple forms, else null. */
export function simpleYaml(text: string): SimpleYaml | null {
  const out: SimpleYaml = { value: {}, lines: new Map(), items: new Map() };
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    // a whole-line comment (the sample content explains its sources this way)
    if (COMMENT.test(row)) continue;
    const m = LINE.exec(row);
    const key = m ? m[1]! : KEY_ONLY.exec(row)?.[1];
    if (key === undefined || out.lines.has(key) || NOT_A_STRING.test(key)) return null;
    out.lines.set(key, i + 1);
    if (m) {
      const v = scalarOrList(m[2]!);
      if (v === null) return null;
      out.value[key] = v;
      continue;
    }
    // `key:` then its block list, `  - item` per line (what the importers write)
    const list: string[] = [];
    const lines: number[] = [];
    for (let it: RegExpExecArray | null; i + 1 < rows.length && (it = ITEM.exec(rows[i + 1]!)); i++) {
      const v = scalar(it[1]!);
      if (v === null) return null;
      list.push(v);
      lines.push(i + 2);
    }
    if (!list.length) return null;
    out.value[key] = list;
    out.items.set(key, lines);
  }
  return out.lines.size ? out : null;
}

function scalar(raw: string): string | null {
  const q = QUOTED.exec(raw);
  if (q) return q[1]!;
  return PLAIN.test(raw) && !NOT_A_STRING.test(raw) ? raw : null;
}

function scalarOrList(raw: string): string | string[] | null {
  const l = LIST.exec(raw);
  if (!l) return scalar(raw);
  if (l[1] === '') return [];
  const items = l[1]!.split(', ');
  return items.every((w) => PLAIN.test(w) && !NOT_A_STRING.test(w)) ? items : null;
}
