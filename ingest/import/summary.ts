// What an import reports: every row read accounted for once, as imported (by route),
// counted under a route that is not imported, skipped by a rule, or rejected, with the
// reasons counted. Reasons are the issues' wording with the quoted values and times taken
// out, so that one kind of problem is one line however many rows it hit.

import type { Issue } from '../../core/issues.js';

export interface Counts {
  [reasonOrRoute: string]: number;
}

export interface DerivedSummary {
  /** assets derived from the rows */
  derived: number;
  /** of those, stored (written or spooled) */
  accepted: number;
  spooled: number;
  rejected: number;
  rejectedByReason: Counts;
}

export interface ImportSummary {
  file: string;
  kind: string;
  /** records in the file (rows of a CSV, lines of NDJSON, …), unreadable ones included */
  rowsRead: number;
  /** records stored (written or spooled) */
  accepted: number;
  /** of those, waiting in the spool for QuestDB */
  spooled: number;
  /** accepted records by the route they took (files with routes) */
  importedByRoute: Counts;
  /** rows of routes that are not imported, by route */
  notImported: Counts;
  skipped: number;
  skippedByReason: Counts;
  rejected: number;
  rejectedByReason: Counts;
  /** the assets derived from the rows and stored before them (--derive-assets) */
  assets?: DerivedSummary;
  batchId: string;
}

const QUOTED = /"(?:[^"\\]|\\.)*"…?/g;
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)?/g;

/** One line per kind of problem: `estimatedRestoration: must not be before start (…)`. */
export function reasonOf(errors: readonly Issue[]): string {
  return errors
    .map((e) => {
      const message = e.message.replace(QUOTED, '"…"').replace(INSTANT, '…');
      return e.path ? `${e.path}: ${message}` : message;
    })
    .join('; ');
}

export const bump = (counts: Counts, key: string, by = 1): void => {
  counts[key] = (counts[key] ?? 0) + by;
};
