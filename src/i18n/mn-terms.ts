/**
 * The one Mongolian term list of the portal: every term as Inner Mongolian government pages write
 * it (../shared/MONGOLIAN-TERMS.md, section and page given), or marked as awaiting a translator.
 * mn-Mong.ts builds its UI strings from these forms; `node scripts/mn-terminology.ts` writes
 * docs/mn-terminology.md from this file for a Mongolian editor to review; the test
 * test/unit/mongolian-terms.test.ts fails on the Khalkha transliterations listed in `replaces`
 * and on doubled vowels outside DOUBLED_VOWEL_ALLOWED, in src/i18n and content/.
 *
 * Confidence codes are those of MONGOLIAN-TERMS.md: V seen on a government page, M on a mirror
 * of one, N only on non-government Mongolian-script sites. A term without V/M/N evidence (I:
 * composed from attested parts, NF: not found) is `awaiting: 'translator'`; its `mn` is the
 * candidate the pages show meanwhile (or Chinese, where no candidate exists). Suffixes are
 * joined with U+202F and separated final vowels with U+180E, which the page copies lose
 * (MONGOLIAN-TERMS.md caveat 1).
 */

export interface AttestedTerm {
  zh: string;
  en: string;
  mn: string;
  conf: 'V' | 'M' | 'N';
  /** MONGOLIAN-TERMS.md section and the page(s) it was seen on */
  source: string;
  /** wrong spellings (Khalkha transliterations) this form replaces: the test refuses them */
  replaces?: readonly string[];
  note?: string;
}

export interface AwaitingTerm {
  zh: string;
  en: string;
  /** the candidate shown until a translator decides (Chinese where there is none) */
  mn: string;
  awaiting: 'translator';
  conf: 'I' | 'NF';
  /** where the candidate or its parts come from */
  source: string;
  replaces?: readonly string[];
  note?: string;
}

export type MnTerm = AttestedTerm | AwaitingTerm;

const NMG_JYT = 'https://mgl.nmg.gov.cn/jyt/1B153/1B1533/2024/2/19/f089ca15474b960308a3bd8434fbe587.html';
const KYZQ = 'http://mgl.kyzq.gov.cn/am/2023/4/6/UIE_34328_757206.html';
const WLHT = 'http://mgl.wlht.gov.cn/am/2022/12/8/U_32812_716580.html';
const ALS = 'http://mgl.als.gov.cn/am/2023/1/3/UIE_23935_728552.html';
const XAM = 'http://mgl.xam.gov.cn/am/2024/8/1/U_35086_1011980.html';
const NMG2016 = 'https://mgl.nmg.gov.cn/am/2016/1/4/U_68445_392250.html';
const CYHQ = 'http://mgl.cyhq.gov.cn/am/2019/12/19/U_20464_304927.html';
const ONCENEON = 'https://onceneon.com/mgl/scgl/am/2023/5/29/U_76324_895227.html';
const LINGMO = 'LingmoOS/LingmoOS shell/systemui-extra/lingmo-search/translations/lingmo-search/mn.ts (not government)';

