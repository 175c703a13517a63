// What a snapshot needs beyond the flags themselves, read from QuestDB: where each flagged asset
// stood at the as-of, the year's reliability by county, and every reliability target's groups.

import { formatIssues } from '../../core/issues.js';
import { localDate } from '../../core/time.js';
import { chunkIds, type Store } from '../../store/index.js';
import { readAssetsAsOfById } from '../outages/index.js';
import { assessTargets } from '../priorities/index.js';
import { elapsedFraction, yearPeriod } from '../reliability/index.js';
import { queryReliability } from '../reliability-sql/index.js';
import type { CompiledRuleSet, Flag } from '../rules/index.js';
import {
  countyRows,
  flagSnapshotRows,
  type Placement,
  type ReliabilitySnapshotRow,
  type Snapshot,
  targetRows,
} from './rows.js';

/** Encoded characters of asset ids per statement (QuestDB reads a statement from the URL). */
const IDS_PER_STATEMENT = 20_000;

/** Each asset's version in force at `asOf` (its first one when it begins later). */
export async function placementsAt(
  store: Store,
  assetIds: readonly string[],
  asOf: number,
): Promise<Map<string, Placement>> {
  const pieces = chunkIds(
    [...new Set(assetIds)],
    IDS_PER_STATEMENT,
    (id) => encodeURIComponent(id).length + 12,
  );
  return readAssetsAsOfById(store, asOf, pieces);
}

/**
 * The local calendar year of `asOf` so far: every county (customers convention, all outages,
 * as GET /reliability answers by default) and every target group of each rule set in force.
 */
export async function reliabilityRows(
  store: Store,
  ruleSets: readonly CompiledRuleSet[],
  asOf: number,
  zone: string,
): Promise<ReliabilitySnapshotRow[]> {
  const year = Number(localDate(asOf, zone).slice(0, 4));
  const period = yearPeriod(year, zone);
  const byCounty = await queryReliability(store, {
    ...period,
    asOf,
    zone,
    groupBy: ['city', 'county'],
    convention: 'customers',
    variant: 'all',
  });
  if (!byCounty.ok) throw new Error(formatIssues(byCounty.issues));
  const rows = countyRows(byCounty.value, String(year), elapsedFraction(period, asOf));
  for (const set of ruleSets) {
    if (set.targetRules.length === 0) continue;
    const targets = await assessTargets(store, { ruleSet: set, asOf, zone });
    if (!targets.ok) throw new Error(`${set.name}: ${formatIssues(targets.issues)}`);
    rows.push(...targetRows(set.name, targets.value));
  }
  return rows;
}

export interface TakenSnapshot {
  snapshot: Snapshot;
  /** why the reliability figures are missing, when they are */
  reliabilityError?: string;
}

/**
 * The snapshot of one full evaluation: its flags (every rule set's, as evaluated) with each
 * asset's place, and the reliability figures as of the same time. A failure of the
 * reliability figures leaves them out rather than losing the flags.
 */
export async function takeSnapshot(
  store: Store,
  input: { asOf: number; zone: string; ruleSets: readonly CompiledRuleSet[]; flags: readonly Flag[] },
): Promise<TakenSnapshot> {
  const placements = await placementsAt(
    store,
    input.flags.map((f) => f.assetId),
    input.asOf,
  );
  const flags = flagSnapshotRows(input.flags, placements, input.zone);
  const ruleSets = input.ruleSets.map((s) => s.name);
  try {
    const reliability = await reliabilityRows(store, input.ruleSets, input.asOf, input.zone);
    return { snapshot: { asOf: input.asOf, ruleSets, flags, reliability } };
  } catch (err) {
    return {
      snapshot: { asOf: input.asOf, ruleSets, flags, reliability: null },
      reliabilityError: String(err),
    };
  }
}
