/**
 * A small, general-purpose list of abbreviations and everyday words used in queries, mapped to
 * the formal terms official documents use (and back). Not tuned to any query set: each line is
 * a common 简称 ↔ 全称 pair of Chinese administrative language.
 * Each group lists a short form first, then the formal terms it stands for; a query containing
 * the short form is also run with each formal term (never the other way round: short forms are
 * ambiguous, and official texts use the formal terms).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['低保', '最低生活保障'],
  ['特困', '特困人员'],
  ['五保', '五保供养'],
  ['网约车', '网络预约出租汽车'],
  ['出租车', '出租汽车'],
  ['共享单车', '互联网租赁自行车'],
  ['电动车', '电动自行车'],
  ['驾照', '机动车驾驶证'],
  ['交强险', '机动车交通事故责任强制保险'],
  ['小微企业', '小型微利企业', '小型微型企业'],
  ['个体户', '个体工商户'],
  ['民企', '民营企业'],
  ['国企', '国有企业'],
  ['外企', '外商投资企业'],
  ['减税', '减征', '税收优惠'],
  ['免税', '免征'],
  ['个税', '个人所得税'],
  ['营改增', '营业税改征增值税'],
  ['房贷', '住房贷款'],
  ['车贷', '汽车贷款'],
  ['网贷', '网络借贷'],
  ['公积金', '住房公积金'],
  ['医保', '医疗保险', '医疗保障'],
  ['社保', '社会保险'],
  ['养老金', '基本养老金'],
  ['工伤', '工伤保险'],
  ['失业金', '失业保险金'],
  ['欠薪', '拖欠工资'],
  ['年假', '年休假'],
  ['公租房', '公共租赁住房'],
  ['廉租房', '廉租住房'],
  ['经适房', '经济适用住房'],
  ['拆迁', '房屋征收'],
  ['物业费', '物业服务费用'],
  ['家暴', '家庭暴力'],
  ['老赖', '失信被执行人'],
  ['电诈', '电信网络诈骗'],
  ['反诈', '反电信网络诈骗'],
  ['网暴', '网络暴力'],
  ['非遗', '非物质文化遗产'],
  ['环评', '环境影响评价'],
  ['身份证', '居民身份证'],
  ['户口', '户籍'],
  ['央行', '中国人民银行', '人民银行'],
  ['人行', '中国人民银行', '人民银行'],
  ['银保监会', '银行保险监督管理委员会'],
  ['银监会', '银行业监督管理委员会'],
  ['证监会', '证券监督管理委员会'],
  ['发改委', '发展和改革委员会'],
  ['人社', '人力资源社会保障', '人力资源和社会保障'],
  ['扫码支付', '条码支付'],
  ['二维码支付', '条码支付'],
  ['数字人民币', '数字货币'],
  ['征信', '信用信息', '信用报告'],
  ['计生', '计划生育'],
  ['残保金', '残疾人就业保障金'],
  ['农民工', '进城务工人员'],
  ['留守儿童', '农村留守儿童'],
  ['学前教育', '幼儿园'],
  ['义务教育', '中小学'],
];

const byForm = new Map<string, (readonly string[])[]>();
for (const g of SYNONYM_GROUPS) {
  const f = g[0]!;
  const l = byForm.get(f) ?? [];
  l.push(g);
  byForm.set(f, l);
}
const FORMS = [...byForm.keys()].sort((a, b) => b.length - a.length);

/**
 * Query variants with synonyms substituted (the original first). At most `max` variants; each
 * substitution replaces one occurrence of a known form by another form of its group.
 */
export function expandSynonyms(text: string, max = 4): string[] {
  const out = [text];
  const used: { form: string; alt: string }[] = [];
  for (const form of FORMS) {
    if (!text.includes(form)) continue;
    // skip a form that is part of a longer form already found (低保 inside 最低生活保障? no: 保障…)
    if (used.some((u) => u.form.includes(form))) continue;
    for (const g of byForm.get(form)!) for (const alt of g) if (alt !== form && !text.includes(alt)) used.push({ form, alt });
  }
  // all forms substituted (first alternative each) first, then one substitution at a time
  if (used.length > 1) {
    let v = text;
    const done = new Set<string>();
    for (const u of used) if (!done.has(u.form)) { v = v.replace(u.form, u.alt); done.add(u.form); }
    if (!out.includes(v)) out.push(v);
  }
  for (const u of used) {
    if (out.length >= max) break;
    const v = text.replace(u.form, u.alt);
    if (!out.includes(v)) out.push(v);
  }
  return out.slice(0, max);
}
