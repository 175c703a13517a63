// Every SQL statement Grafana sends (ops/grafana: each dashboard panel, the dashboard variable,
// each alert rule) runs on QuestDB 9.3.4 after the migrations, with Grafana's macros expanded as
// its PostgreSQL data source expands them; and on a small known data set (a QuestDB of this
// test's own, so the latest snapshot is the one written here) the panels answer the figures
// worked out by hand below.

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStore,
  insertRows,
  type LocalQuestDB,
  migrate,
  parseClientConf,
  raw,
  type Store,
  ts,
  walApplied,
} from '../../store/index.js';
import { startTestQuestDB } from '../support/questdb.js';

interface Target {
  rawSql?: string;
  format?: string;
  datasource?: { uid: string };
}
interface Dashboard {
  uid: string;
  panels: { title: string; datasource?: { uid: string }; targets: Target[] }[];
  templating: { list: { name: string; query: string; datasource: { uid: string } }[] };
}
interface AlertRules {
  groups: { rules: { uid: string; data: { datasourceUid: string; model: { rawSql?: string } }[] }[] }[];
}

const dashboards = readdirSync('ops/grafana/dashboards')
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`ops/grafana/dashboards/${f}`, 'utf8')) as Dashboard);
const alerting = JSON.parse(
  readFileSync('ops/grafana/provisioning/alerting/rules.json', 'utf8'),
) as AlertRules;

/** Each statement Grafana sends to the QuestDB data source, named by where it comes from. */
const statements: [string, string, string | undefined][] = [
  ...dashboards.flatMap((d) =>
    d.panels.flatMap((p) =>
      p.targets
        .filter((t) => (t.datasource?.uid ?? p.datasource?.uid) === 'questdb')
        .map((t): [string, string, string | undefined] => [`${d.uid}: ${p.title}`, t.rawSql ?? '', t.format]),
    ),
  ),
  ...dashboards.flatMap((d) =>
    d.templating.list
      .filter((v) => v.datasource.uid === 'questdb')
      .map((v): [string, string, string | undefined] => [`${d.uid}: variable ${v.name}`, v.query, 'table']),
  ),
  ...alerting.groups.flatMap((g) =>
    g.rules.flatMap((r) =>
      r.data
        .filter((q) => q.datasourceUid === 'questdb')
        .map((q): [string, string, string | undefined] => [`alert ${r.uid}`, q.model.rawSql ?? '', 'table']),
    ),
  ),
];

/** The dashboard time range and variable the statements are expanded with. */
const RANGE = { from: '2025-02-20T00:00:00.000Z', to: '2025-03-10T00:00:00.000Z' };
const RULE_SET = 'national-2025';

/** Grafana's PostgreSQL macros and the dashboard variable, as Grafana expands them. */
function expand(statement: string): string {
  const text = statement
    .replace(/\$__timeFilter\((\w+)\)/g, `$1 BETWEEN '${RANGE.from}' AND '${RANGE.to}'`)
    .replaceAll('$__timeFrom()', `'${RANGE.from}'`)
    .replaceAll('$__timeTo()', `'${RANGE.to}'`)
    .replaceAll('$rule_set', RULE_SET);
  if (text.includes('$')) throw new Error(`a macro or variable this test does not expand: ${statement}`);
  return text;
}

/** The one statement of the panel or alert whose name ends with `title`. */
const statementOf = (title: string): string => {
  const found = statements.filter(([name]) => name.endsWith(title));
  expect(found.map(([name]) => name)).toHaveLength(1);
  return expand(found[0]![1]);
};

let qdb: LocalQuestDB;
let store: Store;
const HOUR = 3_600_000;
let now: number;
const T1 = Date.parse('2025-03-01T16:05:00Z'); // 00:05 on 2 March in Shanghai
const T2 = Date.parse('2025-03-02T16:05:00Z'); // 00:05 on 3 March

