// Flags as of a time, computed in QuestDB: one query per count rule (sql.ts), assembled into
// the same Flag records as the reference evaluator.

import { dayToDate, localDay } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { CompiledRuleSet, CountRule, Flag } from '../rules/index.js';
import { flagRowsQuery } from './sql.js';

export interface FlagQuery {
  ruleSet: CompiledRuleSet;
  asOf: number;
  zone: string;
  /** Only these assets. */
  assetIds?: readonly string[];
  /** Only these official warnings. */
  warningIds?: readonly string[];
  /** Only these rules (ids). */
  rules?: readonly string[];
}

interface FlagRow {
  target: string;
  kind: 'feeder' | 'area';
  event_id: string;
  start: number;
  day: number;
  seq: number;
  lb_seq: number | null;
  lb_day: number | null;
}

const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function flagsOfRule(q: FlagQuery, rule: CountRule, today: number, rows: readonly FlagRow[]): Flag[] {
  const byAsset = new Map<string, FlagRow[]>();
  for (const r of rows) {
    const list = byAsset.get(r.target);
    if (list) list.push(r);
    else byAsset.set(r.target, [r]);
  }
  const flags: Flag[] = [];
  for (const [assetId, list] of byAsset) {
    const first = list[0]!;
    const base = {
      assetId,
      kind: first.kind,
      rule: rule.id,
      ruleSet: q.ruleSet.name,
      family: rule.family,
      limit: rule.limit,
      count: list.length,
      eventIds: list.map((r) => r.event_id),
    };
    if (first.lb_seq !== null && first.lb_day !== null) {
      const range = rule.windowOf(first.lb_day);
      flags.push({
        ...base,
        status: 'breach',
        windowStart: dayToDate(range.start),
        windowEnd: dayToDate(range.end),
        breachDate: dayToDate(first.lb_day),
      });
    } else if (list.length >= rule.limit) {
      const range = rule.windowOf(today);
      flags.push({
        ...base,
        status: 'at_risk',
        windowStart: dayToDate(range.start),
        windowEnd: dayToDate(range.end),
        breachDate: null,
      });
    }
  }
  return flags;
}

/** Every flag (breach or at_risk) of the rule set as of `asOf`, by assetId then rule id. */
export async function evaluateFlags(store: Store, q: FlagQuery): Promise<Flag[]> {
  const today = localDay(q.asOf, q.zone);
  const rules = q.ruleSet.countRules.filter((r) => !q.rules || q.rules.includes(r.id));
  const flags: Flag[] = [];
  for (const rule of rules) {
    if (q.assetIds && q.assetIds.length === 0) break;
    const rows = await store.rows<FlagRow>(
      flagRowsQuery({
        rule,
        asOf: q.asOf,
        zone: q.zone,
        today,
        shortOutageMinutes: q.ruleSet.shortOutageMinutes,
        ...(q.assetIds ? { assetIds: q.assetIds } : {}),
        ...(q.warningIds ? { warningIds: q.warningIds } : {}),
      }),
    );
    flags.push(...flagsOfRule(q, rule, today, rows));
  }
  return flags.sort((a, b) => ordinal(a.assetId, b.assetId) || ordinal(a.rule, b.rule));
}
