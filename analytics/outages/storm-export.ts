// The export of a storm's outages (停电事件清单): one row per outage that had customers out in
// the window, with its duration and customer-minutes (step restorations counted), its
// restoration estimate and whether that was passed. Field names and codes for machines; with a
// language, headers and values in words, times as the operating zone's wall clock (the table
// the CSV writer and the filing workbook of analytics/export take).

import { formatInZone } from '../../core/index.js';
import type { Cell, CellType, Table } from '../export/index.js';
import { CAUSE_LABELS, type Label } from '../remediation/vocabulary.js';
import type { StormOutage } from './storm-outages.js';

export type StormLang = 'zh' | 'en';

export interface StormExportRow {
  eventId: string;
  assetId: string;
  assetName: string | null;
  assetCode: string | null;
  /** province / city / county */
  regionPath: string | null;
  start: string;
  /** null while ongoing */
  end: string | null;
  /** start to end, or to `asOf` while ongoing; whole minutes */
  durationMinutes: number;
  customersAffected: number;
  /** Σ customers × minutes out, each step restoration at its instant; whole */
  customerMinutes: number;
  cause: string;
  planned: boolean;
  estimatedRestoration: string | null;
  /** restored (or still out at `asOf`) after the estimate; null without an estimate */
  estimatePassed: boolean | null;
}

type Key = keyof StormExportRow;

export const STORM_COLUMNS: readonly { key: Key; label: Label; type?: CellType }[] = [
  { key: 'eventId', label: { zh: '停电事件编号', en: 'Outage id' } },
  { key: 'assetId', label: { zh: '设备编号', en: 'Asset id' } },
  { key: 'assetName', label: { zh: '设备名称', en: 'Asset name' } },
  { key: 'assetCode', label: { zh: '设备编码', en: 'Equipment code' } },
  { key: 'regionPath', label: { zh: '所属地区', en: 'Region' } },
  { key: 'start', label: { zh: '停电时间', en: 'Start' }, type: 'datetime' },
  { key: 'end', label: { zh: '恢复送电时间', en: 'End' }, type: 'datetime' },
  { key: 'durationMinutes', label: { zh: '停电时长（分钟）', en: 'Duration (minutes)' }, type: 'integer' },
  { key: 'customersAffected', label: { zh: '停电用户数', en: 'Customers affected' }, type: 'integer' },
  { key: 'customerMinutes', label: { zh: '停电户·分钟', en: 'Customer-minutes' }, type: 'integer' },
  { key: 'cause', label: { zh: '停电原因', en: 'Cause' } },
  { key: 'planned', label: { zh: '计划停电', en: 'Planned' } },
  {
    key: 'estimatedRestoration',
    label: { zh: '预计恢复时间', en: 'Estimated restoration' },
    type: 'datetime',
  },
  { key: 'estimatePassed', label: { zh: '已过预计恢复时间', en: 'Estimate passed' } },
];

export const STORM_FIELDS: readonly string[] = STORM_COLUMNS.map((c) => c.key);

const MINUTE = 60_000;

/** Customer-milliseconds of one outage up to `stop`: steps at their instant, the rest at `stop`. */
function customerMs(o: StormOutage, stop: number): number {
  let remaining = Math.max(0, o.customersAffected);
  let total = 0;
  for (const s of [...o.restorations].sort((a, b) => a.at - b.at)) {
    if (s.at > stop) break;
    const back = Math.min(remaining, Math.max(0, s.customersRestored));
    total += back * (Math.max(s.at, o.start) - o.start);
    remaining -= back;
  }
  return total + remaining * (stop - o.start);
}

/** One row per outage; an ongoing one is measured up to `asOf`. */
export function stormExportRows(
  outages: readonly StormOutage[],
  o: { asOf: number; zone: string },
): StormExportRow[] {
  return outages.map((x) => {
    const stop = Math.max(x.start, x.end ?? o.asOf);
    const region = [x.province, x.city, x.county].filter((p): p is string => !!p);
    const etr = x.estimatedRestoration;
    return {
      eventId: x.eventId,
      assetId: x.assetId,
      assetName: x.assetName,
      assetCode: x.assetCode,
      regionPath: region.length > 0 ? region.join(' / ') : null,
      start: formatInZone(x.start, o.zone),
      end: x.end === null ? null : formatInZone(x.end, o.zone),
      durationMinutes: Math.round((stop - x.start) / MINUTE),
      customersAffected: x.customersAffected,
      customerMinutes: Math.round(customerMs(x, stop) / MINUTE),
      cause: x.cause,
      planned: x.planned,
      estimatedRestoration: etr === null ? null : formatInZone(etr, o.zone),
      estimatePassed: etr === null ? null : etr < (x.end ?? o.asOf),
    };
  });
}

/** "2025-07-01T08:30:00+08:00" → "2025-07-01 08:30:00": the zone's wall clock, as written. */
const wallClock = (iso: string): string => iso.slice(0, 19).replace('T', ' ');

function cellIn(key: Key, v: StormExportRow[Key], lang: StormLang): Cell {
  if (v === null) return null;
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (key === 'cause') return CAUSE_LABELS[v as keyof typeof CAUSE_LABELS]?.[lang] ?? v;
  if (STORM_COLUMNS.find((c) => c.key === key)?.type === 'datetime') return wallClock(String(v));
  return v;
}

/**
 * Headers and values in `lang`, typed for a workbook (times as dates, counts as integers); the
 * time headers name the zone the times are in.
 */
export function stormTable(rows: readonly StormExportRow[], lang: StormLang, zone: string): Table {
  const headers = STORM_COLUMNS.map((c) =>
    c.type === 'datetime' ? `${c.label[lang]}${lang === 'zh' ? `（${zone}）` : ` (${zone})`}` : c.label[lang],
  );
  return {
    headers,
    rows: rows.map((r) =>
      Object.fromEntries(STORM_COLUMNS.map((c, i) => [headers[i] as string, cellIn(c.key, r[c.key], lang)])),
    ),
    types: STORM_COLUMNS.map((c) => c.type),
  };
}