beforeAll(async () => {
  qdb = await startTestQuestDB('grafana-sql');
  store = createStore(parseClientConf(qdb.clientConf));
  await migrate(store);
  now = Date.now();
  await insertRows(
    store,
    'assets',
    ['asset_id', 'kind', 'name', 'city', 'county', 'customers', 'valid_from'],
    [
      ['F1', 'feeder', '一号线', '昆明市', '官渡区', 1000, ts(Date.parse('2020-01-01T00:00:00Z'))],
      ['F2', 'feeder', '二号线', '昆明市', '盘龙区', 500, ts(Date.parse('2020-01-01T00:00:00Z'))],
      // F2 moved to 西山区 since: the live page counts it where it is now.
      ['F2', 'feeder', '二号线', '昆明市', '西山区', 500, ts(Date.parse('2024-01-01T00:00:00Z'))],
    ],
  );
  const restored = JSON.stringify([{ at: now - 30 * 60_000, customersRestored: 100 }]);
  const outage = (
    id: string,
    asset: string,
    start: number,
    end: number | null,
    customers: number,
    options: { restorations?: string; estimate?: number; deleted?: boolean } = {},
  ) => [
    id,
    asset,
    ts(start),
    end === null ? null : ts(end),
    customers,
    options.restorations ?? null,
    options.estimate === undefined ? null : ts(options.estimate),
    'equipment_fault',
    false,
    options.deleted ?? false,
  ];
  await insertRows(
    store,
    'outages',
    [
      'event_id',
      'asset_id',
      'start',
      'end_at',
      'customers_affected',
      'restorations',
      'estimated_restoration',
      'cause',
      'planned',
      'deleted',
    ],
    [
      // In progress: 300 out, 100 of them back in a step, its estimate passed 10 minutes ago.
      outage('o1', 'F1', now - HOUR, null, 300, { restorations: restored, estimate: now - 10 * 60_000 }),
      outage('o2', 'F2', now - 2 * HOUR, null, 50, { estimate: now + HOUR }),
      // A tombstone, an outage over, and a planned outage announced for tomorrow: none is out now.
      outage('o3', 'F1', now - HOUR + 1, null, 999, { deleted: true }),
      outage('o4', 'F2', now - 3 * HOUR, now - 2 * HOUR, 70),
      outage('o5', 'F1', now + 24 * HOUR, null, 80),
      // 23:30 on 1 March and 00:30 on 2 March in Shanghai: two local days, one UTC day.
      outage('d1', 'F1', Date.parse('2025-03-01T15:30:00Z'), Date.parse('2025-03-01T16:00:00Z'), 10),
      outage('d2', 'F1', Date.parse('2025-03-01T16:30:00Z'), Date.parse('2025-03-01T17:00:00Z'), 20),
    ],
  );
  const flag = (
    asOf: number,
    ruleSet: string,
    rule: string,
    asset: string,
    county: string,
    status: string,
    breachDate: string | null,
  ) => [
    ruleSet,
    rule,
    asset,
    '昆明市',
    county,
    status,
    breachDate,
    // the start of the local breach date in Shanghai
    breachDate === null ? null : ts(Date.parse(`${breachDate}T00:00:00+08:00`)),
    ts(asOf),
  ];
  await insertRows(
    store,
    'flag_snapshot',
    ['rule_set', 'rule', 'asset_id', 'city', 'county', 'status', 'breach_date', 'breach_day', 'as_of'],
    [
      flag(T1, RULE_SET, 'over-3-in-60d', 'F1', '官渡区', 'breach', '2025-03-01'),
      flag(T1, RULE_SET, 'over-3-in-60d', 'F2', '西山区', 'at_risk', null),
      // The next night: F1's breach again (not new), F2 now in breach (new), A3 at risk.
      flag(T2, RULE_SET, 'over-3-in-60d', 'F1', '官渡区', 'breach', '2025-03-01'),
      flag(T2, RULE_SET, 'over-3-in-60d', 'F2', '西山区', 'breach', '2025-03-02'),
      flag(T2, RULE_SET, 'over-5-in-365d', 'A3', '官渡区', 'at_risk', null),
      flag(T2, 'guizhou-2025', 'over-3-in-60d', 'F2', '西山区', 'breach', '2025-03-02'),
    ],
  );
  await insertRows(
    store,
    'reliability_snapshot',
    [
      'rule_set',
      'rule',
      'measure',
      'dimension',
      'region',
      'city',
      'period',
      'users',
      'saidi_hours',
      'saifi',
      'target',
      'allowed',
      'status',
      'as_of',
    ],
    [
      [null, null, null, 'county', '官渡区', '昆明市', '2025', 1000, 0.5, 0.25, null, null, null, ts(T1)],
      [
        'kunming-parks-2023',
        'park-saidi-below-1h',
        'saidi_hours',
        'park',
        '滇中新区',
        null,
        '2025',
        null,
        1.5,
        null,
        1,
        0.25,
        'off_track',
        ts(T1),
      ],
    ],
  );
  await insertRows(
    store,
    'snapshot_runs',
    ['rule_sets', 'flags', 'reliability', 'written_at', 'as_of'],
    [
      ['national-2025,guizhou-2025', 2, 1, ts(T1), ts(T1)],
      // The second night's reliability figures failed: latest_reliability keeps the first's.
      ['national-2025,guizhou-2025', 4, null, ts(T2), ts(T2)],
    ],
  );
  // Everything applied before the panels read it (WAL tables apply asynchronously).
  await walApplied(store, 60_000);
}, 120_000);

afterAll(async () => {
  await qdb?.stop();
  if (qdb) rmSync(qdb.dataDir, { recursive: true, force: true });
});

