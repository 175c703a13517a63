// What the cases of the rules benchmark share at one demo size (bench/rules.ts, its QuestDB
// cases; bench/rules-duckdb.ts, its DuckDB peers): the moment evaluated, the demo's records in
// memory and the flag rows each statement found, which every peer must find alike.

import type { CompiledRuleSet } from '../analytics/rules/index.js';
import type { Asset, OutageEvent, Warning } from '../core/index.js';
import type { DemoSize } from '../demo/index.js';
import type { LocalQuestDB, Store } from '../store/index.js';
import type { BenchCase } from './harness.js';

export const ZONE = 'Asia/Shanghai';
export const NOW = Date.UTC(2025, 5, 15, 2, 30);

export type CountRule = CompiledRuleSet['countRules'][number];

/** The demo's records in memory: final versions of events (a correction replaces its original). */
export interface DemoRows {
  assets: Asset[];
  events: OutageEvent[];
  warnings: Warning[];
}

/** Each statement's flag rows, per rule, from its first run: every peer must find the same rows. */
export class FlagRowCounts {
  private readonly byName = new Map<string, number[]>();

  count(name: string, rule: number, n: number): void {
    const list = this.byName.get(name) ?? [];
    if (list[rule] === undefined) list[rule] = n;
    this.byName.set(name, list);
  }

  /** Counts each rule's rows under `name`, in the order of the rules. */
  async countEach(name: string, rules: readonly CountRule[], rowsOf: (rule: CountRule) => Promise<number>) {
    for (const [i, rule] of rules.entries()) this.count(name, i, await rowsOf(rule));
  }

  /** The counts as a note writes them: per rule, joined by slashes. */
  of(name: string): string | undefined {
    return this.byName.get(name)?.join('/');
  }

  agree(name: string, like = 'product'): void {
    const mine = this.of(name);
    const theirs = this.of(like);
    if (mine !== theirs) throw new Error(`${name} found ${mine} flag rows, ${like} ${theirs}`);
  }
}

/** What the cases of one demo size share. */
export interface RulesRun {
  qdb: LocalQuestDB;
  store: Store;
  ruleSet: CompiledRuleSet;
  size: DemoSize;
  rows: DemoRows;
  counts: FlagRowCounts;
  /** the product's baseline: every peer's ratio is over its median */
  product: string;
}

/**
 * A peer of the statement at PREVIOUS (every current window returned): its run counts each
 * rule's flag rows under `counter` and fails unless they are the rows PREVIOUS found.
 */
export function previousShapePeer(
  { size, rows, counts, ruleSet, product }: RulesRun,
  name: string,
  counter: string,
  rowsOf: (rule: CountRule) => Promise<number>,
  note?: string,
): BenchCase {
  return {
    name,
    size,
    baseline: product,
    items: rows.events.length,
    run: async () => {
      await counts.countEach(counter, ruleSet.countRules, rowsOf);
      counts.agree(counter, 'previous');
    },
    ...(note === undefined ? {} : { note }),
  };
}
