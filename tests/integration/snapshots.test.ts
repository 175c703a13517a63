// The snapshot Grafana reads (analytics/snapshots, migration 13): after a full flag evaluation,
// flag_snapshot holds exactly the flags GET /api/v1/flags answers for the same as-of, with
// each asset's place, and reliability_snapshot the year's figures by county and each target
// group's status; latest_flags and latest_reliability show the newest complete snapshot.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateToDay, dayToDate, localDay, startOfLocalDay } from '../../core/time.js';
import { eventIdsJson } from '../../analytics/snapshots/index.js';
import type { Product } from '../../server/runtime.js';
import { sql, ts } from '../../store/index.js';
import { get, post, startTestProduct } from '../support/product.js';
import { eventually } from '../support/questdb.js';

const ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;
const P = `S${Date.now().toString(36)}`;
const id = (s: string) => `${P}-${s}`;
const province = `省${P}`;
const city = `市${P}`;
const county = `县${P}`;
const parkCounty = `园区县${P}`;
const park = `园区${P}`;

let product: Product;
/** Local day number of the day the fixture was written (outages are placed relative to it). */
let today: number;
/** The as-of of the full evaluation the snapshot comes from. */
let asOf: number;

/** An outage of one hour at local noon `ago` days before today. */
const outage = (name: string, assetId: string, ago: number, cause = 'equipment_fault') => {
  const start = startOfLocalDay(today - ago, ZONE) + 12 * HOUR;
  return {
    eventId: id(name),
    assetId,
    start: new Date(start).toISOString(),
    end: new Date(start + HOUR).toISOString(),
    customersAffected: 100,
    cause,
  };
};

type Outage = ReturnType<typeof outage>;
let feederOutages: Outage[] = [];
let parkOutage: Outage;

beforeAll(async () => {
  product = await startTestProduct({ OUTAGE_RULE_SETS: 'national-2025,kunming-parks-2023' });
  // The start-up evaluation first, so the one below is the snapshot's.
  await eventually(async () => product.deps.currentFlags.get('national-2025') !== undefined, 60_000);
  today = localDay(Date.now(), ZONE);
  const place = { province, city, county, areaClass: 'rural', validFrom: '2020-01-01' };
  const assets = [
    { assetId: id('F1'), kind: 'feeder', name: '一号线', customers: 1000, ...place },
    { assetId: id('F2'), kind: 'feeder', name: '二号线', customers: 500, ...place },
    {
      assetId: id('F3'),
      kind: 'feeder',
      name: '园区线',
      customers: 4,
      enterpriseCustomers: 4,
      ...place,
      county: parkCounty,
      park,
    },
  ];
  expect((await post(product, '/api/v1/assets?wait=visible', JSON.stringify(assets))).body['accepted']).toBe(
    3,
  );
  // F1: four counted outages within 60 days (50, 35, 20 and 5 days ago): the fourth breaches
  // the 60-day rule (limit 3); external damage 30 days ago is not counted. F2: three within the
  // last 60 days, the limit: at risk. Four and three stay under the 365-day rule's limit of 5.
  feederOutages = [
    outage('f1-50', id('F1'), 50),
    outage('f1-35', id('F1'), 35),
    outage('f1-30', id('F1'), 30, 'external_damage'),
    outage('f1-20', id('F1'), 20),
    outage('f1-5', id('F1'), 5),
    outage('f2-40', id('F2'), 40),
    outage('f2-25', id('F2'), 25),
    outage('f2-10', id('F2'), 10),
  ];
  // The park feeder: two hours, ended an hour ago, interrupting its 4 enterprise customers.
  const now = Date.now();
  parkOutage = {
    eventId: id('p1'),
    assetId: id('F3'),
    start: new Date(now - 3 * HOUR).toISOString(),
    end: new Date(now - HOUR).toISOString(),
    customersAffected: 4,
    cause: 'equipment_fault',
  };
  const sent = await post(
    product,
    '/api/v1/outages?wait=visible',
    JSON.stringify([...feederOutages, parkOutage]),
  );
  expect(sent.body['accepted']).toBe(9);
  expect(sent.body['visible']).toBe(true);
  await product.deps.currentFlags.refreshAll();
  await product.snapshots.idle();
  asOf = product.deps.currentFlags.get('national-2025')!.asOf;
}, 180_000);

