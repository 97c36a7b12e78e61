/**
 * 基层政务公开标准化规范化 26 个试点领域（国办发〔2019〕54号 refers to the 26 standard guidelines
 * issued by State Council departments; the area list follows the pilot plan 国办发〔2017〕42号).
 *
 * NOTE: written from memory; check the names against the published guidelines before a real site
 * relies on them. Area names drift between sites (扶贫→乡村振兴, 环境保护→生态环境, 医疗卫生→卫生健康),
 * so each area has aliases: a catalog file may name its area by any of them.
 *
 * `id` is the URL slug (/open/catalog/<id>/) and the catalog file name (content/open/catalog/<id>.yaml).
 */
export interface PilotArea {
  id: string;
  /** 领域名称 as in the pilot plan */
  name: string;
  /** other names seen on government sites */
  aliases: readonly string[];
}

export const PILOT_AREAS: readonly PilotArea[] = [
  { id: 'chengxiang-guihua', name: '城乡规划', aliases: ['国土空间规划', '自然资源'] },
  { id: 'zhongda-jianshe', name: '重大建设项目', aliases: [] },
  { id: 'gonggong-ziyuan', name: '公共资源交易', aliases: [] },
  { id: 'caizheng-yujuesuan', name: '财政预决算', aliases: ['预决算', '财政'] },
  { id: 'anquan-shengchan', name: '安全生产', aliases: [] },
  { id: 'shuishou-guanli', name: '税收管理', aliases: [] },
  { id: 'zhengdi-buchang', name: '征地补偿', aliases: ['征地', '征地信息'] },
  { id: 'fangwu-zhengshou', name: '国有土地上房屋征收与补偿', aliases: ['房屋征收'] },
  { id: 'huanjing-baohu', name: '环境保护', aliases: ['生态环境'] },
  { id: 'gonggong-wenhua', name: '公共文化服务', aliases: ['公共文化'] },
  { id: 'gonggong-falv', name: '公共法律服务', aliases: [] },
  { id: 'fupin', name: '扶贫', aliases: ['乡村振兴', '脱贫攻坚'] },
  { id: 'jiuzai', name: '救灾', aliases: ['应急管理', '防灾减灾'] },
  { id: 'shipin-yaopin', name: '食品药品监管', aliases: ['食品药品'] },
  { id: 'chengshi-zhifa', name: '城市综合执法', aliases: ['城市管理'] },
  { id: 'jiuye', name: '就业', aliases: [] },
  { id: 'shehui-baoxian', name: '社会保险', aliases: ['社保'] },
  { id: 'shehui-jiuzhu', name: '社会救助', aliases: [] },
  { id: 'yanglao-fuwu', name: '养老服务', aliases: [] },
  { id: 'huji-guanli', name: '户籍管理', aliases: ['户籍'] },
  { id: 'shenong-butie', name: '涉农补贴', aliases: [] },
  { id: 'yiwu-jiaoyu', name: '义务教育', aliases: [] },
  { id: 'yiliao-weisheng', name: '医疗卫生', aliases: ['卫生健康'] },
  { id: 'shizheng-fuwu', name: '市政服务', aliases: [] },
  { id: 'nongcun-weifang', name: '农村危房改造', aliases: ['农村牧区危房改造'] },
  { id: 'baozhang-zhufang', name: '保障性住房', aliases: ['保障性安居工程'] },
];

export const AREA_IDS: readonly string[] = PILOT_AREAS.map((a) => a.id);

const byId = new Map(PILOT_AREAS.map((a) => [a.id, a]));
const byName = new Map<string, PilotArea>();
for (const a of PILOT_AREAS) for (const n of [a.name, ...a.aliases]) byName.set(n, a);

export function areaById(id: string): PilotArea | undefined {
  return byId.get(id);
}

/** The area a Chinese name or alias refers to. */
export function areaByName(name: string): PilotArea | undefined {
  return byName.get(name.trim());
}
