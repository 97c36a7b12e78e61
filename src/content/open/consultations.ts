/** content/open/consultations/<id>.md: 意见征集 (frontmatter + draft text), status from the build date. */
import path from 'node:path';
import { consultationStatus, STATUS_ORDER } from '../../lib/open/consultation.ts';
import type { ConsultationView } from '../../lib/open/model.ts';
import { isValidId, ID_RULE } from '../../schemas/fields/common.ts';
import { consultationSchema, labels as consultationLabels, toConsultation, type ConsultationFile } from '../../schemas/open/consultation.ts';
import { listFiles } from '../files.ts';
import { at, baseName, policyRef, readMarkdown, type Md, type OpenContext } from './context.ts';

export async function collectConsultations(ctx: OpenContext): Promise<ConsultationView[]> {
  const consultations: ConsultationView[] = [];
  for (const file of await listFiles(path.join(ctx.dir, 'consultations'), /\.md$/i)) {
    const md = await readMarkdown(file, ctx, consultationSchema, consultationLabels);
    const base = baseName(file, /\.md$/i);
    const id = md.data?.id ?? base;
    if (!isValidId(id)) {
      ctx.problems.push(at(md.rel, undefined, 'id', consultationLabels.id, `文件名 "${base}" 不能用作标识（file name is not a valid id）：${ID_RULE}`, { hint: '请改文件名，或在前置元数据中写 id' }));
      continue;
    }
    if (!md.data || md.data.draft) continue;
    if (!consultationOk(ctx, md.data, md)) continue;
    consultations.push({ ...toConsultation(md.data, id, md.rel, md.body), status: consultationStatus(md.data.opens, md.data.closes, ctx.r.today) });
  }
  return consultations.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.opens < b.opens ? 1 : a.opens > b.opens ? -1 : a.id.localeCompare(b.id)));
}

/** Dates in order, feedback consistent, a body; an unknown result policy is reported but does not drop the page. */
function consultationOk(ctx: OpenContext, d: ConsultationFile, md: Md<ConsultationFile>): boolean {
  const { problems } = ctx;
  let ok = true;
  if (d.closes < d.opens) {
    problems.push(at(md.rel, md.lineOf(['closes']), 'closes', consultationLabels.closes, `截止日期 ${d.closes} 早于开始日期 ${d.opens}（closes before opens）`));
    ok = false;
  }
  if (d.feedback) {
    if (d.feedback.adopted > d.feedback.received) {
      problems.push(at(md.rel, md.lineOf(['feedback', 'adopted']), 'feedback.adopted', consultationLabels['feedback.adopted'], `采纳条数 ${d.feedback.adopted} 多于收到意见条数 ${d.feedback.received}（adopted > received）`));
      ok = false;
    }
    if (d.feedback.published < d.closes) {
      problems.push(at(md.rel, md.lineOf(['feedback', 'published']), 'feedback.published', consultationLabels['feedback.published'], `反馈日期 ${d.feedback.published} 早于征集截止日期 ${d.closes}（feedback before the period closed）`));
      ok = false;
    }
  }
  const { policyIds, checkRefs } = ctx.refs;
  if (d.result && checkRefs && !policyIds.has(d.result)) {
    problems.push(policyRef(md.rel, md.lineOf(['result']), 'result', consultationLabels.result, d.result, policyIds));
  }
  if (!md.body.trim()) {
    problems.push(at(md.rel, undefined, 'body', '正文', '正文为空：请写明征求意见说明或意见稿全文（empty body）'));
    ok = false;
  }
  return ok;
}
