// The priority score: score = 100 × Σ weight_p × value_p / Σ weight_p over the parts p (each
// value 0 to 1, parts.ts), so 0 to 100, and with the default weights (sum 100) a part's points
// are simply weight × value. Customers affected and customer-hours are relative to the largest
// among the scored assets; everything else stands on the asset's own facts.

import { compareText } from '../../core/order.js';
import type { CodedBasis } from './basis-codes.js';
import type { AssetFacts } from './facts.js';
import {
  caseAgePart,
  excessPart,
  ledgerPart,
  overduePart,
  type PartValue,
  recencyPart,
  relativePart,
  sharePart,
  statusPart,
  targetGapPart,
  topStanding,
} from './parts.js';
import { PARTS, type Part, type PriorityWeights } from './weights.js';

export type ScoredPart = {
  part: Part;
  weight: number;
  /** 0 to 1, 4 decimals */
  value: number;
  /** 100 × weight × value / Σ weights, 2 decimals */
  points: number;
  /** in English; basisCode and basisParams say the same as data */
  basis: string;
} & CodedBasis;

export interface Scored {
  facts: AssetFacts;
  /** 0 to 100, 2 decimals: the sum of the parts' points before rounding */
  score: number;
  parts: ScoredPart[];
}

/** The population maxima the relative parts compare with. */
export interface Population {
  maxCustomersAffected: number;
  maxCustomerHours: number;
}

export function populationOf(facts: readonly AssetFacts[]): Population {
  let maxCustomersAffected = 0;
  let maxCustomerHours = 0;
  for (const f of facts) {
    maxCustomersAffected = Math.max(maxCustomersAffected, f.customersAffected);
    maxCustomerHours = Math.max(maxCustomerHours, f.customerHours);
  }
  return { maxCustomersAffected, maxCustomerHours };
}

const round = (x: number, digits: number): number => {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
};

/** Each part's value for one asset, in PARTS order. */
export function partValues(
  f: AssetFacts,
  w: PriorityWeights,
  population: Population,
  today: string,
): Record<Part, PartValue> {
  const region = f.region;
  return {
    status: statusPart(f.standings, w.statusValues),
    excess: excessPart(f.standings, w.scales),
    recency: recencyPart(f.standings, today, w.scales),
    customers: relativePart(f.customersAffected, population.maxCustomersAffected, 'customer_interruptions'),
    customerHours: relativePart(f.customerHours, population.maxCustomerHours, 'customer_hours'),
    saidiShare: sharePart(
      f.customerHours,
      region?.customerHours ?? 0,
      'customer_hours',
      region?.region ?? null,
    ),
    saifiShare: sharePart(
      f.customersAffected,
      region?.customerInterruptions ?? 0,
      'customer_interruptions',
      region?.region ?? null,
    ),
    ledgerMonths: ledgerPart(f.monthsOnLedger, w.scales),
    caseAge: caseAgePart(f.openCase, today, w.scales),
    overdue: overduePart(f.openCase, today, w.scales),
    targetGap: targetGapPart(f.targets, w.scales),
  };
}

export function scoreAsset(f: AssetFacts, w: PriorityWeights, population: Population, today: string): Scored {
  const values = partValues(f, w, population, today);
  const total = PARTS.reduce((s, p) => s + w.weights[p], 0);
  let score = 0;
  const parts = PARTS.map((part): ScoredPart => {
    const { value, basis, basisCode, basisParams } = values[part];
    const exact = total > 0 ? (100 * w.weights[part] * value) / total : 0;
    score += exact;
    return {
      part,
      weight: w.weights[part],
      value: round(value, 4),
      points: round(exact, 2),
      basis,
      basisCode,
      basisParams,
    } as ScoredPart;
  });
  return { facts: f, score: round(score, 2), parts };
}

const STATUS_RANK: Record<string, number> = { breach: 0, at_risk: 1, watch: 2 };

/** Highest score first; ties: higher status, more customer-hours, then asset id. */
export function compareScored(a: Scored, b: Scored): number {
  const sa = STATUS_RANK[topStanding(a.facts.standings)?.status ?? ''] ?? 3;
  const sb = STATUS_RANK[topStanding(b.facts.standings)?.status ?? ''] ?? 3;
  return (
    b.score - a.score ||
    sa - sb ||
    b.facts.customerHours - a.facts.customerHours ||
    compareText(a.facts.assetId, b.facts.assetId)
  );
}

/** Every asset scored against the whole population, in priority order. */
export function rankAssets(facts: readonly AssetFacts[], w: PriorityWeights, today: string): Scored[] {
  const population = populationOf(facts);
  return facts.map((f) => scoreAsset(f, w, population, today)).sort(compareScored);
}
