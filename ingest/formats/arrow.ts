// Arrow IPC, stream or file format, via apache-arrow: record batches to rows. The stream
// format is read batch by batch; the file format keeps its index at the end, so it is read
// whole. Values become what the schemas read: timestamps with a time zone become epoch ms,
// timestamps without one (wall-clock times, per the Arrow spec) and dates become local ISO
// text, 64-bit integers become numbers, lists and structs plain arrays and objects.

import { DataType, RecordBatchReader } from 'apache-arrow';
import { quote } from '../schemas/fields.js';
import { bytesOf, fieldWithNul, nulMessage, type ParsedRow, rowError, type Source } from './source.js';

const FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const CONTINUATION = [0xff, 0xff, 0xff, 0xff];

export async function* parseArrow(source: Source): AsyncGenerator<ParsedRow> {
  const { head, rest } = await peek(bytesOf(source), FILE_MAGIC.length);
  if (head.length === 0) return;
  if (!startsWith(head, FILE_MAGIC) && !startsWith(head, CONTINUATION)) {
    const shown = quote(new TextDecoder().decode(head.subarray(0, 24)));
    yield rowError(0, `is not Arrow IPC data (a stream or a file); it starts with ${shown}`);
    return;
  }
  let line = 0;
  try {
    const reader = await (await RecordBatchReader.from(rest)).open();
    // A stream cut off before its schema reads as no batches at all, which is not "no records".
    if (!reader.schema) {
      yield rowError(1, 'ends before its schema: the Arrow data is cut short; nothing was read');
      return;
    }
    for await (const batch of reader) {
      const columns = batch.schema.fields.map((f, j) => ({
        name: f.name,
        type: f.type,
        vector: batch.getChildAt(j),
      }));
      for (let i = 0; i < batch.numRows; i++) {
        line += 1;
        const record = Object.fromEntries(columns.map((c) => [c.name, plain(c.vector?.get(i), c.type)]));
        const nul = fieldWithNul(record);
        yield nul === undefined ? { line, record } : rowError(line, nulMessage(nul));
      }
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    yield rowError(line + 1, `could not be read as Arrow IPC (${why}); the rest was not read`);
  }
}

/** At least the first `n` bytes (fewer if the source is shorter), and the whole source again. */
async function peek(chunks: AsyncGenerator<Uint8Array>, n: number) {
  const seen: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const next = await chunks.next();
    if (next.done) break;
    seen.push(next.value);
    size += next.value.length;
  }
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield* seen;
    yield* chunks;
  }
  return { head: Buffer.concat(seen), rest: rest() };
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b);

/** An Arrow value as plain data the schemas read. */
function plain(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (DataType.isDictionary(type)) return plain(value, type.dictionary);
  if (DataType.isTimestamp(type) && typeof value === 'number') {
    return type.timezone ? value : new Date(value).toISOString().slice(0, 23);
  }
  if (DataType.isDate(type) && typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    const item = type.children[0]?.type;
    return Array.from(value as Iterable<unknown>, (v) => (item ? plain(v, item) : v));
  }
  if (DataType.isStruct(type)) {
    const row = value as Record<string, unknown>;
    return Object.fromEntries(type.children.map((f) => [f.name, plain(row[f.name], f.type)]));
  }
  return value;
}
