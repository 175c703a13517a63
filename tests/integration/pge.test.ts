// PG&E's outage-map history (real data, ../shared/data/pge-outage-map) through
// mappings/pge-outage-map.json into the shared QuestDB, with the assets derived from the rows.
// Every figure the import reports is checked against counts made here straight from the CSV,
// and the product's flags (national-2025, in America/Los_Angeles) against a naive evaluation
// of the same rule written here from the domain text. Skipped when the data is absent.

import { existsSync, mkdtempSync, readFileSync, rmSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateFlags } from '../../analytics/flags/index.js';
import { queryReliability } from '../../analytics/reliability-sql/index.js';
import { type CompiledRuleSet, type Flag, loadRuleFile } from '../../analytics/rules/index.js';
import { importFile } from '../../ingest/import/run.js';
import type { ImportSummary } from '../../ingest/import/summary.js';
import { loadMapping } from '../../ingest/mapping/index.js';
import { startOfLocalDay } from '../../core/time.js';
import { projectRoot } from '../../server/config.js';
import { AssetDirectory, type Store, sql, Writer } from '../../store/index.js';
import { eventually, testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const DATA = join(projectRoot(), '..', 'shared', 'data', 'pge-outage-map', 'events.csv');
const present = existsSync(DATA);
if (!present) console.warn(`pge.test.ts skipped: ${DATA} is absent`);

const Z = 'America/Los_Angeles';
const P = `PGE${Date.now().toString(36)}-`; // this run's ids, apart from every other test's
const DAY = 86_400_000;
const ID_SLICE = 500;

interface Row {
  outage_id: string;
  circuit_id: string;
  device_id: string;
  extent: string;
  cause: string;
  est_customers: string;
  outage_start: string;
  removed_from_map: string;
  last_estimated_restoration: string;
}

// ---- the issue's reading of the file, written out again here, independently of the mapping ----

const FEEDER_EXTENTS = ['SOURCE', 'DEVICE', 'DEVICETAP LINE'];
const CAUSES: Record<string, string> = {
  STORM: 'weather_fault',
  LGHTNING: 'weather_fault',
  SNOW: 'weather_fault',
  FLOOD: 'weather_fault',
  FIRE: 'natural_disaster',
  'THRD PARTY': 'external_damage',
  'CAR POLE': 'external_damage',
  'FOREIGN OBJ': 'external_damage',
  'PLNND SHUTDOWN': 'planned_maintenance',
  PATROLLING: 'unknown',
  'Awaiting Investigation': 'unknown',
  '': 'unknown',
};
const causeOf = (code: string): string => CAUSES[code] ?? 'equipment_fault';
const instant = (s: string): number => Date.parse(s);
/** The contract refuses an estimated restoration (or end) before the start. */
const valid = (r: Row): boolean =>
  (r.removed_from_map === '' || instant(r.removed_from_map) >= instant(r.outage_start)) &&
  (r.last_estimated_restoration === '' || instant(r.last_estimated_restoration) >= instant(r.outage_start));

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: Z,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** Days since 1970-01-01 of the Los Angeles calendar date of an instant. */
const laDay = (ms: number): number => Date.parse(`${dateFormat.format(ms)}T00:00:00Z`) / DAY;
const dayDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

interface Expected {
  rows: Row[];
  feederRows: Row[];
  areaRows: Row[];
  customerRows: number;
  notOutage: number;
  invalid: number;
  /** area rows whose device never appears with a circuit: their area cannot be derived */
  orphanAreaRows: number;
  /** devices of SERVICE TRANSFORMER rows → circuit (the most frequent; a tie goes to the later row) */
  feederOfArea: Map<string, string>;
}

function expected(): Expected {
  const rows = parse(readFileSync(DATA), { columns: true }) as Row[];
  const outage = rows.filter((r) => r.cause !== 'NOT OUTAGE');
  const feederRows = outage.filter((r) => FEEDER_EXTENTS.includes(r.extent));
  const areaRows = outage.filter((r) => r.extent === 'SERVICE TRANSFORMER');
  const seen = new Map<string, Map<string, { n: number; last: number }>>();
  areaRows.forEach((r, i) => {
    if (!valid(r) || r.circuit_id === '') return;
    const circuits = seen.get(r.device_id) ?? new Map<string, { n: number; last: number }>();
    const c = circuits.get(r.circuit_id) ?? { n: 0, last: 0 };
    circuits.set(r.circuit_id, { n: c.n + 1, last: i });
    seen.set(r.device_id, circuits);
  });
  const feederOfArea = new Map<string, string>();
  for (const [device, circuits] of seen) {
    const best = [...circuits].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0]!;
    feederOfArea.set(device, best[0]);
  }
  return {
    rows,
    feederRows,
    areaRows,
    customerRows: outage.filter((r) => r.extent === 'CUSTOMER').length,
    notOutage: rows.length - outage.length,
    invalid: [...feederRows, ...areaRows].filter((r) => !valid(r)).length,
    orphanAreaRows: areaRows.filter((r) => valid(r) && !feederOfArea.has(r.device_id)).length,
    feederOfArea,
  };
}

