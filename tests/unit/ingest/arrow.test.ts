import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  Struct,
  Table,
  TimestampMillisecond,
  TimestampSecond,
  Utf8,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { parseArrow } from '../../../ingest/formats/index.js';
import { validateOutage } from '../../../ingest/schemas/index.js';

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const chunked = (bytes: Uint8Array, size: number): Uint8Array[] => {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};

const START = Date.UTC(2025, 5, 3, 6, 5); // 2025-06-03 14:05 Beijing time
const restorationType = new Struct([
  new Field('at', new TimestampMillisecond('UTC')),
  new Field('customersRestored', new Int32()),
]);

/** Two outage events as a producer would send them: ids dictionary-encoded, counts int64. */
function outages(): Table {
  return new Table({
    eventId: vectorFromArray(['TD001', 'TD002'], new Dictionary(new Utf8(), new Int32())),
    assetId: vectorFromArray(['BS-F0231', 'BS-T10452'], new Utf8()),
    start: vectorFromArray([START, START + 3_600_000], new TimestampMillisecond('Asia/Shanghai')),
    end: vectorFromArray([START + 9_300_000, null], new TimestampMillisecond('Asia/Shanghai')),
    customersAffected: vectorFromArray([326n, 87n], new Int64()),
    affectedAreas: vectorFromArray([['BS-T1', 'BS-T2'], null], new List(new Field('item', new Utf8(), true))),
    restorations: vectorFromArray(
      [[{ at: START + 3_600_000, customersRestored: 200 }], []],
      new List(new Field('item', restorationType, true)),
    ),
    cause: vectorFromArray(['equipment_fault', 'planned_maintenance'], new Utf8()),
    planned: vectorFromArray([null, true], new Bool()),
  });
}

describe('parseArrow', () => {
  it('round-trips a table through the IPC stream format, batch by batch, in any chunking', async () => {
    const bytes = tableToIPC(outages(), 'stream');
    const whole = await collect(parseArrow(bytes));
    expect(whole).toMatchInlineSnapshot(`
      [
        {
          "line": 1,
          "record": {
            "affectedAreas": [
              "BS-T1",
              "BS-T2",
            ],
            "assetId": "BS-F0231",
            "cause": "equipment_fault",
            "customersAffected": 326,
            "end": 1748940000000,
            "eventId": "TD001",
            "planned": null,
            "restorations": [
              {
                "at": 1748934300000,
                "customersRestored": 200,
              },
            ],
            "start": 1748930700000,
          },
        },
        {
          "line": 2,
          "record": {
            "affectedAreas": null,
            "assetId": "BS-T10452",
            "cause": "planned_maintenance",
            "customersAffected": 87,
            "end": null,
            "eventId": "TD002",
            "planned": true,
            "restorations": [],
            "start": 1748934300000,
          },
        },
      ]
    `);
    for (const size of [1, 7, 100]) expect(await collect(parseArrow(chunked(bytes, size)))).toEqual(whole);
  });

  it('reads the IPC file format the same', async () => {
    const stream = await collect(parseArrow(tableToIPC(outages(), 'stream')));
    expect(await collect(parseArrow(chunked(tableToIPC(outages(), 'file'), 64)))).toEqual(stream);
  });

  it('gives rows the outage schema accepts', async () => {
    const rows = await collect(parseArrow(tableToIPC(outages(), 'stream')));
    const ctx = { zone: 'Asia/Shanghai', now: 0 };
    const events = rows.map((r) => ('record' in r ? validateOutage(r.record, ctx) : r));
    expect(events).toEqual([
      {
        ok: true,
        value: {
          eventId: 'TD001',
          assetId: 'BS-F0231',
          start: START,
          end: START + 9_300_000,
          customersAffected: 326,
          affectedAreas: ['BS-T1', 'BS-T2'],
          restorations: [{ at: START + 3_600_000, customersRestored: 200 }],
          cause: 'equipment_fault',
          planned: false,
        },
      },
      {
        ok: true,
        value: {
          eventId: 'TD002',
          assetId: 'BS-T10452',
          start: START + 3_600_000,
          end: null,
          customersAffected: 87,
          restorations: [],
          cause: 'planned_maintenance',
          planned: true,
        },
      },
    ]);
  });

  it('reads timestamps without a zone and dates as local wall-clock text, floats as numbers', async () => {
    const table = new Table({
      local: vectorFromArray([Date.UTC(2025, 5, 3, 14, 5)], new TimestampSecond()),
      day: vectorFromArray([new Date(Date.UTC(2025, 5, 3))], new DateDay()),
      lat: vectorFromArray([25.112], new Float64()),
    });
    expect(await collect(parseArrow(tableToIPC(table)))).toEqual([
      { line: 1, record: { local: '2025-06-03T14:05:00.000', day: '2025-06-03', lat: 25.112 } },
    ]);
  });

  it('numbers rows across record batches', async () => {
    const a = outages();
    const table = a.concat(a);
    expect(table.batches.length).toBe(2);
    const rows = await collect(parseArrow(tableToIPC(table)));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  it('reports bytes that are not Arrow, and an empty body as no rows', async () => {
    expect(await collect(parseArrow('eventId,assetId\nTD001,BS-F0231\n'))).toMatchInlineSnapshot(`
      [
        {
          "error": {
            "message": "is not Arrow IPC data (a stream or a file); it starts with "eventId,assetId\\nTD001,BS"",
            "path": "",
          },
          "line": 0,
        },
      ]
    `);
    expect(await collect(parseArrow(new Uint8Array(0)))).toEqual([]);
  });

  it('reports a truncated stream after the rows it could read', async () => {
    const bytes = tableToIPC(outages().concat(outages()), 'stream');
    const rows = await collect(parseArrow(bytes.subarray(0, bytes.length - 200)));
    expect(rows.map((r) => ('error' in r ? r : r.line))).toMatchInlineSnapshot(`
      [
        1,
        2,
        {
          "error": {
            "message": "could not be read as Arrow IPC (Expected to read 488 bytes for message body, but only read 296.); the rest was not read",
            "path": "",
          },
          "line": 3,
        },
      ]
    `);
  });
});
