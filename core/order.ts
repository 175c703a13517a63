// The one ordering used everywhere (evaluator output, event order, tie-breaks, report rows),
// chosen so a SQL evaluator can reproduce it: ordinal string comparison, never locale collation.

/** Ordinal (UTF-16 code unit) order, the same in every locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Text keys in report order: no value (null) first, then code-unit order (as SQL sorts). */
export function compareNullFirst(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x < y ? -1 : 1;
}

/** Text keys with no value (null) last, then code-unit order. */
export function compareNullLast(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}