// ---- a naive evaluation of a rolling count rule (domain.md, "The frequent-outage rule") ----

interface Event {
  id: string;
  start: number;
  end: number;
}
interface NaiveFlag {
  assetId: string;
  rule: string;
  status: 'breach' | 'at_risk';
  count: number;
  windowStart: string;
  windowEnd: string;
}

/** Overlapping records count once: start order, an event starting before the running end joins. */
function leaders(events: readonly Event[]): Event[] {
  const sorted = [...events].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Event[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const e of sorted) {
    if (out.length > 0 && e.start < end) end = Math.max(end, e.end);
    else {
      out.push(e);
      end = e.end;
    }
  }
  return out;
}

/** Window counts at each counted outage: outages of the N local days ending on its day, up to it. */
function windows(days: readonly number[], n: number): { day: number; count: number }[] {
  return days.map((day, k) => ({
    day,
    count: days.slice(0, k + 1).filter((d) => d >= day - (n - 1)).length,
  }));
}

function naiveFlag(
  assetId: string,
  events: readonly Event[],
  rule: { id: string; days: number; limit: number },
  asOf: number,
): NaiveFlag | null {
  const today = laDay(asOf);
  const days = leaders(events.filter((e) => e.start <= asOf)).map((e) => laDay(e.start));
  const breaches = windows(days, rule.days).filter((w) => w.count > rule.limit);
  const recent = breaches.filter((b) => b.day >= today - 364 && b.day <= today).at(-1);
  const base = { assetId, rule: rule.id };
  if (recent) {
    return {
      ...base,
      status: 'breach',
      count: recent.count,
      windowStart: dayDate(recent.day - rule.days + 1),
      windowEnd: dayDate(recent.day),
    };
  }
  const current = days.filter((d) => d > today - rule.days && d <= today).length;
  if (current < rule.limit) return null;
  return {
    ...base,
    status: 'at_risk',
    count: current,
    windowStart: dayDate(today - rule.days + 1),
    windowEnd: dayDate(today),
  };
}

const RULES = [
  { id: 'over-3-in-60d', days: 60, limit: 3 },
  { id: 'over-5-in-365d', days: 365, limit: 5 },
];

/** The counted outages of each feeder and area as the domain attributes them (no warnings in this data). */
function countedByAsset(x: Expected): Map<string, Event[]> {
  const event = (r: Row): Event => ({
    id: `${P}${r.outage_id}`,
    start: instant(r.outage_start),
    end: r.removed_from_map === '' ? Number.POSITIVE_INFINITY : instant(r.removed_from_map),
  });
  const counts = (r: Row): boolean => valid(r) && causeOf(r.cause) !== 'external_damage';
  const byAsset = new Map<string, Event[]>();
  const push = (id: string, e: Event) => byAsset.set(id, [...(byAsset.get(id) ?? []), e]);
  const feederEvents = new Map<string, Event[]>();
  for (const r of x.feederRows) {
    if (r.circuit_id === '' || !counts(r)) continue;
    push(`${P}${r.circuit_id}`, event(r));
    feederEvents.set(r.circuit_id, [...(feederEvents.get(r.circuit_id) ?? []), event(r)]);
  }
  for (const r of x.areaRows)
    if (counts(r) && x.feederOfArea.has(r.device_id)) push(`${P}${r.device_id}`, event(r));
  // A feeder event that lists no areas interrupts every area on the feeder.
  for (const [device, circuit] of x.feederOfArea)
    for (const e of feederEvents.get(circuit) ?? []) push(`${P}${device}`, e);
  return byAsset;
}

