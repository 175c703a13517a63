export type { RejectRow } from './encode.js';
export type { Refused } from './isolate.js';
export { type RefusedEntry, SPOOL_FILE, SpoolFullError } from './spool.js';
export {
  Writer,
  type ReachRepair,
  type WriteOutcome,
  type WriterLogger,
  type WriterOptions,
  type WriterStats,
  type WriteUnit,
} from './writer.js';
export { StaleVersionSweep, type SweepResult, staleRows } from './sweep.js';
