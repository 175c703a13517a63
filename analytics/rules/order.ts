// The one ordering used everywhere (evaluator output, event order, tie-breaks), chosen so a
// SQL evaluator can reproduce it: ordinal string comparison, never locale collation.

/** Ordinal (UTF-16 code unit) order, the same in every locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Events in start order, ties by eventId. */
export const byStartThenId = (
  a: { start: number; eventId: string },
  b: { start: number; eventId: string },
): number => a.start - b.start || compareText(a.eventId, b.eventId);