describe.skipIf(!present)(
  `PG&E outage-map history through mappings/pge-outage-map.json${present ? '' : ' (data absent)'}`,
  () => {
    let store: Store;
    let writer: Writer;
    let spoolDir: string;
    let summary: ImportSummary;
    let x: Expected;
    let ruleSet: CompiledRuleSet;
    let assetIds: string[];

    beforeAll(async () => {
      x = expected();
      store = await sharedStore();
      spoolDir = mkdtempSync(join(testRoot(), 'pge-'));
      const log = { info() {}, warn() {}, error() {} };
      writer = await Writer.open({
        connection: store.connection,
        store,
        spoolDir,
        spoolLimitBytes: 5e8,
        log,
      });
      const mapping = loadMapping('mappings/pge-outage-map.json', 'outages', Z, { idPrefix: P });
      if (!mapping.ok) throw new Error(JSON.stringify(mapping.issues));
      summary = await importFile(
        { writer, assets: new AssetDirectory(store), zone: Z },
        {
          kind: 'outages',
          file: 'events.csv',
          open: () => createReadStream(DATA),
          format: 'csv',
          mapping: mapping.value,
          deriveAssets: true,
        },
      );
      await writer.drain();
      const rules = await loadRuleFile('rules/national-2025.json');
      if (!rules.ok) throw new Error(JSON.stringify(rules.issues));
      ruleSet = rules.value;
    }, 180_000);

    afterAll(async () => {
      await writer?.close();
      rmSync(spoolDir, { recursive: true, force: true });
    });

    it('reports every row once, with the counts made from the CSV', () => {
      const importedFeeder = x.feederRows.filter(valid).length;
      const importedArea = x.areaRows.filter(valid).length - x.orphanAreaRows;
      expect(x.rows.length).toBe(45_729);
      expect(summary).toMatchObject({
        rowsRead: x.rows.length,
        accepted: importedFeeder + importedArea,
        spooled: 0,
        importedByRoute: { feeder: importedFeeder, area: importedArea },
        notImported: { customer: x.customerRows },
        skipped: x.notOutage,
        skippedByReason: { 'not an outage (cause NOT OUTAGE)': x.notOutage },
        rejected: x.invalid + x.orphanAreaRows,
        rejectedByReason: {
          'estimatedRestoration: must not be before start (…)': x.invalid,
          'assetId: unknown asset "…": send its asset record first': x.orphanAreaRows,
        },
      });
      expect(summary.rowsRead).toBe(summary.accepted + x.customerRows + summary.skipped + summary.rejected);
      const circuits = new Set(
        [...x.feederRows, ...x.areaRows]
          .filter((r) => valid(r) && r.circuit_id !== '')
          .map((r) => r.circuit_id),
      );
      const devices = new Set(x.areaRows.filter(valid).map((r) => r.device_id));
      expect(summary.assets).toEqual({
        derived: circuits.size + devices.size,
        accepted: circuits.size + x.feederOfArea.size,
        spooled: 0,
        rejected: devices.size - x.feederOfArea.size,
        rejectedByReason: {
          'feederId: is required for a transformer area (kind "…")': devices.size - x.feederOfArea.size,
        },
      });
      // What this file holds today, for the record (docs/real-data.md quotes these).
      expect([
        importedFeeder,
        importedArea,
        x.customerRows,
        x.notOutage,
        x.invalid,
        x.orphanAreaRows,
      ]).toEqual([3329, 1038, 41317, 43, 1, 1]);
    });

    it('stores what the summary says, with the causes of the issue’s table', async () => {
      const like = `${P}%`;
      let stored: { kind: string; cause: string; n: number }[] = [];
      await eventually(async () => {
        stored = await store.rows(
          sql`SELECT a.kind kind, o.cause cause, count() n
            FROM outages o JOIN (SELECT DISTINCT asset_id, kind FROM assets WHERE asset_id LIKE ${like}) a
              ON a.asset_id = o.asset_id
            WHERE o.event_id LIKE ${like} AND NOT o.deleted
            ORDER BY kind, cause`,
        );
        return stored.reduce((n, r) => n + r.n, 0) === summary.accepted;
      }, 60_000);
      const naive = new Map<string, number>();
      const importedRows = [
        ...x.feederRows.filter((r) => valid(r)).map((r) => ['feeder', r] as const),
        ...x.areaRows
          .filter((r) => valid(r) && x.feederOfArea.has(r.device_id))
          .map((r) => ['area', r] as const),
      ];
      for (const [kind, r] of importedRows) {
        const key = `${kind} ${causeOf(r.cause)}`;
        naive.set(key, (naive.get(key) ?? 0) + 1);
      }
      expect(Object.fromEntries(stored.map((r) => [`${r.kind} ${r.cause}`, r.n]))).toEqual(
        Object.fromEntries([...naive].sort()),
      );
      const kinds = await store.rows<{ kind: string; n: number }>(
        sql`SELECT kind, count_distinct(asset_id) n FROM assets WHERE asset_id LIKE ${like} ORDER BY kind`,
      );
      expect(kinds.reduce((n, r) => n + r.n, 0)).toBe(summary.assets?.accepted);
      assetIds = (
        await store.rows<{ asset_id: string }>(
          sql`SELECT DISTINCT asset_id FROM assets WHERE asset_id LIKE ${like}`,
        )
      ).map((r) => r.asset_id);
      expect(assetIds.length).toBe(summary.assets?.accepted);
    });

    async function productFlags(asOf: number): Promise<NaiveFlag[]> {
      const flags: Flag[] = [];
      // In slices: the id list travels in the query's URL, and QuestDB closes the connection on
      // a request line much past 32 KiB (1,500 ids here).
      for (let i = 0; i < assetIds.length; i += ID_SLICE) {
        flags.push(
          ...(await evaluateFlags(store, {
            ruleSet,
            asOf,
            zone: Z,
            assetIds: assetIds.slice(i, i + ID_SLICE),
            // The file has no official warnings; other tests' national ones must not count here.
            warningIds: [],
          })),
        );
      }
      return flags
        .map(({ assetId, rule, status, count, windowStart, windowEnd }) => ({
          assetId,
          rule,
          status,
          count,
          windowStart,
          windowEnd,
        }))
        .sort(byAssetAndRule);
    }

    const byAssetAndRule = (a: NaiveFlag, b: NaiveFlag): number =>
      a.assetId < b.assetId ? -1 : a.assetId > b.assetId ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;

    function naiveFlags(asOf: number): NaiveFlag[] {
      const out: NaiveFlag[] = [];
      for (const [assetId, events] of countedByAsset(x)) {
        for (const rule of RULES) {
          const f = naiveFlag(assetId, events, rule, asOf);
          if (f) out.push(f);
        }
      }
      return out.sort(byAssetAndRule);
    }

    it('flags, in Los Angeles days, the feeders and areas a naive count flags, at the end of the data and a year before', async () => {
      expect(assetIds?.length).toBeGreaterThan(0);
      for (const end of ['2026-09-01T00:00:00-07:00', '2025-09-01T00:00:00-07:00']) {
        const asOf = instant(end) - 1;
        const naive = naiveFlags(asOf);
        expect(naive.length).toBeGreaterThan(20);
        expect(await productFlags(asOf)).toEqual(naive);
      }
    });

    it('finds the circuit with the most counted outages in any 60 days, with that count, as of that window’s last day', async () => {
      let worst = { assetId: '', day: 0, count: 0 };
      for (const [assetId, events] of countedByAsset(x)) {
        if (!assetId.startsWith(P) || x.feederOfArea.has(assetId.slice(P.length))) continue; // circuits only
        for (const w of windows(
          leaders(events).map((e) => laDay(e.start)),
          60,
        ))
          if (w.count > worst.count || (w.count === worst.count && assetId < worst.assetId))
            worst = { assetId, ...w };
      }
      expect(worst.count).toBeGreaterThan(3);
      const endOfDay = startOfLocalDay(worst.day + 1, Z) - 1;
      const flags = await evaluateFlags(store, {
        ruleSet,
        asOf: endOfDay,
        zone: Z,
        assetIds: [worst.assetId],
        rules: ['over-3-in-60d'],
        warningIds: [],
      });
      expect(laDay(endOfDay)).toBe(worst.day);
      expect(flags).toMatchObject([
        { assetId: worst.assetId, status: 'breach', count: worst.count, windowEnd: dayDate(worst.day) },
      ]);
    });

    it('says which cities have reliability figures overstated by the customer counts derived from outages', async () => {
      const r = await queryReliability(store, {
        from: startOfLocalDay(laDay(Date.UTC(2025, 8, 1, 12)), Z),
        to: startOfLocalDay(laDay(Date.UTC(2026, 8, 1, 12)), Z),
        asOf: Date.UTC(2026, 10, 1),
        zone: Z,
        groupBy: ['city'],
        scope: { provinces: ['California'] },
      });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const implausible = r.value.rows
        .filter((row) =>
          row.customers > 0
            ? row.customerInterruptions > 2 * row.events * row.customers
            : row.customerInterruptions > 0,
        )
        .map((row) => `city=${row.keys['city']}`);
      // Arnold's circuit serves 2 customers by the derived count (docs/real-data.md)
      expect(implausible).toContain('city=Arnold');
      const said = r.value.issues.filter((i) =>
        /SAIFI and SAIDI (are overstated|cannot be given)/.test(i.message),
      );
      expect(said.map((i) => i.path)).toEqual(implausible);
    });
  },
);
