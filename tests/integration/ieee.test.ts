// The IEEE DRWG daily reliability table of Wan et al. (real data, ../shared/data/ieee-drwg)
// as a reliability test: each day of the file becomes one outage on one asset serving the
// year's total_customers (a version per year), with CI customers out and CI × duration equal
// to the day's CMI. The product's reliability (queryReliability, over QuestDB) for the paper's
// centred 365-day windows must give the paper's rolling_CI and rolling_CMI, and its SAIFI and
// SAIDI with the paper's denominator. Skipped when the data is absent.
//
// On a QuestDB of its own: twenty years of outages make some 240 monthly partitions, which
// every unpruned scan of the shared database's outages would otherwise open (and map) too.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryReliability } from '../../analytics/reliability-sql/index.js';
import type { ReliabilityRow } from '../../analytics/reliability/index.js';
import type { Asset, OutageEvent } from '../../core/domain.js';
import { projectRoot } from '../../server/config.js';
import {
  createStore,
  type LocalQuestDB,
  migrate,
  parseClientConf,
  type Store,
  sql,
  Writer,
  walCaughtUp,
} from '../../store/index.js';
import { eventually, startTestQuestDB, testRoot } from '../support/questdb.js';

const DATA = join(projectRoot(), '..', 'shared', 'data', 'ieee-drwg', 'ieee-rolling-reliability.csv');
const present = existsSync(DATA);
if (!present) console.warn(`ieee.test.ts skipped: ${DATA} is absent`);

const P = `IEEE${Date.now().toString(36)}-`;
const SYSTEM = `${P}system`;
const DAY = 86_400_000;
/** The paper's window for the row of day d: days d − 182 … d + 182. */
const HALF = 182;
/** Every STRIDE-th day whose window lies inside the file is checked (and every 2 July). */
const STRIDE = 7;
const TOLERANCE = 1e-9;
/** Windows asked for at once (each is a few statements of some 0.2 s in QuestDB). */
const CONCURRENCY = 3;

interface Day {
  date: string;
  year: number;
  /** days since 1970-01-01 */
  day: number;
  ci: number;
  cmi: number;
  totalCustomers: number;
  rollingCi: number;
  rollingCmi: number;
  saifi: number;
  saidi: number;
}

function readTable(): Day[] {
  const rows = parse(readFileSync(DATA), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({
    date: r['Date']!,
    year: Number(r['Year']),
    day: Date.parse(`${r['Date']}T00:00:00Z`) / DAY,
    ci: Number(r['CI']),
    cmi: Number(r['CMI']),
    totalCustomers: Number(r['total_customers']),
    rollingCi: Number(r['rolling_CI']),
    rollingCmi: Number(r['rolling_CMI']),
    saifi: Number(r['SAIFI']),
    saidi: Number(r['SAIDI']),
  }));
}

const relative = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

/**
 * One outage for the day: CI customers out at midnight (UTC), and Σ customers × duration equal
 * to the day's CMI to the millisecond. A whole number of milliseconds cannot always be CMI / CI
 * minutes exactly, so the last r = M mod CI customer-milliseconds are one step later: CI − r
 * customers are restored at q = ⌊M / CI⌋ ms, the other r at q + 1 ms (the end).
 */
function outageOf(d: Day): OutageEvent {
  const start = d.day * DAY;
  const m = Math.round(d.cmi * 60_000); // customer-milliseconds
  const q = Math.floor(m / d.ci);
  const r = m - q * d.ci;
  return {
    eventId: `${P}${d.date}`,
    assetId: SYSTEM,
    start,
    end: start + q + (r > 0 ? 1 : 0),
    customersAffected: d.ci,
    restorations: r > 0 ? [{ at: start + q, customersRestored: d.ci - r }] : [],
    cause: 'equipment_fault',
    planned: false,
  };
}

