// When QuestDB refuses a unit (a 4xx: a value it cannot keep), the refused records are found by
// sending halves of it, and halves of the halves that are refused again, so the rest of the
// unit is still stored. Sending a record twice is harmless: every table's DEDUP keys make a
// resend an upsert of the same row.

/** A record QuestDB refused, by its index in the unit, with QuestDB's reason. */
export interface Refused {
  index: number;
  message: string;
}

/**
 * Finds the refused records among `count` records that were refused as a whole, sending every
 * other record through `send(from, to)` (a half-open range). `isRefusal` tells a refusal from
 * other failures, which propagate as they are (QuestDB unreachable: the caller spools the unit).
 *
 * A refusal that is not about a few records (every record refused, or more than `limit`: a
 * table QuestDB will not write, a column of another type) is thrown as the first refusal, so the
 * caller fails the unit instead of storing each record as a reject.
 */
export async function isolateRefused(
  count: number,
  first: Error,
  send: (from: number, to: number) => Promise<void>,
  isRefusal: (err: unknown) => boolean,
  limit = 20,
): Promise<Refused[]> {
  const refused: Refused[] = [];
  const search = async (from: number, to: number, refusal: Error): Promise<void> => {
    if (to - from === 1) {
      refused.push({ index: from, message: refusal.message });
      if (refused.length > limit) throw first;
      return;
    }
    const mid = from + Math.floor((to - from) / 2);
    for (const [a, b] of [
      [from, mid],
      [mid, to],
    ] as const) {
      try {
        await send(a, b);
      } catch (err) {
        if (!isRefusal(err)) throw err;
        await search(a, b, err as Error);
      }
    }
  };
  await search(0, count, first);
  if (refused.length === count) throw first;
  return refused;
}
