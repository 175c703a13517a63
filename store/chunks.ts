// Lists inlined in a statement go in pieces: QuestDB reads a statement from the URL of a GET
// (MAX_ENCODED_STATEMENT), so a long list of ids is split by what each id costs there.

/** Splits `ids` in order into pieces whose costs add up to at most `budget` (an id costing more goes alone). */
export function chunkIds(ids: readonly string[], budget: number, cost: (id: string) => number): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const id of ids) {
    const n = cost(id);
    if (current.length > 0 && size + n > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(id);
    size += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}
