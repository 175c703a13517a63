// The scripted scenarios, judged with the full exclusions of the national rule (a small
// stand-alone evaluator: weather under a covering warning, external damage and ≤ 3-minute
// switching are not counted; breach dated at the outage that pushes a window over the limit).

import { describe, expect, it } from 'vitest';
import type { Asset, OutageEvent, Warning } from '../../../core/domain.js';
import { localDay } from '../../../core/time.js';
import { generateDemo } from '../../../demo/generate.js';

const NOW = Date.parse('2025-03-02T18:45:00+08:00');
const ZONE = 'Asia/Shanghai';
const demo = generateDemo({ seed: 'scenarios', size: 'small', now: NOW });
const assets = new Map<string, Asset>();
for (const a of demo.assets()) if (!assets.has(a.assetId)) assets.set(a.assetId, a);
const warnings = [...demo.warnings()];
const byWarningId = new Map(warnings.map((w) => [w.warningId, w]));
const final = new Map<string, OutageEvent>();
for (const e of demo.outages()) final.set(e.eventId, e);
const nowDay = localDay(NOW, ZONE);

const covers = (w: Warning, a: Asset, t: number) =>
  w.start <= t &&
  t < w.end &&
  (w.issuerLevel === 'province' || (w.city === a.city && (w.county === undefined || w.county === a.county)));

function counted(e: OutageEvent): boolean {
  const a = assets.get(e.assetId)!;
  if (e.cause === 'external_damage') return false;
  if ((e.cause === 'protective_supply_switching' || e.cause === 'mode_adjustment') && e.end !== null)
    if (e.end - e.start <= 180_000) return false;
  if (e.cause === 'weather_fault' || e.cause === 'natural_disaster') {
    if (e.warningId) return !covers(byWarningId.get(e.warningId)!, a, e.start);
    return !warnings.some((w) => covers(w, a, e.start));
  }
  return true;
}

/** Local days of the counted outages of an asset itself (no upstream feeder events). */
function days(assetId: string): number[] {
  return [...final.values()]
    .filter((e) => e.assetId === assetId && counted(e))
    .map((e) => localDay(e.start, ZONE))
    .sort((a, b) => a - b);
}

const inWindow = (ds: number[], end: number, length: number) =>
  ds.filter((d) => d <= end && end - d < length).length;
/** Days in the trailing year on which an outage pushed a window of `length` days over `limit`. */
const breaches = (ds: number[], length: number, limit: number) =>
  ds.filter((d) => d > nowDay - 365 && inWindow(ds, d, length) > limit);

describe('demo scenarios (small)', () => {
  const s = demo.summary.scenarios;

  it('names distinct feeders for each scenario', () => {
    const all = [...s.breachYear, ...s.breach60, ...s.atRiskYear, ...s.atRisk60];
    expect(all.length).toBe(12);
    expect(new Set(all).size).toBe(12);
    expect(all.every((id) => assets.get(id)?.kind === 'feeder')).toBe(true);
    expect(s.hotspotAreas.every((id) => assets.get(id)?.kind === 'area')).toBe(true);
  });

  it('breachYear feeders have more than 5 counted outages in the trailing year', () => {
    for (const id of s.breachYear) expect(inWindow(days(id), nowDay, 365), id).toBeGreaterThan(5);
  });

  it('breach60 feeders breach the 60-day rule within the trailing year', () => {
    for (const id of s.breach60) expect(breaches(days(id), 60, 3).length, id).toBeGreaterThan(0);
  });

  it('atRiskYear feeders hold exactly 5 counted outages and no breach', () => {
    for (const id of s.atRiskYear) {
      const ds = days(id);
      expect({
        id,
        year: inWindow(ds, nowDay, 365),
        b365: breaches(ds, 365, 5),
        b60: breaches(ds, 60, 3),
      }).toEqual({
        id,
        year: 5,
        b365: [],
        b60: [],
      });
    }
  });

  it('atRisk60 feeders hold exactly 3 counted outages in the last 60 days and no breach', () => {
    for (const id of s.atRisk60) {
      const ds = days(id);
      expect({
        id,
        d60: inWindow(ds, nowDay, 60),
        b365: breaches(ds, 365, 5),
        b60: breaches(ds, 60, 3),
      }).toEqual({
        id,
        d60: 3,
        b365: [],
        b60: [],
      });
    }
  });

  it('at-risk feeders also have outages the rule must not count', () => {
    for (const id of [...s.atRiskYear, ...s.atRisk60]) {
      const excluded = [...final.values()].filter((e) => e.assetId === id && !counted(e));
      expect(excluded.map((e) => e.cause)).toEqual(
        expect.arrayContaining(['external_damage', 'protective_supply_switching', 'mode_adjustment']),
      );
    }
    const weatherExcluded = [...s.atRiskYear, ...s.atRisk60].flatMap((id) =>
      [...final.values()].filter((e) => e.assetId === id && e.cause === 'weather_fault' && !counted(e)),
    );
    expect(weatherExcluded.some((e) => e.warningId)).toBe(true);
    expect(weatherExcluded.some((e) => !e.warningId)).toBe(true);
  });

  it('hotspot areas breach both rules with their own outages', () => {
    for (const id of s.hotspotAreas) {
      const ds = days(id);
      expect(inWindow(ds, nowDay, 365), id).toBeGreaterThan(5);
      expect(breaches(ds, 60, 3).length, id).toBeGreaterThan(0);
    }
  });
});