afterAll(async () => {
  await product?.stop();
});

interface FlagRow {
  rule_set: string;
  rule: string;
  family: string;
  asset_id: string;
  kind: string;
  asset_name: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  status: string;
  count: number;
  rule_limit: number;
  window_start: string;
  window_end: string;
  breach_date: string | null;
  breach_day: number | null;
  event_ids: string;
}

/** A snapshot row in the API's shape. */
const asApiFlag = (r: FlagRow) => ({
  assetId: r.asset_id,
  kind: r.kind,
  rule: r.rule,
  ruleSet: r.rule_set,
  family: r.family,
  status: r.status,
  count: r.count,
  limit: r.rule_limit,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  breachDate: r.breach_date,
  eventIds: JSON.parse(r.event_ids) as string[],
});

const byAssetAndRule = (a: Record<string, unknown>, b: Record<string, unknown>): number =>
  `${String(a['assetId'])}\n${String(a['rule'])}` < `${String(b['assetId'])}\n${String(b['rule'])}` ? -1 : 1;

/** The snapshot's rows, or what the latest_flags view shows. */
const snapshotFlags = (latest = false) =>
  product.store.rows<FlagRow>(
    latest ? sql`SELECT * FROM latest_flags` : sql`SELECT * FROM flag_snapshot WHERE as_of = ${ts(asOf)}`,
  );

describe('flag snapshot', () => {
  it('holds exactly the flags GET /api/v1/flags answers for the same as-of, for every rule set in force', async () => {
    const rows = await snapshotFlags();
    for (const ruleSet of ['national-2025', 'kunming-parks-2023']) {
      const res = await get(
        product,
        `/api/v1/flags?ruleSet=${ruleSet}&asOf=${encodeURIComponent(new Date(asOf).toISOString())}`,
      );
      expect(res.status).toBe(200);
      const api = ((await res.json()) as { rows: Record<string, unknown>[] }).rows;
      const kept = rows.filter((r) => r.rule_set === ruleSet).map(asApiFlag);
      expect(kept.sort(byAssetAndRule)).toEqual([...api].sort(byAssetAndRule));
    }
    expect(rows.filter((r) => r.asset_id.startsWith(P)).length).toBe(2);
  });

  it("keeps a breach and an early warning with the asset's name and place and the breach day's instant", async () => {
    const mine = (await snapshotFlags())
      .filter((r) => r.asset_id.startsWith(P))
      .sort((a, b) => (a.asset_id < b.asset_id ? -1 : 1));
    const evaluated = localDay(asOf, ZONE);
    expect(mine).toEqual([
      {
        rule_set: 'national-2025',
        rule: 'over-3-in-60d',
        family: 'frequent_outage',
        asset_id: id('F1'),
        kind: 'feeder',
        asset_name: '一号线',
        province,
        city,
        county,
        status: 'breach',
        count: 4,
        rule_limit: 3,
        // the 60 local days ending on the breach date, 5 days before today
        window_start: dayToDate(today - 5 - 59),
        window_end: dayToDate(today - 5),
        breach_date: dayToDate(today - 5),
        breach_day: startOfLocalDay(today - 5, ZONE),
        event_ids: JSON.stringify([id('f1-50'), id('f1-35'), id('f1-20'), id('f1-5')]),
        as_of: asOf,
      },
      {
        rule_set: 'national-2025',
        rule: 'over-3-in-60d',
        family: 'frequent_outage',
        asset_id: id('F2'),
        kind: 'feeder',
        asset_name: '二号线',
        province,
        city,
        county,
        status: 'at_risk',
        count: 3,
        rule_limit: 3,
        window_start: dayToDate(evaluated - 59),
        window_end: dayToDate(evaluated),
        breach_date: null,
        breach_day: null,
        event_ids: JSON.stringify([id('f2-40'), id('f2-25'), id('f2-10')]),
        as_of: asOf,
      },
    ]);
  });

  it('is what latest_flags shows once its run is recorded, and the run counts its rows', async () => {
    const [run] = await product.store.rows<{ flags: number; rule_sets: string }>(
      sql`SELECT flags, rule_sets FROM snapshot_runs WHERE as_of = ${ts(asOf)}`,
    );
    const rows = await snapshotFlags();
    expect(run).toEqual({ flags: rows.length, rule_sets: 'national-2025,kunming-parks-2023' });
    const latest = await snapshotFlags(true);
    expect(latest.map(asApiFlag).sort(byAssetAndRule)).toEqual(rows.map(asApiFlag).sort(byAssetAndRule));
  });
});

