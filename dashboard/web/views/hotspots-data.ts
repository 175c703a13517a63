// What the hotspots page shows, from what the API answers and what the planner chose, as pure
// functions: the wire types of GET /flags, GET /hotspots and GET /outages/daily, the filters
// read from the address, each asset's worst rule status, the rows a filter keeps, the headline
// counts, the regions offered, the ranking by outages and the flags a row shows. No DOM, no
// requests; the page (hotspots.ts) loads and draws.

import type { DailyOutageCount } from '../../../analytics/outages/daily-counts.js';
import type { Hotspot as HotspotRow } from '../../../analytics/outages/hotspots.js';
import type { Row } from '../api.js';
import type { RuleInfo, RuleSetInfo } from '../context.js';
import type { FlagStatus } from './common.js';
import { num, str } from './common.js';
import { type Filters as PageFilters, withFilter } from './filters.js';
import type { FlagLike } from './rule-standing.js';

/** A row of GET /flags: a rule's flag on an asset (its window, count and breach as FlagLike). */
export interface Flag extends FlagLike {
  assetId: string;
  kind: string;
  rule: string;
  eventIds: string[];
}
export interface FlagsAnswer {
  asOf: string;
  ruleSet: string;
  zone: string;
  rows: Flag[];
}

/** A row of GET /hotspots as the page decodes it: no park, an unknown place as NaN. */
export type Hotspot = Omit<HotspotRow, 'park' | 'lat' | 'lon'> & { lat: number; lon: number };

export interface DailyAnswer {
  from: string;
  to: string;
  zone: string;
  total: number;
  rows: DailyOutageCount[];
}

export const toHotspot = (r: Row): Hotspot => ({
  assetId: String(r['assetId']),
  kind: String(r['kind']),
  name: str(r['name']),
  feederId: str(r['feederId']),
  city: str(r['city']),
  county: str(r['county']),
  areaClass: str(r['areaClass']),
  customers: num(r['customers']),
  lat: num(r['lat']),
  lon: num(r['lon']),
  outages365: num(r['outages365']),
  outages60: num(r['outages60']),
  unplanned365: num(r['unplanned365']),
  hours365: num(r['hours365']),
  lastOutage: str(r['lastOutage']),
});

export const FILTER_KEYS = [
  'city',
  'county',
  'areaClass',
  'kind',
  'cause',
  'rule',
  'status',
  'top',
  'sort',
  'dir',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = PageFilters<FilterKey>;

/** The filters with one set (or cleared, for no value); a new city clears the county. */
export function withHotspotFilter(filters: Filters, key: FilterKey, value: string | undefined): Filters {
  const next = withFilter(filters, key, value);
  if (key === 'city') delete next.county;
  return next;
}

export function worstStatus(flags: readonly Flag[] | undefined, rule?: string): FlagStatus {
  const relevant = (flags ?? []).filter((f) => !rule || f.rule === rule);
  if (relevant.some((f) => f.status === 'breach')) return 'breach';
  if (relevant.some((f) => f.status === 'at_risk')) return 'at_risk';
  return 'fine';
}

/** The rows a filter keeps (region, class and type here; cause is applied by the server). */
export function applyFilters(rows: readonly Hotspot[], byAsset: Map<string, Flag[]>, f: Filters): Hotspot[] {
  return rows.filter((r) => {
    if (f.city && r.city !== f.city) return false;
    if (f.county && r.county !== f.county) return false;
    if (f.areaClass && r.areaClass !== f.areaClass) return false;
    if (f.kind && r.kind !== f.kind) return false;
    const flags = byAsset.get(r.assetId);
    const status = worstStatus(flags, f.rule);
    if (f.status === 'flagged') return status !== 'fine';
    if (f.status) return status === f.status;
    if (f.rule) return status !== 'fine';
    return true;
  });
}

/** Each asset's flags, in the order the API gave them. */
export function flagsByAsset(flags: readonly Flag[]): Map<string, Flag[]> {
  const byAsset = new Map<string, Flag[]>();
  for (const f of flags) byAsset.set(f.assetId, [...(byAsset.get(f.assetId) ?? []), f]);
  return byAsset;
}

/** The headline: flags in breach and at risk, and the assets with a breach. */
export function flagCounts(flags: readonly Flag[]): { breach: number; atRisk: number; breachAssets: number } {
  const breach = flags.filter((f) => f.status === 'breach');
  return {
    breach: breach.length,
    atRisk: flags.filter((f) => f.status === 'at_risk').length,
    breachAssets: new Set(breach.map((f) => f.assetId)).size,
  };
}

/** The count rules of the rule set the flags were taken under (none when it is not loaded). */
export function countRulesOf(sets: readonly RuleSetInfo[], ruleSet: string): RuleInfo[] {
  return (sets.find((s) => s.name === ruleSet)?.rules ?? []).filter((r) => r.measure === 'count');
}

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/** The cities of the rows, and the counties of the chosen city (of all, when none is chosen). */
export function regionChoices(
  rows: readonly Hotspot[],
  city: string | undefined,
): { cities: string[]; counties: string[] } {
  const named = (values: (string | null)[]) =>
    [...new Set(values.filter((c): c is string => !!c))].sort(byName);
  return {
    cities: named(rows.map((r) => r.city)),
    counties: named(rows.filter((r) => !city || r.city === city).map((r) => r.county)),
  };
}

/**
 * Rank by outages in the last year, most first, whatever the table's sort. Equal counts share a
 * rank and the next one skips ahead (1, 2, 2, 4): an asset's id is no reason to rank it higher.
 */
export function outageRanks(rows: readonly Hotspot[]): Map<string, number> {
  const sorted = [...rows].sort((a, b) => b.outages365 - a.outages365 || a.assetId.localeCompare(b.assetId));
  const ranks = new Map<string, number>();
  sorted.forEach((r, i) => {
    const before = sorted[i - 1];
    const shared = before !== undefined && before.outages365 === r.outages365;
    ranks.set(r.assetId, shared ? (ranks.get(before.assetId) ?? i + 1) : i + 1);
  });
  return ranks;
}

/** The flags a row shows: those of the chosen rule, or all. */
export const shownFlags = (flags: readonly Flag[] | undefined, rule: string | undefined): Flag[] =>
  (flags ?? []).filter((f) => !rule || f.rule === rule);

/** The latest breach date among the flags shown, so a breach says when. */
export const latestBreachDate = (flags: readonly Flag[]): string | undefined =>
  flags
    .map((f) => f.breachDate)
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);

/** The map is made again only when its frame changes: its width, city or county. */
export const mapFrameKey = (width: number, f: Filters): string =>
  `${width}|${f.city ?? ''}|${f.county ?? ''}`;