describe.skipIf(!present)(
  `IEEE DRWG rolling reliability through the product${present ? '' : ' (data absent)'}`,
  () => {
    let qdb: LocalQuestDB | undefined;
    let store: Store;
    let writer: Writer | undefined;
    let spoolDir: string | undefined;
    let table: Day[];

    beforeAll(async () => {
      table = readTable();
      qdb = await startTestQuestDB('ieee');
      store = createStore(parseClientConf(qdb.clientConf));
      await migrate(store);
      spoolDir = mkdtempSync(join(testRoot(), 'ieee-'));
      const log = { info() {}, warn() {}, error() {} };
      writer = await Writer.open({
        connection: store.connection,
        store,
        spoolDir,
        spoolLimitBytes: 5e8,
        log,
      });
      const years = new Map(table.map((d) => [d.year, d.totalCustomers]));
      const assets: Asset[] = [...years].map(([year, customers]) => ({
        assetId: SYSTEM,
        kind: 'feeder',
        name: 'IEEE DRWG reporting utilities',
        areaClass: 'urban',
        customers,
        validFrom: Date.UTC(year, 0, 1),
      }));
      const events = table.filter((d) => d.ci > 0).map(outageOf);
      const receivedAt = Date.now();
      await writer.write({ kind: 'assets', receivedAt, records: assets });
      for (let i = 0; i < events.length; i += 2_000)
        await writer.write({ kind: 'outages', receivedAt, records: events.slice(i, i + 2_000) });
      await eventually(async () => {
        const [o] = await store.rows<{ n: number }>(
          sql`SELECT count() n FROM outages WHERE asset_id = ${SYSTEM} AND NOT deleted`,
        );
        const [a] = await store.rows<{ n: number }>(
          sql`SELECT count() n FROM assets WHERE asset_id = ${SYSTEM}`,
        );
        return o?.n === events.length && a?.n === assets.length;
      }, 60_000);
      // what each outage interrupted (read by the reliability statements) is written with it
      expect(await walCaughtUp(store, ['outage_reach'], 60_000)).toBe(true);
    }, 180_000);

    afterAll(async () => {
      await writer?.close();
      if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
      await qdb?.stop();
      if (qdb) rmSync(qdb.dataDir, { recursive: true, force: true });
    });

    it('reads the table as its README says: centred windows of 365 days, whole days, one count a year', () => {
      expect(table.length).toBe(7_304);
      expect(table.every((d, i) => d.day === table[0]!.day + i)).toBe(true);
      let worst = 0;
      for (let i = HALF; i < table.length - HALF; i++) {
        const window = table.slice(i - HALF, i + HALF + 1);
        worst = Math.max(
          worst,
          relative(
            window.reduce((s, d) => s + d.ci, 0),
            table[i]!.rollingCi,
          ),
          relative(
            window.reduce((s, d) => s + d.cmi, 0),
            table[i]!.rollingCmi,
          ),
        );
      }
      expect(worst).toBeLessThan(1e-12);
      expect(table.filter((d) => d.ci === 0).length).toBe(0);
    });

    it('gives the paper’s rolling CI and CMI, SAIFI and SAIDI for the centred windows of ≥ 1,000 days over 20 years', async () => {
      const inside = table.slice(HALF, table.length - HALF);
      const checked = inside.filter((d, i) => i % STRIDE === 0 || d.date.endsWith('-07-02'));
      expect(checked.length).toBeGreaterThanOrEqual(1_000);
      expect(new Set(checked.map((d) => d.year)).size).toBe(20);
      const customersOf = new Map(table.map((d) => [d.year, d.totalCustomers]));

      const results: { d: Day; row: ReliabilityRow }[] = [];
      const queue = [...checked];
      const work = async (): Promise<void> => {
        for (let d = queue.shift(); d !== undefined; d = queue.shift()) {
          const report = await queryReliability(store, {
            from: (d.day - HALF) * DAY,
            to: (d.day + HALF + 1) * DAY,
            asOf: Date.UTC(2030, 0, 1),
            zone: 'UTC',
            scope: { assetIds: [SYSTEM] },
            // N_T = the count in force on the window's last day: the paper's, when that day is in d's year.
            denominator: 'end',
            cemiN: [],
            celidHours: [],
          });
          if (!report.ok) throw new Error(JSON.stringify(report.issues));
          expect(report.value.rows).toHaveLength(1);
          results.push({ d, row: report.value.rows[0]! });
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, work));

      let worst = { ci: 0, cmi: 0, saifi: 0, saidi: 0 };
      let sameYear = 0;
      for (const { d, row } of results) {
        const endYear = new Date((d.day + HALF) * DAY).getUTCFullYear();
        expect(row.events).toBe(2 * HALF + 1);
        expect(row.shortEvents).toBe(0);
        expect(row.customers).toBe(customersOf.get(endYear));
        // The paper's SAIFI and SAIDI (minutes) divide by d's own year's total_customers.
        const errors = {
          ci: relative(row.customerInterruptions, d.rollingCi),
          cmi: relative(row.customerMinutes, d.rollingCmi),
          saifi: relative(row.customerInterruptions / d.totalCustomers, d.saifi),
          saidi: relative(row.customerMinutes / d.totalCustomers, d.saidi),
        };
        if (endYear === d.year) {
          // Same denominator in the product itself: its own SAIFI and SAIDI (hours) are the paper's.
          sameYear += 1;
          errors.saifi = Math.max(errors.saifi, relative(row.saifi!, d.saifi));
          errors.saidi = Math.max(errors.saidi, relative(row.saidi! * 60, d.saidi));
        }
        worst = {
          ci: Math.max(worst.ci, errors.ci),
          cmi: Math.max(worst.cmi, errors.cmi),
          saifi: Math.max(worst.saifi, errors.saifi),
          saidi: Math.max(worst.saidi, errors.saidi),
        };
      }
      console.info(
        `IEEE DRWG: ${results.length} centred windows checked (${sameYear} with the product's own N_T equal to the paper's), ` +
          `max relative error CI ${worst.ci.toExponential(2)}, CMI ${worst.cmi.toExponential(2)}, ` +
          `SAIFI ${worst.saifi.toExponential(2)}, SAIDI ${worst.saidi.toExponential(2)}`,
      );
      expect(results).toHaveLength(checked.length);
      expect(sameYear).toBeGreaterThan(400);
      expect(worst.ci).toBeLessThan(TOLERANCE);
      expect(worst.cmi).toBeLessThan(TOLERANCE);
      expect(worst.saifi).toBeLessThan(TOLERANCE);
      expect(worst.saidi).toBeLessThan(TOLERANCE);
    }, 300_000);
  },
);
