/** Text keys in report order: no value (null) first, then code-unit order (as SQL sorts). */
export function compareNullFirst(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x < y ? -1 : 1;
}
