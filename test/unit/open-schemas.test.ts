/**
 * Every bad 政府信息公开 content file gives one clear line per problem (file:line field（标签）:
 * reason；允许值/hint): schemas, file-name rules, references into the policy library and the
 * 年度报告 arithmetic. Fixtures: the open/ folders of test/fixtures/open/bad-catalog, bad-report and
 * bad-refs, checked against the policy library in test/fixtures/open/lib.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectOpenData, getOpenData, clearOpenDataCache } from '../../src/content/open-data.ts';
import { loadSite } from '../../src/content/load.ts';
import { ContentError, formatProblem } from '../../src/lib/errors.ts';
import type { SiteData } from '../../src/lib/model.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const F = 'test/fixtures/open';
const today = '2025-06-01';
let site: SiteData;

beforeAll(async () => {
  site = await loadSite({ root, source: `${F}/lib`, today });
});

const cases: Record<string, string[]> = {
  'bad-catalog': [
    `${F}/bad-catalog/open/catalog/jiu-ye.yaml (文件名)（领域）: 文件名 "jiu-ye" 不是 26 个试点领域之一（unknown pilot area）；允许值：chengxiang-guihua、zhongda-jianshe、gonggong-ziyuan、caizheng-yujuesuan、anquan-shengchan、shuishou-guanli、zhengdi-buchang、fangwu-zhengshou、huanjing-baohu、gonggong-wenhua、gonggong-falv、fupin、jiuzai、shipin-yaopin、chengshi-zhifa、jiuye、shehui-baoxian、shehui-jiuzhu、yanglao-fuwu、huji-guanli、shenong-butie、yiwu-jiaoyu、yiliao-weisheng、shizheng-fuwu、nongcun-weifang、baozhang-zhufang；是否应为 "jiuye.yaml"？`,
    `${F}/bad-catalog/open/catalog/jiuye.yaml:1 area（领域名称）: 领域名称 "社会保险" 与文件名 jiuye.yaml（就业）不符（area does not match file name）；允许值：就业`,
    `${F}/bad-catalog/open/catalog/shehui-jiuzhu.yaml:3 items[0].deadline（公开时限）: 缺少必填字段（required）`,
    `${F}/bad-catalog/open/catalog/shehui-jiuzhu.yaml:8 items[0].channels[1]（公开渠道和载体）: 不是允许的值 "微信公众号"（invalid enum value）；允许值：政府网站、政府公报、两微一端、发布会/听证会、广播电视、纸质媒体、公开查阅点、政务服务中心、便民服务站、入户/现场、村务公示栏、精准推送、其他`,
    `${F}/bad-catalog/open/catalog/shehui-jiuzhu.yaml:10 items[0].mode（公开方式）: 不是允许的值 "公开"（invalid enum value）；允许值：主动、依申请`,
  ],
  'bad-report': [
    `${F}/bad-report/open/reports/2022.yaml:3 active.licence: 未知字段（unrecognized key）；允许值：rules、licensing、punishment、enforcement、fees`,
    `${F}/bad-report/open/reports/2023.yaml:8 applications.carryForward[0]（四、结转下年度继续办理）: 第 1 列（自然人）不平衡：新收 + 上年结转 = 5，办理结果总计 + 结转下年度 = 7（received + carried over ≠ handled + carried forward）`,
    `${F}/bad-report/open/reports/2024.yaml:5 applications.received[6]（一、本年新收政府信息公开申请数量 总计）: 总计应为各列之和 3，实际填写 4（total ≠ sum of columns）；可删去第 7 列，由系统自动计算总计`,
    `${F}/bad-report/open/reports/2024.yaml:6 applications.carriedOver（二、上年结转政府信息公开申请数量）: 上年结转 1 与 2023 年度报告的“结转下年度继续办理” 2 不一致（carried over ≠ last year's carried forward）`,
    `${F}/bad-report/open/reports/2024.yaml:10 applications.carryForward[0]（四、结转下年度继续办理）: 第 1 列（自然人）不平衡：新收 + 上年结转 = 3，办理结果总计 + 结转下年度 = 1（received + carried over ≠ handled + carried forward）`,
    `${F}/bad-report/open/reports/2024.yaml:11 review[4]（行政复议 总计）: 总计应为前四项之和 1，实际填写 2（total ≠ sum of parts）；可删去第 5 项，由系统自动计算总计`,
    `${F}/bad-report/open/reports/2025.yaml:1 year（报告年度）: 报告年度 2026 与文件名 2025.yaml 不符（year does not match file name）`,
  ],
  'bad-refs': [
    `${F}/bad-refs/open/consultations/bad-dates.md:5 closes（截止日期）: 截止日期 2024-02-01 早于开始日期 2024-03-01（closes before opens）`,
    `${F}/bad-refs/open/consultations/bad-feedback.md:7 feedback.adopted（采纳条数）: 采纳条数 3 多于收到意见条数 2（adopted > received）`,
    `${F}/bad-refs/open/consultations/bad-feedback.md:7 feedback.published（反馈日期）: 反馈日期 2024-01-15 早于征集截止日期 2024-01-31（feedback before the period closed）`,
    `${F}/bad-refs/open/consultations/bad-feedback.md:8 result（最终印发文件）: 找不到政策文件 "n-2023-x"（unknown policy id）；是否应为 "n-2023-b"？`,
    `${F}/bad-refs/open/gazette/2024-1.yaml:5 contents[0].policy（政策文件标识）: 找不到政策文件 "n-2024-ee"（unknown policy id）；是否应为 "n-2024-e"？`,
    `${F}/bad-refs/open/gazette/2024-2.yaml:1 year（年份）: 年份/期号 2024-3 与文件名 2024-2.yaml 不符（year/number do not match file name）`,
    `${F}/bad-refs/open/gazette/2024-4.yaml:5 contents[0]（目录）: 目录条目须写 policy（政策文件标识）或 title（标题）之一（entry needs policy or title）`,
    `${F}/bad-refs/open/powers/bad-type.yaml:3 items[0].type（权力类型）: 不是允许的值 "行政审批"（invalid enum value）；允许值：行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力`,
    `${F}/bad-refs/open/powers/minzheng.yaml:2 org（发文机关标识）: organizations.yaml 中没有机构 "sl-mzj"（unknown organization）；是否应为 "sl-czj"？`,
    `${F}/bad-refs/open/powers/minzheng.yaml:5 items[1].code（权力编码）: 权力编码 "A1" 与第 1 项重复（duplicate code）`,
    `${F}/bad-refs/open/specials.yaml:1 [0].topics[0]（主题分类）: topics.yaml 中没有主题分类 "caizhen"（unknown topic）；是否应为 "caizheng"？`,
    `${F}/bad-refs/open/specials.yaml:1 [0].areas[0]（标准目录领域）: "jiu-ye" 不是试点领域标识（unknown pilot area）；是否应为 "jiuye"？`,
    `${F}/bad-refs/open/specials.yaml:2 [1]（专题）: 专题 "b" 没有 topics、keywords 或 policies，无法汇集文件（special topic selects nothing）`,
    `${F}/bad-refs/open/specials.yaml:3 [2].id（标识）: 重复的专题标识 "a"（duplicate id）`,
    `${F}/bad-refs/open/specials.yaml:3 [2].policies[0]（指定文件）: 找不到政策文件 "n-2022-b"（unknown policy id）；是否应为 "n-2022-a"？`,
  ],
};

describe('open content: each bad fixture fails with exact lines', () => {
  for (const [fixture, lines] of Object.entries(cases)) {
    it(fixture, async () => {
      const r = await collectOpenData({ root, source: `${F}/${fixture}`, today, site });
      expect(r.problems.map(formatProblem)).toEqual(lines);
    });
  }
});

describe('open content: the good fixture', () => {
  it('loads without problems and checks references against the library itself', async () => {
    const r = await collectOpenData({ root, source: `${F}/lib`, today });
    expect(r.problems).toEqual([]);
    expect(r.data!.catalog.map((a) => [a.id, a.name, a.items.length])).toEqual([['jiuye', '就业', 3]]);
    // shorthand normalised in the schema: a 、-separated string and a single value become lists
    expect(r.data!.catalog[0]!.items[0]).toMatchObject({ n: 1, basis: ['《就业促进法》'], channels: ['政府网站', '政务服务中心'], levels: ['县级', '乡级'] });
    expect(r.data!.catalog[0]!.items[1]!.levels).toEqual(['县级']);
    expect(r.data!.gazette.map((g) => g.id)).toEqual(['2024-1']);
    expect(r.data!.reports.map((x) => x.year)).toEqual([2024, 2023]);
  });

  it('getOpenData throws one ContentError listing every problem', async () => {
    clearOpenDataCache();
    const err = await getOpenData({ root, source: `${F}/bad-catalog`, today }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as ContentError).message).toContain('jiu-ye.yaml');
  });

  it('a content directory without open/ gives empty data and no problems', async () => {
    const r = await collectOpenData({ root, source: 'test/fixtures/content/ok', today });
    expect(r.problems).toEqual([]);
    expect(r.data).toMatchObject({ catalog: [], reports: [], gazette: [], consultations: [], specials: [] });
  });
});
