// Every visible string, one table per language. Simplified Chinese is the default; the choice
// is remembered in localStorage. `t(key, vars)` fills {name} placeholders. The planners' views
// keep their strings in i18n-planner.ts, the figures that say what they count in
// i18n-figures.ts, both merged here. The words of the API's codes (causes, kinds, area classes,
// standings, reasons, responsibilities, target statuses) are the vocabulary's (core/vocabulary),
// the same as in the exports.

import {
  AREA_CLASS_LABELS,
  AREA_CLASSES,
  CAUSES,
  causeText,
  KIND_LABELS,
  type Lang,
  labelIn,
  prefixedIn,
  RESPONSIBILITY_LABELS,
  reasonText,
  STANDING_LABELS,
  TARGET_STATUS_LABELS,
} from '../../core/vocabulary/index.js';
import { figuresEn, figuresZh } from './i18n-figures.js';
import { plannerEn, plannerZh } from './i18n-planner.js';

export type { Lang };

/** Words that head a table cell or a badge ("Met"); Chinese has no case and is left as it is. */
const capitalised = <T extends Record<string, string>>(words: T): T => {
  const out: Record<string, string> = {};
  for (const [key, word] of Object.entries(words)) out[key] = word.charAt(0).toUpperCase() + word.slice(1);
  return out as T;
};

/**
 * The keys whose words are the vocabulary's: the standings, a target's status heading a cell
 * or badge (status_…) and within a sentence (target_…), and whose responsibility a cause is.
 */
const vocabularyWords = (l: Lang) => ({
  breach: STANDING_LABELS.breach[l],
  atRisk: STANDING_LABELS.at_risk[l],
  fine: STANDING_LABELS.fine[l],
  ...capitalised(prefixedIn('status_', TARGET_STATUS_LABELS, l)),
  ...prefixedIn('target_', TARGET_STATUS_LABELS, l),
  ...prefixedIn('resp_', RESPONSIBILITY_LABELS, l),
});

