// The strings of the zoomable maps (controls, clusters, pop-ups) and of the hotspot ranking's
// phone cards, in both languages. Kept apart from i18n.ts; `tm(key, vars)` reads the language
// that i18n.ts holds, so a language switch changes these too.

import { type Lang, lang } from './i18n.js';

export const mapZh = {
  mapControls: '地图缩放',
  zoomIn: '放大',
  zoomOut: '缩小',
  zoomReset: '复位（全图）',
  zoomLevel: '缩放 {k} 倍',
  mapHelp:
    '滚轮或双指缩放，拖动平移。Tab 键进入地图符号，方向键在符号间移动，回车或空格打开详情，Esc 关闭；+、− 键缩放，0 键复位。',
  mapSymbols: '地图符号',
  close: '关闭',
  // live map
  clusterLive: '{n} 起停电，共 {customers} 户停电',
  clusterZoom: '（按下放大查看）',
  clusterList: '（按下查看列表）',
  clusterLiveLegend: '聚合：数字为停电用户数',
  outageAt: '{name}：{customers} 户停电',
  sameSpotLive: '同一位置的 {n} 起停电',
  since: '停电开始',
  estimate: '预计恢复',
  estimatePending: '评估中',
  estimatePassed: '已过预计恢复时间',
  // hotspot map
  clusterHotspot: '{n} 个设备（越限 {breach}，预警 {atRisk}）',
  clusterHotspotLegend: '聚合：数字为设备数，颜色为其中最严重的状态',
  sameSpotHotspot: '同一位置的 {n} 个设备',
  hotspotAt: '{name}：{status}',
  countedOutages: '计入次数（{rule}）',
  countedOf: '{count} 次（限值 {limit} 次）',
  openAsset: '查看设备详情',
  more: '另有 {n} 项未列出，请放大查看',
} as const;

export type MapKey = keyof typeof mapZh;

export const mapEn: Record<MapKey, string> = {
  mapControls: 'Map zoom',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Reset view',
  zoomLevel: 'Zoom ×{k}',
  mapHelp:
    'Scroll or pinch to zoom, drag to pan. Tab into the map’s symbols, move between them with the arrow keys, open one with Enter or Space and close it with Esc; + and − zoom, 0 resets.',
  mapSymbols: 'Map symbols',
  close: 'Close',
  clusterLive: '{n} outages, {customers} customers out',
  clusterZoom: ' (select to zoom in)',
  clusterList: ' (select for the list)',
  clusterLiveLegend: 'Cluster: number of customers out',
  outageAt: '{name}: {customers} customers out',
  sameSpotLive: '{n} outages at one place',
  since: 'Since',
  estimate: 'Estimated restoration',
  estimatePending: 'estimate pending',
  estimatePassed: 'estimate passed',
  clusterHotspot: '{n} assets ({breach} in breach, {atRisk} at risk)',
  clusterHotspotLegend: 'Cluster: number of assets, coloured by the worst status in it',
  sameSpotHotspot: '{n} assets at one place',
  hotspotAt: '{name}: {status}',
  countedOutages: 'Counted outages ({rule})',
  countedOf: '{count} (limit {limit})',
  openAsset: 'Open the asset page',
  more: '{n} more not listed: zoom in to see them',
};

const TABLES: Readonly<Record<Lang, Record<MapKey, string>>> = { zh: mapZh, en: mapEn };

export function tm(key: MapKey, vars: Record<string, string | number> = {}, l: Lang = lang()): string {
  return TABLES[l][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Both tables, for the test that they are complete and fill the same placeholders. */
export const mapTables = (): Readonly<Record<Lang, Record<MapKey, string>>> => TABLES;
