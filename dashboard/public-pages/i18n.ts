// Words of the public pages, Simplified Chinese first (the default) and English. Causes are
// worded from the vocabulary's public wording (core/vocabulary/causes.ts), for residents.

import { causeText, inLang, type Lang, PUBLIC_CAUSE_LABELS } from '../../core/vocabulary/index.js';

export type { Lang };

export const WORDS = {
  zh: {
    title: '停电信息公开',
    liveTitle: '当前停电',
    summary: (outages: number, customers: string) => `当前共有 ${outages} 起停电，影响 ${customers} 户。`,
    none: '当前没有停电。',
    updated: '更新时间',
    county: '区县',
    city: '州/市',
    outages: '停电数',
    customers: '停电户数',
    start: '开始时间',
    restore: '预计恢复时间',
    status: '状态',
    planned: '计划停电',
    fault: '故障停电',
    unknown: '待定',
    countyOnly: '当前停电较多，仅按区县汇总显示。',
    switchLang: 'English',
    cachePolicy: (s: number) => `本页每 ${s} 秒更新一次。`,
    stale: '数据暂时无法更新，以下为最近一次更新时的情况。',
    skip: '跳到主要内容',
    reassessing: '正在重新评估',
    refreshNoJs: (s: number) => `数据每 ${s} 秒更新一次，刷新页面即可查看最新情况。`,
    refreshAuto: '本页会自动刷新。',
    map: '停电分布图',
    mapDesc: (counties: number, out: number) =>
      `各区县按停电户数占该区县用户数的比例着色的地图：${counties} 个区县有停电，共 ${out} 户停电。圆点为停电设备所在位置。`,
    share: '停电户数占比',
    shareNone: '无停电',
    served: '用户数',
    list: '停电详情',
    affects: '影响范围',
    areasMore: (n: number) => `等 ${n} 个台区`,
    placesMore: (n: number) => `等 ${n} 处`,
    cause: '停电原因',
    lastUpdate: '最后更新',
    countyWide: '区县',
    report: '发现停电？',
    reportCall: (n: string) => `拨打 ${n} 报修`,
    reportOnline: '网上报修',
    reportNote: '抢修进度以本页为准；本页不含用户信息。',
    plannedTitle: '计划停电',
    plannedLead: (n: number) => (n === 0 ? '目前没有已公告的计划停电。' : `已公告 ${n} 次计划停电。`),
    plannedLink: (n: number) => `计划停电公告（${n}）`,
    plannedBy: '按区县',
    plannedEnd: '预计结束时间',
    announced: '公告时间',
    plannedNote: (days: number) =>
      `计划停电一般在停电前 ${days} 天公告；如有变更或取消，以本页最新公告为准。`,
    lookupTitle: '查询我所在台区',
    lookupLabel: '台区名称、编号或村（社区、小区）名称',
    lookupButton: '查询',
    lookupLink: '查询停电',
    liveLink: '当前停电',
    allPlaces: '全部',
  },
  en: {
    title: 'Public outage information',
    liveTitle: 'Current outages',
    summary: (outages: number, customers: string) =>
      `${outages} outage${outages === 1 ? '' : 's'} in progress, affecting ${customers} customers.`,
    none: 'There are no outages at the moment.',
    updated: 'Updated',
    county: 'County',
    city: 'City',
    outages: 'Outages',
    customers: 'Customers out',
    start: 'Started',
    restore: 'Estimated restoration',
    status: 'Type',
    planned: 'Planned',
    fault: 'Unplanned',
    unknown: 'not yet known',
    countyOnly: 'Many outages are in progress: showing totals by county only.',
    switchLang: '中文',
    cachePolicy: (s: number) => `This page refreshes every ${s} seconds.`,
    stale: 'The figures cannot be updated right now; this is the page as it last was.',
    skip: 'Skip to main content',
    reassessing: 'being reassessed',
    refreshNoJs: (s: number) =>
      `The figures are updated every ${s} seconds; reload the page to see the latest.`,
    refreshAuto: 'This page refreshes by itself.',
    map: 'Map of outages',
    mapDesc: (counties: number, out: number) =>
      `Map of the counties coloured by the share of their customers without power: ${counties} ${counties === 1 ? 'county has' : 'counties have'} outages, ${out} customers out in all. Dots mark where the outages are.`,
    share: 'Share of customers out',
    shareNone: 'no outage',
    served: 'Customers',
    list: 'Outages in detail',
    affects: 'Affects',
    areasMore: (n: number) => `and ${n} more areas`,
    placesMore: (n: number) => `and ${n} more`,
    cause: 'Cause',
    lastUpdate: 'Last update',
    countyWide: 'County',
    report: 'No power?',
    reportCall: (n: string) => `Call ${n} to report it`,
    reportOnline: 'Report online',
    reportNote: 'Repair progress is shown on this page; it holds no customer data.',
    plannedTitle: 'Planned outages',
    plannedLead: (n: number) =>
      n === 0
        ? 'No planned outage has been announced.'
        : `${n} planned outage${n === 1 ? ' has' : 's have'} been announced.`,
    plannedLink: (n: number) => `Planned outages (${n})`,
    plannedBy: 'By county',
    plannedEnd: 'Expected end',
    announced: 'Announced',
    plannedNote: (days: number) =>
      `Planned outages are announced ${days} days ahead as a rule; when one is changed or cancelled, this page shows the latest notice.`,
    lookupTitle: 'Look up your area',
    lookupLabel: 'Transformer area name or number, or village, street or compound',
    lookupButton: 'Look up',
    lookupLink: 'Look up an area',
    liveLink: 'Current outages',
    allPlaces: 'All',
  },
} as const;