const baseZh = {
  appTitle: '配电网停电监测',
  appSubtitle: '10 kV 线路与台区',
  skipToContent: '跳到主要内容',
  navLabel: '主导航',
  searchLabel: '搜索线路、台区、变电站或工单号',
  searchPlaceholder: '搜索线路、台区、变电站、工单号（按 / 键）',
  searchNone: '没有找到“{q}”',
  searchCount: '找到 {n} 项，用上下方向键选择，回车打开',
  searchCase: '整治工单',
  searchSubstation: '变电站：{name}',
  searchCode: '设备编码：{code}',
  searchPlaces: '供电范围：{places}',
  navLive: '实时停电',
  navHotspots: '频繁停电热点',
  navReliability: '供电可靠性',
  navRemediation: '整治工单',
  navLedger: '月度台账',
  language: '语言',
  langZh: '中文',
  langEn: 'English',
  switchLanguage: '切换语言',
  logout: '退出登录',
  signedInAs: '角色：{roles}',
  zone: '时区：{zone}',
  loginTitle: '登录',
  loginIntro:
    '请输入访问令牌（由系统管理员提供）。登录后本浏览器的各个标签页均保持登录，到期或退出登录为止；令牌本身不保存在浏览器中。',
  tokenLabel: '访问令牌',
  loginButton: '登录',
  loginFailed: '登录失败：{message}',
  tokenRejected: '令牌无效或已过期，请重新登录。',
  loading: '加载中…',
  loadingSlow: '加载中（该计算可能需要半分钟）…',
  loadFailed: '加载失败：{message}',
  retry: '重试',
  noData: '暂无数据',
  showTable: '显示数据表',
  lastUpdate: '最后更新',
  liveConnected: '实时推送已连接',
  liveDisconnected: '实时推送已断开，正在重连…',
  liveConnecting: '正在连接实时推送…',
  liveUpdated: '收到新的停电数据，已刷新',
  // live view
  liveTitle: '实时停电',
  liveIntro: '正在停电的线路和台区，服务器推送新数据后自动刷新。',
  customersOut: '当前停电用户数',
  ongoingOutages: '正在停电事件（起）',
  plannedCount: '其中计划停电（起）',
  unplannedCount: '其中非计划停电（起）',
  etrPassedCount: '已过预计恢复时间（起）',
  etrAssessing: '评估中',
  shareOut: '停电用户占比',
  byRegion: '按地区统计停电用户',
  byRegionDesc: '各州（市）当前停电用户数',
  ongoingMap: '停电位置图',
  ongoingMapDesc: '圆点面积表示停电用户数，颜色区分计划与非计划停电',
  ongoingList: '停电事件列表',
  asset: '设备',
  region: '地区',
  start: '开始时间',
  durationSoFar: '已停电时长',
  estimatedRestoration: '预计恢复',
  etrPassed: '已过预计恢复时间',
  newOutage: '新',
  cause: '原因',
  planned: '计划停电',
  unplanned: '非计划停电',
  type: '类型',
  nature: '停电性质',
  lon: '经度',
  lat: '纬度',
  none: '—',
  noOngoing: '当前没有正在停电的事件。',
  ongoingNote: '正在停电的事件按截至目前的时长计入。',
  // hotspots
  hotspotsTitle: '频繁停电热点',
  hotspotsIntro: '按频繁停电规则判定的越限与预警设备，及近一年停电次数。',
  breachFlags: '越限（设备×规则）',
  atRiskFlags: '预警（设备×规则）',
  breachAssets: '越限设备',
  assetsShown: '显示设备',
  ruleSet: '规则集',
  filters: '筛选',
  city: '州（市）',
  county: '县（区）',
  areaClass: '区域类别',
  kind: '设备类型',
  rule: '规则',
  status: '状态',
  all: '全部',
  topN: '显示前 N 名',
  apply: '应用',
  reset: '重置',
  hotspotMap: '热点分布图',
  hotspotMapDesc: '底色为近一年停电密度，符号表示规则状态：▲ 越限，■ 预警',
  densityLayer: '近一年停电密度（画布图层）',
  ranking: '热点排名',
  rankingCaption: '按近一年停电次数排名的前 {n} 个设备（共 {total} 个符合条件），点击列标题排序',
  rank: '名次',
  outages365: '近365天停电（全部）',
  outages60: '近60天停电（全部）',
  unplanned365: '其中非计划',
  hours365: '近365天停电时长合计（小时）',
  lastOutage: '最近停电',
  flagStatus: '规则状态',
  calendarTitle: '每日停电次数日历',
  calendarDesc: '{from} 至 {to} 每个本地日的停电事件数（按 {zone} 划分日期），共 {total} 次',
  calendarDay: '{date}：{n} 次停电',
  date: '日期',
  outages: '停电次数',
  customersAffected: '停电户次',
  sortAsc: '升序',
  sortDesc: '降序',
  sortBy: '按{label}排序',
  countsNote: '停电次数含全部停电（未扣除规则除外情形）；台区计入所属线路停电。规则计数见设备详情。',
  legend: '图例',
  // asset
  assetTitle: '设备详情',
  backToHotspots: '返回热点',
  feeder: '所属线路',
  substation: '变电站',
  customers: '用户数',
  transformers: '配变台数',
  park: '产业园区',
  assetId: '设备编号',
  name: '名称',
  ruleStatus: '规则判定',
  countInWindow: '当前窗口内计入考核的停电 {count} 次 / 限值 {limit}',
  breachOn: '越限日期 {date}（此后365天内计为频繁停电）',
  notInScope: '不适用',
  timelineTitle: '停电时间线与窗口计数',
  timelineDesc: '近一年每次停电（实心：计入；空心：不计入）及滚动窗口内计入次数，虚线为限值',
  outageList: '停电记录',
  counted: '计入',
  excluded: '不计入',
  reason: '原因说明',
  end: '结束时间',
  duration: '时长',
  ongoing: '进行中',
  feederAreas: '线路所带台区',
  feederAreasCaption: '{n} 个台区，按近一年停电次数排序',
  assetCalendar: '本设备每日停电',
  unknownAsset: '未找到设备 {id}',
  windowCount: '{days}天窗口计数',
  limitLine: '限值 {limit}',
  // reliability
  reliabilityTitle: '供电可靠性',
  reliabilityIntro: '按地区与区域类别统计的 SAIDI、SAIFI、CAIDI、ASAI，及年度排名与同比。',
  period: '统计期间',
  yearToDate: '{year} 年至今',
  calendarYear: '{year} 年',
  variant: '统计口径',
  variant_all: '全口径（RS-1）',
  variant_no_external: '扣除外部影响（RS-2）',
  variant_no_shortage: '扣除系统电源不足限电（RS-3）',
  variant_planned: '预安排停电',
  variant_fault: '故障停电',
  excludeMed: '剔除重大事件日（IEEE 1366 2.5β）',
  byCity: '各州（市）可靠性指标',
  byCityDesc: '小多图：每个指标一幅，按州（市）比较',
  byAreaClass: '按区域类别的 SAIDI 与目标',
  byAreaClassDesc: '柱为户均停电时间（小时），竖线为目标值（{source}）',
  noTargets: '未加载按区域类别的可靠性目标。',
  byPark: '产业园区 SAIDI 与目标',
  byParkDesc:
    '柱为各园区户均停电时间（小时），竖线为目标值（{source}）；园区用户含公用配变和自有变压器的 10 千伏企业用户',
  parkUsers: '用户数',
  targetStatus: '目标状态',
  allowedSoFar: '至今允许（按时间折算）',
  fleetTitle: '整体目标：{rule}',
  fleetCaption: '每年越限的设备数与允许的最多数（以 {base} 年为基数）',
  fleetYear: '年份',
  fleetSoFar: '{year}（至今）',
  fleetAssets: '越限设备数',
  fleetFewer: '须减少',
  fleetAllowed: '最多允许',
  fleetBase: '基数年',
  rankingTitle: '{year} 年地区排名与同比',
  dailyTitle: '每日 SAIDI 与重大事件日阈值',
  dailyDesc: '每日户均停电时间（分钟），虚线为 T_MED 阈值，紫红色柱为重大事件日',
  loadDaily: '加载每日 SAIDI（较慢）',
  saidi: 'SAIDI（小时）',
  saifi: 'SAIFI（次/户）',
  caidi: 'CAIDI（小时）',
  asai: 'ASAI（供电可靠率）',
  maifi: 'MAIFI',
  events: '停电事件',
  target: '目标',
  previousSaidi: '上年 SAIDI',
  saidiChange: 'SAIDI 同比',
  saidiRank: 'SAIDI 名次',
  saifiRank: 'SAIFI 名次',
  ongoingIncluded: '含正在停电的事件（按截至目前时长计）。',
  majorEventDays: '重大事件日：{days}',
  customersServedTooFew:
    '{group}：{outages}平均每次影响 {perEvent} 户，超过其供电户数 {customers} 户的两倍，所属设备的用户数偏小，SAIFI、SAIDI 至少高估为实际值的 {factor} 倍。',
  noCustomersServed:
    '{group}：{outages}共影响 {interruptions} 户次，但所属设备登记的用户数为零，无法计算 SAIFI、SAIDI。',
  dataChecks: '数据核查',
  dataChecksSummary:
    '{n} 个分组的停电影响户数远超其供电户数（或供电户数为零），这些分组的 SAIFI、SAIDI 不可信',
  tMed: 'T_MED = {value} 分钟',
  saidiMinutes: 'SAIDI（分钟）',
  majorEventDay: '重大事件日',
  yes: '是',
  no: '否',
  // causes (Pareto)
  causesTitle: '停电原因与责任归属（帕累托）',
  causesDesc:
    '所选州（市）的停电按原因或责任归属从大到小排列，折线为累计占比；持续停电计入户次与时户数，短时停电另列。',
  causesRegions: '显示的州（市）',
  causesMeasure: '排序指标',
  causesView: '分类方式',
  causesByCause: '按停电原因',
  causesByResponsibility: '按责任归属',
  measure_customerHours: '停电时户数',
  measure_customerInterruptions: '停电户次',
  measure_events: '持续停电次数',
  measure_counted: '计入频繁停电规则的次数',
  responsibility: '责任归属',
  share: '占比',
  cumulativeShare: '累计占比',
  paretoTitle: '{region} · {measure}',
  paretoDesc: '柱为{measure}（从大到小），带三角标记的折线为累计占比（右轴）',
  causesCountedNote: '“计入次数”按规则集 {ruleSet} 的规则 {rule} 计，按停电所在设备计，重叠停电计一次。',
  noRegionChosen: '请至少选择一个州（市）。',
} as const;

