// Baoshan's fleet target on stored outages: feeders with 25 or more outages in a calendar year
// ("年停电25次以上", 以上 including 25), per year against 2020 (2021 at least 10 % fewer, 2022 at
// least 20 % fewer). Hand-built: in 2020 A has 25, B 30 and C 24 (C does not count); in 2021 A
// and B have 25 each; by 30 June 2022 A has 25.

import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetReport } from '../../analytics/flags/index.js';
import { type CountRule, loadRuleFile } from '../../analytics/rules/index.js';
import type { Asset, OutageEvent } from '../../core/index.js';
import { createLogger } from '../../server/log.js';
import { type Store, sql, Writer, walCaughtUp } from '../../store/index.js';
import { eventually, testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';
import { get, startTestProduct } from '../support/product.js';

const RUN = `fl${Date.now().toString(36)}`;
const ZONE = 'Asia/Shanghai';
const local = (y: number, m: number, d: number, h = 10) => Date.UTC(y, m - 1, d, h - 8);

let store: Store;
let writer: Writer;
let spoolDir: string;

const feeder = (name: string): Asset => ({
  assetId: `${RUN}-${name}`,
  kind: 'feeder',
  name: `10kV${name}线`,
  province: '云南省',
  city: '保山市',
  county: '隆阳区',
  areaClass: 'rural',
  customers: 500,
  validFrom: local(2019, 1, 1, 0),
});

/** `n` one-hour outages of `name` on consecutive days from 1 March of `year`. */
const outages = (name: string, year: number, n: number): OutageEvent[] =>
  Array.from({ length: n }, (_, i) => {
    const start = local(year, 3, 1) + i * 86_400_000;
    return {
      eventId: `${RUN}-${name}-${year}-${i}`,
      assetId: `${RUN}-${name}`,
      start,
      end: start + 3_600_000,
      customersAffected: 100,
      restorations: [],
      cause: 'equipment_fault',
      planned: false,
    };
  });

beforeAll(async () => {
  store = await sharedStore();
  spoolDir = mkdtempSync(join(testRoot(), 'fleet-spool-'));
  writer = await Writer.open({
    connection: store.connection,
    store,
    spoolDir,
    spoolLimitBytes: 5e7,
    log: createLogger('silent'),
  });
  const receivedAt = Date.now();
  await writer.write({ kind: 'assets', receivedAt, records: ['A', 'B', 'C'].map(feeder) });
  const events = [
    ...outages('A', 2020, 25),
    ...outages('B', 2020, 30),
    ...outages('C', 2020, 24),
    ...outages('A', 2021, 25),
    ...outages('B', 2021, 25),
    ...outages('A', 2022, 25),
  ];
  await writer.write({ kind: 'outages', receivedAt, records: events });
  await eventually(async () => {
    const [r] = await store.rows<{ n: number }>(
      sql`SELECT count() n FROM outage_reach WHERE event_id LIKE ${`${RUN}-%`} AND NOT deleted`,
    );
    return r?.n === events.length;
  }, 30_000);
  expect(await walCaughtUp(store, ['outage_reach', 'assets'], 30_000)).toBe(true);
}, 120_000);

afterAll(async () => {
  await writer?.close();
  rmSync(spoolDir, { recursive: true, force: true });
});

describe('the fleet target of a calendar-year count rule', () => {
  it('counts the feeders with 25 or more per year against 2020, met or not', async () => {
    const loaded = await loadRuleFile('rules/baoshan-2021.json');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const ruleSet = loaded.value;
    const rule = ruleSet.countRules.find((r) => r.id === '25-or-more-a-year') as CountRule;
    const report = await fleetReport(store, {
      ruleSet,
      rule,
      asOf: local(2022, 6, 30, 12),
      zone: ZONE,
      assetIds: ['A', 'B', 'C'].map((n) => `${RUN}-${n}`),
    });
    expect(report.baseYear).toBe(2020);
    expect(report.years).toEqual([
      { year: 2020, assets: 2, complete: true, fewerPercent: null, allowed: null, met: null },
      // ⌊2 × 0.9⌋ = 1 allowed; 2 breached
      { year: 2021, assets: 2, complete: true, fewerPercent: 10, allowed: 1, met: false },
      // ⌊2 × 0.8⌋ = 1 allowed; 1 so far
      { year: 2022, assets: 1, complete: false, fewerPercent: 20, allowed: 1, met: true },
    ]);
  });

  it('answers over HTTP (the whole database: other tests’ feeders too), and 400 for a rule without a target', async () => {
    const product = await startTestProduct({ OUTAGE_RULE_SET: 'baoshan-2021' });
    try {
      const ok = await get(product, '/api/v1/flags/fleet?asOf=2022-06-30T12:00:00%2B08:00');
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as { rows: Record<string, unknown>[]; rule: string; baseYear: number };
      expect([body.rule, body.baseYear]).toEqual(['25-or-more-a-year', 2020]);
      expect(body.rows.map((r) => [r['year'], r['complete'], r['fewerPercent']])).toEqual([
        [2020, true, null],
        [2021, true, 10],
        [2022, false, 20],
      ]);
      // at least this test's two feeders of 2020 and 2021, and its one of 2022
      const [y20, y21, y22] = body.rows.map((r) => r['assets'] as number);
      expect([y20! >= 2, y21! >= 2, y22! >= 1]).toEqual([true, true, true]);
      expect(body.rows[1]?.['allowed']).toBe(Math.floor((y20! * 90) / 100));

      const res = await get(product, '/api/v1/flags/fleet?rule=fault-15-in-183d');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { issues: unknown }).issues).toEqual([
        {
          path: 'rule',
          message:
            'rule set "baoshan-2021" has no count rule "fault-15-in-183d" with a fleet target (rules with one: 25-or-more-a-year)',
        },
      ]);
    } finally {
      await product.stop();
    }
  });
});
