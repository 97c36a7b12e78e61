/**
 * Which records are versions of one document — shared by build:corpus --group-versions
 * (src/lib/version-groups.ts, on loaded policies) and npm run import --group-versions
 * (src/lib/import/versions.ts, on imported files and export rows). Pure.
 *
 * One document: the same issuers and the same title, ignoring a trailing （…文号…） or
 * （YYYY年修正/修订/修改） and spacing. Its records must have different dates; two records with
 * one date or one 文号 are the same text exported twice, not two versions (a conflict: the
 * corpus loader leaves them apart, the importer refuses them). A record without a date may
 * take it from an explicit 修正/修订 note at the head of its text (revisionNote).
 */
import { parseChineseDate, CHINESE_DATE_SOURCE } from './import/dates.ts';
import { isIsoDate } from '../schemas/fields/dates.ts';

// a 修正 note is short — （修正）, （2019年修订）, （2009年第二次修正本） — not a parenthetical that
// names what a 公告 amends (（修订《…》等5件规范性文件）: a document of its own). A 文号 needs its 号
// or a 〔YYYY〕/[YYYY] year bracket (（2020年第12号）, （国发〔2020〕5号）): a bare （2016…2020） is part of the title.
// Titles are NFKC here, so （） and ［］ arrive as () and [].
const TRAILER = /\(((?:[^()]*[〔[【(]?\d{4}[〕\]】)]?[^()]*第?\d+号|[^()]*[〔[]\d{4}[〕\]]第?\d+|(?:\d{4}年?)?(?:第[一二三四五六七八九十]+次)?(?:修正|修订|修改)本?))\)$/u;
// 规划（2016-2020） and 规划（2021-2035） are two plans, not two versions of one
const YEAR_RANGE = /\d{4}年?[-－—–~～至到]+\d{4}/u;
// 国家税务总局公告, 某市人民政府令: a serial form, each number its own document
const SERIAL_FORM = /^(.*?)(?:联合)?(?:公告|通告|令|公报)$/u;
// an issuer's name the record does not list as it is written (国家税务总局 for 税务总局)
const ORG_NAME = /^[^《》“”]*(?:部|委员会|委|总局|局|署|银行|院|政府|办公厅|办公室|厅|中心|会|司|主席)$/u;

/** The title without a trailing 文号 or 修正 note, NFKC, no whitespace. */
export function baseTitle(title: string): string {
  let t = title.normalize('NFKC').replace(/\s+/g, '');
  for (let i = 0; i < 3; i++) {
    const m = TRAILER.exec(t);
    if (!m || YEAR_RANGE.test(m[1]!)) break;
    t = t.slice(0, m.index);
  }
  return t;
}

/**
 * True when the title, without its trailer, is only an issuer and a form word (国家税务总局公告,
 * 财政部令, 某市人民政府公报): serial announcements share that title, so it cannot tell versions apart.
 * Issuers are matched by name when the title spells one, else by the form of an organization name.
 */
export function isSerialTitle(title: string, issuers: readonly string[]): boolean {
  const prefix = SERIAL_FORM.exec(baseTitle(title))?.[1];
  if (prefix === undefined) return false;
  const names = prefix.replace(/[、，,和与及]/gu, '');
  let rest = names;
  for (const issuer of issuers) rest = rest.replaceAll(issuer.normalize('NFKC').replace(/\s+/g, ''), '');
  return rest === '' || (ORG_NAME.test(names) && !names.includes('关于') && !names.includes('的'));
}

export function versionGroupKey(p: { title: string; issuers: readonly string[] }): string {
  return `${[...p.issuers].sort().join('+')}|${baseTitle(p.title)}`;
}

/** What the grouping needs to know of a record. */
export interface VersionFacts {
  title: string;
  issuers: readonly string[];
  /** 公布日期 YYYY-MM-DD; undefined: the record has none */
  date: string | undefined;
  /** a normalized 文号 key, when the record has one */
  docNumber?: string | undefined;
}

export interface VersionConflict<T> {
  rows: T[];
  reason: string;
}

export interface VersionPlan<T> {
  /** one entry per document, its records oldest first (a single record is a group of one) */
  groups: T[][];
  /** groups that cannot be versions of one document: two records share a date or a 文号 */
  conflicts: VersionConflict<T>[];
  /** records without a date that share their document with others: no place among its versions */
  undated: T[];
}

