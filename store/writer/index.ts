export type { RejectRow } from './encode.js';
export type { Refused } from './isolate.js';
export { type RefusedEntry, SPOOL_FILE, SpoolFullError } from './spool.js';
export { StaleVersionSweep, type SweepResult, staleRows } from './sweep.js';
export type { WriteOutcome, WriteUnit } from './unit.js';
export type { ReachRepair } from './reach-repair.js';
export {
  Writer,
  type WriterLogger,
  type WriterOptions,
  type WriterStats,
} from './writer.js';
