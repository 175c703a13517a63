// What the live and hotspot maps make of the API's rows: symbols, cluster counts and names
// (figures worked out by hand), and the map strings complete in both languages.

import { afterEach, describe, expect, it } from 'vitest';
import {
  hotspotCluster,
  hotspotPoints,
  type HotspotStatus,
} from '../../../dashboard/web/charts/map-hotspots.js';
import { type MappedOutage, outageCluster, outagePoints } from '../../../dashboard/web/charts/map-outages.js';
import { COLORS } from '../../../dashboard/web/charts/palette.js';
import { createFormat } from '../../../dashboard/web/format.js';
import { setLang } from '../../../dashboard/web/i18n.js';
import { mapTables, tm } from '../../../dashboard/web/i18n-map.js';

const zh = createFormat('Asia/Shanghai', 'zh');

const outage = (eventId: string, assetId: string, customersOut: number, planned = false): MappedOutage => ({
  eventId,
  assetId,
  assetName: `10kV${assetId}线`,
  start: '2026-03-01T08:00:00+08:00',
  customersOut,
  cause: 'equipment_fault',
  planned,
  estimatedRestoration: null,
});

afterEach(() => setLang('zh'));

describe('live map symbols', () => {
  const rows = [outage('e1', 'a', 400), outage('e2', 'b', 100, true), outage('e3', 'nowhere', 900)];
  const places = new Map<string, [number, number]>([
    ['a', [102.7, 25.04]],
    ['b', [103.8, 25.49]],
  ]);

  it('draws each placed outage with an area that grows with its customers out', () => {
    const points = outagePoints(rows, places, zh);
    // The largest outage (900) has no place, but still sets the scale: 4 + 14 √(out / 900).
    expect(points.map((p) => [p.key, p.asset, p.lon, p.lat, p.weight, p.fill])).toEqual([
      ['e1', 'a', 102.7, 25.04, 400, COLORS.unplanned],
      ['e2', 'b', 103.8, 25.49, 100, COLORS.planned],
    ]);
    expect(points[0]?.size).toBeCloseTo(4 + 14 * (2 / 3), 10);
    expect(points[1]?.size).toBeCloseTo(4 + 14 / 3, 10);
    expect(points[0]?.title).toBe('10kVa线：400 户停电 · 设备故障');
  });

  it('sums the customers out in a cluster and rings it vermillion when any outage is unplanned', () => {
    const byKey = new Map(rows.map((r) => [r.eventId, r]));
    const points = outagePoints([...rows, outage('e4', 'a', 1234)], places, zh);
    const look = outageCluster(byKey, zh)(points.filter((p) => p.key !== 'e4'));
    expect(look).toEqual({ text: '500', name: '2 起停电，共 500 户停电', ring: COLORS.unplanned });
    const plannedOnly = outageCluster(byKey, zh)(points.filter((p) => p.key === 'e2'));
    expect(plannedOnly.ring).toBe(COLORS.planned);
  });
});

describe('hotspot map symbols', () => {
  const status: Record<string, HotspotStatus> = { f1: 'breach', t1: 'at_risk', t2: 'fine', t3: 'breach' };
  const look = {
    asset: () => undefined,
    status: (id: string) => status[id] ?? 'fine',
    flags: () => [],
  };
  const asset = (assetId: string, kind: string, lon = 102) => ({
    assetId,
    kind,
    name: assetId,
    lon,
    lat: 25,
    outages365: 7,
  });

  it('draws assets in breach as triangles and at risk as squares, and leaves the others out', () => {
    const points = hotspotPoints(
      [asset('f1', 'feeder'), asset('t1', 'area'), asset('t2', 'area'), asset('t3', 'area', Number.NaN)],
      look,
    );
    expect(points.map((p) => [p.key, p.shape, p.size, p.fill, p.weight])).toEqual([
      ['f1', 'triangle', 5.5, COLORS.breach, 1],
      ['t1', 'square', 3.5, COLORS.atRisk, 1],
    ]);
    expect(points[0]?.title).toBe('f1：越限');
  });

  it('counts the assets of a cluster and says how many breach, in English too', () => {
    const points = hotspotPoints([asset('f1', 'feeder'), asset('t1', 'area'), asset('t3', 'area')], look);
    expect(hotspotCluster(look, zh)(points)).toEqual({
      text: '3',
      name: '3 个设备（越限 2，预警 1）',
      ring: COLORS.breach,
    });
    setLang('en');
    const en = createFormat('Asia/Shanghai', 'en');
    expect(hotspotCluster(look, en)(points.slice(0, 2))).toEqual({
      text: '2',
      name: '2 assets (1 in breach, 1 at risk)',
      ring: COLORS.breach,
    });
  });
});

describe('map strings', () => {
  it('has every key in both languages, non-empty, with the same placeholders', () => {
    const { zh: z, en } = mapTables();
    expect(Object.keys(en).sort()).toEqual(Object.keys(z).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(z) as (keyof typeof z)[]) {
      expect(z[key].length, key).toBeGreaterThan(0);
      expect(holes(en[key]), key).toEqual(holes(z[key]));
    }
  });

  it('fills placeholders in the current language', () => {
    expect(tm('zoomLevel', { k: 2 })).toBe('缩放 2 倍');
    setLang('en');
    expect(tm('zoomLevel', { k: 2 })).toBe('Zoom ×2');
    expect(tm('estimatePending')).toBe('estimate pending');
  });
});
