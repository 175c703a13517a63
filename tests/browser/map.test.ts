// The zoomable maps in real Chromium on the demo data, on a 1280 px desktop and a 390 px
// phone, in Chinese and English: the live map draws every located outage once (alone or in a
// cluster summing its customers out), zooms with the + button and the wheel, splits a cluster
// when it is pressed, keeps its symbols' size, names the counties, and opens a pop-up with the
// figures of one outage computed here from GET /outages/active; the hotspot map's pop-up shows
// the counts of GET /flags; on a phone the hotspot ranking is cards with the rule status first
// and neither view scrolls sideways. axe-core finds no serious violation.

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormat } from '../../dashboard/web/format.js';
import {
  api,
  axeSerious,
  type Harness,
  INGEST,
  openSession,
  type Session,
  screenshot,
  signIn,
  startHarness,
} from './harness.js';

interface ActiveRow {
  eventId: string;
  assetId: string;
  assetName: string | null;
  start: string;
  customersOut: number;
  cause: string;
  estimatedRestoration: string | null;
}
interface AssetRow {
  assetId: string;
  kind: string;
  name: string;
  customers: number;
  lon: number | null;
  lat: number | null;
}
interface FlagRow {
  assetId: string;
  rule: string;
  status: 'breach' | 'at_risk';
  count: number;
  limit: number;
}
interface HotspotRow {
  assetId: string;
  name: string;
  lon: number | null;
  lat: number | null;
  outages365: number;
}

type Lang = 'zh' | 'en';
const WORDS = {
  zh: {
    passed: '已过预计恢复时间',
    pending: '评估中',
    causes: { equipment_fault: '设备故障', external_damage: '外力破坏' } as Record<string, string>,
    breach: '越限',
    atRisk: '预警',
  },
  en: {
    passed: 'estimate passed',
    pending: 'estimate pending',
    causes: { equipment_fault: 'Equipment fault', external_damage: 'External damage' } as Record<
      string,
      string
    >,
    breach: 'Breach',
    atRisk: 'At risk',
  },
};
const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };
interface Case {
  view: 'desktop' | 'phone';
  viewport: { width: number; height: number };
  lang: Lang;
}
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let h: Harness;
let places: Map<string, [number, number]>;
/** Two transformer areas 0.5–2 km apart, each given an outage here: one cluster at zoom 1. */
let pair: [AssetRow, AssetRow];

const km = (a: [number, number], b: [number, number]) =>
  Math.hypot((a[0] - b[0]) * 111.32 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110.57);

