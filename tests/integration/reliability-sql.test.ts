// The SQL reliability evaluator against the reference evaluator on the same records: fixed
// grids with every edge the reference handles, seeded random histories (replay one with its
// seed), daily SAIDI, major event days, ranking, and the HTTP answers of the router.

import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INLINE_CHARS,
  JSON_STEPS,
  queryDailySaidi,
  queryMajorEventDays,
  queryRegionalRanking,
  queryReliability,
  type SqlReliabilityOptions,
} from '../../analytics/reliability-sql/index.js';
import {
  computeReliability,
  dailySaidi,
  type GroupBy,
  majorEventDaysForYear,
  type ReliabilityOptions,
  type ReliabilityReport,
  type ReliabilityRow,
  regionalRanking,
  USER_CONVENTIONS,
  VARIANTS,
} from '../../analytics/reliability/index.js';
import { type Asset, CAUSES, isPlannedCause, type OutageEvent } from '../../core/domain.js';
import { fromWallClock, localDay, startOfLocalDay } from '../../core/time.js';
import { reliabilityRouter } from '../../dashboard/api/reliability.js';
import { createLogger } from '../../server/log.js';
import { requireRole, TokenRegistry } from '../../dashboard/api/middleware/auth/index.js';
import { errorHandler, notFoundHandler } from '../../dashboard/api/middleware/errors/index.js';
import { type Store, sql, Writer, walCaughtUp } from '../../store/index.js';
import { eventually, testRoot } from '../support/questdb.js';
import { mulberry32 } from '../support/random-history.js';
import { sharedStore } from '../support/store.js';

const Z = 'Asia/Shanghai';
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const local = (year: number, month: number, day: number, hour = 0, minute = 0): number =>
  fromWallClock({ year, month, day, hour, minute, second: 0, millisecond: 0 }, Z);

let store: Store;
let writer: Writer;
let spoolDir: string;

beforeAll(async () => {
  store = await sharedStore();
  spoolDir = mkdtempSync(join(testRoot(), 'reliability-sql-'));
  const log = { info() {}, warn() {}, error() {} };
  writer = await Writer.open({ connection: store.connection, store, spoolDir, spoolLimitBytes: 5e7, log });
});

afterAll(async () => {
  await writer.close();
  rmSync(spoolDir, { recursive: true, force: true });
});

