import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseJsonArray, parseNdjson } from '../../../ingest/formats/index.js';

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
/** The text cut into chunks of `size` bytes, so lines and UTF-8 characters straddle chunks. */
const chunked = (text: string, size: number): Buffer[] => {
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};

const NDJSON = [
  '{"eventId":"E1","notes":"雷雨大风"}',
  '',
  '{"eventId":"E2", "assetId": "F-1" "start": "2025-06-03"}',
  '   ',
  '[1,2]',
  '"E4"',
  '{"eventId":"E5"}',
].join('\r\n');

describe('parseNdjson', () => {
  it('reads one object per line, skips blank lines, reports bad lines and goes on', async () => {
    expect(await collect(parseNdjson(NDJSON))).toMatchInlineSnapshot(`
      [
        {
          "line": 1,
          "record": {
            "eventId": "E1",
            "notes": "雷雨大风",
          },
        },
        {
          "error": {
            "message": "is not valid JSON at character 35: …entId":"E2", "assetId": "F-1" "start": "…",
            "path": "",
          },
          "line": 3,
        },
        {
          "error": {
            "message": "must be a JSON object (one record), got an array [1,2]",
            "path": "",
          },
          "line": 5,
        },
        {
          "error": {
            "message": "must be a JSON object (one record), got "E4"",
            "path": "",
          },
          "line": 6,
        },
        {
          "line": 7,
          "record": {
            "eventId": "E5",
          },
        },
      ]
    `);
  });

  it('reads the same from any chunking of a stream, UTF-8 split across chunks', async () => {
    const whole = await collect(parseNdjson(NDJSON));
    for (const size of [1, 2, 3, 7, 64]) {
      expect(await collect(parseNdjson(Readable.from(chunked(NDJSON, size))))).toEqual(whole);
    }
  });

  it('drops a BOM and reads a last line without a newline', async () => {
    expect(await collect(parseNdjson('\uFEFF{"a":1}\n{"a":2}'))).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 2, record: { a: 2 } },
    ]);
  });

  it('reports a line over the limit without holding it, and reads on', async () => {
    const long = `{"notes":"${'x'.repeat(100)}"}`;
    const text = `{"a":1}\n${long}\n{"a":3}\n`;
    const rows = await collect(parseNdjson(Readable.from(chunked(text, 16)), { maxLineBytes: 64 }));
    expect(rows).toMatchInlineSnapshot(`
      [
        {
          "line": 1,
          "record": {
            "a": 1,
          },
        },
        {
          "error": {
            "message": "is longer than 64 bytes; send one record per line",
            "path": "",
          },
          "line": 2,
        },
        {
          "line": 3,
          "record": {
            "a": 3,
          },
        },
      ]
    `);
  });

  it('reports a line that is not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":"'),
      Buffer.from([0xb9, 0xca, 0xd5, 0xcf]),
      Buffer.from('"}\n{"a":2}'),
    ]);
    expect(await collect(parseNdjson([bytes]))).toMatchInlineSnapshot(`
      [
        {
          "error": {
            "message": "is not valid UTF-8 text",
            "path": "",
          },
          "line": 1,
        },
        {
          "line": 2,
          "record": {
            "a": 2,
          },
        },
      ]
    `);
  });
});

describe('parseJsonArray', () => {
  it('numbers records by position, 1-based, and reports items that are not objects', async () => {
    const body = '[{"eventId":"E1"}, 42, {"eventId":"E3"}, null]';
    expect(await collect(parseJsonArray(Readable.from(chunked(body, 5))))).toMatchInlineSnapshot(`
      [
        {
          "line": 1,
          "record": {
            "eventId": "E1",
          },
        },
        {
          "error": {
            "message": "must be a JSON object (one record), got 42",
            "path": "",
          },
          "line": 2,
        },
        {
          "line": 3,
          "record": {
            "eventId": "E3",
          },
        },
        {
          "error": {
            "message": "must be a JSON object (one record), got null",
            "path": "",
          },
          "line": 4,
        },
      ]
    `);
  });

  it('reports a body that is not a JSON array of records as line 0', async () => {
    const bodies = ['', '{"eventId":"E1"}', '[{"eventId":"E1"},', '[{"a":1}] x', '\uFEFF"text"'];
    const rows = await Promise.all(bodies.map((b) => collect(parseJsonArray(b))));
    expect(rows).toMatchInlineSnapshot(`
      [
        [
          {
            "error": {
              "message": "the body is empty; send a JSON array of records",
              "path": "",
            },
            "line": 0,
          },
        ],
        [
          {
            "error": {
              "message": "the body must be a JSON array of records, got an object",
              "path": "",
            },
            "line": 0,
          },
        ],
        [
          {
            "error": {
              "message": "the body is not valid JSON: [{"eventId":"E1"},",
              "path": "",
            },
            "line": 0,
          },
        ],
        [
          {
            "error": {
              "message": "the body is not valid JSON at character 11: [{"a":1}] x",
              "path": "",
            },
            "line": 0,
          },
        ],
        [
          {
            "error": {
              "message": "the body must be a JSON array of records, got a string",
              "path": "",
            },
            "line": 0,
          },
        ],
      ]
    `);
  });

  it('stops reading a body over the size limit', async () => {
    const body = JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ eventId: `E${i}` })));
    expect(await collect(parseJsonArray(chunked(body, 100), { maxBodyBytes: 1024 }))).toMatchInlineSnapshot(`
      [
        {
          "error": {
            "message": "the body is larger than 1 KiB; send large imports as NDJSON or CSV",
            "path": "",
          },
          "line": 0,
        },
      ]
    `);
  });
});
