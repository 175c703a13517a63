import { describe, expect, it } from 'vitest';
import { parseNdjson } from '../../../ingest/formats/index.js';
import { applyMapping, compileMapping, type SkippedRow } from '../../../ingest/mapping/index.js';
import { checkRecords } from '../../../ingest/validate.js';

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const ctx = { zone: 'Asia/Shanghai', now: Date.UTC(2025, 5, 20) };

const NDJSON = [
  '{"warningId":"W1","issuerLevel":"city","hazard":"flood","province":"云南省","city":"保山市","start":"2025-06-03 08:00","end":"2025-06-04 08:00"}',
  '{"warningId":"W2","issuerLevel":"town","hazard":"flood","start":"2025-06-03 08:00","end":"2025-06-02 08:00"}',
  '{"warningId":"W3",',
  '{"issuerLevel":"national","hazard":"geological","start":"2025-06-03","end":"2025-06-05"}',
].join('\n');

describe('checkRecords', () => {
  it('answers every line: accepted with its id, rejected with all issues and the record, parse errors as they came', async () => {
    expect(
      await collect(checkRecords(parseNdjson(NDJSON), { kind: 'warnings', ctx })),
    ).toMatchInlineSnapshot(`
      [
        {
          "id": "W1",
          "line": 1,
          "status": "accepted",
          "value": {
            "city": "保山市",
            "end": 1748995200000,
            "hazard": "flood",
            "issuerLevel": "city",
            "province": "云南省",
            "start": 1748908800000,
            "warningId": "W1",
          },
        },
        {
          "errors": [
            {
              "message": "unknown issuerLevel "town"; expected one of county, city, province, national",
              "path": "issuerLevel",
            },
            {
              "message": "must not be before start (2025-06-03T08:00:00+08:00)",
              "path": "end",
            },
          ],
          "id": "W2",
          "line": 2,
          "record": {
            "end": "2025-06-02 08:00",
            "hazard": "flood",
            "issuerLevel": "town",
            "start": "2025-06-03 08:00",
            "warningId": "W2",
          },
          "status": "rejected",
        },
        {
          "errors": [
            {
              "message": "is not valid JSON at character 19: {"warningId":"W3",",
              "path": "",
            },
          ],
          "line": 3,
          "status": "rejected",
        },
        {
          "errors": [
            {
              "message": "is required",
              "path": "warningId",
            },
          ],
          "line": 4,
          "record": {
            "end": "2025-06-05",
            "hazard": "geological",
            "issuerLevel": "national",
            "start": "2025-06-03",
          },
          "status": "rejected",
        },
      ]
    `);
  });

  it('reads local times in the mapping zone and shows them in the operating zone', async () => {
    const mapping = compileMapping({ record: 'outages', zone: 'UTC', columns: { id: 'eventId' } });
    if (!mapping.ok) throw new Error('does not compile');
    const rows = [
      {
        line: 1,
        record: {
          id: 'E1',
          assetId: 'F1',
          start: '2025-06-03 06:05',
          customersAffected: 1,
          cause: 'unknown',
        },
      },
      {
        line: 2,
        record: {
          id: 'E2',
          assetId: 'F1',
          start: '2025-06-03 06:05',
          end: '2025-06-03 06:00',
          customersAffected: 1,
          cause: 'unknown',
        },
      },
    ];
    const checked = await collect(checkRecords(rows, { kind: 'outages', ctx, mapping: mapping.value }));
    expect(checked[0]).toMatchObject({ status: 'accepted', value: { start: Date.UTC(2025, 5, 3, 6, 5) } });
    expect(checked[1]).toMatchObject({
      status: 'rejected',
      id: 'E2',
      errors: [{ path: 'end', message: 'must not be before start (2025-06-03T14:05:00+08:00)' }],
    });
  });

  it('refuses a mapping for another kind of record', async () => {
    const mapping = compileMapping({ record: 'assets' });
    if (!mapping.ok) throw new Error('does not compile');
    await expect(collect(checkRecords([], { kind: 'outages', ctx, mapping: mapping.value }))).rejects.toThrow(
      'mapping "mapping" is for assets, not outages',
    );
  });
});

describe('applyMapping', () => {
  it('maps rows, passes parse errors on and reports skipped rows', async () => {
    const mapping = compileMapping({
      record: 'outages',
      columns: { 停电事件编号: 'eventId' },
      skip: [{ column: '停电类型', in: ['作废'] }],
    });
    if (!mapping.ok) throw new Error('does not compile');
    const skipped: SkippedRow[] = [];
    const rows = [
      { line: 2, record: { 停电事件编号: 'E1', 停电类型: '故障停电' } },
      { line: 3, error: { path: '', message: 'has 2 fields, but the header has 3' } },
      { line: 4, record: { 停电事件编号: 'E2', 停电类型: '作废' } },
    ];
    expect(await collect(applyMapping(rows, mapping.value, (s) => skipped.push(s)))).toEqual([
      { line: 2, record: { eventId: 'E1' } },
      { line: 3, error: { path: '', message: 'has 2 fields, but the header has 3' } },
    ]);
    expect(skipped).toEqual([{ line: 4, reason: '停电类型 is "作废"' }]);
  });
});