export const langOf = (q: unknown): Lang => (q === 'en' ? 'en' : 'zh');

/** Causes in words a resident understands, by cause category. */
export const PUBLIC_CAUSES: Record<Lang, Record<string, string>> = {
  zh: inLang(PUBLIC_CAUSE_LABELS, 'zh'),
  en: inLang(PUBLIC_CAUSE_LABELS, 'en'),
};

/** A cause for residents; a code the vocabulary does not know is worded as an unknown cause. */
export const causeWords = (cause: string, lang: Lang): string =>
  causeText(Object.hasOwn(PUBLIC_CAUSE_LABELS, cause) ? cause : 'unknown', lang, 'public');

/** Words of the lookup page. */
export const LOOKUP_WORDS = {
  zh: {
    none: (q: string) => `没有找到与“${q}”相符的台区。请输入台区名称、编号或村（社区、小区）名称。`,
    found: (n: number) => `找到 ${n} 个台区。`,
    tooMany: (n: number) => `只显示最相符的 ${n} 个台区，请输入更完整的名称。`,
    outNow: '当前停电',
    notOut: '当前供电正常',
    since: '停电开始',
    scheduledHead: (d: number) => `未来 ${d} 天计划停电`,
    noScheduled: (d: number) => `未来 ${d} 天没有计划停电。`,
    yearHead: '近 12 个月',
    yearFacts: (n: number, h: string, from: string) => `自 ${from} 以来停电 ${n} 次，共计约 ${h} 小时。`,
    privacy: '查询结果只包含台区的停电情况，不含任何用户信息。',
    hint: '例如：金鸡村、小板桥3号台区',
  },
  en: {
    none: (q: string) =>
      `No transformer area matches “${q}”. Enter an area's name or number, or a village, street or compound.`,
    found: (n: number) => `${n} transformer area${n === 1 ? '' : 's'} found.`,
    tooMany: (n: number) => `Showing the ${n} best matches only: enter a fuller name.`,
    outNow: 'Power is off',
    notOut: 'Power is on',
    since: 'Off since',
    scheduledHead: (d: number) => `Planned outages in the next ${d} days`,
    noScheduled: (d: number) => `No planned outage in the next ${d} days.`,
    yearHead: 'Last 12 months',
    yearFacts: (n: number, h: string, from: string) =>
      `${n} outage${n === 1 ? '' : 's'} since ${from}, about ${h} hours in all.`,
    privacy: 'The answer is about the area only and holds no customer data.',
    hint: 'For example: 金鸡村 or 小板桥3号台区',
  },
} as const;

