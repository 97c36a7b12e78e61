/**
 * npm run import --group-versions: after every input is read, records that are versions of one
 * document (src/lib/version-grouping.ts) are written as `<id>.md` + `<id>/versions/<date>.md`
 * (src/lib/import/versions.ts), with one report line per grouped document. Nothing is dropped:
 * a record becomes a document or a version, or is an error naming it (two records with one date
 * or one 文号, a record without a date among versions, a version date before 1949 or after
 * today, an id or date that is not a safe file name). A group is written whole or not at all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { groupFiles, groupProblems, planImport, type ImportRecord } from '../../../src/lib/import/versions.ts';
import { blockers, exists, target, type WriteContext } from './prewrite.ts';

export type Outcome = 'written' | 'ready' | 'failed';

export interface GroupContext extends WriteContext {
  dryRun: boolean;
  /** a record that is a document of its own: the ordinary import */
  single: (r: ImportRecord) => Promise<Outcome>;
}

/** One document with versions: check every file, then write them all (or, --dry-run, show them). */
async function importGroup(c: GroupContext, group: ImportRecord[]): Promise<Outcome> {
  const latest = group[group.length - 1]!;
  const dates = group.map((r) => `${String(r.data.published ?? r.note?.date)}（${r.source}）`).join(' → ');
  console.log(`\n版本合并 grouped: ${latest.id} ← ${group.length} 个版本 versions: ${dates}`);
  const bad = groupProblems(group, c.today);
  if (bad.length) {
    for (const b of bad) console.log(`  ✗ ${b}`);
    return 'failed';
  }
  const files = groupFiles(group);
  const why = await blockers(c, files, latest.id);
  if (why.lines.length) {
    for (const w of why.lines) console.log(w);
    console.log(`  ✗ ${latest.id} 及其历史版本未写入（not written）`);
    return 'failed';
  }
  for (const f of files) {
    const p = target(c, f);
    if (c.dryRun) {
      console.log(`  （--dry-run：未写入 not written）${c.rel(p)}`);
      continue;
    }
    await mkdir(path.dirname(p), { recursive: true });
    await writeFile(p, f.text, 'utf8');
    console.log(`  ✓ 已写入 written ${c.rel(p)}`);
  }
  c.ids.add(latest.id);
  await warnEarlierImports(c, group.slice(0, -1));
  return c.dryRun ? 'ready' : 'written';
}

/** A record now written as a version that an earlier import wrote as a document of its own: the editor removes that file. */
async function warnEarlierImports(c: GroupContext, versions: readonly ImportRecord[]): Promise<void> {
  for (const r of versions) {
    const own = path.join(c.out, `${r.id}.md`);
    if (await exists(own)) console.log(`  ! ${c.rel(own)} 是此前单独导入的同一文本，现已作为历史版本写入：请删除该文件（earlier import of this version as a document of its own: delete it）`);
  }
}

/** Every record imported, grouped; one outcome per record. */
export async function importGrouped(c: GroupContext, records: ImportRecord[]): Promise<Outcome[]> {
  const plan = planImport(records);
  const outcomes: Outcome[] = [];
  for (const { rows, reason } of plan.conflicts) {
    console.log(`\n✗ 不能作为版本合并 cannot group: ${rows.map((r) => r.source).join('、')}\n  ${reason}`);
    outcomes.push(...rows.map((): Outcome => 'failed'));
  }
  for (const r of plan.undated) {
    console.log(`\n✗ ${r.source}: 与其他记录是同一文件，但没有发布日期，也没有写明修正日期的题注，无法确定是哪个版本（undated record among versions）`);
    outcomes.push('failed');
  }
  for (const group of plan.groups) {
    if (group.length === 1) outcomes.push(await c.single(group[0]!));
    else {
      const outcome = await importGroup(c, group).catch((e: unknown) => {
        // a refusal (output too large) or a path the checks should already have stopped
        console.log(`  ✗ ${group[group.length - 1]!.id}: ${(e as Error).message.split('\n')[0] ?? ''}`);
        return 'failed' as const;
      });
      outcomes.push(...group.map(() => outcome));
    }
  }
  return outcomes;
}
