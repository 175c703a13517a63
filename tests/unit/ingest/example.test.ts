// The shipped Chinese OMS mapping applied to its example export, end to end:
// file bytes → CSV rows → mapping → validation.

import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../ingest/formats/index.js';
import { loadMapping } from '../../../ingest/mapping/index.js';
import { checkRecords } from '../../../ingest/validate.js';

const CSV = 'mappings/examples/cn-oms-outages.csv';
const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
/** Beijing wall-clock time as epoch ms. */
const bj = (text: string): number => Date.parse(`${text}+08:00`);

async function importExample() {
  const mapping = loadMapping('mappings/cn-oms-outages.json', 'outages', 'Asia/Shanghai');
  if (!mapping.ok) throw new Error('mapping does not compile');
  const rows = parseCsv(createReadStream(CSV, { highWaterMark: 256 }), mapping.value.csv);
  const ctx = { zone: 'Asia/Shanghai', now: Date.UTC(2025, 5, 20) };
  return collect(checkRecords(rows, { kind: 'outages', ctx, mapping: mapping.value }));
}

describe('cn-oms-outages mapping on its example export', () => {
  it('is a UTF-8 file with a BOM and CRLF line ends', () => {
    const bytes = readFileSync(CSV);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n').length).toBeGreaterThan(15);
    expect(bytes.toString('utf8').replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('accepts the good rows, with local times read as Beijing time', async () => {
    const accepted = (await importExample()).flatMap((c) =>
      c.status === 'accepted' ? [[c.line, c.value]] : [],
    );
    expect(accepted).toEqual([
      [
        2,
        {
          eventId: 'TD20250603001',
          assetId: 'BS-F0231',
          start: bj('2025-06-03T14:05'),
          end: bj('2025-06-03T16:40'),
          customersAffected: 326,
          restorations: [],
          cause: 'equipment_fault',
          planned: false,
          notes: '10kV城东线#23杆跌落式熔断器熔断',
        },
      ],
      [
        3,
        {
          eventId: 'TD20250603002',
          assetId: 'BS-T10452',
          start: bj('2025-06-03T08:00'),
          end: bj('2025-06-03T12:30'),
          customersAffected: 87,
          restorations: [],
          cause: 'planned_maintenance',
          planned: true,
          notes: '台区配变例行检修',
        },
      ],
      [
        4,
        {
          eventId: 'TD20250604003',
          assetId: 'BS-F0107',
          start: bj('2025-06-04T03:12'),
          end: bj('2025-06-04T05:48'),
          customersAffected: 412,
          restorations: [],
          cause: 'weather_fault',
          planned: false,
          notes: '雷雨大风，导线舞动跳闸',
        },
      ],
      [
        5,
        {
          eventId: 'TD20250605004',
          assetId: 'BS-F0231',
          start: bj('2025-06-05T10:20'),
          end: bj('2025-06-05T11:02'),
          customersAffected: 298,
          restorations: [],
          cause: 'external_damage',
          planned: false,
          notes: '施工挖断电缆, 已报警',
        },
      ],
      [
        6,
        {
          eventId: 'TD20250606005',
          assetId: 'BS-T20311',
          start: bj('2025-06-06T19:30'),
          end: null,
          customersAffected: 64,
          restorations: [],
          cause: 'unknown',
          planned: false,
          estimatedRestoration: bj('2025-06-06T23:00'),
          notes: '抢修中',
        },
      ],
      [
        10,
        {
          eventId: 'TD20250609009',
          assetId: 'BS-F0231',
          start: bj('2025-06-09T07:00'),
          end: bj('2025-06-09T07:02'),
          customersAffected: 326,
          restorations: [],
          cause: 'protective_supply_switching',
          planned: true,
          notes: '保供电"高考"线路切换\r\n负荷转供至10kV城西线',
        },
      ],
      [
        12,
        {
          eventId: 'TD20250610010',
          assetId: 'BS-T30518',
          start: bj('2025-06-10T22:15'),
          end: bj('2025-06-10T22:17'),
          customersAffected: 45,
          restorations: [],
          cause: 'mode_adjustment',
          planned: false,
        },
      ],
      [
        15,
        {
          eventId: 'TD20250613013',
          assetId: 'BS-F0107',
          start: bj('2025-06-13T08:00'),
          end: bj('2025-06-13T18:00'),
          customersAffected: 412,
          restorations: [],
          cause: 'planned_construction',
          planned: true,
          notes: '线路改造，更换绝缘导线',
        },
      ],
      [
        16,
        {
          eventId: 'TD20250614014',
          assetId: 'BS-T10452',
          start: bj('2025-06-14T11:00'),
          end: bj('2025-06-14T11:45'),
          customersAffected: 87,
          restorations: [],
          cause: 'arrears',
          planned: false,
        },
      ],
      [
        17,
        {
          eventId: 'TD20250615015',
          assetId: 'BS-F0315',
          start: bj('2025-06-15T02:30'),
          end: bj('2025-06-15T09:10'),
          customersAffected: 189,
          restorations: [],
          cause: 'natural_disaster',
          planned: false,
          notes: '山体滑坡倒杆',
        },
      ],
    ]);
  });

  it('rejects the bad rows with every reason, and reports the skipped ones', async () => {
    const others = (await importExample()).flatMap((c) =>
      c.status === 'rejected'
        ? [
            `line ${c.line} ${c.id ?? '?'} rejected: ${c.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
          ]
        : c.status === 'skipped'
          ? [`line ${c.line} skipped: ${c.reason}`]
          : [],
    );
    expect(others).toMatchInlineSnapshot(`
      [
        "line 7 TD20250607006 rejected: cause: unknown cause "鸟害"; expected one of equipment_fault, weather_fault, natural_disaster, external_damage, planned_maintenance, planned_construction, protective_supply_switching, mode_adjustment, supply_shortage, customer_side, arrears, unknown",
        "line 8 skipped: voided in the OMS (停电类型 作废)",
        "line 9 TD20250608008 rejected: end: must not be before start (2025-06-08T09:10:00+08:00)",
        "line 13 TD20250611011 rejected: start: not a valid time: "2025/6/31 08:00" (no such date)",
        "line 14 TD20250612012 rejected: customersAffected: must be a whole number ≥ 0, got "约60"",
        "line 18 TD20250616016 rejected: assetId: is required; planned: must be true or false (or 1/0, 是/否), got "待定"",
        "line 19 skipped: customer-requested outage (停电类型 用户申请停电)",
      ]
    `);
  });

  it('keeps each rejected row as it came, for inspection', async () => {
    const rejected = (await importExample()).find((c) => c.status === 'rejected' && c.line === 7);
    expect(rejected).toMatchObject({
      record: { 停电事件编号: 'TD20250607006', 停电原因: '鸟害', 线路名称: '10kV河湾线' },
    });
  });
});
