import { describe, expect, it } from 'vitest';
import type { Asset, OutageEvent } from '../../../core/domain.js';
import { fromWallClock } from '../../../core/time.js';
import {
  computeReliability,
  type ReliabilityOptions,
  type ReliabilityReport,
} from '../../../analytics/reliability/index.js';

const Z = 'Asia/Shanghai';
const t = (month: number, day: number, hour = 0, minute = 0): number =>
  fromWallClock({ year: 2024, month, day, hour, minute, second: 0, millisecond: 0 }, Z);

const region = { province: 'Yunnan', city: 'Kunming', county: 'Panlong' };
const assets: Asset[] = [
  { assetId: 'F1', kind: 'feeder', ...region, areaClass: 'urban', customers: 300, validFrom: 0 },
  {
    assetId: 'A1',
    kind: 'area',
    feederId: 'F1',
    ...region,
    areaClass: 'urban',
    customers: 100,
    validFrom: 0,
  },
  {
    assetId: 'A2',
    kind: 'area',
    feederId: 'F1',
    ...region,
    areaClass: 'urban',
    customers: 200,
    validFrom: 0,
  },
  {
    assetId: 'F2',
    kind: 'feeder',
    province: 'Yunnan',
    city: 'Baoshan',
    areaClass: 'rural',
    customers: 300,
    validFrom: 0,
  },
  {
    assetId: 'A3',
    kind: 'area',
    feederId: 'F2',
    province: 'Yunnan',
    city: 'Baoshan',
    areaClass: 'rural',
    customers: 300,
    validFrom: 0,
  },
];

const outage = (
  eventId: string,
  assetId: string,
  start: number,
  end: number | null,
  customers: number,
  over: Partial<OutageEvent> = {},
): OutageEvent => ({
  eventId,
  assetId,
  start,
  end,
  customersAffected: customers,
  restorations: [],
  cause: 'equipment_fault',
  planned: false,
  ...over,
});

// E1: feeder F1, 5 Jan 10:00–12:00, 300 out, 100 back at 11:00: 100·60 + 200·120 = 30000 customer-minutes
// E2: area A3, 10 Jan 08:00–08:03, 300 out: short (≤ 3 min)
// E3: area A3, 20 Jan 08:00–09:30, 150 out: 150·90 = 13500 customer-minutes
const events: OutageEvent[] = [
  outage('E1', 'F1', t(1, 5, 10), t(1, 5, 12), 300, {
    restorations: [{ at: t(1, 5, 11), customersRestored: 100 }],
  }),
  outage('E2', 'A3', t(1, 10, 8), t(1, 10, 8, 3), 300),
  outage('E3', 'A3', t(1, 20, 8), t(1, 20, 9, 30), 150),
];

const jan: ReliabilityOptions = { assets, events, from: t(1, 1), to: t(2, 1), asOf: t(3, 1), zone: Z };

