// The codes and the row of "dynamic clearing to zero" (GET /remediation/clearing): what it can
// group by and step by, and what each point counts, in column order. No run-time imports, so the
// browser takes the column list itself.

export const CLEARING_KEYS = ['province', 'city', 'county', 'unit'] as const;
export type ClearingKey = (typeof CLEARING_KEYS)[number];
export const CLEARING_STEPS = ['day', 'week', 'month'] as const;
export type ClearingStep = (typeof CLEARING_STEPS)[number];

/** What a clearing point counts (the columns after the date and groups, in their order). */
export type ClearingCounts = {
  /** not closed (open, plan approved, in progress or in observation) */
  open: number;
  overdue: number;
  observation: number;
  /** closed so far */
  closed: number;
  /** opened during the step */
  opened: number;
  /** closed during the step */
  closedInStep: number;
};
export const CLEARING_COUNTS = [
  'open',
  'overdue',
  'observation',
  'closed',
  'opened',
  'closedInStep',
] as const satisfies readonly (keyof ClearingCounts)[];

/** A row of GET /remediation/clearing: a date, the group's keys, its counts. */
export type ClearingRow = { date: string } & Partial<Record<ClearingKey, string | null>> & ClearingCounts;
