// Writes a snapshot after each full flag evaluation (at start and nightly), for Grafana. The
// flags are taken the moment the evaluation ends, before a touched-asset refresh can change
// them; the reads and the write follow in the background, one snapshot after another.

import type { Flag } from '../rules/index.js';
import type { CompiledRuleSet } from '../rules/index.js';
import type { Store } from '../../store/index.js';
import { takeSnapshot } from './gather.js';
import { type WrittenSnapshot, writeSnapshot } from './write.js';

/** What the keeper needs of CurrentFlags (analytics/flags). */
export interface FullEvaluations {
  onFullEvaluation(listener: () => void): () => void;
  get(ruleSet: string): { asOf: number; flags: readonly Flag[] } | undefined;
}

export interface SnapshotOutcome extends WrittenSnapshot {
  reliabilityError?: string;
}

export interface SnapshotKeeperOptions {
  store: Store;
  evaluations: FullEvaluations;
  ruleSets: ReadonlyMap<string, CompiledRuleSet>;
  zone: string;
  onWritten?: (outcome: SnapshotOutcome) => void;
  onError?: (err: unknown) => void;
}

export interface SnapshotKeeper {
  /** Resolves when every snapshot asked for so far is written (or failed). */
  idle(): Promise<void>;
  /**
   * No more snapshots: those not begun are dropped; resolves when the one being written is done,
   * or after `graceMs` (a QuestDB that stopped answering must not hold up a shutdown; the next
   * full evaluation writes a snapshot again).
   */
  stop(graceMs?: number): Promise<void>;
}

/** The flags of every rule set as the last full evaluation left them, or null before one. */
function takeFlags(
  evaluations: FullEvaluations,
  ruleSets: ReadonlyMap<string, CompiledRuleSet>,
): { asOf: number; flags: Flag[]; sets: CompiledRuleSet[] } | null {
  let asOf: number | null = null;
  const flags: Flag[] = [];
  const sets: CompiledRuleSet[] = [];
  for (const set of ruleSets.values()) {
    const current = evaluations.get(set.name);
    if (!current) continue;
    // A full evaluation gives every rule set the same as-of.
    asOf = Math.max(asOf ?? current.asOf, current.asOf);
    flags.push(...current.flags);
    sets.push(set);
  }
  return asOf === null ? null : { asOf, flags, sets };
}

export function keepSnapshots(o: SnapshotKeeperOptions): SnapshotKeeper {
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  const unsubscribe = o.evaluations.onFullEvaluation(() => {
    if (stopped) return;
    const taken = takeFlags(o.evaluations, o.ruleSets);
    if (!taken) return;
    queue = queue.then(async () => {
      if (stopped) return;
      try {
        const { snapshot, reliabilityError } = await takeSnapshot(o.store, {
          asOf: taken.asOf,
          zone: o.zone,
          ruleSets: taken.sets,
          flags: taken.flags,
        });
        const written = await writeSnapshot(o.store, snapshot);
        o.onWritten?.(reliabilityError === undefined ? written : { ...written, reliabilityError });
      } catch (err) {
        o.onError?.(err);
      }
    });
  });
  return {
    idle: () => queue,
    async stop(graceMs = 10_000) {
      stopped = true;
      unsubscribe();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
        timer.unref();
      });
      await Promise.race([queue, grace]);
      clearTimeout(timer);
    },
  };
}