function conflictOf<T>(rows: T[], facts: (r: T) => VersionFacts): string | undefined {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const d = facts(r).date!;
    seen.set(d, (seen.get(d) ?? 0) + 1);
  }
  const dates = [...seen].filter(([, n]) => n > 1).map(([d]) => d);
  if (dates.length) return `同一文件的 ${rows.length} 条记录中有相同的发布日期 ${dates.join('、')}：同一版本导入了两次，不是两个版本（duplicate version date）`;
  const numbers = rows.flatMap((r) => (facts(r).docNumber ? [facts(r).docNumber!] : []));
  if (new Set(numbers).size < numbers.length) return `同一文件的记录中有相同的发文字号：同一文件导入了两次，不是两个版本（duplicate 文号）`;
  return undefined;
}

/** Records in input order → documents, conflicts and unplaceable records; every record is in exactly one. */
export function planVersionGroups<T>(rows: readonly T[], facts: (r: T) => VersionFacts): VersionPlan<T> {
  const byKey = new Map<string, T[]>();
  rows.forEach((r, i) => {
    const f = facts(r);
    // without a title or an issuer, or with a serial title, nothing says two records are one document: a key of its own
    const key = baseTitle(f.title) && f.issuers.length && !isSerialTitle(f.title, f.issuers) ? versionGroupKey(f) : `\0${i}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  });
  const plan: VersionPlan<T> = { groups: [], conflicts: [], undated: [] };
  for (const members of byKey.values()) {
    if (members.length === 1) {
      plan.groups.push(members);
      continue;
    }
    const dated = members.filter((r) => facts(r).date !== undefined);
    plan.undated.push(...members.filter((r) => facts(r).date === undefined));
    const reason = conflictOf(dated, facts);
    if (reason) plan.conflicts.push({ rows: dated, reason });
    else if (dated.length) plan.groups.push([...dated].sort((a, b) => (facts(a).date! < facts(b).date! ? -1 : 1)));
  }
  return plan;
}

export interface RevisionNote {
  /** date of the last 修正/修订 the note names: the date of this text */
  date: string;
  /** the amending document of that last revision (《关于修改…的决定》), when named */
  amendingTitle?: string;
}

const NOTE = /^[（(]([^（）()]*(?:修正|修订)[^（）()]*)[）)]/u;

/**
 * The 题注 of a law or regulation as printed under its title — “（1995年5月10日…通过　根据2015年8月29日
 * …《关于修改〈…〉的决定》第二次修正）” — on one of the first three lines of its text: the date of the last
 * revision it names and the amending document. Undefined when there is no such note.
 */
export function revisionNote(text: string): RevisionNote | undefined {
  const lines = text.split('\n').slice(0, 3).map((l) => l.trim());
  const note = lines.map((l) => NOTE.exec(l)?.[1]).find((n) => n !== undefined);
  if (!note) return undefined;
  // each clause ends at a 修正/修订; the last clause names the text's own revision
  const clauses = note.split(/(?<=修正|修订)/u).filter((c) => /修正|修订/u.test(c));
  const last = clauses[clauses.length - 1]!;
  const dates = [...last.matchAll(new RegExp(CHINESE_DATE_SOURCE, 'gu'))];
  const date = dates.length ? parseChineseDate(dates[dates.length - 1]![0]) : undefined;
  if (!date) return undefined;
  const title = /《([^》]+)》/u.exec(last)?.[1];
  return title ? { date, amendingTitle: title.replace(/</g, '〈').replace(/>/g, '〉') } : { date };
}

/** The earliest year a version may carry: the import refuses texts dated before 1949. */
export const EARLIEST_VERSION_DATE = '1949-01-01';

/** Why `date` cannot be a version's date (not a date, before 1949, after today), or undefined. */
export function versionDateProblem(date: string, today: string): string | undefined {
  if (!isIsoDate(date)) {
    return `版本日期 "${date}" 不是 YYYY-MM-DD 日期（not a date）`;
  }
  if (date < EARLIEST_VERSION_DATE) return `版本日期 ${date} 早于 1949 年（before ${EARLIEST_VERSION_DATE}）：请核对原文日期`;
  if (date > today) return `版本日期 ${date} 晚于今天 ${today}（in the future）：历史版本只能是已公布的文本`;
  return undefined;
}
