// What every view receives: the API client, formatting for the operating zone and language,
// who the user is (/me) and the loaded rule sets.

import type { Api } from './api.js';
import type { Format } from './format.js';
import type { Route } from './router.js';

export interface Me {
  /** the signed-in token's name: the actor of every change made */
  name: string;
  roles: string[];
  zone: string;
  ruleSet: string;
}

export interface RuleInfo {
  id: string;
  family: string;
  title: { zh: string; en: string };
  measure: string;
  limit?: number;
  window?: string;
  /** how many assets may breach a year, against a base year (Baoshan's line target) */
  fleetTarget?: { baseYear: number; years: { year: number; fewerPercent: number }[] };
}

export interface RuleSetInfo {
  name: string;
  title: { zh: string; en: string };
  default: boolean;
  rules: RuleInfo[];
}

export interface Ctx {
  api: Api;
  fmt: Format;
  me: Me;
  /** The rule sets from /rule-sets, loaded once. */
  ruleSets: () => Promise<RuleSetInfo[]>;
  /** The rule set chosen in the header: flags, cases, the ledger and priorities follow it. */
  ruleSet: string;
}

export type View = (ctx: Ctx, main: HTMLElement, route: Route, signal: AbortSignal) => Promise<void>;

/** "60 days" → 60; calendar windows → undefined. */
export function windowDays(window: string | undefined): number | undefined {
  const m = /^(\d+) days?$/.exec(window ?? '');
  return m ? Number(m[1]) : undefined;
}