beforeAll(async () => {
  h = await startHarness();
  const assets = await api<{ rows: AssetRow[] }>(h.product, '/api/v1/assets');
  places = new Map(
    assets.rows
      .filter((a) => a.lon !== null && a.lat !== null)
      .map((a) => [a.assetId, [a.lon, a.lat] as [number, number]]),
  );
  const areas = assets.rows.filter((a) => a.kind === 'area' && places.has(a.assetId) && a.customers > 0);
  search: for (const a of areas) {
    for (const b of areas) {
      const d = km(places.get(a.assetId)!, places.get(b.assetId)!);
      if (d >= 0.5 && d <= 2) {
        pair = [a, b];
        break search;
      }
    }
  }
  expect(pair).toBeDefined();
  const now = Date.now();
  const res = await fetch(`${h.product.url}/api/v1/outages?wait=visible`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST}` },
    body: JSON.stringify([
      {
        eventId: 'MAP-TEST-1',
        assetId: pair[0].assetId,
        start: new Date(now - 50 * 60_000).toISOString(),
        estimatedRestoration: new Date(now - 5 * 60_000).toISOString(),
        customersAffected: Math.min(pair[0].customers, 137),
        cause: 'equipment_fault',
      },
      {
        eventId: 'MAP-TEST-2',
        assetId: pair[1].assetId,
        start: new Date(now - 20 * 60_000).toISOString(),
        customersAffected: Math.min(pair[1].customers, 64),
        cause: 'external_damage',
      },
    ]),
  });
  expect((await res.json()) as unknown).toMatchObject({ accepted: 2, visible: true });
}, 300_000);

afterAll(async () => {
  await h?.stop();
});

async function session(viewport: { width: number; height: number }, lang: Lang): Promise<Session> {
  const s = await openSession(h, viewport);
  await signIn(s.page, h.web);
  if (lang === 'en') {
    await s.page.locator('#lang-switch').click();
    await expect.poll(() => s.page.locator('html').getAttribute('lang')).toBe('en');
  }
  return s;
}

interface MarkInfo {
  key: string;
  count: number;
  weight: number;
  assets: string[];
}
const marksOf = (map: Locator): Promise<MarkInfo[]> =>
  map.locator('[data-mark]').evaluateAll((els) =>
    els.map((e) => ({
      key: e.getAttribute('data-key') ?? '',
      count: Number(e.getAttribute('data-count') ?? 1),
      weight: Number(e.getAttribute('data-weight') ?? Number.NaN),
      assets: (e.getAttribute('data-assets') ?? e.getAttribute('data-asset') ?? '').split(' '),
    })),
  );
const zoomOf = async (map: Locator) => Number(await map.getAttribute('data-zoom'));

/** Presses the cluster holding `asset` until the symbol `key` stands alone (at most 10 times). */
async function reveal(
  page: Page,
  map: Locator,
  key: string,
  asset: string,
  mouse: boolean,
): Promise<Locator> {
  const alone = map.locator(`[data-mark][data-key="${key}"]:not(.cluster)`);
  for (let i = 0; i < 10 && (await alone.count()) === 0; i++) {
    const cluster = map.locator(`.cluster[data-assets~="${asset}"]`);
    const before = await zoomOf(map);
    // Clusters may overlap; a dispatched click reaches the one asked for (the mouse path is the same).
    if (mouse) await cluster.dispatchEvent('click');
    else {
      await cluster.focus();
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => zoomOf(map)).toBeGreaterThan(before);
  }
  expect(await alone.count()).toBe(1);
  return alone;
}

const shanghaiTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(Date.parse(iso));

/** County shapes whose box reaches under the zoom buttons, on the map as it opens (a phone's float over it). */
const underButtons = (page: Page, id: string): Promise<number> =>
  page.evaluate((id) => {
    const frame = document.getElementById(id)?.closest('.map-frame');
    const b = frame?.querySelector('.map-controls')?.getBoundingClientRect();
    if (!frame || !b) return -1;
    return [...frame.querySelectorAll('.map-base .regions path')].filter((p) => {
      const r = p.getBoundingClientRect();
      return r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom;
    }).length;
  }, id);

describe('live map', () => {
  const cases: Case[] = [
    { view: 'desktop', viewport: DESKTOP, lang: 'zh' },
    { view: 'desktop', viewport: DESKTOP, lang: 'en' },
    { view: 'phone', viewport: PHONE, lang: 'zh' },
    { view: 'phone', viewport: PHONE, lang: 'en' },
  ];
  it.each(cases)(
    'zooms, splits a cluster and shows an outage’s figures in a pop-up ($view, $lang)',
    async ({ view, viewport, lang }) => {
      const s = await session(viewport, lang);
      try {
        const { page } = s;
        const words = WORDS[lang];
        const fmt = createFormat('Asia/Shanghai', lang);
        const number = new Intl.NumberFormat(LOCALE[lang]);
        const active = await api<{ rows: ActiveRow[] }>(h.product, '/api/v1/outages/active');
        const located = active.rows.filter((r) => places.has(r.assetId));
        const one = active.rows.find((r) => r.eventId === 'MAP-TEST-1')!;
        const two = active.rows.find((r) => r.eventId === 'MAP-TEST-2')!;
        expect(one && two).toBeTruthy();

        await page.goto(`${h.web}/#/live`);
        const map = page.locator('#live-map');
        await map.locator('[data-mark]').first().waitFor();
        expect(await zoomOf(map)).toBe(1);
        if (view === 'desktop') expect(await underButtons(page, 'live-map')).toBe(0);
        // Every located outage is drawn once, alone or in a cluster; fewer symbols than outages.
        const start = await marksOf(map);
        expect(start.reduce((n, m) => n + m.count, 0)).toBe(located.length);
        expect(start.length).toBeLessThan(located.length);
        // The two areas a kilometre or so apart share a cluster, which sums its customers out.
        const shared = start.find((m) => m.assets.includes(pair[0].assetId));
        expect(shared?.assets).toContain(pair[1].assetId);
        const members = new Set(shared?.assets);
        const out = active.rows.filter((r) => members.has(r.assetId)).reduce((n, r) => n + r.customersOut, 0);
        expect(shared?.weight).toBe(out);
        expect(await map.locator(`.cluster[data-key="${shared?.key}"] text.count`).textContent()).toBe(
          number.format(out),
        );
        // County names, with a halo, from the boundaries.
        const counties = new Set(
          (
            await api<{ features: { properties: { county: string } }[] }>(h.product, '/api/v1/boundaries')
          ).features.map((f) => f.properties.county),
        );
        const labels = () => map.locator('g.labels text.halo').allTextContents();
        expect((await labels()).length).toBeGreaterThan(0);
        for (const l of await labels()) expect(counties.has(l)).toBe(true);
        await screenshot(page, `map-live-${view}-${lang}-overview`);

        // The + button (a real, named button) doubles the zoom and shows more symbols.
        const zoomIn = page.locator('[data-map="live-map"] button[data-zoom-button="zoomIn"]');
        expect(await zoomIn.getAttribute('type')).toBe('button');
        expect(await zoomIn.textContent()).toContain(lang === 'zh' ? '放大' : 'Zoom in');
        await zoomIn.click();
        await expect.poll(() => zoomOf(map)).toBe(2);
        const zoomed = await marksOf(map);
        expect(zoomed.length).toBeGreaterThan(0);
        expect(zoomed.reduce((n, m) => n + m.count, 0)).toBe(located.length);
        expect(zoomed.length).toBeGreaterThanOrEqual(start.length);
        expect((await labels()).length).toBeGreaterThan(0);
        if (view === 'desktop') {
          // The wheel zooms in further, about the pointer.
          const box = (await map.boundingBox())!;
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await page.mouse.wheel(0, -400);
          await expect.poll(() => zoomOf(map)).toBeGreaterThan(2);
        }
        await page.locator('[data-map="live-map"] button[data-zoom-button="zoomReset"]').click();
        await expect.poll(() => zoomOf(map)).toBe(1);
        expect((await marksOf(map)).length).toBe(start.length);

        // Pressing the cluster zooms to it until the outage stands alone: the cluster split.
        const symbol = await reveal(page, map, 'MAP-TEST-1', pair[0].assetId, lang === 'zh');
        const deep = await marksOf(map);
        expect(deep.length).toBeGreaterThan(start.length);
        expect(deep.reduce((n, m) => n + m.count, 0)).toBe(located.length);
        // Its size is the one it has at zoom 1 (4 + 14 √(out / largest out)), on screen too.
        const maxOut = Math.max(...active.rows.map((r) => r.customersOut));
        const radius = 4 + 14 * Math.sqrt(one.customersOut / maxOut);
        expect(Number(await symbol.getAttribute('r'))).toBeCloseTo(radius, 1);
        // (On screen the box takes in the stroke, 3 px when focused; scaled with the zoom it
        // would be several times larger.)
        expect(await zoomOf(map)).toBeGreaterThan(2);
        const drawn = (await symbol.boundingBox())!;
        expect(drawn.width).toBeGreaterThan(2 * radius - 1);
        expect(drawn.width).toBeLessThan(2 * radius + 4);

        // The pop-up: a dialog named by the asset, with the outage's figures.
        if (lang === 'zh') await symbol.click();
        else {
          await symbol.focus();
          await page.keyboard.press('Enter');
        }
        const popup = page.locator('[data-popup="live-map"]');
        await popup.waitFor();
        expect(await popup.getAttribute('role')).toBe('dialog');
        expect(await popup.locator('h3').textContent()).toBe(one.assetName ?? one.assetId);
        const field = (name: string) => popup.locator(`[data-field="${name}"]`).textContent();
        expect(await field('customersOut')).toBe(number.format(one.customersOut));
        expect(await field('since')).toBe(fmt.dateTime(one.start));
        expect(await field('since')).toContain(shanghaiTime(one.start));
        expect(await field('estimate')).toContain(fmt.dateTime(one.estimatedRestoration));
        expect(await field('estimate')).toContain(words.passed);
        expect(await field('cause')).toBe(words.causes[one.cause]);
        expect(await popup.locator('a').getAttribute('href')).toBe(
          `#/asset/${encodeURIComponent(one.assetId)}`,
        );
        expect(await axeSerious(page)).toEqual([]);
        await screenshot(page, `map-live-${view}-${lang}`);
        // Escape closes it and gives the focus back to the symbol.
        await page.keyboard.press('Escape');
        await expect.poll(() => popup.isHidden()).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(
          'MAP-TEST-1',
        );

        // The neighbour has no estimate yet: said so. Opened with Space.
        const neighbour = map.locator('[data-mark][data-key="MAP-TEST-2"]:not(.cluster)');
        if ((await neighbour.count()) === 1) {
          await neighbour.focus();
          await page.keyboard.press(' ');
          await popup.waitFor();
          expect(await field('estimate')).toBe(words.pending);
          expect(await field('customersOut')).toBe(number.format(two.customersOut));
          await page.keyboard.press('Escape');
        }

        // Nothing scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        expect(s.errors.take()).toEqual([]);
      } finally {
        await s.context.close();
      }
    },
  );
});

