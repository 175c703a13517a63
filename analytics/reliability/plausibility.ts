// Figures that cannot be right, said with the answer rather than left to be believed: a group
// whose sustained outages interrupted more than twice as many customers each, on average, as
// the group serves (customer interruptions > 2 × events × N_T; no outage interrupts more than
// all of them, and the margin leaves room for a count that changed within the period). The
// customer counts of its assets are then too small for their outages' customers affected (a
// register out of date, or counts derived from the outages themselves, as for a utility's
// outage-map export), and SAIFI and SAIDI are overstated.

import type { Issue } from '../../core/issues.js';
import type { GroupDimension, ReliabilityRow } from './types.js';

const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** The group as the answer's rows name it: `city=Arnold, county=…`, or `all` for one group. */
export function groupName(row: ReliabilityRow, dims: readonly GroupDimension[]): string {
  if (dims.length === 0) return 'all';
  return dims.map((d) => `${d}=${row.keys[d] ?? '(none)'}`).join(', ');
}

/** Above this many times N_T interrupted per outage, a group's denominator is said to be wrong. */
const IMPLAUSIBLE = 2;

/**
 * One issue per group whose outages interrupted far more customers each than it serves, or
 * that had interruptions while serving none (its SAIFI and SAIDI are then not given).
 */
export function denominatorIssues(rows: readonly ReliabilityRow[], dims: readonly GroupDimension[]): Issue[] {
  const issues: Issue[] = [];
  for (const r of rows) {
    const perEvent = r.events > 0 ? r.customerInterruptions / r.events : 0;
    const outages = `its ${fmt.format(r.events)} outage${r.events === 1 ? '' : 's'} interrupted`;
    if (r.customers <= 0 && r.customerInterruptions > 0) {
      issues.push({
        path: groupName(r, dims),
        message: `${outages} ${fmt.format(r.customerInterruptions)} customers, but its assets serve none by their customer counts: SAIFI and SAIDI cannot be given`,
        code: 'no_customers_served',
        params: { group: groupName(r, dims), events: r.events, interruptions: r.customerInterruptions },
      });
    } else if (r.customers > 0 && perEvent > IMPLAUSIBLE * r.customers) {
      issues.push({
        path: groupName(r, dims),
        message: `${outages} ${fmt.format(perEvent)} customers each on average, more than twice the ${fmt.format(r.customers)} it serves: the customer counts of its assets are too small for their outages, so SAIFI and SAIDI are overstated (${fmt.format(perEvent / r.customers)}× at least)`,
        code: 'customers_served_too_few',
        params: { group: groupName(r, dims), events: r.events, perEvent, customers: r.customers },
      });
    }
  }
  return issues;
}
