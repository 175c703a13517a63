// The flags of every rule set as of now, kept in memory so the dashboard and GET /flags answer
// at once: evaluated in full at start and nightly (each full run's breaches go to breach_log),
// and for the touched assets after each ingest batch (a feeder's outages reach its areas).

import { compareText } from '../../core/order.js';
import type { Flag } from '../rules/index.js';
import type { CompiledRuleSet } from '../rules/index.js';
import { type Store, walCaughtUp } from '../../store/index.js';
import { recordBreaches } from './breach-log.js';
import { evaluateFlags } from './evaluate.js';

export interface CurrentFlagsSnapshot {
  /** when the last full evaluation ran */
  asOf: number;
  /** when touched assets were last re-evaluated (≥ asOf) */
  updatedAt: number;
  flags: readonly Flag[];
}

/**
 * More touched assets than this are re-evaluated by a full evaluation: at a province's size one
 * takes about as long as the statements for this many assets (about 400 per statement).
 */
const FULL_BEYOND = 50_000;

const byAssetThenRule = (a: Flag, b: Flag): number =>
  compareText(a.assetId, b.assetId) || compareText(a.rule, b.rule);

export class CurrentFlags {
  private readonly snapshots = new Map<string, CurrentFlagsSnapshot>();
  private queue: Promise<void> = Promise.resolve();
  private readonly fullListeners = new Set<() => void>();
  lastFullMs = 0;

  constructor(
    private readonly store: Store,
    private readonly ruleSets: ReadonlyMap<string, CompiledRuleSet>,
    private readonly zone: string,
    private readonly clock: () => number = Date.now,
    /** The rule set refreshed first (the default one, which GET /flags answers). */
    private readonly first?: string,
  ) {}

  /** The rule sets, `first` leading. */
  private ordered(): CompiledRuleSet[] {
    const sets = [...this.ruleSets.values()];
    return [...sets.filter((s) => s.name === this.first), ...sets.filter((s) => s.name !== this.first)];
  }

  get(ruleSet: string): CurrentFlagsSnapshot | undefined {
    return this.snapshots.get(ruleSet);
  }

  /** Evaluates every rule set in full. Calls are serialised. */
  refreshAll(): Promise<void> {
    return this.enqueue(async () => {
      const started = performance.now();
      const asOf = this.clock();
      for (const set of this.ordered()) {
        const flags = await evaluateFlags(this.store, { ruleSet: set, asOf, zone: this.zone });
        this.snapshots.set(set.name, { asOf, updatedAt: asOf, flags });
        await recordBreaches(this.store, flags, asOf);
      }
      this.lastFullMs = performance.now() - started;
      for (const listener of this.fullListeners) listener();
    });
  }

  /**
   * Calls `listener` after each full evaluation (at start and nightly), e.g. to compute other
   * views of the whole network then, once the data are in. Returns the unsubscribe.
   */
  onFullEvaluation(listener: () => void): () => void {
    this.fullListeners.add(listener);
    return () => this.fullListeners.delete(listener);
  }

  /**
   * Re-evaluates these assets in every rule set (the writer names every asset an outage reached,
   * areas through their feeder included). So many that a full evaluation is cheaper: that.
   */
  refreshAssets(assetIds: readonly string[]): Promise<void> {
    if (assetIds.length === 0) return this.queue;
    // Before the first full evaluation (still to come) there is nothing to refresh.
    if (assetIds.length > FULL_BEYOND) return this.snapshots.size > 0 ? this.refreshAll() : this.queue;
    return this.enqueue(async () => {
      // The batch was acknowledged before we were told: wait until QuestDB shows it.
      await walCaughtUp(this.store, ['outage_reach', 'assets']);
      const touched = new Set(assetIds);
      const asOf = this.clock();
      const list = [...touched];
      for (const set of this.ordered()) {
        const previous = this.snapshots.get(set.name);
        if (!previous) continue; // not evaluated in full yet: the full run will include them
        const fresh = await evaluateFlags(this.store, {
          ruleSet: set,
          asOf,
          zone: this.zone,
          assetIds: list,
        });
        const kept = previous.flags.filter((f) => !touched.has(f.assetId));
        const flags = [...kept, ...fresh].sort(byAssetThenRule);
        this.snapshots.set(set.name, { asOf: previous.asOf, updatedAt: asOf, flags });
      }
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