describe('hotspot map and ranking', () => {
  const cases: Case[] = [
    { view: 'desktop', viewport: DESKTOP, lang: 'zh' },
    { view: 'phone', viewport: PHONE, lang: 'en' },
  ];
  it.each(cases)(
    'shows an asset’s counted outages per rule in a pop-up; the ranking fits ($view, $lang)',
    async ({ view, viewport, lang }) => {
      const s = await session(viewport, lang);
      try {
        const { page } = s;
        const words = WORDS[lang];
        const number = new Intl.NumberFormat(LOCALE[lang]);
        const flags = (await api<{ rows: FlagRow[] }>(h.product, '/api/v1/flags')).rows;
        const hotspots = (await api<{ rows: HotspotRow[] }>(h.product, '/api/v1/hotspots')).rows;
        const flagged = hotspots.filter(
          (r) => r.lon !== null && r.lat !== null && flags.some((f) => f.assetId === r.assetId),
        );
        // The most outages of a flagged asset with no other flagged asset within 0.5 km (so that
        // zooming in can set it apart).
        const target = [...flagged]
          .sort((a, b) => b.outages365 - a.outages365 || a.assetId.localeCompare(b.assetId))
          .find((a) =>
            flagged.every(
              (b) =>
                b.assetId === a.assetId ||
                km([a.lon!, a.lat!] as [number, number], [b.lon!, b.lat!] as [number, number]) > 0.5,
            ),
          )!;
        expect(target).toBeDefined();
        const own = flags.filter((f) => f.assetId === target.assetId);
        const worst = own.some((f) => f.status === 'breach') ? 'breach' : 'at_risk';

        await page.goto(`${h.web}/#/hotspots`);
        const map = page.locator('#hs-map');
        await map.locator('[data-mark]').first().waitFor();
        const start = await marksOf(map);
        expect(start.reduce((n, m) => n + m.count, 0)).toBe(flagged.length);
        expect(start.length).toBeLessThan(flagged.length);
        expect(await page.locator('canvas.density').getAttribute('aria-label')).toBeTruthy();
        if (view === 'desktop') expect(await underButtons(page, 'hs-map')).toBe(0);
        await screenshot(page, `map-hotspots-${view}-${lang}-overview`);

        const symbol = await reveal(page, map, target.assetId, target.assetId, view === 'desktop');
        await symbol.focus();
        await page.keyboard.press('Enter');
        const popup = page.locator('[data-popup="hs-map"]');
        await popup.waitFor();
        expect(await popup.locator('h3').textContent()).toBe(target.name);
        expect(await popup.locator('[data-field="status"]').textContent()).toContain(
          worst === 'breach' ? words.breach : words.atRisk,
        );
        for (const f of own) {
          const text = await popup.locator(`[data-field="rule-${f.rule}"]`).textContent();
          expect(text).toContain(number.format(f.count));
          expect(text).toContain(number.format(f.limit));
          expect(text).toContain(f.status === 'breach' ? words.breach : words.atRisk);
        }
        expect(await popup.locator('[data-field="outages365"]').textContent()).toBe(
          number.format(target.outages365),
        );
        expect(await popup.locator('a').getAttribute('href')).toBe(
          `#/asset/${encodeURIComponent(target.assetId)}`,
        );
        expect(await axeSerious(page)).toEqual([]);
        await screenshot(page, `map-hotspots-${view}-${lang}`);
        await page.keyboard.press('Escape');
        await expect.poll(() => popup.isHidden()).toBe(true);

        // The ranking: no sideways scroll; on a phone each row is a card with its status on top.
        const ranking = page.locator('table[data-name="hotspot-ranking"]');
        const wrap = page.locator('.table-wrap:has(table[data-name="hotspot-ranking"])');
        const [scroll, client] = await wrap.evaluate((e) => [e.scrollWidth, e.clientWidth]);
        if (view === 'phone') {
          expect(scroll).toBeLessThanOrEqual(client);
          const first = ranking.locator('tbody tr').first();
          const statusTop = (await first.locator('td').last().boundingBox())!.y;
          const rankTop = (await first.locator('th').boundingBox())!.y;
          expect(statusTop).toBeLessThan(rankTop);
          await screenshot(page, `map-ranking-${view}-${lang}`);
        }
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll('.table-wrap, .scroll-x')]
            .filter((e) => (e as HTMLElement).offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
            .map((e) => e.getAttribute('aria-label')),
        );
        if (view === 'phone') expect(wide).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        expect(s.errors.take()).toEqual([]);
      } finally {
        await s.context.close();
      }
    },
  );
});
