/**
 * Rows of the 信息表 in gov.cn's order (索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号,
 * 发布日期, 有效性), then our additions; paired two per row, 标题 alone on its row.
 */
import type { Translate } from '../i18n/index.ts';
import type { PolicyPageModel } from './policy-page.ts';
import { formatDate } from './format.ts';

export type Cell = [label: string, value: string];

export function infoTableRows(model: PolicyPageModel, t: Translate): Cell[][] {
  const date = (iso: string) => formatDate(iso, t);
  const p = model.policy;
  const none = t('doc.none');
  const optional = (label: string, value: string | undefined): Cell[] => (value ? [[label, value]] : []);
  const before: Cell[] = [
    [t('doc.indexNumber'), p.indexNumber],
    [t('doc.topic'), model.topicLabel],
    [t('doc.issuers'), model.issuerNames.join(t('punct.listSep'))],
    [t('doc.written'), p.written ? date(p.written) : none],
  ];
  const after: Cell[] = [
    [t('doc.docNumber'), p.docNumber?.raw ?? none],
    [t('doc.published'), p.published ? date(p.published) : none],
    [t('doc.status'), t(`status.${p.status}`)],
    ...optional(t('doc.effective'), p.effective && date(p.effective)),
    ...optional(t('doc.expires'), p.expires && date(p.expires)),
    ...optional(t('doc.docType'), p.docType && t(`docType.${p.docType}`)),
    [t('doc.category'), t(`category.${p.category}`)],
    [t('doc.openness'), t(`openness.${p.openness}`)],
    ...optional(t('doc.keywords'), p.keywords.join(' ')),
  ];
  const pairs = (cells: Cell[]) => Array.from({ length: Math.ceil(cells.length / 2) }, (_, i) => cells.slice(i * 2, i * 2 + 2));
  return [...pairs(before), [[t('doc.title'), p.title]], ...pairs(after)];
}
