// The demo as the server loads it (DEMO_SEED, `small`) looks like a real province: a few per
// cent of feeders and areas breach the national frequent-outage rules (the reference evaluator,
// feeder outages reaching their areas), the hotspots are spread over counties and cities, SAIDI
// is in a Chinese province's range, and a storm is going on at now.

import { beforeAll, describe, expect, it } from 'vitest';
import { type CompiledRuleSet, evaluate, loadRuleFile } from '../../../analytics/rules/index.js';
import type { Asset } from '../../../core/domain.js';
import { covers } from '../../../core/warnings.js';
import { generateDemo } from '../../../demo/generate.js';
import { flagShares, regionTallies, spreadOfTop } from '../../../demo/realism-stats.js';
import { type DemoRecords, demoRecords, measureRealism, type Realism } from '../../../demo/realism.js';
import { DEMO_SIZES } from '../../../demo/sizes.js';
import { DEMO_SEED } from '../../../server/demo.js';

const ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;

describe('realism statistics', () => {
  it('flagShares counts each asset once: breach before at risk, per rule both', () => {
    const flags = [
      { assetId: 'a1', rule: 'y', status: 'breach' as const },
      { assetId: 'a1', rule: 's', status: 'breach' as const },
      { assetId: 'a2', rule: 'y', status: 'at_risk' as const },
      { assetId: 'a3', rule: 's', status: 'at_risk' as const },
      { assetId: 'a3', rule: 'y', status: 'breach' as const },
    ];
    expect(flagShares(flags, ['y', 's'], 10)).toEqual({
      assets: 10,
      breach: 2,
      atRisk: 1,
      byRule: { y: { breach: 2, atRisk: 1 }, s: { breach: 1, atRisk: 1 } },
    });
  });

  it('regionTallies puts the regions with most breaches first, ties in code point order', () => {
    const at = (assetId: string, kind: 'feeder' | 'area', city: string, county: string) => ({
      assetId,
      kind,
      city,
      county,
    });
    const assets = [
      at('f1', 'feeder', '昆明市', '五华区'),
      at('a1', 'area', '昆明市', '五华区'),
      at('a2', 'area', '昆明市', '官渡区'),
      at('f2', 'feeder', '曲靖市', '麒麟区'),
      at('a3', 'area', '曲靖市', '麒麟区'),
      at('a4', 'area', '曲靖市', '麒麟区'),
      at('a5', 'area', '曲靖市', '会泽县'),
    ];
    const breaching = new Set(['f1', 'a1', 'a3', 'a4', 'a5']);
    expect(regionTallies(assets, breaching, 'county')).toEqual([
      { city: '昆明市', county: '五华区', feeders: 1, areas: 1, breachFeeders: 1, breachAreas: 1 },
      { city: '曲靖市', county: '麒麟区', feeders: 1, areas: 2, breachFeeders: 0, breachAreas: 2 },
      { city: '曲靖市', county: '会泽县', feeders: 0, areas: 1, breachFeeders: 0, breachAreas: 1 },
      { city: '昆明市', county: '官渡区', feeders: 0, areas: 1, breachFeeders: 0, breachAreas: 0 },
    ]);
    expect(regionTallies(assets, breaching, 'city')).toEqual([
      { city: '曲靖市', feeders: 1, areas: 3, breachFeeders: 0, breachAreas: 3 },
      { city: '昆明市', feeders: 1, areas: 2, breachFeeders: 1, breachAreas: 1 },
    ]);
  });

  it('spreadOfTop takes the top by count, ties by asset id, and names the leading county', () => {
    const ranking = [
      { assetId: 'x3', count: 8 },
      { assetId: 'x1', count: 9 },
      { assetId: 'x5', count: 7 },
      { assetId: 'x0', count: 8 },
      { assetId: 'x2', count: 9 },
    ];
    const places: Record<string, { city: string; county: string }> = {
      x0: { city: 'A', county: 'c' },
      x1: { city: 'A', county: 'a' },
      x2: { city: 'A', county: 'a' },
      x3: { city: 'B', county: 'b' },
      x5: { city: 'C', county: 'd' },
    };
    const place = (id: string) => places[id]!;
    // top 3: x1, x2 (9), then x0 before x3 (8)
    expect(spreadOfTop(ranking, place, 3)).toEqual({
      top: 3,
      cutoff: 8,
      counties: 2,
      cities: 1,
      leadingCounty: 'a',
      leadingShare: 2 / 3,
    });
    expect(spreadOfTop(ranking, place, 10)).toMatchObject({ top: 5, cutoff: 7, counties: 4, cities: 3 });
    // a tie-break count, most first, comes before the asset id: x3 (5) before x0 (2)
    const broken = ranking.map((r) => ({ ...r, tieBreak: r.assetId === 'x3' ? 5 : 2 }));
    expect(spreadOfTop(broken, place, 3)).toEqual({
      top: 3,
      cutoff: 8,
      counties: 2,
      cities: 2,
      leadingCounty: 'a',
      leadingShare: 2 / 3,
    });
  });
});