const QUARTER_ZH = ['一', '二', '三', '四'];
const MONTH_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A period key (2025-Q3, 2025-07, 2025) as people say it. */
export function periodLabel(period: string, lang: Lang): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return lang === 'zh' ? `${q[1]}年第${QUARTER_ZH[Number(q[2]) - 1]}季度` : `Q${q[2]} ${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年${Number(m[2])}月` : `${MONTH_EN[Number(m[2]) - 1]} ${m[1]}`;
  return lang === 'zh' ? `${period}年` : period;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Words of the periodic disclosure pages. */
export const DISCLOSURE_WORDS = {
  zh: {
    title: '频繁停电整治公示',
    listTitle: '频繁停电整治公示：历次发布',
    pageTitle: (p: string) => `${p}频繁停电整治公示`,
    summary: (lines: number, areas: number, closed: number) =>
      `本期共有 ${lines} 条中压线路、${areas} 个台区列入频繁停电整治清单，其中 ${closed} 个已整治完成并销号。`,
    entriesNote: (entries: number, assets: number) =>
      `个别线路或台区因多类条件列入，清单共 ${entries} 条，涉及 ${assets} 个设备；图表按条目计数。`,
    empty: '本期没有列入频繁停电整治清单的线路或台区。',
    regionEmpty: (r: string) => `本期公示中没有“${r}”的条目。`,
    period: '统计期间',
    periodRange: (a: string, b: string) => `${a} 至 ${b}`,
    published: '发布时间',
    casesAsOf: '整治进展截至',
    basis: '判定依据',
    jurisdiction: '适用范围',
    region: '地区',
    regionNav: '按州/市查看',
    all: '全部',
    overview: '概况',
    byStatus: '按整治状态',
    byStatusDesc: (lines: number, areas: number) =>
      `清单条目按整治状态和设备类型统计的横向条形图：中压线路 ${lines} 条，台区 ${areas} 个。`,
    byRegion: (g: string) => `按${g}`,
    byRegionDesc: (g: string, closed: number, total: number) =>
      `各${g}列入清单的条目数及其中已销号数的横向条形图：共 ${total} 条，已销号 ${closed} 条。`,
    status: '整治状态',
    feeders: '中压线路',
    areas: '台区',
    total: '合计',
    closed: '已销号',
    notClosed: '未销号',
    entries: '列入条目',
    list: '整治清单',
    listCaption: (p: string, r: string | null) => `${p}频繁停电线路和台区整治清单${r ? `（${r}）` : ''}`,
    download: '下载清单',
    csv: 'CSV（表格）',
    json: 'JSON（数据）',
    notes: '说明',
    snapshot: '本页内容为统计期结束后冻结的快照，之后收到的停电数据或整治进展不会改变本页内容。',
    rulesIntro: '列入条件：',
    privacy: '本页不含个人信息、用户信息或内部备注。',
    allPeriods: '历次公示',
    live: '当前停电',
    listCaptionRuns: '已发布的公示',
    rows: '列入条目数',
    disclosure: '公示期',
    noneYet: '尚无已发布的公示。',
    schedule: (zone: string) => `每期公示在统计期结束后的当晚自动发布（${zone}）。`,
    unpublished: (p: string, on: string) => `${p}的公示尚未发布：统计期结束后的当晚（${on}）发布。`,
    invalid: (example: string) => `期间格式不正确，例如 ${example}。`,
    notConfigured: '本站未配置整治公示。',
    back: '返回历次公示',
    ruleSetLabel: '公示范围',
    ruleSetShow: '查看',
  },
  en: {
    title: 'Frequent-outage remediation disclosure',
    listTitle: 'Frequent-outage remediation disclosures',
    pageTitle: (p: string) => `Frequent-outage remediation disclosure, ${p}`,
    summary: (lines: number, areas: number, closed: number) =>
      `${plural(lines, 'line', 'lines')} and ${plural(areas, 'transformer area', 'transformer areas')} had frequent outages this period; ${closed} ${closed === 1 ? 'has' : 'have'} been remediated and closed.`,
    entriesNote: (entries: number, assets: number) =>
      `Some lines or areas are listed under more than one rule: ${entries} entries for ${assets} assets; the charts count entries.`,
    empty: 'No line or transformer area had frequent outages this period.',
    regionEmpty: (r: string) => `This disclosure has no entries for “${r}”.`,
    period: 'Period',
    periodRange: (a: string, b: string) => `${a} to ${b}`,
    published: 'Published',
    casesAsOf: 'Remediation status as of',
    basis: 'Rules',
    jurisdiction: 'Applies to',
    region: 'Region',
    regionNav: 'View by city',
    all: 'All',
    overview: 'Overview',
    byStatus: 'By remediation status',
    byStatusDesc: (lines: number, areas: number) =>
      `Horizontal bar chart of list entries by remediation status and asset kind: ${plural(lines, 'line', 'lines')}, ${plural(areas, 'transformer area', 'transformer areas')}.`,
    byRegion: (g: string) => `By ${g.toLowerCase()}`,
    byRegionDesc: (g: string, closed: number, total: number) =>
      `Horizontal bar chart of list entries per ${g.toLowerCase()} and how many are closed: ${closed} of ${total} closed.`,
    status: 'Status',
    feeders: 'Lines',
    areas: 'Transformer areas',
    total: 'Total',
    closed: 'Closed',
    notClosed: 'Not closed',
    entries: 'Entries',
    list: 'List',
    listCaption: (p: string, r: string | null) =>
      `Lines and transformer areas with frequent outages, ${p}${r ? ` (${r})` : ''}`,
    download: 'Download the list',
    csv: 'CSV (spreadsheet)',
    json: 'JSON (data)',
    notes: 'Notes',
    snapshot:
      'This page is a snapshot frozen after the period ended: outages or remediation progress reported later do not change it.',
    rulesIntro: 'Listed when:',
    privacy: 'This page holds no personal data, customer data or internal notes.',
    allPeriods: 'All disclosures',
    live: 'Current outages',
    listCaptionRuns: 'Published disclosures',
    rows: 'Entries',
    disclosure: 'Disclosure',
    noneYet: 'No disclosure has been published yet.',
    schedule: (zone: string) => `Each disclosure is published in the night after its period ends (${zone}).`,
    unpublished: (p: string, on: string) =>
      `The disclosure of ${p} is not published yet: it is published in the night after the period ends (${on}).`,
    invalid: (example: string) => `Not a valid period; for example ${example}.`,
    notConfigured: 'No remediation disclosure is configured here.',
    back: 'All disclosures',
    ruleSetLabel: 'Published for',
    ruleSetShow: 'Show',
  },
} as const;

/** Words of the disclosure list as residents read it: filter, search, pages, breach and overdue. */
export const LIST_WORDS = {
  zh: {
    county: '区县',
    allCounties: '全部区县',
    search: '按名称查找',
    apply: '筛选',
    pages: '分页',
    page: (n: number) => `第 ${n} 页`,
    previous: '上一页',
    next: '下一页',
    showing: (a: number, b: number, n: number) => `共 ${n} 条，显示第 ${a}–${b} 条。`,
    noMatch: '没有符合条件的条目。',
    countedTo: (h: string, date: string) => `${h}（截至 ${date}）`,
    overdue: '已超期',
  },
  en: {
    county: 'County',
    allCounties: 'All counties',
    search: 'Find by name',
    apply: 'Show',
    pages: 'Pages',
    page: (n: number) => `Page ${n}`,
    previous: 'Previous',
    next: 'Next',
    showing: (a: number, b: number, n: number) => `${n} entries; showing ${a}–${b}.`,
    noMatch: 'No entry matches.',
    countedTo: (h: string, date: string) => `${h}, to ${date}`,
    overdue: 'Overdue',
  },
} as const;
