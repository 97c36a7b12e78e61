/**
 * One id per record across every input of one npm run import (.jsonl rows, .txt/.docx files):
 * the ids are taken while the inputs are read, before anything is written, so a repeated id is an
 * error naming both sources — in --dry-run too, and never a silent --force overwrite. Pure.
 */

/** Where each id of this run was first read: `file:line` for an export row, the file for a document. */
export type IdSources = Map<string, string>;

const AT_LINE = /:(?=\d+$)/;

/** Why `id` cannot be taken at `where` (naming the first source that took it); undefined once it is taken here. */
export function claimId(ids: IdSources, id: string, where: string): string | undefined {
  const first = ids.get(id);
  if (first === undefined) {
    ids.set(id, where);
    return undefined;
  }
  const [firstFile, firstLine] = first.split(AT_LINE);
  const sameFile = firstLine !== undefined && firstFile === where.split(AT_LINE)[0];
  return `id: 标识 "${id}" 已在${sameFile ? `第 ${firstLine} 行` : ` ${first} `}使用（duplicate id）：每条记录的 id 必须不同`;
}