/** Writes the records and waits until QuestDB shows all of them (WAL tables apply later). */
async function load(prefix: string, assets: readonly Asset[], events: readonly OutageEvent[]): Promise<void> {
  const receivedAt = Date.now();
  if (assets.length > 0) await writer.write({ kind: 'assets', receivedAt, records: [...assets] });
  if (events.length > 0) await writer.write({ kind: 'outages', receivedAt, records: [...events] });
  const versions = new Set(assets.map((a) => `${a.assetId}\n${a.validFrom}`)).size;
  const links = events.reduce((n, e) => n + new Set(e.affectedAreas ?? []).size, 0);
  const like = `${prefix}%`;
  await eventually(async () => {
    const [a] = await store.rows<{ n: number }>(
      sql`SELECT count() n FROM assets WHERE asset_id LIKE ${like}`,
    );
    const [o] = await store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id LIKE ${like} AND NOT deleted`,
    );
    const [l] = await store.rows<{ n: number }>(
      sql`SELECT count() n FROM outage_areas WHERE event_id LIKE ${like} AND NOT deleted`,
    );
    return a?.n === versions && o?.n === events.length && l?.n === links;
  }, 30_000);
  // The reach rows (what each outage interrupted) are written with the outages: readable once
  // their WAL has caught up to what was acknowledged.
  expect(await walCaughtUp(store, ['outage_reach'], 30_000)).toBe(true);
}

// ---------------------------------------------------------------- comparison

const close = (a: number | null, b: number | null): boolean =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)));

function rowNumbers(r: ReliabilityRow): Record<string, number | null | boolean> {
  const out: Record<string, number | null | boolean> = {
    customers: r.customers,
    events: r.events,
    shortEvents: r.shortEvents,
    customerInterruptions: r.customerInterruptions,
    shortInterruptions: r.shortInterruptions,
    customerMinutes: r.customerMinutes,
    saifi: r.saifi,
    saidi: r.saidi,
    caidi: r.caidi,
    asai: r.asai,
    maifi: r.maifi,
    customersInterrupted: r.customersInterrupted,
    includesOngoing: r.includesOngoing,
  };
  for (const c of r.cemi) {
    out[`cemi${c.n}.customers`] = c.customers;
    out[`cemi${c.n}.value`] = c.value;
  }
  for (const c of r.celid) {
    out[`celid${c.hours}.singleCustomers`] = c.singleCustomers;
    out[`celid${c.hours}.single`] = c.single;
    out[`celid${c.hours}.cumulativeCustomers`] = c.cumulativeCustomers;
    out[`celid${c.hours}.cumulative`] = c.cumulative;
  }
  return out;
}

/** Differences between two reports (numbers within 1e-9 relative), as readable lines. */
function differences(got: ReliabilityReport, ref: ReliabilityReport): string[] {
  const diffs: string[] = [];
  const keysOf = (r: ReliabilityReport) => r.rows.map((x) => JSON.stringify(x.keys));
  if (JSON.stringify(keysOf(got)) !== JSON.stringify(keysOf(ref))) {
    diffs.push(`groups: ${JSON.stringify(keysOf(got))} vs ${JSON.stringify(keysOf(ref))}`);
    return diffs;
  }
  got.rows.forEach((row, i) => {
    const a = rowNumbers(row);
    const b = rowNumbers(ref.rows[i] as ReliabilityRow);
    for (const [k, v] of Object.entries(b)) {
      const x = a[k];
      const same = typeof v === 'boolean' || typeof x === 'boolean' ? x === v : close(x ?? null, v);
      if (!same) diffs.push(`${JSON.stringify(row.keys)} ${k}: ${x} vs ${v}`);
    }
  });
  for (const k of ['periodHours', 'includesOngoing', 'exclusionsApplied', 'majorEventDaysApplied'] as const) {
    if (got[k] !== ref[k]) diffs.push(`${k}: ${got[k]} vs ${ref[k]}`);
  }
  if (JSON.stringify(got.dropped) !== JSON.stringify(ref.dropped))
    diffs.push(`dropped: ${JSON.stringify(got.dropped)} vs ${JSON.stringify(ref.dropped)}`);
  const messages = (r: ReliabilityReport) =>
    r.issues
      .map((x) => x.message)
      .filter((m) => !m.includes('is sent again later'))
      .sort();
  if (JSON.stringify(messages(got)) !== JSON.stringify(messages(ref)))
    diffs.push(`issues: ${JSON.stringify(messages(got))} vs ${JSON.stringify(messages(ref))}`);
  return diffs;
}

type Options = Omit<ReliabilityOptions, 'assets' | 'events' | 'excluded'> & {
  excludedEventIds?: readonly string[];
};

/** Both evaluators on one data set; the SQL one reads only `scope`. */
async function both(
  data: { assets: readonly Asset[]; events: readonly OutageEvent[] },
  o: Options,
  scope: SqlReliabilityOptions['scope'],
): Promise<{ got: ReliabilityReport; ref: ReliabilityReport }> {
  const { excludedEventIds, ...rest } = o;
  const excludedSet = excludedEventIds ? new Set(excludedEventIds) : undefined;
  const ref = computeReliability({
    ...rest,
    assets: data.assets,
    events: data.events,
    ...(excludedSet ? { excluded: (e: OutageEvent) => excludedSet.has(e.eventId) } : {}),
  });
  const got = await queryReliability(store, {
    ...rest,
    scope,
    ...(excludedEventIds ? { excludedEventIds } : {}),
  });
  if (!ref.ok || !got.ok) throw new Error(`options refused: ${JSON.stringify([ref, got])}`);
  return { got: got.value, ref: ref.value };
}

// ---------------------------------------------------------------- a hand-computed grid

describe('a small grid computed by hand', () => {
  const P = 'RSH-';
  const region = { province: 'RSH省', city: '保山市', county: '隆阳区', areaClass: 'urban' as const };
  const assets: Asset[] = [
    { assetId: `${P}F`, kind: 'feeder', ...region, customers: 200, validFrom: local(2023, 1, 1) },
    {
      assetId: `${P}A`,
      kind: 'area',
      feederId: `${P}F`,
      ...region,
      customers: 120,
      validFrom: local(2023, 1, 1),
    },
    {
      assetId: `${P}B`,
      kind: 'area',
      feederId: `${P}F`,
      ...region,
      customers: 80,
      validFrom: local(2023, 1, 1),
    },
  ];
  const events: OutageEvent[] = [
    {
      eventId: `${P}e1`,
      assetId: `${P}F`,
      start: local(2024, 6, 3, 9),
      end: local(2024, 6, 3, 10),
      customersAffected: 200,
      restorations: [],
      cause: 'equipment_fault',
      planned: false,
    },
    {
      eventId: `${P}e2`,
      assetId: `${P}A`,
      start: local(2024, 6, 10, 14),
      end: local(2024, 6, 10, 14, 30),
      customersAffected: 120,
      restorations: [{ at: local(2024, 6, 10, 14, 10), customersRestored: 60 }],
      cause: 'weather_fault',
      planned: false,
    },
  ];
  beforeAll(() => load(P, assets, events));

  it('gives SAIFI 1.6, SAIDI 1.2 h, CAIDI 0.75 h with step restoration, as the reference does', async () => {
    const o: Options = { from: local(2024, 6, 1), to: local(2024, 7, 1), asOf: local(2024, 8, 1), zone: Z };
    const { got, ref } = await both(
      { assets, events },
      { ...o, denominator: 'end' },
      { assetIds: assets.map((a) => a.assetId) },
    );
    expect(differences(got, ref)).toEqual([]);
    const [row] = got.rows;
    // 200 + 120 customer interruptions; 200 × 60 + 60 × 10 + 60 × 30 customer minutes; N_T = 200
    expect(row).toMatchObject({
      keys: {},
      customers: 200,
      events: 2,
      customerInterruptions: 320,
      customerMinutes: 14_400,
      saifi: 1.6,
      saidi: 1.2,
      maifi: 0,
      includesOngoing: false,
    });
    expect(row?.caidi).toBeCloseTo(0.75, 12);
    expect(row?.asai).toBeCloseTo(1 - 1.2 / 720, 12);
    expect(got.periodHours).toBe(720);
  });
});

// ---------------------------------------------------------------- the fixed grid

const F = 'RSF-';
const P1 = 'RSF省一';
const P2 = 'RSF省二';
const fixedAssets: Asset[] = (() => {
  const since = local(2023, 1, 1);
  const c1 = { province: P1, city: 'RSF市一', county: 'RSF县一' };
  const c2 = { province: P1, city: 'RSF市二', county: 'RSF县二' };
  const c3 = { province: P2, city: 'RSF市三', county: 'RSF县三' };
  return [
    {
      assetId: `${F}F1`,
      kind: 'feeder',
      ...c1,
      areaClass: 'urban',
      customers: 900,
      transformers: 4,
      validFrom: since,
    },
    {
      assetId: `${F}F2`,
      kind: 'feeder',
      ...c2,
      areaClass: 'rural',
      customers: 400,
      transformers: 2,
      validFrom: since,
    },
    // a leaf feeder (no area names it): its own customers are the users it serves
    {
      assetId: `${F}F3`,
      kind: 'feeder',
      ...c3,
      park: 'RSF园',
      areaClass: 'town',
      customers: 150,
      validFrom: since,
    },
    // customers change mid-period
    {
      assetId: `${F}A1`,
      kind: 'area',
      feederId: `${F}F1`,
      ...c1,
      park: 'RSF园',
      areaClass: 'urban_core',
      customers: 300,
      validFrom: since,
    },
    {
      assetId: `${F}A1`,
      kind: 'area',
      feederId: `${F}F1`,
      ...c1,
      park: 'RSF园',
      areaClass: 'urban_core',
      customers: 360,
      validFrom: local(2024, 3, 15),
    },
    // moves from F1 to F2 (and to another city) at local midnight of 10 March
    {
      assetId: `${F}A2`,
      kind: 'area',
      feederId: `${F}F1`,
      ...c1,
      areaClass: 'urban',
      customers: 200,
      validFrom: since,
    },
    {
      assetId: `${F}A2`,
      kind: 'area',
      feederId: `${F}F2`,
      ...c2,
      areaClass: 'rural',
      customers: 200,
      validFrom: local(2024, 3, 10),
    },
    {
      assetId: `${F}A3`,
      kind: 'area',
      feederId: `${F}F2`,
      ...c2,
      areaClass: 'rural',
      customers: 400,
      validFrom: since,
    },
    // registered after its first outage
    {
      assetId: `${F}A4`,
      kind: 'area',
      feederId: `${F}F1`,
      ...c1,
      areaClass: 'urban',
      customers: 100,
      validFrom: local(2024, 3, 5),
    },
  ];
})();

const fixedEvents: OutageEvent[] = (() => {
  const e = (
    id: string,
    asset: string,
    start: number,
    end: number | null,
    customersAffected: number,
    more: Partial<OutageEvent> = {},
  ): OutageEvent => ({
    eventId: `${F}${id}`,
    assetId: `${F}${asset}`,
    start,
    end,
    customersAffected,
    restorations: [],
    cause: 'equipment_fault',
    planned: false,
    ...more,
  });
  const t = (d: number, h = 0, m = 0) => local(2024, 3, d, h, m);
  return [
    e('e01', 'F1', t(2, 8), t(2, 10), 600), // no affectedAreas: every area on F1 at the start
    e('e02', 'F1', t(12, 9), t(12, 10, 30), 300, {
      affectedAreas: [`${F}A1`],
      restorations: [
        { at: t(12, 9, 30), customersRestored: 100 },
        { at: t(12, 10), customersRestored: 150 },
      ],
      cause: 'planned_maintenance',
      planned: true,
    }),
    e('e03', 'A3', t(5, 10), t(5, 10, 2), 400, { cause: 'mode_adjustment' }), // short
    e('e04', 'A2', t(20, 6), t(20, 10), 200, {
      cause: 'external_damage',
      restorations: [
        { at: t(20, 7), customersRestored: 50 },
        { at: t(20, 15), customersRestored: 100 }, // after the end: counts to the end
      ],
    }),
    e('e05', 'F3', t(24, 20), null, 150, { cause: 'weather_fault' }), // ongoing
    e('e06', 'F2', local(2024, 2, 28, 22), t(1, 4), 400, { cause: 'supply_shortage' }), // across `from`
    e('e07', 'F1', t(25, 10), t(25, 15), 500, {
      restorations: [
        { at: t(25, 11), customersRestored: 200 },
        { at: t(25, 13), customersRestored: 100 }, // after asOf: not yet restored
      ],
    }),
    e('e08', 'A1', t(28, 9), t(28, 10), 300), // after asOf
    e('e09', 'F2', t(15, 7), t(15, 9), 250, { affectedAreas: [`${F}A2`, `${F}X404`, `${F}F1`] }),
    e('e10', 'F1', t(6, 13), t(6, 17), 700, { affectedAreas: [] }), // an empty list interrupts no area (ingest refuses one)
    e('e11', 'X999', t(7, 7), t(7, 8), 10), // unknown asset
    e('e12', 'A4', t(3, 12), t(3, 14), 100, { cause: 'customer_side' }), // before A4's first version
    e('e13', 'F2', t(31, 23), local(2024, 4, 1, 2), 0, { cause: 'unknown' }), // across `to`, no customers
    e('e14', 'A1', t(9, 9), t(9, 9, 3), 300, { cause: 'protective_supply_switching' }), // exactly 3 min
    e('e15', 'A3', t(8, 0), t(8, 0, 30), 400, { cause: 'planned_construction', planned: true }),
    e('e16', 'F1', t(10), t(10, 5), 900, { cause: 'natural_disaster' }), // at A2's move
  ];
})();

const fixedScope = { assetIds: [...new Set(fixedAssets.map((a) => a.assetId)), `${F}X999`] };
const fixedPeriod = { from: local(2024, 3, 1), to: local(2024, 4, 1), asOf: local(2024, 3, 25, 12), zone: Z };

const GROUP_BYS: readonly GroupBy[] = [
  'all',
  'province',
  'city',
  'county',
  'areaClass',
  'park',
  'feeder',
  'area',
  ['city', 'areaClass'],
  ['province', 'feeder', 'area'],
];

describe('the fixed grid: SQL equals the reference', () => {
  const data = { assets: fixedAssets, events: fixedEvents };
  beforeAll(() => load(F, fixedAssets, fixedEvents));

  it('for every groupBy, convention, split and denominator', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const groupBy of GROUP_BYS)
      for (const convention of USER_CONVENTIONS)
        for (const splitAtEdges of [false, true])
          for (const denominator of ['time_weighted', 'end'] as const) {
            const o = { ...fixedPeriod, groupBy, convention, splitAtEdges, denominator };
            const { got, ref } = await both(data, o, fixedScope);
            cases += 1;
            for (const d of differences(got, ref)) failures.push(`${JSON.stringify(o)}: ${d}`);
          }
    expect(failures).toEqual([]);
    expect(cases).toBe(80);
  });

  it('for every variant in both conventions, with the events each one drops', async () => {
    const failures: string[] = [];
    for (const variant of VARIANTS)
      for (const convention of USER_CONVENTIONS) {
        const { got, ref } = await both(
          data,
          { ...fixedPeriod, groupBy: 'county', variant, convention },
          fixedScope,
        );
        for (const d of differences(got, ref)) failures.push(`${variant} ${convention}: ${d}`);
        expect(got.dropped.variant).toBe(ref.dropped.variant);
      }
    expect(failures).toEqual([]);
  });

  it('states ongoing outages, step restoration and data problems as the reference does', async () => {
    const { got, ref } = await both(data, { ...fixedPeriod, groupBy: 'feeder' }, fixedScope);
    expect(differences(got, ref)).toEqual([]);
    expect(got.includesOngoing).toBe(true);
    expect(got.rows.find((r) => r.keys.feeder === `${F}F3`)?.includesOngoing).toBe(true);
    expect(got.issues.map((i) => i.message).sort()).toEqual([
      '"RSF-F1" is not a transformer area',
      'unknown asset: "RSF-X999"',
      'unknown transformer area: "RSF-X404"',
    ]);
  });

  it('for other short-outage thresholds, asOf times, beforeFirstVersion and CEMI/CELID settings', async () => {
    const variations: Options[] = [
      { ...fixedPeriod, shortOutageMinutes: 5, groupBy: 'city' },
      { ...fixedPeriod, shortOutageMinutes: 0, groupBy: 'area', convention: 'transformers' },
      { ...fixedPeriod, asOf: local(2024, 5, 1), groupBy: 'feeder', splitAtEdges: true },
      { ...fixedPeriod, asOf: local(2024, 2, 20), groupBy: 'county' },
      { ...fixedPeriod, asOf: local(2024, 3, 1), groupBy: 'city', denominator: 'end' },
      { ...fixedPeriod, asOf: fixedEvents[1]!.start, groupBy: 'area' },
      { ...fixedPeriod, beforeFirstVersion: 'absent', groupBy: 'area' },
      { ...fixedPeriod, beforeFirstVersion: 'absent', groupBy: 'all', convention: 'transformers' },
      { ...fixedPeriod, groupBy: 'county', cemiN: [0, 2], celidHours: [0, 0.5, 2.5] },
      {
        ...fixedPeriod,
        from: local(2024, 3, 10, 3, 30),
        to: local(2024, 3, 12, 9, 45),
        groupBy: 'area',
        splitAtEdges: true,
      },
    ];
    const failures: string[] = [];
    for (const o of variations) {
      const { got, ref } = await both(data, o, fixedScope);
      for (const d of differences(got, ref)) failures.push(`${JSON.stringify(o)}: ${d}`);
    }
    expect(failures).toEqual([]);
  });

  it('drops excluded event ids and major event days, counting them', async () => {
    const excludedEventIds = [`${F}e01`, `${F}e09`, `${F}nope`];
    const majorEventDays = new Set([localDay(local(2024, 3, 6, 12), Z), localDay(local(2024, 3, 20, 12), Z)]);
    const { got, ref } = await both(
      data,
      { ...fixedPeriod, groupBy: 'city', excludedEventIds, majorEventDays },
      fixedScope,
    );
    expect(differences(got, ref)).toEqual([]);
    expect(got.dropped).toEqual({ variant: 0, excluded: 2, majorEventDays: 2 });
    expect(got.exclusionsApplied && got.majorEventDaysApplied).toBe(true);
  });

  it('takes a long excluded list through a scratch table, and drops the table afterwards', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => `${F}not-an-event-${String(i).padStart(5, '0')}`);
    const excludedEventIds = [...filler, `${F}e02`, `${F}e16`];
    expect(excludedEventIds.join('').length).toBeGreaterThan(INLINE_CHARS);
    const { got, ref } = await both(data, { ...fixedPeriod, groupBy: 'area', excludedEventIds }, fixedScope);
    expect(differences(got, ref)).toEqual([]);
    expect(got.dropped.excluded).toBe(2);
    const left = await store.rows(
      sql`SELECT table_name FROM tables() WHERE table_name LIKE 'reliability_ids_%'`,
    );
    expect(left).toEqual([]);
  });

  it('reads the region scope from provinces as well as from asset ids', async () => {
    const o: Options = { ...fixedPeriod, groupBy: 'county' };
    const byIds = await queryReliability(store, { ...o, scope: { assetIds: fixedScope.assetIds } });
    const byProvince = await queryReliability(store, { ...o, scope: { provinces: [P1, P2] } });
    expect(byIds.ok && byProvince.ok).toBe(true);
    if (!byIds.ok || !byProvince.ok) return;
    // the event on the unknown asset is outside a province scope; everything else is the same
    expect(byProvince.value.rows).toEqual(byIds.value.rows);
  });

  it('gives the daily SAIDI of the reference in both conventions and denominators, across a DST change', async () => {
    const failures: string[] = [];
    for (const zone of [Z, 'America/New_York'])
      for (const convention of USER_CONVENTIONS)
        for (const denominator of ['time_weighted', 'end'] as const) {
          const o = {
            fromDay: localDay(local(2024, 2, 26), zone),
            toDay: localDay(local(2024, 4, 3), zone),
            asOf: fixedPeriod.asOf,
            zone,
            convention,
            denominator,
          };
          const ref = dailySaidi({ ...o, assets: fixedAssets, events: fixedEvents });
          const got = await queryDailySaidi(store, { ...o, scope: fixedScope });
          if (!ref.ok || !got.ok) throw new Error('refused');
          got.value.days.forEach((d, i) => {
            const r = ref.value.days[i]!;
            const same =
              d.date === r.date &&
              d.includesOngoing === r.includesOngoing &&
              close(d.minutes, r.minutes) &&
              close(d.customers, r.customers);
            if (!same) failures.push(`${zone} ${convention} ${denominator}: ${JSON.stringify([d, r])}`);
          });
          expect(got.value.days.length).toBe(ref.value.days.length);
        }
    expect(failures).toEqual([]);
  });

  it('refuses the options the reference refuses, with the same issues', async () => {
    const bad = {
      from: 10,
      to: 5,
      asOf: 20,
      variant: 'bogus',
      groupBy: ['city', 'town'],
    } as unknown as Options;
    const ref = computeReliability({ ...bad, assets: [], events: [] });
    const got = await queryReliability(store, { ...bad, scope: { assetIds: [] } });
    expect(got.ok).toBe(false);
    if (got.ok || ref.ok) return;
    expect(got.issues).toEqual([
      ...ref.issues,
      { path: 'scope.assetIds', message: 'must name at least one value, got: []' },
    ]);
  });
});

describe('restoration steps past the json_extract branches', () => {
  const P = 'RSS-';
  const region = { province: 'RSS省', city: 'RSS市', areaClass: 'rural' as const };
  const start = local(2024, 9, 1, 8);
  const assets: Asset[] = [
    { assetId: `${P}F`, kind: 'feeder', ...region, customers: 1000, validFrom: local(2024, 1, 1) },
    {
      assetId: `${P}A`,
      kind: 'area',
      feederId: `${P}F`,
      ...region,
      customers: 1000,
      validFrom: local(2024, 1, 1),
    },
  ];
  const steps = JSON_STEPS + 16;
  const events: OutageEvent[] = [
    {
      eventId: `${P}many`,
      assetId: `${P}F`,
      start,
      end: start + (steps + 5) * 10 * MINUTE,
      customersAffected: 1000,
      restorations: Array.from({ length: steps }, (_, k) => ({
        at: start + (k + 1) * 10 * MINUTE,
        customersRestored: 10 + k,
      })),
      cause: 'weather_fault',
      planned: false,
    },
    {
      eventId: `${P}two`,
      assetId: `${P}A`,
      start: start + DAY,
      end: start + DAY + 2 * HOUR,
      customersAffected: 500,
      restorations: [
        { customersRestored: 100, at: start + DAY + 30 * MINUTE },
        { at: start + DAY + HOUR, customersRestored: 200 },
      ],
      cause: 'equipment_fault',
      planned: false,
    },
  ];
  beforeAll(() => load(P, assets, events));

  it(`reads ${steps} steps (and keys in any order) as the reference does`, async () => {
    const failures: string[] = [];
    for (const asOf of [local(2024, 10, 1), start + 95 * MINUTE])
      for (const groupBy of ['all', 'area'] as const)
        for (const splitAtEdges of [false, true]) {
          const o = { from: start - HOUR, to: start + 3 * HOUR, asOf, zone: Z, groupBy, splitAtEdges };
          const { got, ref } = await both({ assets, events }, o, { assetIds: assets.map((a) => a.assetId) });
          for (const d of differences(got, ref)) failures.push(`${JSON.stringify(o)}: ${d}`);
        }
    expect(failures).toEqual([]);
  });
});

// ---------------------------------------------------------------- seeded random histories

interface RandomCase {
  seed: number;
  prefix: string;
  assets: Asset[];
  events: OutageEvent[];
  options: Options;
  scope: SqlReliabilityOptions['scope'];
}

const RANDOM_PREFIX = 'RSR-';
const CLASSES = ['urban_core', 'urban', 'town', 'rural'] as const;
const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York'] as const;

/** A small history and options drawn from `seed`: the same seed always gives the same case. */
function randomCase(seed: number): RandomCase {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number): boolean => rand() < p;
  const prefix = `${RANDOM_PREFIX}${seed}-`;
  const id = (s: string): string => `${prefix}${s}`;
  const zone = pick(ZONES);
  const regions = [
    { province: `${prefix}省甲`, city: '昆明', county: '五华' },
    { province: `${prefix}省甲`, city: '昆明', county: '盘龙' },
    { province: `${prefix}省乙`, city: '曲靖', county: '麒麟' },
  ];
  const day0 = localDay(local(2024, 2, 20), zone) + int(0, 30);
  const from = startOfLocalDay(day0, zone) + (chance(0.3) ? int(1, 1439) * MINUTE : 0);
  const to = from + int(1, 40) * DAY + (chance(0.3) ? int(-600, 600) * MINUTE : 0);
  const within = (lo: number, hi: number): number => lo + Math.floor(rand() * ((hi - lo) / MINUTE)) * MINUTE;

  const assets: Asset[] = [];
  const feeders = Array.from({ length: int(1, 3) }, (_, i) => id(`F${i + 1}`));
  const areas = Array.from({ length: int(0, 6) }, (_, i) => id(`A${i + 1}`));
  const since = from - 200 * DAY;
  const version = (assetId: string, validFrom: number) => ({
    assetId,
    validFrom,
    ...pick(regions),
    areaClass: pick(CLASSES),
    customers: int(0, 500),
    ...(chance(0.3) ? { park: pick(['园一', '园二']) } : {}),
    // 10 kV customers with transformers of their own: DL/T 836 users in the transformers convention
    ...(chance(0.3) ? { enterpriseCustomers: int(1, 6) } : {}),
  });
  const later = (assetId: string, first: number): void => {
    const used = new Set([first]);
    for (let k = int(0, 2); k > 0; k--) {
      const at = within(from - 10 * DAY, to + 5 * DAY);
      if (used.has(at)) continue;
      used.add(at);
      const feederId = pick(feeders);
      assets.push(
        areas.includes(assetId)
          ? { ...version(assetId, at), kind: 'area', feederId }
          : { ...version(assetId, at), kind: 'feeder' },
      );
    }
  };
  for (const f of feeders) {
    assets.push({ ...version(f, since), kind: 'feeder', transformers: int(0, 9) });
    if (chance(0.3)) later(f, since);
  }
  for (const a of areas) {
    const first = chance(0.15) ? within(from - 5 * DAY, to) : since;
    assets.push({ ...version(a, first), kind: 'area', feederId: pick(feeders) });
    later(a, first);
  }
  const changes = assets.map((a) => a.validFrom).filter((t) => t !== since);

  const provinceScope = chance(0.4);
  const unknown = id('X404');
  const events: OutageEvent[] = [];
  for (let i = int(0, 25); i > 0; i--) {
    const assetId = provinceScope
      ? pick([...feeders, ...areas])
      : chance(0.05)
        ? unknown
        : pick([...feeders, ...areas]);
    const how = rand();
    const start =
      how < 0.1 && changes.length > 0
        ? pick(changes)
        : how < 0.15
          ? from
          : how < 0.2
            ? to
            : how < 0.25 && events.length > 0
              ? pick(events).start
              : within(from - 15 * DAY, to + 5 * DAY);
    const d = rand();
    const duration =
      d < 0.1
        ? null
        : d < 0.17
          ? 3 * MINUTE
          : d < 0.22
            ? 3 * MINUTE + 1
            : d < 0.25
              ? 0
              : d < 0.35
                ? int(1, 5) * MINUTE
                : int(6, 3000) * MINUTE;
    const customersAffected = int(0, 300);
    const restorations: OutageEvent['restorations'] = [];
    if (chance(0.4)) {
      let left = customersAffected;
      const span = duration ?? 600 * MINUTE;
      const ats = Array.from({ length: int(1, 3) }, () => start + int(-10, span / MINUTE + 60) * MINUTE).sort(
        (a, b) => a - b,
      );
      for (const at of ats) {
        const n = int(0, left);
        left -= n;
        restorations.push({ at, customersRestored: n });
      }
    }
    const cause = pick(CAUSES);
    const event: OutageEvent = {
      eventId: id(`e${String(events.length).padStart(2, '0')}`),
      assetId,
      start,
      end: duration === null ? null : start + duration,
      customersAffected,
      restorations,
      cause,
      planned: chance(0.1) ? !isPlannedCause(cause) : isPlannedCause(cause),
    };
    if (feeders.includes(assetId)) {
      const a = rand();
      if (a < 0.4) event.affectedAreas = areas.filter(() => chance(0.5));
      else if (a < 0.5) event.affectedAreas = [];
      else if (a < 0.55)
        event.affectedAreas = [...new Set([pick([...areas, unknown]), pick(feeders), unknown])];
    }
    events.push(event);
  }

  const q = rand();
  const asOf =
    q < 0.3
      ? to + int(0, 10 * 1440) * MINUTE
      : q < 0.6
        ? within(from, to)
        : q < 0.7
          ? from - int(1, 3000) * MINUTE
          : q < 0.85 && events.length > 0
            ? pick(events).start
            : q < 1 && events.some((e) => e.end !== null)
              ? (pick(events.filter((e) => e.end !== null)).end as number)
              : to;
  const options: Options = {
    from,
    to,
    asOf,
    zone,
    groupBy: pick(GROUP_BYS),
    convention: pick(USER_CONVENTIONS),
    variant: pick(VARIANTS),
    splitAtEdges: chance(0.5),
    denominator: pick(['time_weighted', 'end'] as const),
    shortOutageMinutes: pick([3, 3, 5, 0, 1.5]),
    ...(chance(0.2) ? { beforeFirstVersion: 'absent' as const } : {}),
    ...(chance(0.3) ? { cemiN: [0, 2], celidHours: [0, 0.5, 2.5] } : {}),
  };
  if (chance(0.25))
    options.excludedEventIds = [...events.filter(() => chance(0.3)).map((e) => e.eventId), id('none')];
  if (chance(0.2))
    options.majorEventDays = new Set([
      ...events.filter(() => chance(0.3)).map((e) => localDay(e.start, zone)),
      day0 + 3,
    ]);
  const scope = provinceScope
    ? { provinces: [regions[0]!.province, regions[2]!.province] }
    : { assetIds: [...feeders, ...areas, unknown] };
  return { seed, prefix, assets, events, options, scope };
}

describe('seeded random histories: SQL equals the reference', () => {
  const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);
  const cases = SEEDS.map(randomCase);
  beforeAll(async () => {
    const assets = cases.flatMap((c) => c.assets);
    const events = cases.flatMap((c) => c.events);
    await load(RANDOM_PREFIX, assets, events);
  }, 120_000);

  it('generates varied cases', () => {
    const events = cases.reduce((n, c) => n + c.events.length, 0);
    const withFigures = cases.filter((c) => {
      const r = computeReliability({ ...c.options, assets: c.assets, events: c.events });
      return r.ok && r.value.rows.some((row) => row.events > 0 && (row.saidi ?? 0) > 0);
    });
    expect(withFigures.length).toBeGreaterThanOrEqual(30);
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(events).toBeGreaterThan(400);
    expect(cases.some((c) => c.events.some((e) => e.end === null))).toBe(true);
    expect(cases.some((c) => c.events.some((e) => e.restorations.length > 1))).toBe(true);
  });

  it.each(SEEDS)('seed %i', async (seed) => {
    const c = cases[seed - 1000] as RandomCase;
    const { got, ref } = await both(c, c.options, c.scope);
    expect(differences(got, ref), `replay: randomCase(${seed})`).toEqual([]);
  });

  it.each(SEEDS.filter((s) => s % 4 === 0))('daily SAIDI, seed %i', async (seed) => {
    const c = cases[seed - 1000] as RandomCase;
    const { from, to, asOf, zone, convention, variant, denominator, shortOutageMinutes } = c.options;
    const z = zone ?? Z;
    const o = {
      fromDay: localDay(from, z) - 3,
      toDay: localDay(to, z) + 3,
      asOf,
      zone: z,
      convention,
      variant,
      denominator,
      shortOutageMinutes,
    };
    const ref = dailySaidi({ ...o, assets: c.assets, events: c.events });
    const got = await queryDailySaidi(store, { ...o, scope: c.scope });
    expect(ref.ok && got.ok).toBe(true);
    if (!ref.ok || !got.ok) return;
    expect(got.value.days.map((d) => [d.date, d.includesOngoing])).toEqual(
      ref.value.days.map((d) => [d.date, d.includesOngoing]),
    );
    got.value.days.forEach((d, i) => {
      const r = ref.value.days[i]!;
      expect(close(d.minutes, r.minutes) && close(d.customers, r.customers), `${d.date}`).toBe(true);
    });
  });
});

// ---------------------------------------------------------------- years of history

const M = 'RSM-';
const MP = 'RSM省';
const medAssets: Asset[] = [
  {
    assetId: `${M}F1`,
    kind: 'feeder',
    province: MP,
    city: '甲市',
    areaClass: 'urban',
    customers: 500,
    validFrom: local(2018, 1, 1),
  },
  {
    assetId: `${M}F2`,
    kind: 'feeder',
    province: MP,
    city: '乙市',
    areaClass: 'rural',
    customers: 300,
    validFrom: local(2018, 1, 1),
  },
  {
    assetId: `${M}A1`,
    kind: 'area',
    feederId: `${M}F1`,
    province: MP,
    city: '甲市',
    areaClass: 'urban',
    customers: 200,
    validFrom: local(2018, 1, 1),
  },
  {
    assetId: `${M}A2`,
    kind: 'area',
    feederId: `${M}F1`,
    province: MP,
    city: '甲市',
    areaClass: 'urban',
    customers: 300,
    validFrom: local(2018, 1, 1),
  },
  {
    assetId: `${M}A2`,
    kind: 'area',
    feederId: `${M}F1`,
    province: MP,
    city: '甲市',
    areaClass: 'urban',
    customers: 350,
    validFrom: local(2022, 6, 1),
  },
];
const medEvents: OutageEvent[] = (() => {
  const rand = mulberry32(7);
  const out: OutageEvent[] = [];
  const assets = [`${M}F1`, `${M}F2`, `${M}A1`, `${M}A2`];
  for (let t = local(2019, 1, 2); t < local(2024, 12, 20); t += Math.floor((1 + rand() * 5) * DAY)) {
    out.push({
      eventId: `${M}e${out.length}`,
      assetId: assets[Math.floor(rand() * assets.length)]!,
      start: t,
      end: t + Math.floor((10 + rand() * 240) * MINUTE),
      customersAffected: Math.floor(50 + rand() * 250),
      restorations: [],
      cause: 'equipment_fault',
      planned: false,
    });
  }
  // a storm: far above the usual day
  out.push({
    eventId: `${M}storm`,
    assetId: `${M}F1`,
    start: local(2024, 7, 1, 3),
    end: local(2024, 7, 2, 20),
    customersAffected: 500,
    restorations: [],
    cause: 'natural_disaster',
    planned: false,
  });
  return out;
})();
const medScope = { provinces: [MP] };

describe('years of history: daily SAIDI, major event days and ranking', () => {
  beforeAll(() => load(M, medAssets, medEvents), 60_000);
  const asOf = local(2025, 1, 10);

  it('finds the major event days of a year as the reference does (2.5β, sample deviation)', async () => {
    const o = { year: 2024, asOf, zone: Z };
    const ref = majorEventDaysForYear({ ...o, assets: medAssets, events: medEvents });
    const got = await queryMajorEventDays(store, { ...o, scope: medScope });
    expect(ref.ok && got.ok).toBe(true);
    if (!ref.ok || !got.ok) return;
    const { threshold: t, days, series } = got.value;
    expect(t.nonZeroDays).toBe(ref.value.threshold.nonZeroDays);
    expect(close(t.tMed, ref.value.threshold.tMed) && close(t.alpha, ref.value.threshold.alpha)).toBe(true);
    expect(close(t.beta, ref.value.threshold.beta)).toBe(true);
    expect([...days]).toEqual([...ref.value.days]);
    expect(days.has(localDay(local(2024, 7, 1), Z))).toBe(true);
    expect(series.length).toBe(366);
    series.forEach((d, i) => {
      expect(close(d.minutes, ref.value.series[i]!.minutes)).toBe(true);
    });
  });

  it('ranks the cities of a year with the change on the year before as the reference does', async () => {
    const o = { year: 2023, asOf, zone: Z, groupBy: 'city' as const };
    const ref = regionalRanking({ ...o, assets: medAssets, events: medEvents });
    const got = await queryRegionalRanking(store, { ...o, scope: medScope });
    expect(ref.ok && got.ok).toBe(true);
    if (!ref.ok || !got.ok) return;
    expect(got.value.rows.map((r) => [r.keys, r.saidiRank, r.saifiRank])).toEqual(
      ref.value.rows.map((r) => [r.keys, r.saidiRank, r.saifiRank]),
    );
    got.value.rows.forEach((r, i) => {
      const x = ref.value.rows[i]!;
      expect(close(r.saidi, x.saidi) && close(r.saidiChangeFraction, x.saidiChangeFraction)).toBe(true);
      expect(close(r.saifi, x.saifi) && close(r.saifiChange, x.saifiChange)).toBe(true);
    });
  });
});

// ---------------------------------------------------------------- HTTP

describe('GET /reliability over HTTP', () => {
  const OPERATOR = 'reliability-operator-token-0123456789';
  const INGEST = 'reliability-ingest-token-0123456789';
  let url = '';
  let stop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    await Promise.all([load(F, fixedAssets, fixedEvents), load(M, medAssets, medEvents)]);
    const tokens = new TokenRegistry();
    tokens.add(OPERATOR, ['operator']);
    tokens.add(INGEST, ['ingest']);
    const app = express();
    app.use(
      '/api/v1',
      reliabilityRouter({
        store,
        zone: Z,
        requireRole: (role) => requireRole(tokens, role),
        now: () => local(2025, 1, 10),
      }),
    );
    app.use(notFoundHandler);
    app.use(errorHandler(createLogger('silent')));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    stop = () => new Promise((r) => server.close(() => r()));
  }, 60_000);
  afterAll(() => stop());

  const get = (path: string, accept = 'application/json', token = OPERATOR) =>
    fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}`, accept } });
  const fixedQuery = `from=2024-03-01&to=2024-04-01&asOf=${encodeURIComponent('2024-03-25T12:00:00+08:00')}&province=${encodeURIComponent(`${P1},${P2}`)}`;

  it('answers JSON rows with flattened keys in an envelope saying how the figures were taken', async () => {
    const res = await get(`/reliability?${fixedQuery}&groupBy=county,areaClass&convention=transformers`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { rows: Record<string, unknown>[] };
    expect(body).toMatchObject({
      period: { from: '2024-03-01T00:00:00+08:00', to: '2024-04-01T00:00:00+08:00' },
      asOf: '2024-03-25T12:00:00+08:00',
      zone: Z,
      variant: 'all',
      convention: 'transformers',
      denominator: {
        rule: 'time_weighted',
        window: { from: '2024-03-01T00:00:00+08:00', to: '2024-03-25T12:00:00+08:00' },
      },
      includesOngoing: true,
      majorEventDays: null,
    });
    const sqlReport = await queryReliability(store, {
      ...fixedPeriod,
      groupBy: ['county', 'areaClass'],
      convention: 'transformers',
      scope: { provinces: [P1, P2] },
    });
    if (!sqlReport.ok) throw new Error('refused');
    expect(body.rows.map((r) => [r['county'], r['areaClass'], r['saidi'], r['events']])).toEqual(
      sqlReport.value.rows.map((r) => [r.keys.county, r.keys.areaClass, r.saidi, r.events]),
    );
    expect(Object.keys(body.rows[0] ?? {}).slice(0, 9)).toEqual([
      'county',
      'areaClass',
      'customers',
      'events',
      'saifi',
      'saidi',
      'caidi',
      'asai',
      'maifi',
    ]);
  });

  it('answers CSV with a header line of the keys and measures', async () => {
    const res = await get(`/reliability?${fixedQuery}&groupBy=city`, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'city,customers,events,saifi,saidi,caidi,asai,maifi,customerInterruptions,customerMinutes,shortEvents,shortInterruptions,customersInterrupted,includesOngoing,cemi1,cemi3,cemi5,celidSingle1h,celidCumulative1h,celidSingle4h,celidCumulative4h',
    );
    expect(lines.filter((l) => l !== '').length).toBe(4); // header + three cities
  });

  it('answers an Arrow IPC stream that apache-arrow decodes', async () => {
    const res = await get(
      `/reliability?${fixedQuery}&groupBy=area&split=true`,
      'application/vnd.apache.arrow.stream',
    );
    expect(res.status).toBe(200);
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const json = (await (await get(`/reliability?${fixedQuery}&groupBy=area&split=true`)).json()) as {
      rows: { area: string | null; customerMinutes: number }[];
    };
    expect(table.numRows).toBe(json.rows.length);
    expect(table.schema.fields.map((f) => f.name).slice(0, 3)).toEqual(['area', 'customers', 'events']);
    expect(table.getChild('customerMinutes')?.toArray().length).toBe(json.rows.length);
    expect(Array.from(table.getChild('customerMinutes')?.toArray() ?? [])).toEqual(
      json.rows.map((r) => r.customerMinutes),
    );
  });

  it('excludes major event days found on the system daily SAIDI and says which', async () => {
    const res = await get(
      `/reliability?from=2024-01-01&to=2025-01-01&province=${encodeURIComponent(MP)}&excludeMajorEventDays=true`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      majorEventDays: { days: string[]; thresholds: { year: number; tMedMinutes: number | null }[] };
      dropped: { majorEventDays: number };
    };
    expect(body.majorEventDays.days).toContain('2024-07-01');
    expect(body.majorEventDays.thresholds[0]?.year).toBe(2024);
    expect(body.dropped.majorEventDays).toBeGreaterThanOrEqual(1);
  });

  it('lists daily SAIDI with the threshold and major event days', async () => {
    const res = await get(
      `/reliability/daily?from=2024-06-28&to=2024-07-03&province=${encodeURIComponent(MP)}`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      unit: string;
      thresholds: { year: number; tMedMinutes: number; nonZeroDays: number }[];
      rows: { date: string; majorEventDay: boolean; saidiMinutes: number | null }[];
    };
    expect(body.unit).toBe('minutes');
    expect(body.rows.map((r) => r.date)).toEqual([
      '2024-06-28',
      '2024-06-29',
      '2024-06-30',
      '2024-07-01',
      '2024-07-02',
    ]);
    expect(body.rows.filter((r) => r.majorEventDay).map((r) => r.date)).toEqual(['2024-07-01']);
    expect(body.thresholds[0]?.nonZeroDays).toBeGreaterThanOrEqual(30);
  });

  it('ranks regions of a year by SAIDI then SAIFI', async () => {
    const res = await get(`/reliability/ranking?year=2024&groupBy=city&province=${encodeURIComponent(MP)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      year: number;
      rows: { city: string; saidiRank: number; saidi: number }[];
    };
    expect(body.year).toBe(2024);
    expect(body.rows.map((r) => r.saidiRank)).toEqual([1, 2]);
    expect(body.rows[0]!.saidi).toBeLessThanOrEqual(body.rows[1]!.saidi);
    // A year after this one is refused with its reason (9999 once failed with a RangeError).
    for (const year of [9999, new Date().getUTCFullYear() + 2]) {
      const bad = await get(`/reliability/ranking?year=${year}`);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain('year');
    }
  });

  it('answers 400 naming each bad parameter and quoting its value', async () => {
    const res = await get(
      '/reliability?from=2024-03-01&to=someday&variant=bogus&groupBy=city,town&split=maybe&colour=red',
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: unknown[] };
    expect(body.error).toBe('invalid query parameters');
    expect(body.issues).toMatchInlineSnapshot(`
      [
        {
          "message": "unknown parameter (allowed: from, to, groupBy, split, shortOutageMinutes, excludeMajorEventDays, asOf, convention, variant, denominator, province, encoding)",
          "path": "colour",
        },
        {
          "message": "not a valid time: "someday" (use ISO-8601, e.g. 2025-06-03T14:05:00+08:00 or local 2025-06-03 14:05)",
          "path": "to",
        },
        {
          "message": "must be one of all, no_external, no_shortage, planned, fault, got: "bogus"",
          "path": "variant",
        },
        {
          "message": "must be all or a comma-separated list of province, city, county, areaClass, park, feeder, area, got: "city,town"",
          "path": "groupBy",
        },
        {
          "message": "must be true or false, got: "maybe"",
          "path": "split",
        },
      ]
    `);
  });

  it('answers 400 for a period that ends before it starts, and 403 without the operator role', async () => {
    const bad = await get('/reliability?from=2024-03-01&to=2024-02-01');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['to']);
    expect((await get(`/reliability?${fixedQuery}`, 'application/json', INGEST)).status).toBe(403);
  });
});