describe('reliability snapshot', () => {
  interface ReliabilityRow {
    rule_set: string | null;
    rule: string | null;
    measure: string | null;
    dimension: string;
    region: string | null;
    city: string | null;
    period: string;
    convention: string;
    users: number | null;
    saidi_hours: number | null;
    saifi: number | null;
    target: number | null;
    allowed: number | null;
    status: string | null;
    includes_ongoing: boolean;
  }
  const year = () => Number(dayToDate(localDay(asOf, ZONE)).slice(0, 4));
  const inYear = (o: Outage) => Number(dayToDate(localDay(Date.parse(o.start), ZONE)).slice(0, 4)) === year();
  const elapsed = () => {
    const from = startOfLocalDay(dateToDay(`${year()}-01-01`), ZONE);
    const to = startOfLocalDay(dateToDay(`${year() + 1}-01-01`), ZONE);
    return (asOf - from) / (to - from);
  };
  const rowsOf = (where: ReturnType<typeof sql>) =>
    product.store.rows<ReliabilityRow>(
      sql`SELECT rule_set, rule, measure, dimension, region, city, period, convention, users, saidi_hours, saifi,
                 target, allowed, status, includes_ongoing
          FROM reliability_snapshot WHERE as_of = ${ts(asOf)} AND ${where}`,
    );

  it("gives each county the year's SAIDI and SAIFI over the customers it serves", async () => {
    // Customers convention, all outages (external damage too): 100 customers × 1 h per outage
    // of this year, over F1's 1,000 and F2's 500 customers.
    const n = feederOutages.filter(inYear).length;
    const [row] = await rowsOf(sql`region = ${county}`);
    expect(row).toMatchObject({
      rule_set: null,
      rule: null,
      measure: null,
      dimension: 'county',
      city,
      period: String(year()),
      convention: 'customers',
      users: 1500,
      target: null,
      status: null,
      includes_ongoing: false,
    });
    expect(row!.saifi).toBeCloseTo((100 * n) / 1500, 12);
    expect(row!.saidi_hours).toBeCloseTo((100 * n) / 1500, 12);
    const [parkRow] = await rowsOf(sql`region = ${parkCounty}`);
    const m = inYear(parkOutage) ? 1 : 0;
    expect(parkRow).toMatchObject({ users: 4, city });
    expect(parkRow!.saifi).toBeCloseTo((4 * m) / 4, 12);
    expect(parkRow!.saidi_hours).toBeCloseTo((4 * 2 * m) / 4, 12);
  });

  it("gives each target group its figure, the target, the year's allowance so far and the status", async () => {
    // Kunming parks: SAIDI below 1 h per park on the medium-voltage basis; F3's 4 enterprise
    // customers are the park's users, each out 2 hours.
    const saidi = inYear(parkOutage) ? 2 : 0;
    const allowed = 1 * elapsed();
    const [row] = await rowsOf(sql`region = ${park}`);
    expect(row).toMatchObject({
      rule_set: 'kunming-parks-2023',
      rule: 'park-saidi-below-1h',
      measure: 'saidi_hours',
      dimension: 'park',
      city: null,
      convention: 'transformers',
      users: null,
      saifi: null,
      target: 1,
      status: saidi <= allowed ? 'on_track' : 'off_track',
    });
    expect(row!.saidi_hours).toBeCloseTo(saidi, 12);
    expect(row!.allowed).toBeCloseTo(allowed, 9);
    const latest = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM latest_reliability WHERE region IN (${[county, parkCounty, park]})`,
    );
    expect(latest[0]?.n).toBe(3);
  });
});

describe('event id lists', () => {
  it('keeps as many whole ids as fit, as valid JSON', () => {
    expect(eventIdsJson(['a', 'bb', 'ccc'], 100)).toBe('["a","bb","ccc"]');
    // '["a","bb"]' is 10 characters; with ',"ccc"' it would be 16.
    expect(eventIdsJson(['a', 'bb', 'ccc'], 12)).toBe('["a","bb"]');
    expect(eventIdsJson(['abcdef'], 5)).toBe('[]');
  });
});
