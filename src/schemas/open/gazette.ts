/**
 * 政府公报 / one gazette issue (content/open/gazette/<year>-<number>.yaml). Entries link to the
 * policy library by id; entries outside the library (人事任免 …) give a title instead.
 */
import { z } from 'zod';
import { idSchema, textSchema } from '../fields/common.ts';
import { isoDateSchema } from '../fields/dates.ts';
import { attachmentSchema } from '../fields/attachments.ts';

export const gazetteEntrySchema = z
  .strictObject({
    /** 栏目 / section, e.g. 自治区人民政府文件 */
    section: textSchema.optional(),
    /** 政策文件标识 / policy id */
    policy: idSchema.optional(),
    /** 标题 / title (entries not in the library) */
    title: textSchema.optional(),
    /** 页码 / page */
    page: z.int().min(1).optional(),
  })
  .superRefine((e, ctx) => {
    if (!e.policy && !e.title) {
      ctx.addIssue({ code: 'custom', message: '目录条目须写 policy（政策文件标识）或 title（标题）之一（entry needs policy or title）', path: [] });
    }
  });

export const gazetteFileSchema = z.strictObject({
  /** 年份 / year */
  year: z.int().min(1949).max(2100),
  /** 期号 / number within the year */
  number: z.int().min(1).max(60),
  /** 总期号 / running number */
  total: z.int().min(1).optional(),
  /** 出版日期 / publication date */
  published: isoDateSchema,
  /** 整期文件 / file of the whole issue */
  file: attachmentSchema.shape.file.optional(),
  /** 目录 / contents */
  contents: z.array(gazetteEntrySchema).min(1),
});

export type GazetteFile = z.output<typeof gazetteFileSchema>;
/** One 目录 entry: a policy id (links to /policies/<id>/) or a title for entries outside the library. */
export type GazetteEntry = z.output<typeof gazetteEntrySchema>;
/** A published issue: the file's output (its `contents` as `entries`) plus id `<year>-<number>` and source. */
export type GazetteIssue = Omit<GazetteFile, 'contents'> & { id: string; source: string; entries: GazetteEntry[] };

/** The model of a validated issue: the one place its fields are carried over. */
export function toGazetteIssue(d: GazetteFile, source: string): GazetteIssue {
  const { contents, ...fields } = d;
  return { id: `${d.year}-${d.number}`, source, ...fields, entries: contents };
}

export const labels = {
  year: '年份',
  number: '期号',
  total: '总期号',
  published: '出版日期',
  file: '整期文件',
  contents: '目录',
  'contents.section': '栏目',
  'contents.policy': '政策文件标识',
  'contents.title': '标题',
  'contents.page': '页码',
} as const satisfies Record<string, string>;