export const MN_TERMS = {
  // A. portal chrome
  home: { zh: '首页', en: 'home', mn: 'ᠲᠡᠷᠢᠭᠦᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ', conf: 'V', source: `§A; top navigation of ${NMG_JYT}`, replaces: ['ᠨᠢᠭᠤᠷ ᠬᠠᠭᠤᠳᠠᠰᠤ'] },
  news: { zh: '新闻', en: 'news', mn: 'ᠰᠣᠨᠢᠨ ᠮᠡᠳᠡᠭᠡ', conf: 'V', source: `§A; top navigation of ${NMG_JYT}` },
  openGovernment: { zh: '政务公开', en: 'open government affairs', mn: 'ᠢᠯᠡ ᠵᠠᠰᠠᠭ', conf: 'V', source: `§A; top navigation and breadcrumb of ${NMG_JYT}` },
  services: { zh: '政务服务', en: 'services', mn: 'ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ', conf: 'V', source: `§A; top navigation of ${NMG_JYT}`, replaces: ['ᠦᠢᠯᠡᠴᠢᠯᠭᠡ'] },
  youAreHere: { zh: '当前位置', en: 'you are here', mn: 'ᠤᠳᠤ\u202Fᠶᠢᠨ ᠪᠠᠢᠷᠢ', conf: 'V', source: '§A; http://mgl.zltqrd.gov.cn/Article_Show.aspx?id=322', note: 'the page has an FVS2 artefact (ᠪᠠᠢ᠌ᠷᠢ), left out here' },
  statistics: { zh: '统计数据', en: 'statistical data', mn: 'ᠲᠤᠭᠠ ᠪᠦᠷᠢᠳᠬᠡᠯ', conf: 'V', source: '§A; mgl.nmg.gov.cn/1116/11161/2024/7/31/ (statistics bureau)' },
  information: { zh: '信息', en: 'information', mn: 'ᠮᠡᠳᠡᠭᠡ', conf: 'V', source: '§A, §G; ᠰᠣᠨᠢᠨ ᠮᠡᠳᠡᠭᠡ and ᠮᠡᠳᠡᠭᠡ ᠵᠠᠩᠭᠢᠵᠢᠯᠲᠠ on http://mgl.nmg.gov.cn/rlzy//1B253/1B2533/2024/11/8/f2a6f76c6f1fd8ebe22e5705405a4abf.html', replaces: ['ᠮᠡᠳᠡᠡᠯ\u180Eᠡ', 'ᠮᠡᠳᠡᠡᠯ', 'ᠮᠡᠳᠡᠭᠡᠯ'] },
  total: { zh: '共（总数）', en: 'total', mn: 'ᠨᠡᠶᠢᠲᠡ', conf: 'V', source: `§A, §G; "ᠨᠡᠶᠢᠲᠡ 20.425 ᠲᠦᠮᠡᠨ ᠮᠤ᠋" on ${CYHQ}`, replaces: ['ᠨᠢᠶᠲ', 'ᠨᠢᠶᠢᠲᠡ'] },
  item: { zh: '条、项', en: 'item', mn: 'ᠵᠦᠢᠯ', conf: 'V', source: '§A ("ᠵᠦᠢᠯ item is common"); §C salutation on the onceneon mirror' },
  table: { zh: '表格', en: 'table', mn: 'ᠬᠦᠰᠦᠨᠦᠭ', conf: 'N', source: '§A, §G; "ᠴᠠᠭ ᠤᠨ ᠬᠦᠰᠦᠨᠦᠭ" nmmgyw.com newsDetaild/1160 (not government)', replaces: ['ᠬᠦᠰᠨᠡᠭᠲ'] },
  searchNoun: { zh: '搜索（名词）', en: 'search', mn: 'ᠬᠠᠢᠯᠲᠠ', conf: 'N', source: `§A; ${LINGMO}`, note: 'the UI also uses the verb ᠬᠠᠶᠢᠬᠤ (searchVerb)' },
  searchVerb: { zh: '搜索（动词）', en: 'to search', mn: 'ᠬᠠᠶᠢᠬᠤ', awaiting: 'translator', conf: 'NF', source: '§A: not on government pages; noun ᠬᠠᠢᠯᠲᠠ (N)', note: 'ᠬᠠᠶᠢᠬᠤ vs ᠬᠠᠢᠬᠤ: the translator chooses one spelling for noun and verb' },
  close: { zh: '关闭', en: 'close', mn: 'ᠬᠠᠭᠠᠬᠤ', conf: 'N', source: `§A; ${LINGMO}`, replaces: ['ᠬᠠᠠᠭᠠᠬᠤ'] },
  print: { zh: '打印', en: 'print', mn: 'ᠬᠡᠪᠯᠡᠬᠦ', awaiting: 'translator', conf: 'NF', source: '§A candidate' },
  prevPage: { zh: '上一页', en: 'previous page', mn: 'ᠡᠮᠦᠨᠡᠬᠢ ᠨᠢᠭᠤᠷ', awaiting: 'translator', conf: 'NF', source: '§A candidate' },
  nextPage: { zh: '下一页', en: 'next page', mn: 'ᠳᠠᠷᠠᠭᠠᠬᠢ ᠨᠢᠭᠤᠷ', awaiting: 'translator', conf: 'NF', source: '§A candidate' },
  siteMap: { zh: '网站地图', en: 'site map', mn: 'ᠰᠠᠶᠢᠲ\u202Fᠤᠨ ᠵᠢᠷᠤᠭ', awaiting: 'translator', conf: 'NF', source: '§A: not found; attested part ᠰᠦᠯᠵᠢᠶᠡ "network" (rlzy)' },
  contact: { zh: '联系我们', en: 'contact us', mn: 'ᠬᠤᠯᠪᠣᠭᠳᠠᠯ', awaiting: 'translator', conf: 'NF', source: '§A: not found; attested part ᠬᠤᠯᠪᠣᠭᠳᠠᠯ "relation/contact" (xam, kyzq)' },
  // B. document metadata
  published: { zh: '发布时间', en: 'published', mn: 'ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠴᠠᠭ', conf: 'V', source: `§B, §G; "ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠴᠠᠭ᠄" on 7 of 10 samples, e.g. ${KYZQ}, ${ALS}, ${WLHT}`, replaces: ['ᠨᠢᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ'] },
  publish: { zh: '发布', en: 'publish (stem)', mn: 'ᠨᠡᠶᠢᠲᠡᠯᠡ', conf: 'V', source: `§B, §C; ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ, ᠢᠯᠡ ᠨᠡᠶᠢᠲᠡᠯᠡᠨᠡ (${XAM})`, replaces: ['ᠨᠢᠶᠢᠲᠡᠯᠡ'] },
  publishedDate: { zh: '发布日期', en: 'publication date', mn: 'ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠡᠳᠦᠷ', awaiting: 'translator', conf: 'I', source: '§B candidate: ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ (V) + ᠡᠳᠦᠷ "day" (V in every long date)' },
  writtenDate: { zh: '成文日期', en: 'date of writing', mn: 'ᠪᠢᠴᠢᠭᠰᠡᠨ ᠡᠳᠦᠷ', awaiting: 'translator', conf: 'NF', source: '§B: not found; ᠡᠳᠦᠷ "day" (V)' },
  issuer: { zh: '发布机构', en: 'issuing organ', mn: 'ᠪᠢᠴᠢᠭ ᠲᠠᠷᠬᠠᠭᠠᠭᠰᠠᠨ ᠪᠠᠢᠭᠤᠯᠭ\u180Eᠠ', awaiting: 'translator', conf: 'I', source: `§B candidate; the verb ᠲᠠᠷᠬᠠᠭᠠᠬᠤ (印发) is V (${WLHT})` },
  number: { zh: '第…号', en: 'number (ordinal)', mn: 'ᠳ\u180Bᠤᠭᠠᠷ', conf: 'V', source: `§B, §E, §G; "19 ᠳ᠋ᠦ᠋ᠭᠡᠷ ᠲᠣᠭᠠᠲᠤ" (${WLHT}), "8 ᠳ᠋ᠤᠭᠠᠷ ᠲᠣᠭᠠᠲᠤ" (${KYZQ}); front form ᠳ᠋ᠦᠭᠡᠷ after 1, 4, 9 (src/lib/mongolian/numbers.ts)`, replaces: ['ᠳᠤᠭᠠᠠᠷ', 'ᠳᠦᠭᠡᠭᠡᠷ'] },
  docNumber: { zh: '文号', en: 'document number', mn: 'ᠪᠢᠴᠢᠭ\u202Fᠤᠨ ᠳ\u180Bᠤᠭᠠᠷ', awaiting: 'translator', conf: 'I', source: '§B candidate label; values "… ﹇2022﹈ 19 ᠳ᠋ᠦ᠋ᠭᠡᠷ ᠲᠣᠭᠠᠲᠤ" are V' },
  indexNumber: { zh: '索引号', en: 'index number', mn: 'ᠬᠡᠯᠬᠢᠶᠡᠰᠦ\u202Fᠶᠢᠨ ᠳ\u180Bᠤᠭᠠᠷ', awaiting: 'translator', conf: 'NF', source: '§B candidate (ᠬᠡᠯᠬᠢᠶᠡᠰᠦ only in the LingmoOS translation)' },
  topicClass: { zh: '主题分类', en: 'topic classification', mn: 'ᠰᠡᠳᠦᠪ\u202Fᠦᠨ ᠠᠩᠬᠢᠯᠠᠯ', awaiting: 'translator', conf: 'NF', source: '§B candidate', replaces: ['ᠠᠨᠭᠢᠯᠠᠯ'] },
  source: { zh: '信息来源', en: 'source', mn: '信息来源', awaiting: 'translator', conf: 'NF', source: '§B: not found' },
  validity: { zh: '有效性', en: 'validity', mn: 'ᠬᠦᠴᠦᠨ', awaiting: 'translator', conf: 'NF', source: '§B: not found' },
  inForce: { zh: '现行有效', en: 'in force', mn: 'ᠣᠳᠣ ᠬᠦᠴᠦᠨ\u202Fᠲᠡᠢ', awaiting: 'translator', conf: 'NF', source: '§B: not found; related verb ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠦᠨᠡ "enters into force" (V, kyzq, als)' },
  repealed: { zh: '已废止', en: 'repealed', mn: 'ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠭᠳᠠᠭᠰᠠᠨ', awaiting: 'translator', conf: 'NF', source: '§B: not found' },
  amended: { zh: '已修改', en: 'amended', mn: 'ᠵᠠᠰᠠᠭᠳᠠᠭᠰᠠᠨ', awaiting: 'translator', conf: 'NF', source: '§B: not found' },
  attachment: { zh: '附件', en: 'attachment', mn: 'ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ', awaiting: 'translator', conf: 'NF', source: '§B candidate (not in the corpus)' },
  // C. document types and formulas
  notice: { zh: '通知', en: 'notice', mn: 'ᠮᠡᠳᠡᠭᠳᠡᠯ', conf: 'V', source: `§C; "… ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ" (${WLHT}, ${KYZQ}, jyt)` },
  opinion: { zh: '意见', en: 'opinions', mn: 'ᠰᠠᠨᠠᠯ', conf: 'V', source: `§C; "ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠬᠦ ᠰᠠᠨᠠᠯ" (${ALS})` },
  implement: { zh: '实施', en: 'implement', mn: 'ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠬᠦ', conf: 'V', source: `§C; "ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠬᠦ ᠲᠥᠰᠥᠯ" (${KYZQ}), (${ALS})`, replaces: ['ᠬᠡᠷᠡᠵᠢᠭᠦᠯ'] },
  measures: { zh: '办法', en: 'measures', mn: 'ᠠᠷᠭ\u180Eᠠ', conf: 'V', source: `§C; "… ᠬᠠᠮᠢᠶᠡᠷᠦᠯᠳᠡ ᠶᠢᠨ ᠠᠷᠭᠠ" (${NMG2016})` },
  announcement: { zh: '公告', en: 'announcement', mn: 'ᠠᠯᠪᠠᠨ ᠵᠠᠷᠯᠠᠯ', conf: 'V', source: '§C; ᠠᠯᠪᠠᠨ ᠵᠠᠷᠯᠠᠯ (jyt), ᠠᠯᠪᠠᠨ ᠵᠠᠷ (mgl.ssq.gov.cn)' },
  decree: { zh: '令', en: 'decree', mn: 'ᠵᠠᠷᠯᠢᠭ', conf: 'V', source: `§C; "ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠣᠷᠳᠣᠨ ᠤ ᠵᠠᠷᠯᠢᠭ" (${NMG2016})` },
  policy: { zh: '政策', en: 'policy', mn: 'ᠪᠣᠳᠣᠯᠭ\u180Eᠠ', conf: 'V', source: `§C; "ᠰᠢᠢᠳᠪᠦᠷᠢᠲᠦ ᠪᠣᠳᠣᠯᠭᠠ" (${ALS}); MVS per standard orthography`, replaces: ['ᠪᠣᠳᠣᠯᠭᠣ'] },
  document: { zh: '文件', en: 'document(s)', mn: 'ᠪᠢᠴᠢᠭ ᠮᠠᠲ\u180Bᠧᠷᠢᠶᠠᠯ', conf: 'V', source: `§C; jyt breadcrumb "ᠢᠯᠡ ᠵᠠᠰᠠᠭ - ᠪᠢᠴᠢᠭ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ", ${XAM}`, replaces: ['ᠮᠠᠲᠡᠷᠢᠠᠯ'] },
  policyDocuments: { zh: '政策文件', en: 'policy documents', mn: 'ᠪᠣᠳᠣᠯᠭ\u180Eᠠ\u202Fᠶᠢᠨ ᠪᠢᠴᠢᠭ ᠮᠠᠲ\u180Bᠧᠷᠢᠶᠠᠯ', awaiting: 'translator', conf: 'I', source: '§C candidate, from ᠪᠣᠳᠣᠯᠭ᠎ᠠ (V) and ᠪᠢᠴᠢᠭ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ (V)' },
  policyLibrary: { zh: '政策文件库', en: 'policy document library', mn: 'ᠪᠣᠳᠣᠯᠭ\u180Eᠠ\u202Fᠶᠢᠨ ᠪᠢᠴᠢᠭ ᠮᠠᠲ\u180Bᠧᠷᠢᠶᠠᠯ\u202Fᠤᠨ ᠬᠥᠮᠥᠷᠭᠡ', awaiting: 'translator', conf: 'NF', source: '§C candidate (ᠬᠥᠮᠥᠷᠭᠡ "store" not attested)' },
  interpretation: { zh: '政策解读', en: 'policy interpretation', mn: 'ᠪᠣᠳᠣᠯᠭ\u180Eᠠ\u202Fᠶᠢᠨ ᠲᠠᠶᠢᠯᠤᠮᠵᠢ', awaiting: 'translator', conf: 'I', source: '§C candidate; ᠲᠠᠶᠢᠯᠤᠮᠵᠢ is V ("《…》 ᠳᠤ ᠲᠠᠶᠢᠯᠤᠮᠵᠢ ᠬᠢᠪᠡ", https://mgl.nmg.gov.cn/am/2018/5/9/U_12701_215441.html)' },
  report: { zh: '报告', en: 'report', mn: 'ᠢᠯᠡᠳᠬᠡᠯ', conf: 'V', source: '§C; "ᠵᠠᠰᠠᠭ ᠤᠨ ᠣᠷᠳᠣᠨ ᠤ ᠠᠵᠢᠯ ᠤᠨ ᠢᠯᠡᠳᠬᠡᠯ" (http://mgl.kyzq.gov.cn/am/2023/2/6/U_34374_735526.html)', replaces: ['ᠢᠯᠡᠲᠭᠡᠯ'] },
  annualReport: { zh: '年度报告', en: 'annual report', mn: 'ᠵᠢᠯ\u202Fᠦᠨ ᠢᠯᠡᠳᠬᠡᠯ', awaiting: 'translator', conf: 'I', source: '§C candidate: ᠵᠢᠯ (V) + ᠢᠯᠡᠳᠬᠡᠯ (V)' },
  pressConference: { zh: '新闻发布会', en: 'press conference', mn: 'ᠰᠣᠨᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠨᠡᠶᠢᠲᠡᠯᠡᠬᠦ ᠬᠤᠷᠠᠯ', conf: 'M', source: '§C; https://hg3355oo.com/mgl/jyt/am/2024/9/6/U_58041_1030039.html (mirror of mgl.nmg.gov.cn/jyt)' },
  madePublic: { zh: '此件公开发布', en: 'this document is made public', mn: 'ᠲᠣᠰ ᠮᠠᠲ\u180Bᠧᠷᠢᠶᠠᠯ\u202Fᠢ ᠢᠯᠡ ᠨᠡᠶᠢᠲᠡᠯᠡᠨ\u180Eᠡ', conf: 'V', source: `§C; "︵ᠲᠣᠰ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠢ ᠢᠯᠡ ᠨᠡᠶᠢᠲᠡᠯᠡᠨᠡ︶" (${XAM})` },
  govInfoDisclosure: { zh: '政府信息公开', en: 'government information disclosure', mn: 'ᠵᠠᠰᠠᠭ\u202Fᠤᠨ ᠣᠷᠳᠣᠨ\u202Fᠤ ᠮᠡᠳᠡᠭᠡ ᠵᠠᠩᠭᠢ\u202Fᠶᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ', awaiting: 'translator', conf: 'I', source: '§A candidate from V parts ᠵᠠᠰᠠᠭ ᠤᠨ ᠣᠷᠳᠣᠨ, ᠮᠡᠳᠡᠭᠡ ᠵᠠᠩᠭᠢ, ᠢᠯᠡ' },
  // D. organs and levels
  government: { zh: '政府', en: 'government', mn: 'ᠵᠠᠰᠠᠭ\u202Fᠤᠨ ᠣᠷᠳᠣᠨ', conf: 'V', source: `§D; every old-CMS page (${ALS}, ${KYZQ}, ${WLHT})`, replaces: ['ᠵᠠᠰᠠᠭ\u202Fᠤᠨ ᠭᠠᠵᠠᠷ'] },
  peoplesGovernment: { zh: '人民政府', en: "people's government", mn: 'ᠠᠷᠠᠳ\u202Fᠤᠨ ᠵᠠᠰᠠᠭ\u202Fᠤᠨ ᠣᠷᠳᠣᠨ', conf: 'V', source: `§D; ${ALS}, ${KYZQ}, ${XAM}` },
  autonomousRegion: { zh: '自治区', en: 'autonomous region', mn: 'ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠣᠨ', conf: 'V', source: `§D; ${ONCENEON}, ${XAM}` },
  innerMongolia: { zh: '内蒙古自治区', en: 'Inner Mongolia Autonomous Region', mn: 'ᠥᠪᠥᠷ ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠣᠨ', conf: 'V', source: `§D; ${ONCENEON}, ${XAM}` },
  office: { zh: '办公室', en: 'office', mn: 'ᠠᠯᠪᠠᠨ ᠭᠡᠷ', conf: 'V', source: `§D; ${KYZQ}, ${ALS}` },
  bureau: { zh: '局', en: 'bureau', mn: 'ᠲᠣᠪᠴᠢᠶᠠ', conf: 'V', source: `§D; ${ONCENEON}, ${ALS}`, replaces: ['ᠲᠣᠪᠴᠣᠣ'] },
  league: { zh: '盟', en: 'league', mn: 'ᠠᠶᠢᠮᠠᠭ', conf: 'V', source: `§D; ${ALS}, ${XAM}` },
  city: { zh: '市', en: 'city', mn: 'ᠬᠤᠲᠠ', conf: 'V', source: `§D; ${WLHT}, ${XAM} (new CMS ᠬᠣᠲᠠ)` },
  banner: { zh: '旗', en: 'banner', mn: 'ᠬᠤᠰᠢᠭᠤ', conf: 'V', source: `§D; ${KYZQ}, ${ALS}` },
  county: { zh: '县', en: 'county', mn: 'ᠰᠢᠶᠠᠨ', conf: 'V', source: `§D; "ᠡᠯᠡ ᠬᠤᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ ᠬᠤᠲᠠ" (${XAM})` },
  sumu: { zh: '苏木', en: 'sumu', mn: 'ᠰᠤᠮᠤ', conf: 'V', source: `§D; "ᠰᠤᠮᠤ ᠪᠠᠯᠭᠠᠰᠤ" (${KYZQ})` },
  town: { zh: '镇', en: 'town', mn: 'ᠪᠠᠯᠭᠠᠰᠤ', conf: 'V', source: `§D; ${KYZQ}` },
  // E. numbers and dates
  year: { zh: '年（日期中）', en: 'year (in a date)', mn: 'ᠣᠨ', conf: 'V', source: `§E; "2023 ᠣᠨ ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷᠠ ᠶᠢᠨ 17 ᠤ ᠡᠳᠦᠷ" (${ONCENEON}), ${NMG2016}` },
  month: { zh: '月', en: 'month', mn: 'ᠰᠠᠷ\u180Eᠠ', conf: 'V', source: `§E; "6 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷᠠ" (${NMG2016}); MVS per standard orthography` },
  day: { zh: '日', en: 'day', mn: 'ᠡᠳᠦᠷ', conf: 'V', source: `§E; "… 17 ᠤ ᠡᠳᠦᠷ" (${ONCENEON})` },
  yearPeriod: { zh: '年（一年）', en: 'a year (period)', mn: 'ᠵᠢᠯ', conf: 'V', source: `§E; "ᠡᠬᠢᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠵᠢᠯ" (${KYZQ})` },
  // strings of issue #16 that no page attests: shown in Chinese (or the nearest attested word) until translated
  bestBets: { zh: '推荐结果', en: 'recommended results', mn: '推荐结果', awaiting: 'translator', conf: 'NF', source: 'not in MONGOLIAN-TERMS.md (#16)' },
  errorReport: { zh: '我为政府网站找错', en: 'report an error on a government website (national service)', mn: '我为政府网站找错', awaiting: 'translator', conf: 'NF', source: 'not in MONGOLIAN-TERMS.md (#16); the service pages are Chinese' },
  apply: { zh: '应用（筛选）', en: 'apply (filters)', mn: 'ᠬᠠᠶᠢᠬᠤ', awaiting: 'translator', conf: 'NF', source: 'not in MONGOLIAN-TERMS.md (#16); shows the word of searchVerb meanwhile' },
} as const satisfies Record<string, MnTerm>;