describe('every statement Grafana sends', () => {
  it('is found: the panels, the variable and the alert rule', () => {
    // live operations 6 panels, frequent outages 10, the rule-set variable, the new-breaches rule
    expect(statements.length).toBe(18);
  });

  it.each(statements)('%s: runs on QuestDB', async (_name, statement, format) => {
    const result = await store.query(raw(expand(statement)));
    // Grafana draws a time series from a column named time.
    if (format === 'time_series') expect(result.columns.map((c) => c.name)[0]).toBe('time');
  });
});

describe('live operations', () => {
  it('counts the customers still out, less those restored in steps, and the outages in progress', async () => {
    expect(await store.rows(raw(statementOf('Customers out now')))).toEqual([{ customers_out: 250 }]);
    expect(await store.rows(raw(statementOf('Outages in progress')))).toEqual([{ outages: 2 }]);
    const list = await store.rows<{ asset: string; customers_out: number; county: string }>(
      raw(statementOf('List of outages in progress')),
    );
    expect(list.map((r) => [r.asset, r.county, r.customers_out])).toEqual([
      ['一号线', '官渡区', 200],
      ['二号线', '西山区', 50],
    ]);
    expect(await store.rows(raw(statementOf('Past estimated restoration')))).toEqual([{ overdue: 1 }]);
  });

  it('sums customers out by the county each asset is in now', async () => {
    expect(await store.rows(raw(statementOf('Customers out by county')))).toEqual([
      { county: '昆明市 官渡区', customers_out: 200, outages: 1 },
      { county: '昆明市 西山区', customers_out: 50, outages: 1 },
    ]);
  });

  it('buckets outages by local day in Shanghai, not by UTC day', async () => {
    const rows = await store.rows<{ time: number; outages: number; customers: number }>(
      raw(statementOf('Outages per local day')),
    );
    expect(rows.map((r) => [new Date(r.time).toISOString(), r.outages, r.customers])).toEqual([
      ['2025-02-28T16:00:00.000Z', 1, 10],
      ['2025-03-01T16:00:00.000Z', 1, 20],
    ]);
  });
});

describe('frequent outages', () => {
  it('counts the assets in breach and at risk of the latest snapshot, for the chosen rule set', async () => {
    expect(await store.rows(raw(statementOf('Assets in breach')))).toEqual([{ assets: 2 }]);
    expect(await store.rows(raw(statementOf('Assets at risk')))).toEqual([{ assets: 1 }]);
    expect(await store.rows(raw(statementOf('Evaluated at')))).toEqual([{ evaluated_at: T2 }]);
  });

  it('finds the breaches not in the snapshot before: per rule set in the alert', async () => {
    expect(await store.rows(raw(statementOf('New breaches')))).toEqual([{ new_breaches: 1 }]);
    const alert = await store.rows<{ rule_set: string; new_breaches: number }>(
      raw(statementOf('alert outage-new-breaches')),
    );
    expect(alert.sort((a, b) => (a.rule_set < b.rule_set ? -1 : 1))).toEqual([
      { rule_set: 'guizhou-2025', new_breaches: 1 },
      { rule_set: RULE_SET, new_breaches: 1 },
    ]);
  });

  it('counts breaches and early warnings per county', async () => {
    expect(await store.rows(raw(statementOf('Breaches and at-risk by county')))).toEqual([
      { county: '昆明市 官渡区', breach: 1, at_risk: 1 },
      { county: '昆明市 西山区', breach: 1, at_risk: 0 },
    ]);
  });

  it('draws the trend by local day: the evaluations of 2 and 3 March (00:05 each night)', async () => {
    const perDay = await store.rows<{ time: number; assets_in_breach: number }>(
      raw(statementOf('Assets in breach per day')),
    );
    expect(perDay.map((r) => [new Date(r.time).toISOString(), r.assets_in_breach])).toEqual([
      ['2025-03-01T16:00:00.000Z', 1],
      ['2025-03-02T16:00:00.000Z', 2],
    ]);
    const byDate = await store.rows<{ time: number; breaches: number }>(
      raw(statementOf('Breaches by breach date')),
    );
    expect(byDate.map((r) => [new Date(r.time).toISOString(), r.breaches])).toEqual([
      ['2025-02-28T16:00:00.000Z', 1],
      ['2025-03-01T16:00:00.000Z', 1],
    ]);
  });

  it('shows the reliability of the latest snapshot that has it', async () => {
    expect(await store.rows(raw(statementOf('Reliability targets, year so far')))).toEqual([
      {
        rule_set: 'kunming-parks-2023',
        rule: 'park-saidi-below-1h',
        dimension: 'park',
        region: '滇中新区',
        measure: 'saidi_hours',
        value: 1.5,
        target: 1,
        allowed: 0.25,
        status: 'off_track',
        includes_ongoing: false,
      },
    ]);
    expect(await store.rows(raw(statementOf('County reliability, year so far')))).toEqual([
      {
        city: '昆明市',
        county: '官渡区',
        period: '2025',
        users: 1000,
        saidi_hours: 0.5,
        saifi: 0.25,
        includes_ongoing: false,
      },
    ]);
  });
});
