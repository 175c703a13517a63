// The report around the rows, as both evaluators answer it: the settings the figures were
// taken with, what was dropped, and the data problems met (with the plausibility checks of
// the rows themselves last).

import type { Issue } from '../../core/issues.js';
import type { Settings } from './options.js';
import { denominatorIssues } from './plausibility.js';
import type { DroppedEvents, ReliabilityReport, ReliabilityRow } from './types.js';

/** What an evaluator found, beside the settings it was given. */
export interface Findings {
  rows: ReliabilityRow[];
  periodHours: number;
  includesOngoing: boolean;
  exclusionsApplied: boolean;
  dropped: DroppedEvents;
  issues: readonly Issue[];
}

export function reportOf(s: Omit<Settings, 'excluded'>, f: Findings): ReliabilityReport {
  return {
    rows: f.rows,
    from: s.from,
    to: s.to,
    asOf: s.asOf,
    zone: s.zone,
    groupBy: s.dims,
    convention: s.convention,
    variant: s.variant,
    denominator: s.denominator,
    splitAtEdges: s.splitAtEdges,
    shortOutageMinutes: s.shortOutageMinutes,
    periodHours: f.periodHours,
    includesOngoing: f.includesOngoing,
    exclusionsApplied: f.exclusionsApplied,
    majorEventDaysApplied: s.majorEventDays !== undefined,
    dropped: f.dropped,
    issues: [...f.issues, ...denominatorIssues(f.rows, s.dims)],
  };
}
