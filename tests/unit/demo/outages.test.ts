// The reference check of the demo history: a naive count, not the rule engine.

import { describe, expect, it } from 'vitest';
import type { Asset, Cause } from '../../../core/domain.js';
import { localDay, wallClock } from '../../../core/time.js';
import { type DemoOutage, toOutageEvent } from '../../../demo/events.js';
import { generateDemo } from '../../../demo/generate.js';
import { DEMO_SIZES } from '../../../demo/sizes.js';
import { countOutages } from '../../../demo/stats.js';

const NOW = Date.parse('2025-06-15T10:30:00+08:00');
const ZONE = 'Asia/Shanghai';
const demo = generateDemo({ seed: 7, size: 'small', now: NOW });
const versions = [...demo.assets()];
const records = [...demo.outages()];
const warnings = [...demo.warnings()];
const final = new Map<string, DemoOutage>();
for (const r of records) final.set(r.eventId, r);
const events = [...final.values()];
const assets = new Map<string, Asset>();
for (const v of versions) if (!assets.has(v.assetId)) assets.set(v.assetId, v);
const nowDay = localDay(NOW, ZONE);
const minutes = (e: DemoOutage) => (e.end === null ? Number.POSITIVE_INFINITY : (e.end - e.start) / 60_000);
const isSwitching = (c: Cause) => c === 'protective_supply_switching' || c === 'mode_adjustment';