const zh = { ...baseZh, ...vocabularyWords('zh'), ...plannerZh, ...figuresZh };

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  appTitle: 'Distribution outage monitor',
  appSubtitle: '10 kV feeders and transformer areas',
  skipToContent: 'Skip to main content',
  navLabel: 'Main navigation',
  searchLabel: 'Search feeders, areas, substations or case numbers',
  searchPlaceholder: 'Search feeders, areas, substations, cases (press /)',
  searchNone: 'Nothing found for “{q}”',
  searchCount: '{n} found: arrow keys to choose, Enter to open',
  searchCase: 'Remediation case',
  searchSubstation: 'Substation: {name}',
  searchCode: 'Code: {code}',
  searchPlaces: 'Serves: {places}',
  navLive: 'Live outages',
  navHotspots: 'Hotspots',
  navReliability: 'Reliability',
  navRemediation: 'Remediation',
  navLedger: 'Monthly ledger',
  language: 'Language',
  langZh: '中文',
  langEn: 'English',
  switchLanguage: 'Switch language',
  logout: 'Sign out',
  signedInAs: 'Roles: {roles}',
  zone: 'Time zone: {zone}',
  loginTitle: 'Sign in',
  loginIntro:
    'Enter the access token your administrator gave you. Every tab of this browser then stays signed in until the session expires or you sign out; the token itself is not kept in the browser.',
  tokenLabel: 'Access token',
  loginButton: 'Sign in',
  loginFailed: 'Sign-in failed: {message}',
  tokenRejected: 'The token was refused or has expired; please sign in again.',
  loading: 'Loading…',
  loadingSlow: 'Loading (this computation can take half a minute)…',
  loadFailed: 'Could not load: {message}',
  retry: 'Retry',
  noData: 'No data',
  showTable: 'Show data table',
  lastUpdate: 'Last update',
  liveConnected: 'Live updates connected',
  liveDisconnected: 'Live updates disconnected, reconnecting…',
  liveConnecting: 'Connecting live updates…',
  liveUpdated: 'New outage data received; refreshed',
  liveTitle: 'Live outages',
  liveIntro: 'Feeders and transformer areas without supply now; refreshed when the server pushes new data.',
  customersOut: 'Customers out now',
  ongoingOutages: 'Ongoing outages',
  plannedCount: 'Of which planned',
  unplannedCount: 'Of which unplanned',
  etrPassedCount: 'Outages past their estimate',
  etrAssessing: 'Estimate pending',
  shareOut: 'Share of customers out',
  byRegion: 'Customers out by region',
  byRegionDesc: 'Customers without supply now, per city',
  ongoingMap: 'Outage map',
  ongoingMapDesc: 'Circle area shows customers out; colour tells planned from unplanned',
  ongoingList: 'Ongoing outages',
  asset: 'Asset',
  region: 'Region',
  start: 'Start',
  durationSoFar: 'Duration so far',
  estimatedRestoration: 'Estimated restoration',
  etrPassed: 'past its estimate',
  newOutage: 'new',
  cause: 'Cause',
  planned: 'Planned',
  unplanned: 'Unplanned',
  type: 'Type',
  nature: 'Planned or not',
  lon: 'Longitude',
  lat: 'Latitude',
  none: '—',
  noOngoing: 'No outage is ongoing.',
  ongoingNote: 'Ongoing outages count with their duration so far.',
  hotspotsTitle: 'Frequent-outage hotspots',
  hotspotsIntro:
    'Assets in breach of or at risk under the frequent-outage rules, and outages in the last year.',
  breachFlags: 'Breaches (asset × rule)',
  atRiskFlags: 'At risk (asset × rule)',
  breachAssets: 'Assets in breach',
  assetsShown: 'Assets shown',
  ruleSet: 'Rule set',
  filters: 'Filters',
  city: 'City',
  county: 'County',
  areaClass: 'Area class',
  kind: 'Asset type',
  rule: 'Rule',
  status: 'Status',
  all: 'All',
  topN: 'Show top N',
  apply: 'Apply',
  reset: 'Reset',
  hotspotMap: 'Hotspot map',
  hotspotMapDesc: 'Shading: outage density over the last year; symbols: rule status (▲ breach, ■ at risk)',
  densityLayer: 'Outage density over the last year (canvas layer)',
  ranking: 'Ranking',
  rankingCaption:
    'Top {n} assets by outages in the last 365 days ({total} match the filters); select a column heading to sort',
  rank: 'Rank',
  outages365: 'All outages, 365 days',
  outages60: 'All outages, 60 days',
  unplanned365: 'of which unplanned',
  hours365: 'Outage hours in all, 365 days',
  lastOutage: 'Last outage',
  flagStatus: 'Rule status',
  calendarTitle: 'Outages per day',
  calendarDesc: 'Outage events per local day ({zone}) from {from} to {to}: {total} in all',
  calendarDay: '{date}: {n} outages',
  date: 'Date',
  outages: 'Outages',
  customersAffected: 'Customer interruptions',
  sortAsc: 'ascending',
  sortDesc: 'descending',
  sortBy: 'Sort by {label}',
  countsNote:
    'Outage counts include every outage (before the rules’ exclusions); areas include their feeder’s outages. Rule counts are on each asset’s page.',
  legend: 'Legend',
  assetTitle: 'Asset',
  backToHotspots: 'Back to hotspots',
  feeder: 'Feeder',
  substation: 'Substation',
  customers: 'Customers',
  transformers: 'Transformers',
  park: 'Industrial park',
  assetId: 'Asset id',
  name: 'Name',
  ruleStatus: 'Rule status',
  countInWindow: 'Current window: {count} counted outages / limit {limit}',
  breachOn: 'Breached on {date} (a frequent-outage asset for the 365 days after)',
  notInScope: 'Not applicable',
  timelineTitle: 'Outage timeline and window counts',
  timelineDesc:
    'Each outage of the last year (filled: counted; hollow: not counted) and the counted outages in each rolling window; dashed line: the limit',
  outageList: 'Outages',
  counted: 'Counted',
  excluded: 'Not counted',
  reason: 'Reason',
  end: 'End',
  duration: 'Duration',
  ongoing: 'ongoing',
  feederAreas: 'Transformer areas on this feeder',
  feederAreasCaption: '{n} areas, by outages in the last year',
  assetCalendar: 'Outages per day on this asset',
  unknownAsset: 'No asset {id}',
  windowCount: '{days}-day window count',
  limitLine: 'limit {limit}',
  reliabilityTitle: 'Supply reliability',
  reliabilityIntro:
    'SAIDI, SAIFI, CAIDI and ASAI by region and area class; the yearly ranking, year on year.',
  period: 'Period',
  yearToDate: '{year} to date',
  calendarYear: '{year}',
  variant: 'Variant',
  variant_all: 'All outages (RS-1)',
  variant_no_external: 'Excluding external influence (RS-2)',
  variant_no_shortage: 'Excluding supply shortage (RS-3)',
  variant_planned: 'Planned only',
  variant_fault: 'Faults only',
  excludeMed: 'Exclude major event days (IEEE 1366 2.5β)',
  byCity: 'Reliability by city',
  byCityDesc: 'Small multiples: one panel per measure, cities side by side',
  byAreaClass: 'SAIDI by area class against targets',
  byAreaClassDesc: 'Bars: average outage hours per customer; ticks: the target ({source})',
  noTargets: 'No reliability target by area class is loaded.',
  byPark: 'Industrial parks: SAIDI against targets',
  byParkDesc:
    'Bars: average outage hours per user in each park; ticks: the target ({source}); a park’s users are its public transformers and its 10 kV enterprises with transformers of their own',
  parkUsers: 'Users',
  targetStatus: 'Target status',
  allowedSoFar: 'Allowed so far (pro rata)',
  fleetTitle: 'Fleet target: {rule}',
  fleetCaption: 'Assets breaching each year and the most allowed (base year {base})',
  fleetYear: 'Year',
  fleetSoFar: '{year} (so far)',
  fleetAssets: 'Assets breaching',
  fleetFewer: 'At least fewer',
  fleetAllowed: 'Most allowed',
  fleetBase: 'Base year',
  rankingTitle: 'Regional ranking {year}, year on year',
  dailyTitle: 'Daily SAIDI and the major-event-day threshold',
  dailyDesc:
    'Outage minutes per customer each day; dashed line: T_MED; reddish-purple bars: major event days',
  loadDaily: 'Load daily SAIDI (slow)',
  saidi: 'SAIDI (hours)',
  saifi: 'SAIFI (per customer)',
  caidi: 'CAIDI (hours)',
  asai: 'ASAI',
  maifi: 'MAIFI',
  events: 'Events',
  target: 'Target',
  previousSaidi: 'SAIDI year before',
  saidiChange: 'SAIDI change',
  saidiRank: 'SAIDI rank',
  saifiRank: 'SAIFI rank',
  ongoingIncluded: 'Includes ongoing outages with their duration so far.',
  majorEventDays: 'Major event days: {days}',
  customersServedTooFew:
    '{group}: its {outages} interrupted {perEvent} customers each on average, more than twice the {customers} it serves; its assets’ customer counts are too small, so SAIFI and SAIDI are overstated ({factor}× at least).',
  noCustomersServed:
    '{group}: its {outages} interrupted {interruptions} customers, but its assets serve none by their customer counts; SAIFI and SAIDI cannot be given.',
  dataChecks: 'Data checks',
  dataChecksSummary:
    '{n} groups had outages far larger than the customers they serve (or serve none): their SAIFI and SAIDI cannot be trusted',
  tMed: 'T_MED = {value} minutes',
  saidiMinutes: 'SAIDI (minutes)',
  majorEventDay: 'Major event day',
  yes: 'yes',
  no: 'no',
  causesTitle: 'Outages by cause and responsibility (Pareto)',
  causesDesc:
    'The chosen cities’ outages by cause or by whose responsibility, largest first, with the cumulative share as a line; sustained outages give interruptions and customer-hours, short ones are listed apart.',
  causesRegions: 'Cities shown',
  causesMeasure: 'Order by',
  causesView: 'Break down by',
  causesByCause: 'Cause',
  causesByResponsibility: 'Responsibility',
  measure_customerHours: 'Customer-hours',
  measure_customerInterruptions: 'Customer interruptions',
  measure_events: 'Sustained outages',
  measure_counted: 'Outages counted by the frequent-outage rule',
  responsibility: 'Responsibility',
  share: 'Share',
  cumulativeShare: 'Cumulative share',
  paretoTitle: '{region} · {measure}',
  paretoDesc: 'Bars: {measure}, largest first; line with triangles: cumulative share (right axis)',
  causesCountedNote:
    '“Counted” follows rule {rule} of rule set {ruleSet}, on the asset each outage was recorded on, overlapping outages once.',
  noRegionChosen: 'Choose at least one city.',
  ...vocabularyWords('en'),
  ...plannerEn,
  ...figuresEn,
};