export type MnTermKey = keyof typeof MN_TERMS;

/** The form of a term as the UI shows it. */
export function mn(key: MnTermKey): string {
  return MN_TERMS[key].mn;
}

export function isAwaiting(t: MnTerm): t is AwaitingTerm {
  return 'awaiting' in t;
}

/**
 * Words with a doubled vowel letter that Inner Mongolian orthography really writes that way
 * (the Khalkha long vowels that transliterations double are written with ᠭ/ᠶ, ᠠᠭᠠ, ᠡᠭᠡ …).
 * Each is a stem: a word starting with it is allowed.
 */
export const DOUBLED_VOWEL_ALLOWED: readonly { stem: string; why: string }[] = [
  { stem: 'ᠰᠢᠢᠳ', why: 'ᠰᠢᠢᠳᠪᠦᠷᠢ, ᠰᠢᠢᠳᠬᠦ "decide": V, "ᠰᠢᠢᠳᠪᠦᠷᠢᠲᠦ ᠪᠣᠳᠣᠯᠭᠠ" (als, MONGOLIAN-TERMS.md §C)' },
  { stem: 'ᠭᠣᠣᠯ', why: 'ᠭᠣᠣᠯ "main" (dictionary form; MONGOLIAN-TERMS.md has no page for it)' },
  { stem: 'ᠳᠣᠣᠷ', why: 'ᠳᠣᠣᠷ᠎ᠠ "below", ᠳᠣᠣᠷᠠᠬᠢ "the following" (dictionary form)' },
  { stem: 'ᠦᠦᠷᠭᠡ', why: 'ᠦᠦᠷᠭᠡ "duty" (dictionary form)' },
  { stem: 'ᠤᠤ', why: 'question particle ᠤᠤ/ᠦᠦ (dictionary form); also ᠤᠤᠰᠬᠠᠬᠤ "dissolve"' },
  { stem: 'ᠦᠦ', why: 'question particle ᠦᠦ (dictionary form)' },
  { stem: 'ᠱᠤᠤᠳᠠᠩ', why: 'ᠱᠤᠤᠳᠠᠩ "post" (dictionary form)' },
];
