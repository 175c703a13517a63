// Snapshots for Grafana (ops/grafana): after each full flag evaluation, the flags of every rule
// set and the year's reliability figures, written to flag_snapshot and reliability_snapshot
// (store/tables.ts, migration 13) and read through the latest_flags and latest_reliability views.

export { type TakenSnapshot, placementsAt, reliabilityRows, takeSnapshot } from './gather.js';
export {
  type FullEvaluations,
  keepSnapshots,
  type SnapshotKeeper,
  type SnapshotKeeperOptions,
  type SnapshotOutcome,
} from './keeper.js';
export {
  countyRows,
  eventIdsJson,
  type FlagSnapshotRow,
  flagSnapshotRows,
  MAX_EVENT_IDS_CHARS,
  type Placement,
  type ReliabilitySnapshotRow,
  type Snapshot,
  targetRows,
} from './rows.js';
export { type WrittenSnapshot, writeSnapshot } from './write.js';