function run(o: Partial<ReliabilityOptions> = {}): ReliabilityReport {
  const r = computeReliability({ ...jan, ...o });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('computeReliability, customers convention', () => {
  it('computes SAIFI, SAIDI, CAIDI, ASAI and MAIFI for the whole system', () => {
    const report = run();
    expect(report.rows).toHaveLength(1);
    const row = report.rows[0]!;
    // N_T = customers of the areas A1 + A2 + A3 = 100 + 200 + 300 = 600 (feeders F1, F2 have areas: not counted again)
    expect(row.customers).toBe(600);
    expect(row.keys).toEqual({});
    expect(row.events).toBe(2); // E1, E3 (E2 is short)
    expect(row.shortEvents).toBe(1);
    // Σ N_i = 300 + 150 = 450; SAIFI = 450 / 600
    expect(row.customerInterruptions).toBe(450);
    expect(row.saifi).toBe(0.75);
    // Σ r_i N_i = 30000 + 13500 = 43500 min = 725 customer-hours; SAIDI = 725 / 600 h
    expect(row.customerMinutes).toBe(43500);
    expect(row.saidi).toBe(725 / 600);
    // CAIDI = SAIDI / SAIFI = (725/600) / 0.75 h
    expect(row.caidi).toBe(725 / 600 / 0.75);
    // January has 31 · 24 = 744 hours: ASAI = 1 − (725/600)/744
    expect(report.periodHours).toBe(744);
    expect(row.asai).toBe(1 - 725 / 600 / 744);
    // MAIFI = 300 short interruptions / 600
    expect(row.shortInterruptions).toBe(300);
    expect(row.maifi).toBe(0.5);
    expect(row.includesOngoing).toBe(false);
    expect(report).toMatchObject({
      groupBy: [],
      convention: 'customers',
      variant: 'all',
      denominator: 'time_weighted',
      splitAtEdges: false,
      shortOutageMinutes: 3,
      includesOngoing: false,
      issues: [],
    });
  });

  it('counts the 3-minute outage as sustained when the threshold is 2 minutes', () => {
    const row = run({ shortOutageMinutes: 2 }).rows[0]!;
    // Σ N_i = 300 + 300 + 150 = 750; minutes 30000 + 300·3 + 13500 = 44400
    expect(row.customerInterruptions).toBe(750);
    expect(row.customerMinutes).toBe(44400);
    expect(row.maifi).toBe(0);
  });

  it("groups by city: each event belongs to its own asset's keys", () => {
    const rows = run({ groupBy: 'city' }).rows;
    expect(rows.map((r) => r.keys)).toEqual([{ city: 'Baoshan' }, { city: 'Kunming' }]);
    const [baoshan, kunming] = rows;
    // Baoshan: N_T = 300 (A3); E3 150 out for 90 min: SAIFI 150/300, SAIDI 13500/60/300 = 0.75 h; MAIFI 300/300
    expect(baoshan).toMatchObject({ customers: 300, saifi: 0.5, saidi: 0.75, maifi: 1 });
    // Kunming: N_T = 300 (A1 + A2); E1 on F1: SAIFI 300/300, SAIDI 30000/60/300 = 500/300 h
    expect(kunming).toMatchObject({ customers: 300, saifi: 1, saidi: 500 / 300, maifi: 0 });
  });

  it('groups by several dimensions at once, area classes from urban core to rural', () => {
    const rows = run({ groupBy: ['province', 'areaClass'] }).rows;
    expect(rows.map((r) => [r.keys, r.customers])).toEqual([
      [{ province: 'Yunnan', areaClass: 'urban' }, 300],
      [{ province: 'Yunnan', areaClass: 'rural' }, 300],
    ]);
  });

  it('keeps assets without a value for a dimension in a null group', () => {
    const rows = run({ groupBy: 'county' }).rows;
    // A3 and E3 have no county
    expect(rows.map((r) => [r.keys, r.customers, r.events])).toEqual([
      [{ county: null }, 300, 1],
      [{ county: 'Panlong' }, 300, 1],
    ]);
  });

  it('by area, a feeder event interrupts every area on the feeder for its mean customer duration', () => {
    const rows = run({ groupBy: 'area' }).rows;
    // E1 mean duration = 30000 / 300 = 100 min; A1: 100 customers × 100 min; A2: 200 × 100 min
    expect(rows.map((r) => [r.keys.area, r.customers, r.customerInterruptions, r.customerMinutes])).toEqual([
      ['A1', 100, 100, 10000],
      ['A2', 200, 200, 20000],
      ['A3', 300, 150, 13500],
    ]);
    // A1: SAIDI = 10000 / 60 / 100 h
    expect(rows[0]?.saidi).toBe(10000 / 60 / 100);
  });

  it('by area, a feeder event that lists its areas interrupts only those', () => {
    const listed = events.map((e) => (e.eventId === 'E1' ? { ...e, affectedAreas: ['A2'] } : e));
    const rows = run({ events: listed, groupBy: 'area' }).rows;
    expect(rows.map((r) => [r.keys.area, r.customerInterruptions])).toEqual([
      ['A1', 0],
      ['A2', 200],
      ['A3', 150],
    ]);
  });

  it("by feeder, an area outage counts on the area's feeder", () => {
    const rows = run({ groupBy: 'feeder' }).rows;
    // F1: N_T 300, E1; F2: N_T 300, E3 on A3 (feederId F2)
    expect(rows.map((r) => [r.keys.feeder, r.customers, r.events, r.customerMinutes])).toEqual([
      ['F1', 300, 1, 30000],
      ['F2', 300, 1, 13500],
    ]);
  });

  it('gives an outage crossing the period end its whole duration in the period it began', () => {
    // E4: A1, 31 Jan 23:00 → 1 Feb 01:00, 100 customers = 100 · 120 = 12000 customer-minutes
    const e4 = outage('E4', 'A1', t(1, 31, 23), t(2, 1, 1), 100);
    const janRow = run({ events: [e4] }).rows[0]!;
    expect(janRow).toMatchObject({ events: 1, customerInterruptions: 100, customerMinutes: 12000 });
    // SAIDI = 200 customer-hours / 600
    expect(janRow.saidi).toBe(200 / 600);
    const febRow = run({ events: [e4], from: t(2, 1), to: t(3, 1) }).rows[0]!;
    expect(febRow).toMatchObject({ events: 0, customerInterruptions: 0, customerMinutes: 0, saidi: 0 });
  });

  it('with splitAtEdges counts each side of the edge in its own period, frequency where it began', () => {
    const e4 = outage('E4', 'A1', t(1, 31, 23), t(2, 1, 1), 100);
    // January: 60 min × 100 = 6000; SAIFI 100/600
    const janRow = run({ events: [e4], splitAtEdges: true }).rows[0]!;
    expect(janRow).toMatchObject({
      events: 1,
      customerInterruptions: 100,
      customerMinutes: 6000,
      saidi: 100 / 600,
    });
    // February: 60 min × 100 = 6000 but no interruption: SAIFI 0, CAIDI null
    const feb = run({ events: [e4], splitAtEdges: true, from: t(2, 1), to: t(3, 1) });
    expect(feb.splitAtEdges).toBe(true);
    expect(feb.rows[0]).toMatchObject({
      events: 0,
      saifi: 0,
      customerMinutes: 6000,
      saidi: 100 / 600,
      caidi: null,
    });
  });

  it('counts an ongoing outage with its duration so far and says so', () => {
    // E5: A2 out since 25 Jan 00:00, 200 customers; asOf 25 Jan 06:00 → 200 · 360 = 72000 customer-minutes
    const e5 = outage('E5', 'A2', t(1, 25), null, 200);
    const report = run({ events: [e5], asOf: t(1, 25, 6) });
    expect(report.includesOngoing).toBe(true);
    // the period is observed until asOf: 24 days · 24 h + 6 h = 582 h
    expect(report.periodHours).toBe(582);
    const row = report.rows[0]!;
    expect(row).toMatchObject({
      includesOngoing: true,
      events: 1,
      customerInterruptions: 200,
      customerMinutes: 72000,
    });
    // SAIDI = 1200 customer-hours / 600 = 2 h; ASAI = 1 − 2/582
    expect(row.saidi).toBe(2);
    expect(row.asai).toBe(1 - 2 / 582);
  });

  it('marks only the rows an ongoing outage is in', () => {
    const e5 = outage('E5', 'A2', t(1, 25), null, 200);
    const rows = run({ events: [...events, e5], groupBy: 'city' }).rows;
    expect(rows.map((r) => [r.keys.city, r.includesOngoing])).toEqual([
      ['Baoshan', false],
      ['Kunming', true],
    ]);
  });
});

describe('computeReliability, data problems and options', () => {
  it('reports unknown assets and areas and a re-sent event, and leaves them out', () => {
    const report = run({
      events: [
        outage('E1', 'A1', t(1, 5), t(1, 5, 1), 999),
        outage('E9', 'NOPE', t(1, 6), t(1, 6, 1), 10),
        outage('E8', 'F1', t(1, 7), t(1, 7, 1), 100, { affectedAreas: ['A1', 'A7', 'F2'] }),
        outage('E1', 'A1', t(1, 5), t(1, 5, 1), 60),
      ],
      groupBy: 'area',
    });
    expect(report.issues).toEqual([
      { path: 'events[0]', message: 'eventId "E1" is sent again later: the later version is used' },
      { path: 'events[1].assetId', message: 'unknown asset: "NOPE"' },
      { path: 'events[2].affectedAreas[1]', message: 'unknown transformer area: "A7"' },
      { path: 'events[2].affectedAreas[2]', message: '"F2" is not a transformer area' },
    ]);
    // A1: E1 (the later version, 60 customers) and E8 (all 100 customers of A1)
    expect(report.rows.find((r) => r.keys.area === 'A1')?.customerInterruptions).toBe(160);
  });

  it('rejects bad options with every problem named', () => {
    const r = computeReliability({
      ...jan,
      to: jan.from,
      zone: 'Mars/Olympus',
      groupBy: ['city', 'district' as 'city'],
      shortOutageMinutes: -1,
      cemiN: [1.5],
      variant: 'rs9' as 'all',
    });
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: 'to', message: `must be after from (${jan.from}), got: ${jan.from}` },
        { path: 'zone', message: 'unknown time zone: "Mars/Olympus"' },
        {
          path: 'groupBy[1]',
          message: `must be 'all' or one of province, city, county, areaClass, park, feeder, area, got: "district"`,
        },
        { path: 'shortOutageMinutes', message: 'must be a number ≥ 0, got: -1' },
        { path: 'cemiN[0]', message: 'must be a whole number ≥ 0, got: 1.5' },
        {
          path: 'variant',
          message: 'must be one of all, no_external, no_shortage, planned, fault, got: "rs9"',
        },
      ],
    });
  });
});
