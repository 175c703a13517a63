// The filters of the planners' pages as the address holds them (so a view can be shared): read
// in the order of the page's keys, and one set or cleared at a time. Pure: no DOM.

export type Filters<K extends string> = Partial<Record<K, string>>;

/** The filters the address holds, in the order of `keys` (empty values are no filter). */
export function readFilters<K extends string>(params: URLSearchParams, keys: readonly K[]): Filters<K> {
  const filters: Filters<K> = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  return filters;
}

/** The filters with one set, or cleared for no value (a new key goes last, as the address shows). */
export function withFilter<K extends string>(
  filters: Filters<K>,
  key: K,
  value: string | undefined,
): Filters<K> {
  const next: Filters<K> = { ...filters };
  if (value) next[key] = value;
  else delete next[key];
  return next;
}
