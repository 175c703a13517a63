// QuestDB reads a statement from the URL of a GET, so a list of ids is inlined in pieces.

/** At most this many characters of ids per piece (a scope list may appear several times in one statement). */
export const CHUNK_CHARS = 2_000;

export function chunks(ids: readonly string[], maxChars = CHUNK_CHARS): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const id of ids) {
    const n = id.length + 4;
    if (current.length > 0 && size + n > maxChars) {
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