const TABLES: Record<Lang, Record<Key, string>> = { zh, en };

const STORAGE_KEY = 'outage.lang';
let current: Lang = 'zh';
const listeners = new Set<(lang: Lang) => void>();

function stored(): Lang | undefined {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'zh' || v === 'en' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function initLang(): Lang {
  current = stored() ?? 'zh';
  return current;
}

export const lang = (): Lang => current;
export const htmlLang = (l: Lang = current): string => (l === 'zh' ? 'zh-CN' : 'en');
export const locale = (l: Lang = current): string => (l === 'zh' ? 'zh-CN' : 'en-GB');

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  for (const f of listeners) f(next);
}

export function onLangChange(f: (lang: Lang) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

const fill = (text: string, vars: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));

export function t(key: Key, vars: Record<string, string | number> = {}, l: Lang = current): string {
  return fill(TABLES[l][key], vars);
}

/** Whether a computed key (a code from the API) has a string. */
export const known = (key: string): key is Key => Object.hasOwn(TABLES[current], key);

export const causeLabel = (cause: string, l: Lang = current): string => causeText(cause, l);
export const areaClassLabel = (c: string | null | undefined, l: Lang = current): string =>
  c ? labelIn(AREA_CLASS_LABELS, c, l) : t('none', {}, l);
export const kindLabel = (k: string | null | undefined, l: Lang = current): string =>
  k ? labelIn(KIND_LABELS, k, l) : t('none', {}, l);
export const statusLabel = (s: string | null | undefined, l: Lang = current): string =>
  s === 'breach' ? t('breach', {}, l) : s === 'at_risk' ? t('atRisk', {}, l) : t('fine', {}, l);

/** An /explain reason: a known code, "warning:<id>" or "merged_with:<eventId>". */
export const reasonLabel = (reason: string | undefined, l: Lang = current): string =>
  reason ? reasonText(reason, l) : '';

export const CAUSE_CODES = CAUSES;
export const AREA_CLASS_CODES = AREA_CLASSES;

/** The table keys, for a test that both languages are complete. */
export const tables = (): Readonly<Record<Lang, Record<Key, string>>> => TABLES;