describe('the demo the server loads (small), measured', () => {
  // in the rainy season, when storms and the 60-day rule matter most
  const NOW = Date.parse('2026-07-20T15:00:00+08:00');
  const demo = generateDemo({ seed: DEMO_SEED, size: 'small', now: NOW, zone: ZONE });
  let records: DemoRecords;
  let ruleSet: CompiledRuleSet;
  let realism: Realism;

  beforeAll(async () => {
    const loaded = await loadRuleFile('rules/national-2025.json');
    if (!loaded.ok) throw new Error('rules/national-2025.json does not load');
    ruleSet = loaded.value;
    records = demoRecords(demo);
    const { breachYear, breach60, hotspotAreas } = demo.summary.scenarios;
    realism = measureRealism(records, {
      asOf: NOW,
      zone: ZONE,
      ruleSet,
      scripted: { feeders: [...breachYear, ...breach60], areas: hotspotAreas },
    });
  }, 120_000);

  it('has 2–6 % of areas and 2–8 % of feeders in breach, as the reference evaluator finds', () => {
    const { flags } = evaluate({ ...records, asOf: NOW, zone: ZONE, ruleSet });
    const kindOf = new Map(records.assets.map((a) => [a.assetId, a.kind]));
    const breaching = new Set(flags.filter((f) => f.status === 'breach').map((f) => f.assetId));
    const of = (kind: string) => [...breaching].filter((id) => kindOf.get(id) === kind).length;
    expect({ feeders: realism.feeders.breach, areas: realism.areas.breach }).toEqual({
      feeders: of('feeder'),
      areas: of('area'),
    });
    const { feeders, areas } = DEMO_SIZES.small;
    expect({ feeders: realism.feeders.assets, areas: realism.areas.assets }).toEqual({ feeders, areas });
    expect(realism.areas.breach / areas).toBeGreaterThanOrEqual(0.02);
    expect(realism.areas.breach / areas).toBeLessThanOrEqual(0.06);
    expect(realism.feeders.breach / feeders).toBeGreaterThanOrEqual(0.02);
    expect(realism.feeders.breach / feeders).toBeLessThanOrEqual(0.08);
    // the six scripted breaching feeders are among them, and most breaches are not scripted
    expect(realism.scripted.feeders).toBe(6);
    expect(realism.scripted.areas).toBeLessThan(realism.areas.breach / 2);
    // and the other scenarios read as scripted with the product's evaluator too
    const { atRiskYear, atRisk60, hotspotAreas } = demo.summary.scenarios;
    const statuses = (id: string) =>
      flags
        .filter((f) => f.assetId === id)
        .map((f) => `${f.rule}:${f.status}`)
        .sort();
    for (const id of atRiskYear) expect(statuses(id), id).toContain('over-5-in-365d:at_risk');
    for (const id of atRisk60) expect(statuses(id), id).toContain('over-3-in-60d:at_risk');
    for (const id of [...atRiskYear, ...atRisk60]) expect(breaching.has(id), id).toBe(false);
    for (const id of hotspotAreas) expect(breaching.has(id), id).toBe(true);
  });

  it('spreads breaches over the province: every city has some, no county a third of them', () => {
    const top = realism.byCounty[0]!;
    expect(top.breachAreas).toBeLessThan(realism.areas.breach / 3);
    expect(realism.byCity.filter((c) => c.breachAreas > 0)).toHaveLength(8);
  });

  it('has the top 25 hotspot areas in at least 5 counties and 3 cities, counted or all outages', () => {
    for (const spread of [realism.hotspotsCounted, realism.hotspotsAll]) {
      expect(spread.top).toBe(25);
      expect(spread.counties).toBeGreaterThanOrEqual(5);
      expect(spread.cities).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps the outages a year in the size range and SAIDI of a Chinese province, rural the longest', () => {
    const { min, max } = DEMO_SIZES.small.outagesPerYear;
    expect(realism.outagesInYear).toBeGreaterThanOrEqual(min);
    expect(realism.outagesInYear).toBeLessThanOrEqual(max);
    const { all, urban_core, urban, town, rural } = realism.saidi;
    expect(all).toBeGreaterThanOrEqual(5);
    expect(all).toBeLessThanOrEqual(20);
    expect(urban_core! < urban! && urban! < town! && town! < rural!).toBe(true);
  });

  it('has a storm at now: an orange or red county warning over weather outages, some still out', () => {
    const { stormWarnings, stormAssets } = demo.summary.scenarios;
    const warnings = records.warnings.filter((w) => stormWarnings.includes(w.warningId));
    expect(warnings.length === 1 || warnings.length === 2).toBe(true);
    for (const w of warnings) {
      expect(w.issuerLevel).toBe('county');
      expect(['orange', 'red']).toContain(w.level);
      expect(w.start).toBeGreaterThanOrEqual(NOW - 11.25 * HOUR);
      expect(w.start).toBeLessThanOrEqual(NOW - 7 * HOUR + HOUR / 2);
      expect(w.end).toBeGreaterThan(NOW);
    }
    const assets = new Map<string, Asset>();
    for (const a of records.assets) if (a.validFrom <= NOW) assets.set(a.assetId, a);
    const covered = (assetId: string) => warnings.some((w) => covers(w, assets.get(assetId)!));
    expect(stormAssets).toHaveLength(DEMO_SIZES.small.stormOutages);
    expect(stormAssets.every(covered)).toBe(true);

    const scripted = new Set(stormAssets);
    const storm = records.events.filter(
      (e) => scripted.has(e.assetId) && e.cause === 'weather_fault' && e.start >= NOW - 10 * HOUR,
    );
    expect(storm).toHaveLength(DEMO_SIZES.small.stormOutages);
    for (const e of storm) expect(e.start).toBeLessThanOrEqual(NOW - 20 * 60_000);
    // the later 55 %, rounded up: ceil(18 × 0.55) = 10 still out, the first 8 restored
    const ongoing = storm.filter((e) => e.end === null);
    expect(ongoing).toHaveLength(10);
    const restored = storm.filter((e) => e.end !== null);
    expect(Math.max(...restored.map((e) => e.start))).toBeLessThanOrEqual(
      Math.min(...ongoing.map((e) => e.start)),
    );
    const passed = ongoing.filter((e) => e.estimatedRestoration! < NOW);
    expect(passed.length).toBeGreaterThanOrEqual(1);
    expect(passed.length).toBeLessThanOrEqual(4);
    // what the realism report sees: these and the random outages the warning brought
    expect(realism.storm.ongoing).toBeGreaterThanOrEqual(10);
    expect(realism.storm.warnings.map((w) => w.warningId)).toEqual(stormWarnings);
  });
});
