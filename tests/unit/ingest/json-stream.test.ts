import { describe, expect, it } from 'vitest';
import { type ParsedRow, parseJsonArray } from '../../../ingest/formats/index.js';
import { JsonArraySplitter } from '../../../ingest/formats/json-array-splitter.js';
import { mulberry32 } from '../../support/random-history.js';

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const stream = (source: Iterable<Uint8Array> | AsyncIterable<Uint8Array> | string) =>
  collect(parseJsonArray(source, { stream: true }));
const whole = (body: Uint8Array | string) => collect(parseJsonArray(body));
/** The bytes cut at the given offsets. */
const cut = (bytes: Uint8Array, at: readonly number[]): Uint8Array[] =>
  [0, ...at, bytes.length].slice(1).map((end, i) => bytes.subarray([0, ...at][i], end));
const utf8 = (s: string) => Buffer.from(s, 'utf8');

// Strings holding the array's own delimiters, escapes of quotes and backslashes, \u escapes
// and characters of 2, 3 and 4 bytes in UTF-8.
const TRICKY = String.raw`[ {"eventId":"E1","notes":"a ] b, c } d [ {"},
 {"eventId":"E\"2\\","notes":"停电 \u4e2d\u6587 é 🌩️ \\\" ]"} ,{"eventId":"E3","tags":[{"a":[1,{"b":"}"}]}],"n":-1.5e3},
"不是对象", 42 ,null,[{"x":1}],true, {"eventId":"E10"}]`;

