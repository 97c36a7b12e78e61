/**
 * Spelling corrections made to the sample translations (content/mn/) and UI strings for issue
 * #17: Khalkha Cyrillic transliterations (doubled vowels for long vowels, Cyrillic spellings)
 * replaced by the Inner Mongolian written form. Forms from MONGOLIAN-TERMS.md are in
 * src/i18n/mn-terms.ts; the ones here are dictionary forms of the classical orthography, NOT seen
 * on a government page: all await a translator's review (docs/mn-terminology.md lists them).
 * The test refuses every `from` in src/i18n and content/, so the wrong forms cannot come back.
 *
 * `word`: a whole word; `prefix`: any word starting with it (a verb stem); `phrase`: words
 * separated by a space or U+202F. Words here are written without FVS.
 */
export interface MnCorrection {
  from: string;
  to: string;
  match: 'word' | 'prefix' | 'phrase';
  /** Chinese/English gloss, for the reviewer */
  gloss: string;
}

const S = '\u202F';

export const MN_CORRECTIONS: readonly MnCorrection[] = [
  { from: 'ᠲᠠᠯᠠᠠᠷ ᠢᠶᠠᠨ', to: `ᠲᠠᠯ\u180Eᠠ${S}ᠪᠠᠷ`, match: 'phrase', gloss: '全面（…方面）' },
  { from: 'ᠲᠠᠯᠠᠠᠷ ᠤᠨ', to: `ᠲᠠᠯ\u180Eᠠ${S}ᠶᠢᠨ`, match: 'phrase', gloss: '方面的' },
  { from: 'ᠪᠣᠳᠢᠲ ᠠᠠᠷ', to: `ᠪᠣᠳᠢᠲ${S}ᠢᠶᠠᠷ`, match: 'phrase', gloss: '切实地' },
  { from: 'ᠲᠣᠭᠲᠠᠮᠠᠯ ᠠᠠᠷ', to: `ᠲᠣᠭᠲᠠᠮᠠᠯ${S}ᠢᠶᠠᠷ`, match: 'phrase', gloss: '经常地' },
  { from: 'ᠳᠤᠷ ᠠᠠᠷ', to: `ᠳᠤᠷ\u180Eᠠ${S}ᠪᠠᠷ`, match: 'phrase', gloss: '随意' },
  { from: 'ᠬᠣᠷᠣᠣ ᠳ', to: 'ᠬᠣᠷᠢᠶᠠᠳ', match: 'phrase', gloss: '委员会（复数）' },
  { from: 'ᠨᠢᠶᠢᠲᠢᠮ ᠦᠨ', to: `ᠨᠡᠶᠢᠲᠡ${S}ᠶᠢᠨ`, match: 'phrase', gloss: '公共（MONGOLIAN-TERMS.md §G: ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ）' },
  { from: 'ᠨᠢᠶᠢᠲᠢᠨ', to: `ᠨᠡᠶᠢᠲᠡ${S}ᠶᠢᠨ`, match: 'word', gloss: '公共（§G）' },
  { from: 'ᠰᠢᠳᠭᠠᠠᠨ ᠬᠣᠯᠪᠤ', to: `ᠴᠠᠬᠢᠯᠭᠠᠨ ᠬᠣᠯᠪᠣᠭ\u180Eᠠ`, match: 'phrase', gloss: '电信' },
  { from: 'ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ', to: `ᠵᠠᠰᠠᠭ${S}ᠤᠨ ᠣᠷᠳᠣᠨ`, match: 'phrase', gloss: '政府（§D: ᠵᠠᠰᠠᠭ ᠤᠨ ᠣᠷᠳᠣᠨ, V）' },
  { from: 'ᠨᠢᠭᠤᠷ ᠬᠠᠭᠤᠳᠠᠰᠤ', to: 'ᠲᠡᠷᠢᠭᠦᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ', match: 'phrase', gloss: '首页（§A, V）' },
  { from: 'ᠪᠠᠶᠢᠭᠤᠤᠯᠨᠠ', to: 'ᠪᠠᠶᠢᠭᠤᠯᠤᠨ\u180Eᠠ', match: 'word', gloss: '建立' },
  { from: 'ᠪᠠᠶᠢᠭᠤᠤᠯᠠᠭ', to: 'ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ\u180Eᠠ', match: 'word', gloss: '机构、单位' },
  { from: 'ᠪᠠᠶᠢᠭᠤᠤᠯᠠᠯᠲᠠ', to: 'ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠲᠠ', match: 'word', gloss: '建设' },
  { from: 'ᠪᠠᠶᠢᠭᠤᠤᠯ', to: 'ᠪᠠᠶᠢᠭᠤᠯ', match: 'prefix', gloss: '建立（动词）' },
  { from: 'ᠮᠡᠳᠡᠡᠯ', to: 'ᠮᠡᠳᠡᠭᠡ', match: 'word', gloss: '信息（§A, V）' },
  { from: 'ᠮᠡᠳᠡᠡᠯᠡ', to: 'ᠮᠡᠳᠡᠭᠡ', match: 'word', gloss: '信息（§A, V; with the MVS of ᠮᠡᠳᠡᠡᠯ᠎ᠡ）' },
  { from: 'ᠮᠡᠳᠡᠭᠡᠯ', to: 'ᠮᠡᠳᠡᠭᠡ', match: 'word', gloss: '信息（§A, V）' },
  { from: 'ᠨᠢᠶᠲ', to: 'ᠨᠡᠶᠢᠲᠡ', match: 'word', gloss: '共（§A, V）' },
  { from: 'ᠨᠢᠶᠢᠲᠡ', to: 'ᠨᠡᠶᠢᠲᠡ', match: 'prefix', gloss: '发布、公共（§B, V）' },
  { from: 'ᠬᠦᠰᠨᠡᠭᠲ', to: 'ᠬᠦᠰᠦᠨᠦᠭ', match: 'word', gloss: '表格（§A, N）' },
  { from: 'ᠳᠤᠭᠠᠠᠷ', to: 'ᠳ\u180Bᠤᠭᠠᠷ', match: 'word', gloss: '号（§E, V）' },
  { from: 'ᠮᠠᠲᠡᠷᠢᠠᠯ', to: 'ᠮᠠᠲ\u180Bᠧᠷᠢᠶᠠᠯ', match: 'word', gloss: '材料、文件（§C, V）' },
  { from: 'ᠢᠯᠡᠲᠭᠡᠯ', to: 'ᠢᠯᠡᠳᠬᠡᠯ', match: 'word', gloss: '报告（§C, V）' },
  { from: 'ᠬᠡᠷᠡᠵᠢᠭᠦᠯ', to: 'ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯ', match: 'prefix', gloss: '实施（§C, V）' },
  { from: 'ᠦᠢᠯᠡᠴᠢᠯᠭᠡ', to: 'ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ', match: 'word', gloss: '服务（§A, V）' },
  { from: 'ᠲᠣᠪᠴᠣᠣ', to: 'ᠲᠣᠪᠴᠢᠶᠠ', match: 'word', gloss: '局（§D, V）' },
  { from: 'ᠪᠣᠳᠣᠯᠭᠣ', to: 'ᠪᠣᠳᠣᠯᠭ\u180Eᠠ', match: 'word', gloss: '政策（§C, V）' },
  { from: 'ᠠᠨᠭᠢᠯᠠ', to: 'ᠠᠩᠬᠢᠯᠠ', match: 'prefix', gloss: '分类（§B candidate ᠠᠩᠬᠢᠯᠠᠯ）' },
  { from: 'ᠴᠠᠠᠰᠢ', to: 'ᠴᠠᠭᠠᠰᠢ', match: 'prefix', gloss: '今后、进一步' },
  { from: 'ᠳᠡᠡᠰᠬᠦᠯᠨᠡ', to: 'ᠳᠡᠭᠡᠭᠰᠢᠯᠡᠭᠦᠯᠦᠨ\u180Eᠡ', match: 'word', gloss: '提高' },
  { from: 'ᠳᠡᠡᠰᠬᠦᠯ', to: 'ᠳᠡᠭᠡᠭᠰᠢᠯᠡᠭᠦᠯ', match: 'prefix', gloss: '提高（动词）' },
  { from: 'ᠳᠡᠡᠰᠬᠦᠵᠦ', to: 'ᠳᠡᠭᠡᠭᠰᠢᠯᠡᠵᠦ', match: 'word', gloss: '提高、上升' },
  { from: 'ᠬᠦᠯᠡᠡ', to: 'ᠬᠦᠯᠢᠶᠡ', match: 'prefix', gloss: '接受（ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ）' },
  { from: 'ᠳᠣᠣᠷᠬᠢ', to: 'ᠳᠣᠣᠷᠠᠬᠢ', match: 'word', gloss: '下列' },
  { from: 'ᠲᠣᠬᠢᠷᠤᠤᠯ', to: 'ᠲᠣᠬᠢᠷᠠᠭᠤᠯ', match: 'prefix', gloss: '调整、协调' },
  { from: 'ᠦᠦᠷᠭ', to: 'ᠦᠦᠷᠭᠡ', match: 'word', gloss: '职责、任务' },
  { from: 'ᠬᠠᠠᠯᠭᠠ', to: 'ᠬᠠᠭᠠᠯᠭ\u180Eᠠ', match: 'word', gloss: '门户（网站）' },
  { from: 'ᠲᠥᠯᠥᠥᠯ', to: 'ᠲᠥᠯᠥᠭᠡᠯ', match: 'prefix', gloss: '代表' },
  { from: 'ᠵᠠᠠᠭ', to: 'ᠵᠠᠭᠠᠭ', match: 'word', gloss: '界限' },
  { from: 'ᠬᠠᠠᠭᠠᠨᠠ', to: 'ᠬᠠᠭᠠᠨ\u180Eᠠ', match: 'word', gloss: '关闭（§A ᠬᠠᠭᠠᠬᠤ, N）' },
  { from: 'ᠬᠠᠠᠭᠠ', to: 'ᠬᠠᠭᠠ', match: 'prefix', gloss: '关闭（§A ᠬᠠᠭᠠᠬᠤ, N）' },
  { from: 'ᠬᠢᠢ', to: 'ᠬᠡᠢ', match: 'word', gloss: '气（供气）' },
  { from: 'ᠲᠡᠡᠪᠡᠷ', to: 'ᠲᠡᠭᠡᠪᠦᠷᠢ', match: 'word', gloss: '交通运输' },
  { from: 'ᠬᠠᠮᠭᠠᠠᠯ', to: 'ᠬᠠᠮᠠᠭᠠᠯ', match: 'prefix', gloss: '保护（MONGOLIAN.md §3 ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ）' },
  { from: 'ᠰᠡᠷᠭᠢᠢᠯᠡ', to: 'ᠰᠡᠷᠭᠡᠢᠯᠡ', match: 'prefix', gloss: '防止' },
  { from: 'ᠬᠠᠢᠭᠤᠤᠯ', to: 'ᠬᠠᠶᠢᠭᠤᠯ', match: 'word', gloss: '调查、探索' },
  { from: 'ᠰᠤᠤᠯᠭᠠ', to: 'ᠰᠠᠭᠤᠯᠭᠠ', match: 'prefix', gloss: '安装、设置' },
  { from: 'ᠨᠡᠡ', to: 'ᠨᠡᠭᠡ', match: 'prefix', gloss: '打开、开通' },
  { from: 'ᠳᠠᠷᠠᠠᠯᠠᠯ', to: 'ᠳᠠᠷᠠᠭᠠᠯᠠᠯ', match: 'word', gloss: '顺序' },
  { from: 'ᠡᠡᠯᠵᠢ', to: 'ᠡᠭᠡᠯᠵᠢ', match: 'prefix', gloss: '轮流' },
  { from: 'ᠲᠣᠣ', to: 'ᠲᠣᠭ\u180Eᠠ', match: 'word', gloss: '数量（§A ᠲᠤᠭᠠ, V）' },
  { from: 'ᠬᠣᠷᠣᠣ', to: 'ᠬᠣᠷᠢᠶ\u180Eᠠ', match: 'word', gloss: '委员会' },
];
