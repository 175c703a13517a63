// Writes one snapshot: its flag and reliability rows, then, once QuestDB shows them, the
// snapshot_runs row that makes it the latest (latest_flags and latest_reliability read the
// newest run), so a reader never sees half a snapshot.

import { insertRows, type SqlValue, type Store, ts, walCaughtUp } from '../../store/index.js';
import type { FlagSnapshotRow, ReliabilitySnapshotRow, Snapshot } from './rows.js';

const FLAG_COLUMNS = [
  'rule_set',
  'rule',
  'family',
  'asset_id',
  'kind',
  'asset_name',
  'province',
  'city',
  'county',
  'status',
  'count',
  'rule_limit',
  'window_start',
  'window_end',
  'breach_date',
  'breach_day',
  'event_ids',
  'as_of',
];

const RELIABILITY_COLUMNS = [
  'rule_set',
  'rule',
  'measure',
  'dimension',
  'region',
  'city',
  'period',
  'elapsed',
  'convention',
  'users',
  'saidi_hours',
  'saifi',
  'target',
  'allowed',
  'status',
  'includes_ongoing',
  'as_of',
];

const RUN_COLUMNS = ['rule_sets', 'flags', 'reliability', 'written_at', 'as_of'];

/** A figure QuestDB can store: NaN and infinities (a division by no users) become null. */
const figure = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

const flagValues = (r: FlagSnapshotRow, asOf: number): SqlValue[] => [
  r.ruleSet,
  r.rule,
  r.family,
  r.assetId,
  r.kind,
  r.assetName,
  r.province,
  r.city,
  r.county,
  r.status,
  r.count,
  r.limit,
  r.windowStart,
  r.windowEnd,
  r.breachDate,
  r.breachDay === null ? null : ts(r.breachDay),
  r.eventIds,
  ts(asOf),
];

const reliabilityValues = (r: ReliabilitySnapshotRow, asOf: number): SqlValue[] => [
  r.ruleSet,
  r.rule,
  r.measure,
  r.dimension,
  r.region,
  r.city,
  r.period,
  figure(r.elapsed),
  r.convention,
  figure(r.users),
  figure(r.saidiHours),
  figure(r.saifi),
  figure(r.target),
  figure(r.allowed),
  r.status,
  r.includesOngoing,
  ts(asOf),
];

export interface WrittenSnapshot {
  asOf: number;
  flags: number;
  reliability: number | null;
  /** false: the rows were not readable in time, and the run was recorded regardless */
  visible: boolean;
}

/** Snapshot tables whose rows must be readable before the run row is written. */
const ROW_TABLES = ['flag_snapshot', 'reliability_snapshot'];

export async function writeSnapshot(
  store: Store,
  snapshot: Snapshot,
  options: { clock?: () => number; visibleWithinMs?: number } = {},
): Promise<WrittenSnapshot> {
  const { asOf } = snapshot;
  await insertRows(
    store,
    'flag_snapshot',
    FLAG_COLUMNS,
    snapshot.flags.map((r) => flagValues(r, asOf)),
  );
  if (snapshot.reliability)
    await insertRows(
      store,
      'reliability_snapshot',
      RELIABILITY_COLUMNS,
      snapshot.reliability.map((r) => reliabilityValues(r, asOf)),
    );
  const visible = await walCaughtUp(store, ROW_TABLES, options.visibleWithinMs ?? 5 * 60_000);
  const reliability = snapshot.reliability?.length ?? null;
  await insertRows(store, 'snapshot_runs', RUN_COLUMNS, [
    [
      snapshot.ruleSets.join(','),
      snapshot.flags.length,
      reliability,
      ts((options.clock ?? Date.now)()),
      ts(asOf),
    ],
  ]);
  return { asOf, flags: snapshot.flags.length, reliability, visible };
}
