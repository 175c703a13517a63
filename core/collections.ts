// Lists kept by key, and lists cut into pieces: the few shapes the evaluators, folds and readers
// would otherwise each write again.

/** Adds `item` to the end of the list `map` keeps under `key`, starting that list when the key is new. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** `items` by `keyOf`: each list in the order of `items`, the keys in the order first met. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) pushTo(out, keyOf(item), item);
  return out;
}

/** `items` in order, in consecutive slices of `size` (the last one shorter when it does not divide). */
export function slices<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError(`slice size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
