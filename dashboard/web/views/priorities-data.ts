// What the priorities page asks and shows, from the address, the API's answers and the
// planner's choices, as pure functions: the filters and the work list's query, the responsible
// units offered, the regions and names of the assets, a rule's title and the top rows to
// select. No DOM, no requests; the page (priorities.ts) loads and draws.

import type { Row } from '../api.js';
import type { RuleSetInfo } from '../context.js';
import type { Lang } from '../i18n.js';
import { str } from './common.js';
import { type Filters, withFilter } from './filters.js';
import type { PrioritiesAnswer, PriorityRow } from './priorities-table.js';
import type { Place } from './remediation-common.js';
import type { AssetName } from './what-it-buys.js';

export const FILTER_KEYS = ['ruleSet', 'region', 'unit', 'kind', 'cause', 'top'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The work list's query: the filters, 50 rows unless told. */
export const listParams = (f: Filters<FilterKey>) => ({
  ruleSet: f.ruleSet,
  region: f.region,
  unit: f.unit,
  kind: f.kind,
  cause: f.cause,
  top: f.top ?? '50',
});

/** The filters with one set (or cleared); another rule set clears the unit (its cases differ). */
export function withPrioritiesFilter(
  filters: Filters<FilterKey>,
  key: FilterKey,
  value: string,
): Filters<FilterKey> {
  const next = withFilter(filters, key, value);
  if (key === 'ruleSet') delete next.unit;
  return next;
}

/** The responsible units of the cases, each once, sorted. */
export const responsibleUnits = (cases: readonly { responsibleUnit: string | null }[]): string[] =>
  [...new Set(cases.map((c) => c.responsibleUnit).filter((u): u is string => !!u))].sort();

/** Each asset's region (GET /assets), for the region field. */
export const placesOf = (assets: readonly Row[]): Place[] =>
  assets.map((r) => ({
    province: str(r['province']),
    city: str(r['city']),
    county: str(r['county']),
  }));

/** Every asset's name and equipment code (GET /assets), by asset id. */
export const assetNames = (assets: readonly Row[]): Map<string, AssetName> =>
  new Map(assets.map((r) => [String(r['assetId']), { name: str(r['name']), code: str(r['code']) }]));

/**
 * Adds the names of the work list's assets that are missing (no code known for them). In place:
 * a what-it-buys section under way holds the same map.
 */
export function addListNames(
  names: Map<string, AssetName>,
  rows: readonly Pick<PriorityRow, 'assetId' | 'name'>[],
): void {
  for (const r of rows) if (!names.has(r.assetId)) names.set(r.assetId, { name: r.name, code: null });
}

/** A rule's title in the language, from the rule set named; its id when not found. */
export const ruleTitleIn = (sets: readonly RuleSetInfo[], ruleSet: string, id: string, lang: Lang): string =>
  sets.find((s) => s.name === ruleSet)?.rules.find((r) => r.id === id)?.title[lang] ?? id;

/** The asset ids of the list's first `n` rows (none before the list has come). */
export const topIds = (answer: PrioritiesAnswer | undefined, n: number): string[] =>
  (answer?.rows ?? []).slice(0, n).map((r) => r.assetId);
