// What the remediation routes share: the router's deps, its clock, its caches and its query
// schemas, made once per router.

import type { OutageDetail } from '../../../analytics/export/index.js';
import { formatInZone } from '../../../core/index.js';
import type { Writer } from '../../../store/index.js';
import type { RuleSetDeps } from '../deps.js';
import { Kept } from '../frozen-document.js';
import { casesQuery, clearingQuery, ruleSetQuery } from '../query/index.js';

export interface RemediationRouterDeps extends RuleSetDeps {
  /** accepted for symmetry with the other routers; case changes are SQL inserts (see sql/write.ts) */
  writer?: Writer;
}

export interface Remediation extends RemediationRouterDeps {
  now: () => number;
  /** an instant in the operating zone (ISO-8601 with its offset), or null for null */
  iso: { (ms: number): string; (ms: number | null): string | null };
  /** built files of frozen documents */
  files: Kept<Buffer>;
  /**
   * The outages behind a frozen run's rows take seconds on a province's ledger (every row
   * explained): read once per run for both languages, the latest few kept.
   */
  details: Kept<OutageDetail[]>;
  queries: {
    cases: ReturnType<typeof casesQuery>;
    ruleSet: ReturnType<typeof ruleSetQuery>;
    clearing: ReturnType<typeof clearingQuery>;
  };
}

export function remediationContext(deps: RemediationRouterDeps): Remediation {
  return {
    ...deps,
    now: deps.now ?? Date.now,
    iso: ((ms: number | null) => (ms === null ? null : formatInZone(ms, deps.zone))) as Remediation['iso'],
    files: new Kept(32),
    details: new Kept(4),
    queries: {
      cases: casesQuery(deps),
      ruleSet: ruleSetQuery(deps),
      clearing: clearingQuery(deps),
    },
  };
}