describe('the streamed JSON array', () => {
  it('reads the records of a tricky array exactly as the whole-body reader does', async () => {
    const rows = await stream(TRICKY);
    expect(rows).toEqual(await whole(TRICKY));
    expect(rows).toEqual([
      { line: 1, record: { eventId: 'E1', notes: 'a ] b, c } d [ {' } },
      { line: 2, record: { eventId: 'E"2\\', notes: '停电 中文 é 🌩️ \\" ]' } },
      { line: 3, record: { eventId: 'E3', tags: [{ a: [1, { b: '}' }] }], n: -1500 } },
      { line: 4, error: { path: '', message: 'must be a JSON object (one record), got "不是对象"' } },
      { line: 5, error: { path: '', message: 'must be a JSON object (one record), got 42' } },
      { line: 6, error: { path: '', message: 'must be a JSON object (one record), got null' } },
      { line: 7, error: { path: '', message: 'must be a JSON object (one record), got an array [{"x":1}]' } },
      { line: 8, error: { path: '', message: 'must be a JSON object (one record), got true' } },
      { line: 9, record: { eventId: 'E10' } },
    ]);
  });

  it('reads the same wherever the chunks are cut: in strings, escapes and UTF-8 characters', async () => {
    const bytes = utf8(TRICKY);
    const expected = await whole(bytes);
    // every single cut, every pair of cuts 7 bytes apart, and one byte at a time
    for (let i = 1; i < bytes.length; i++) {
      expect(await stream(cut(bytes, [i])), `cut at ${i}`).toEqual(expected);
      if (i + 7 < bytes.length)
        expect(await stream(cut(bytes, [i, i + 7])), `cuts at ${i}`).toEqual(expected);
    }
    const bytewise = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(await stream(bytewise)).toEqual(expected);
  });

  it('yields each element as soon as its bytes are in, before the stream ends', async () => {
    const chunks = [
      '[{"eventId":"E1","notes":"停',
      '电"}',
      ',{"eventId"',
      ':"E2"}',
      ', {"event',
      'Id":"E3"}]',
    ].map(utf8);
    let read = 0;
    async function* source() {
      for (const c of chunks) {
        read += 1;
        yield c;
      }
    }
    const seen: [string, number][] = [];
    for await (const row of parseJsonArray(source(), { stream: true })) {
      seen.push(['record' in row ? String(row.record['eventId']) : 'error', read]);
    }
    expect(seen).toEqual([
      ['E1', 2],
      ['E2', 4],
      ['E3', 6],
    ]);
  });

  it('splits elements synchronously, one push at a time', () => {
    const s = new JsonArraySplitter(1 << 20);
    const text = (pieces: ReturnType<JsonArraySplitter['push']>) =>
      pieces.map((p) => ('bytes' in p ? [p.index, Buffer.from(p.bytes).toString()] : p));
    expect(text(s.push(utf8('\uFEFF [ {"a":"]"}')))).toEqual([[1, '{"a":"]"}']]);
    expect(text(s.push(utf8(', 12')))).toEqual([]);
    expect(text(s.push(utf8('34 ,"x\\"')))).toEqual([[2, '1234']]);
    expect(text(s.push(utf8('y"]')))).toEqual([[3, '"x\\"y"']]);
    expect(text(s.end())).toEqual([]);
  });

  it('reports a bad element at its position and goes on with the next', async () => {
    const body = Buffer.concat([
      utf8('[{"eventId":"E1"},{"eventId" "E2"},{"notes":"'),
      Buffer.from('Café', 'latin1'),
      utf8(`"},${'['.repeat(40)}${']'.repeat(40)},{"eventId":"E5"}]`),
    ]);
    expect(await stream([body])).toEqual([
      { line: 1, record: { eventId: 'E1' } },
      // the engine's wording differs between Node versions; only its position is taken, when given
      {
        line: 2,
        error: {
          path: '',
          message: expect.stringMatching(/^is not valid JSON( at character 12)?: \{"eventId" "E2"\}$/),
        },
      },
      { line: 3, error: { path: '', message: 'is not valid UTF-8 text' } },
      {
        line: 4,
        error: {
          path: '',
          message: 'nests arrays and objects more than 32 levels deep; a record is one flat object',
        },
      },
      { line: 5, record: { eventId: 'E5' } },
    ]);
  });

  it('holds no element longer than the limit, reports it and goes on', async () => {
    const long = `{"notes":"${'长'.repeat(400)}"}`;
    const rows = await collect(
      parseJsonArray(cut(utf8(`[${long},{"eventId":"E2"}]`), [100, 700]), {
        stream: true,
        maxRecordBytes: 1000,
      }),
    );
    expect(rows).toEqual([
      { line: 1, error: { path: '', message: 'is longer than 1000 bytes, the most one record may take' } },
      { line: 2, record: { eventId: 'E2' } },
    ]);
  });

  it('reports what is not an array, or not all of one, and keeps the records before a break', async () => {
    const cases = [
      '',
      ' \n ',
      '{"eventId":"E1"}',
      '"text"',
      '-1',
      'x[]',
      '[]',
      '[{"eventId":"E1"},',
      '[{"eventId":"E1"},{"eventId":"E2"',
      '[{"eventId":"E1"} {"eventId":"E2"}]',
      '[{"eventId":"E1"},]',
      '[,]',
      '[{"eventId":"E1"}] x',
      '[{"eventId":"E1"}]\n\n',
      '[1',
      '[',
    ];
    const rows = await Promise.all(cases.map((c) => stream(c)));
    const shown = (r: ParsedRow) => ('error' in r ? `${r.line}: ${r.error.message}` : `${r.line}: record`);
    expect(Object.fromEntries(cases.map((c, i) => [c, rows[i]!.map(shown)]))).toEqual({
      '': ['0: is empty; send a JSON array of records'],
      ' \n ': ['0: is empty; send a JSON array of records'],
      '{"eventId":"E1"}': ['0: must be a JSON array of records, got an object'],
      '"text"': ['0: must be a JSON array of records, got a string'],
      '-1': ['0: must be a JSON array of records, got a number'],
      'x[]': [
        '0: is not valid JSON at byte 1: expected a JSON array of records ("["), got "x"; the rest was not read',
      ],
      '[]': [],
      '[{"eventId":"E1"},': [
        '1: record',
        '2: ends after record 1, before the array\'s closing "]": the data is cut short',
      ],
      '[{"eventId":"E1"},{"eventId":"E2"': [
        '1: record',
        '2: ends within record 2, before the array\'s closing "]": the data is cut short',
      ],
      '[': ['1: ends before its first record, before the array\'s closing "]": the data is cut short'],
      '[{"eventId":"E1"} {"eventId":"E2"}]': [
        '1: record',
        '2: is not valid JSON at byte 19: expected "," or "]" after record 1, got "{"; the rest was not read',
      ],
      '[{"eventId":"E1"},]': [
        '1: record',
        '2: is not valid JSON at byte 19: expected a record after ",", got "]"; the rest was not read',
      ],
      '[,]': ['1: is not valid JSON at byte 2: expected a record or "]", got ","; the rest was not read'],
      '[{"eventId":"E1"}] x': [
        '1: record',
        '0: is not valid JSON at byte 20: expected nothing after the closing "]", got "x"',
      ],
      '[{"eventId":"E1"}]\n\n': ['1: record'],
      '[1': [
        '1: must be a JSON object (one record), got 1',
        '2: ends after record 1, before the array\'s closing "]": the data is cut short',
      ],
    });
  });

  it('recognises UTF-16 text, with or without a byte order mark', async () => {
    for (const text of ['[{"eventId":"E1"}]', '\uFEFF[{"eventId":"E1"}]', ' [{"eventId":"E1"}]']) {
      for (const encoding of ['utf16le', 'utf16be'] as const) {
        const bytes =
          encoding === 'utf16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
        expect(await stream([bytes]), `${encoding} ${JSON.stringify(text)}`).toEqual([
          { line: 0, error: { path: '', message: 'looks like UTF-16 text; save the file as UTF-8' } },
        ]);
      }
    }
  });

  it('stops reading the source at a break in the array', async () => {
    let read = 0;
    async function* source() {
      for (const c of ['[{"eventId":"E1"}', ' x', ',{"eventId":"E2"}', ']']) {
        read += 1;
        yield utf8(c);
      }
    }
    const rows = await collect(parseJsonArray(source(), { stream: true }));
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
    expect(read).toBe(2);
  });

  it('agrees with the whole-body reader on seeded random arrays cut at random places', async () => {
    const rand = mulberry32(0x15_0a_2026);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const texts = ['', 'a', '停电', '"', '\\', '\\"', ']', '}', ',', '[{', '🌩', 'é\n\t', '\u0001', '\\u4e2d'];
    const value = (depth: number): unknown => {
      const k = Math.floor(rand() * (depth > 3 ? 4 : 7));
      if (k === 0) return Math.round(rand() * 1e6) / 100 - 5000;
      if (k === 1) return Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(texts)).join('');
      if (k === 2) return pick([true, false, null]);
      if (k === 3) return pick(texts);
      if (k === 4) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 4) }, (_, i) => [`${pick(texts)}${i}`, value(depth + 1)]),
      );
    };
    for (let n = 0; n < 200; n++) {
      const items = Array.from({ length: Math.floor(rand() * 12) }, () => value(0));
      const gap = () => pick(['', ' ', '\n', '\r\n\t ']);
      const text = `${gap()}[${gap()}${items.map((v) => JSON.stringify(v, null, pick([0, 1]))).join(`${gap()},${gap()}`)}${gap()}]${gap()}`;
      const bytes = utf8(text);
      const cuts = Array.from({ length: Math.floor(rand() * 6) }, () => Math.floor(rand() * bytes.length))
        .sort((a, b) => a - b)
        .filter((c, i, all) => c > 0 && c !== all[i - 1]);
      expect(await stream(cut(bytes, cuts)), text).toEqual(await whole(bytes));
    }
  });
});