describe('demo outages (small)', () => {
  it('has as many outages as the size table says', () => {
    const { min, max } = DEMO_SIZES.small.outagesPerYear;
    expect(events.length).toBeGreaterThanOrEqual(min * 3);
    expect(events.length).toBeLessThanOrEqual(max * 3);
  });

  it('puts every time before now, except estimated restorations and the end of the storm warning', () => {
    for (const e of records) {
      expect(e.start).toBeLessThan(NOW);
      expect(e.receivedAt).toBeLessThanOrEqual(NOW);
      if (e.end !== null) expect(e.end).toBeLessThanOrEqual(NOW);
      for (const r of e.restorations) expect(r.at).toBeLessThan(NOW);
    }
    expect(warnings.every((w) => w.start < w.end && w.start < NOW)).toBe(true);
    const inForce = warnings.filter((w) => w.end > NOW).map((w) => w.warningId);
    expect(inForce).toEqual(demo.summary.scenarios.stormWarnings);
  });

  it('has outages ongoing at now with an estimated restoration, past only for some of the storm', () => {
    const ongoing = events.filter((e) => e.end === null);
    expect(ongoing.length).toBeGreaterThanOrEqual(DEMO_SIZES.small.ongoing);
    expect(ongoing.length).toBeLessThan(30 + DEMO_SIZES.small.stormOutages);
    const storm = new Set(demo.summary.scenarios.stormAssets);
    for (const e of ongoing) {
      expect(e.estimatedRestoration! > e.start).toBe(true);
      if (!storm.has(e.assetId)) expect(e.estimatedRestoration! > NOW).toBe(true);
    }
    expect(ongoing.some((e) => e.estimatedRestoration! < NOW)).toBe(true);
  });

  it('refers only to generated assets; listed areas are on the feeder at the start', () => {
    const feederAt = new Map<string, { from: number; feeder: string }[]>();
    for (const v of versions)
      if (v.kind === 'area')
        (feederAt.get(v.assetId) ?? feederAt.set(v.assetId, []).get(v.assetId)!).push({
          from: v.validFrom,
          feeder: v.feederId!,
        });
    for (const e of events) {
      expect(assets.has(e.assetId), e.assetId).toBe(true);
      for (const a of e.affectedAreas ?? []) {
        const current = feederAt
          .get(a)!
          .filter((h) => h.from <= e.start)
          .at(-1)!;
        expect(current.feeder, `${e.eventId} ${a}`).toBe(e.assetId);
      }
    }
  });

  it('has feeder events with and without affectedAreas, and area events', () => {
    const feederEvents = events.filter((e) => assets.get(e.assetId)!.kind === 'feeder');
    expect(feederEvents.some((e) => e.affectedAreas)).toBe(true);
    expect(feederEvents.some((e) => !e.affectedAreas)).toBe(true);
    expect(events.some((e) => assets.get(e.assetId)!.kind === 'area')).toBe(true);
  });

  it('has valid step restorations', () => {
    const stepped = events.filter((e) => e.restorations.length > 0);
    expect(stepped.length).toBeGreaterThan(100);
    for (const e of stepped) {
      const sum = e.restorations.reduce((s, r) => s + r.customersRestored, 0);
      expect(sum).toBeLessThanOrEqual(e.customersAffected);
      const times = e.restorations.map((r) => r.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]!).toBeGreaterThan(e.start);
      expect(times.at(-1)!).toBeLessThan(e.end ?? NOW);
    }
  });

  it('has more than 5 counted outages in the trailing year and more than 3 in 60 days somewhere', () => {
    const days = new Map<string, number[]>();
    for (const e of events) {
      if (e.cause === 'external_damage' || (isSwitching(e.cause) && minutes(e) <= 3)) continue;
      const d = localDay(e.start, ZONE);
      if (d > nowDay - 365) (days.get(e.assetId) ?? days.set(e.assetId, []).get(e.assetId)!).push(d);
    }
    const inYear = [...days.values()].filter((ds) => ds.length > 5);
    const in60 = [...days.values()].filter((ds) =>
      ds.some((d) => ds.filter((x) => x >= d && x - d <= 59).length > 3),
    );
    expect(inYear.length).toBeGreaterThan(0);
    expect(in60.length).toBeGreaterThan(0);
  });

  it('uses every cause but arrears, with switching mostly 1–3 minutes and supply shortage rare', () => {
    const byCause = new Map<Cause, DemoOutage[]>();
    for (const e of events) (byCause.get(e.cause) ?? byCause.set(e.cause, []).get(e.cause)!).push(e);
    expect([...byCause.keys()].sort()).toEqual([
      'customer_side',
      'equipment_fault',
      'external_damage',
      'mode_adjustment',
      'natural_disaster',
      'planned_construction',
      'planned_maintenance',
      'protective_supply_switching',
      'supply_shortage',
      'unknown',
      'weather_fault',
    ]);
    for (const c of ['protective_supply_switching', 'mode_adjustment'] as const) {
      const list = byCause.get(c)!;
      expect(list.filter((e) => minutes(e) >= 1 && minutes(e) <= 3).length / list.length).toBeGreaterThan(
        0.75,
      );
    }
    expect(byCause.get('supply_shortage')!.length / events.length).toBeLessThan(0.01);
    expect(
      events.every(
        (e) => e.planned === (e.cause === 'planned_maintenance' || e.cause === 'planned_construction'),
      ),
    ).toBe(true);
  });

  it('has many more weather faults a month in the rainy season than in the dry season', () => {
    const perMonth = new Array<number>(13).fill(0);
    for (const e of events) if (e.cause === 'weather_fault') perMonth[wallClock(e.start, ZONE).month]!++;
    const rainy = (perMonth[6]! + perMonth[7]! + perMonth[8]! + perMonth[9]!) / 4;
    const dry = (perMonth[12]! + perMonth[1]! + perMonth[2]! + perMonth[3]!) / 4;
    expect(rainy / dry).toBeGreaterThan(3);
  });

  it('restores rural areas more slowly than the city centre', () => {
    const median = (cls: string) => {
      const ds = events
        .filter(
          (e) => e.cause === 'equipment_fault' && e.end !== null && assets.get(e.assetId)!.areaClass === cls,
        )
        .map(minutes)
        .sort((a, b) => a - b);
      return ds[Math.floor(ds.length / 2)]!;
    };
    expect(median('rural')).toBeGreaterThan(1.5 * median('urban_core'));
  });

  it('issues county and city warnings, with weather outages under them', () => {
    expect(new Set(warnings.map((w) => w.issuerLevel))).toEqual(new Set(['county', 'city', 'province']));
    expect(new Set(warnings.map((w) => w.hazard))).toEqual(
      new Set(['severe_weather', 'flood', 'geological']),
    );
    const byId = new Map(warnings.map((w) => [w.warningId, w]));
    const linked = events.filter((e) => e.warningId);
    expect(linked.length).toBeGreaterThan(100);
    for (const e of linked) {
      const w = byId.get(e.warningId!)!;
      const a = assets.get(e.assetId)!;
      expect(e.cause === 'weather_fault' || e.cause === 'natural_disaster').toBe(true);
      expect(w.start <= e.start && e.start < w.end).toBe(true);
      expect(
        w.issuerLevel === 'province' ||
          (w.city === a.city && (w.county === undefined || w.county === a.county)),
      ).toBe(true);
    }
  });

  it('re-sends exact duplicates and corrections after the original', () => {
    const firstSeen = new Map<string, { index: number; record: DemoOutage }>();
    const kinds = { duplicate: 0, cause: 0, end: 0 };
    records.forEach((r, index) => {
      const first = firstSeen.get(r.eventId);
      if (!first) {
        expect(r.correction).toBeUndefined();
        firstSeen.set(r.eventId, { index, record: r });
        return;
      }
      expect(index).toBeGreaterThan(first.index);
      if (!r.correction) {
        expect(r).toEqual(first.record);
        kinds.duplicate++;
        return;
      }
      expect(r.receivedAt).toBeGreaterThan(first.record.receivedAt);
      kinds[r.correction]++;
      if (r.correction === 'cause') {
        expect(first.record.cause).toBe('unknown');
        expect(r.cause).not.toBe('unknown');
      } else {
        expect(first.record.end).toBeNull();
        expect(r.end).not.toBeNull();
      }
    });
    expect(kinds.duplicate).toBeGreaterThan(0);
    expect(kinds.cause).toBeGreaterThan(0);
    expect(kinds.end).toBeGreaterThan(0);
  });

  it('streams events in start order, re-sends aside', () => {
    const seen = new Set<string>();
    let last = Number.NEGATIVE_INFINITY;
    for (const r of records) {
      if (seen.has(r.eventId)) continue;
      seen.add(r.eventId);
      expect(r.start).toBeGreaterThanOrEqual(last);
      last = r.start;
    }
  });

  it('counts the stream the same way as a full replay', () => {
    const counts = countOutages(records);
    expect(counts.records).toBe(records.length);
    expect(counts.events).toBe(final.size);
    expect(counts.ongoing).toBe(events.filter((e) => e.end === null).length);
    expect(counts.byCause.weather_fault).toBe(events.filter((e) => e.cause === 'weather_fault').length);
    expect(counts.byCause.unknown).toBe(events.filter((e) => e.cause === 'unknown').length);
  });

  it('toOutageEvent drops the delivery fields', () => {
    const correction = records.find((r) => r.correction)!;
    const plain = toOutageEvent(correction);
    expect('receivedAt' in plain || 'correction' in plain).toBe(false);
    expect(plain.eventId).toBe(correction.eventId);
  });
});
