// A bounded number of promises at once: the readers of a freeze and of an export ask QuestDB
// for many rows, a few statements at a time, without flooding its worker pool.

/** `fn` over `items`, at most `limit` at a time; the answers in the order of `items`. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
