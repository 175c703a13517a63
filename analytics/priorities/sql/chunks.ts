// QuestDB reads a statement from the URL of a GET, so a list of ids is inlined in pieces.

import { chunkIds } from '../../../store/index.js';

/** At most this many characters of ids per piece (a scope list may appear several times in one statement). */
export const CHUNK_CHARS = 2_000;

export function chunks(ids: readonly string[], maxChars = CHUNK_CHARS): string[][] {
  return chunkIds(ids, maxChars, (id) => id.length + 4);
}

/** `read` of every piece of `ids`, the answers in order. */
export async function readByIds<T>(
  ids: readonly string[],
  read: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (const chunk of chunks(ids)) out.push(...(await read(chunk)));
  return out;
}
