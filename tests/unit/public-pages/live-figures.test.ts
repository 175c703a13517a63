// The live pages' pure parts: the figures worked out from the public outages (totals by county
// against the customers served, planned outages by county), what an outage reaches in words,
// the list tables, the JSON, and the build kept a minute and served stale while builds fail.

import { describe, expect, it } from 'vitest';
import type { PublicOutage } from '../../../analytics/public/index.js';
import { keptBuild } from '../../../dashboard/public-pages/kept-build.js';
import { liveFigures } from '../../../dashboard/public-pages/live-figures.js';
import { liveContext } from '../../../dashboard/public-pages/live-frame.js';
import { outagesJson, plannedJson } from '../../../dashboard/public-pages/live-json.js';
import { listTable } from '../../../dashboard/public-pages/list-table.js';
import { reachHeading, reachPlaces } from '../../../dashboard/public-pages/outage-reach.js';
import { outagesPage } from '../../../dashboard/public-pages/outages-page.js';
import { plannedPage } from '../../../dashboard/public-pages/planned-page.js';

const ZONE = 'Asia/Shanghai';
const at = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const T = at('2026-07-01 12:00');
const H = 3_600_000;

const outage = (o: Partial<PublicOutage> & Pick<PublicOutage, 'eventId'>): PublicOutage => ({
  province: '云南省',
  city: '昆明市',
  county: '官渡区',
  start: T - H,
  end: null,
  estimatedRestoration: null,
  customersOut: 100,
  customersAffected: 100,
  cause: 'equipment_fault',
  planned: false,
  updatedAt: T - 10 * 60_000,
  areas: [],
  places: [],
  lat: null,
  lon: null,
  ...o,
});

const served = [
  { province: '云南省', city: '昆明市', county: '官渡区', customers: 1000 },
  { province: '云南省', city: '昆明市', county: '五华区', customers: 800 },
  { province: '云南省', city: '保山市', county: '隆阳区', customers: 5000 },
];

const current = [
  outage({ eventId: 'a', customersOut: 300 }),
  outage({ eventId: 'b', county: '五华区', customersOut: 40, planned: true, cause: 'planned_maintenance' }),
  outage({ eventId: 'c', customersOut: 200 }),
];
const scheduled = [
  outage({ eventId: 'p1', city: '昆明市', county: '五华区', start: T + 48 * H, planned: true }),
  outage({
    eventId: 'p2',
    city: '保山市',
    county: '隆阳区',
    start: T + 72 * H,
    end: T + 80 * H,
    planned: true,
  }),
  outage({ eventId: 'p3', city: '昆明市', county: '五华区', start: T + 96 * H, planned: true }),
];

describe('the live figures', () => {
  const f = liveFigures({ asOf: T, current, scheduled, counties: served }, 500);

  it('adds up the customers out by county, against the customers each serves, most out first', () => {
    expect(f.counties).toEqual([
      { province: '云南省', city: '昆明市', county: '官渡区', outages: 2, customers: 500, served: 1000 },
      { province: '云南省', city: '昆明市', county: '五华区', outages: 1, customers: 40, served: 800 },
    ]);
    expect([f.total, f.countyOnly, f.at]).toEqual([540, false, T]);
    expect(liveFigures({ asOf: T, current, scheduled, counties: served }, 2).countyOnly).toBe(true);
  });

  it('keeps apart counties of the same city and county names in two provinces', () => {
    // records without a city: the county's name alone would add the two together
    const place = { city: null, county: '开发区' };
    const two = liveFigures(
      {
        asOf: T,
        current: [
          outage({ eventId: 'y', province: '云南省', ...place, customersOut: 30 }),
          outage({ eventId: 'g', province: '贵州省', ...place, customersOut: 70 }),
          outage({ eventId: 'g2', province: '贵州省', ...place, customersOut: 5 }),
        ],
        scheduled: [],
        counties: [
          { province: '云南省', ...place, customers: 300 },
          { province: '贵州省', ...place, customers: 700 },
        ],
      },
      500,
    );
    expect(two.counties).toEqual([
      { province: '贵州省', city: '', county: '开发区', outages: 2, customers: 75, served: 700 },
      { province: '云南省', city: '', county: '开发区', outages: 1, customers: 30, served: 300 },
    ]);
    // the table names each by its province, where there is no city to name
    const html = outagesPage(two, liveContext('zh', { zone: ZONE, ttl: 60, report: undefined }), null);
    expect(html).toContain(
      '<tr><td>贵州省</td><th scope="row">开发区</th><td class="n">2</td><td class="n">75</td><td class="n">10.7%</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>云南省</td><th scope="row">开发区</th><td class="n">1</td><td class="n">30</td><td class="n">10.0%</td></tr>',
    );
  });

  it('groups the planned outages by county, in the order of the names, soonest first within', () => {
    expect(f.plannedCounties.map((g) => [g.city, g.county, g.rows.map((r) => r.eventId)])).toEqual([
      ['保山市', '隆阳区', ['p2']],
      ['昆明市', '五华区', ['p1', 'p3']],
    ]);
  });

  it('writes the JSON with times in the zone, the rows only when they are listed', () => {
    const json = outagesJson(f, ZONE);
    expect(json).toMatchObject({ updatedAt: '2026-07-01T12:00:00+08:00', outages: 3, customersOut: 540 });
    expect((json['counties'] as unknown[])[0]).toEqual({
      province: '云南省',
      city: '昆明市',
      county: '官渡区',
      outages: 2,
      customers: 500,
      served: 1000,
      sharePercent: 50,
    });
    expect((json['rows'] as Record<string, unknown>[])[0]).toMatchObject({
      start: '2026-07-01T11:00:00+08:00',
      estimatedRestoration: null,
      estimate: 'not yet known',
    });
    expect(outagesJson({ ...f, countyOnly: true }, ZONE)).not.toHaveProperty('rows');
    const planned = plannedJson(f, ZONE)['rows'] as Record<string, unknown>[];
    expect(planned.map((r) => r['expectedEnd'])).toEqual([null, '2026-07-04T20:00:00+08:00', null]);
  });

  it('draws the totals, and each outage unless there are too many', () => {
    const zh = liveContext('zh', { zone: ZONE, ttl: 60, report: undefined });
    const html = outagesPage(f, zh, null);
    expect(html).toContain(
      '<tr><td>昆明市</td><th scope="row">官渡区</th><td class="n">2</td><td class="n">500</td><td class="n">50.0%</td></tr>',
    );
    expect(html).toContain('<table class="list outages">');
    expect(html).toContain('<!--stale-->');
    const few = outagesPage({ ...f, countyOnly: true }, zh, null);
    expect(few).not.toContain('<table class="list outages">');
    expect(few).toContain('<p>当前停电较多，仅按区县汇总显示。</p>');
  });

  it('lists the planned outages by county, with an index of the counties', () => {
    const en = liveContext('en', { zone: ZONE, ttl: 60, report: undefined });
    const html = plannedPage(f, en, 7);
    expect(html).toContain(
      '<li><a href="#county-1">隆阳区 (1)</a></li><li><a href="#county-2">五华区 (2)</a></li>',
    );
    expect(html).toContain('<section aria-labelledby="county-2"><h3 id="county-2">昆明市 五华区</h3>');
  });
});

describe('what an outage reaches, in words', () => {
  const areas = ['甲台区', '乙台区', '丙台区', '丁台区', '戊台区'];
  const places = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

  it('heads a row with the county and the first three areas, and says how many more', () => {
    expect(reachHeading(outage({ eventId: 'x', areas }), 'zh')).toBe(
      '官渡区 · 甲台区、乙台区、丙台区 等 2 个台区',
    );
    expect(reachHeading(outage({ eventId: 'x', areas: areas.slice(0, 2) }), 'en')).toBe(
      '官渡区 · 甲台区, 乙台区',
    );
    expect(reachHeading(outage({ eventId: 'x', county: null }), 'zh')).toBe('');
  });

  it('names the first eight places, or the areas when no place is known and they did not fit the heading', () => {
    expect(reachPlaces(outage({ eventId: 'x', places }), 'en')).toBe(
      '一, 二, 三, 四, 五, 六, 七, 八 and 2 more',
    );
    expect(reachPlaces(outage({ eventId: 'x', areas }), 'zh')).toBe(areas.join('、'));
    expect(reachPlaces(outage({ eventId: 'x', areas: areas.slice(0, 3) }), 'zh')).toBe('');
  });
});

describe('a list table', () => {
  it('names each cell by its column, for the phone', () => {
    const html = listTable({
      cls: 'list t',
      caption: 'A & B',
      heading: { label: 'Name', text: (r: { name: string; n: number }) => r.name },
      columns: [
        { label: 'Count', cls: 'n', html: (r) => String(r.n) },
        { label: 'Note', html: () => '' },
      ],
      rows: [{ name: '<x>', n: 3 }],
    });
    expect(html).toBe(
      '<table class="list t"><caption>A &amp; B</caption><thead><tr><th scope="col">Name</th><th scope="col" class="n">Count</th><th scope="col">Note</th></tr></thead><tbody>' +
        '<tr><th scope="row">&lt;x&gt;</th><td class="n" data-label="Count">3</td><td data-label="Note"></td></tr></tbody></table>',
    );
  });
});

describe('the kept build', () => {
  it('builds once a minute, serves the last one stale while builds fail, and retries after a pause', async () => {
    let now = 0;
    let builds = 0;
    let up = true;
    const current = keptBuild(
      async () => {
        builds += 1;
        if (!up) throw new Error('down');
        return { at: now, n: builds };
      },
      { now: () => now, ttlMs: 60_000, retryMs: 10_000 },
    );
    const [a, b] = await Promise.all([current(), current()]);
    expect([a, b, builds]).toEqual([{ built: { at: 0, n: 1 }, stale: false }, a, 1]);
    now = 59_999;
    expect(await current()).toEqual({ built: { at: 0, n: 1 }, stale: false });
    up = false;
    now = 60_000;
    expect(await current()).toEqual({ built: { at: 0, n: 1 }, stale: true });
    now = 69_999; // within the pause: no new try
    expect([await current(), builds]).toEqual([{ built: { at: 0, n: 1 }, stale: true }, 2]);
    up = true;
    now = 70_000;
    expect(await current()).toEqual({ built: { at: 70_000, n: 3 }, stale: false });
  });

  it('passes the error on when nothing was built yet', async () => {
    const current = keptBuild(() => Promise.reject(new Error('down')), {
      now: () => 0,
      ttlMs: 60_000,
      retryMs: 10_000,
    });
    await expect(current()).rejects.toThrow('down');
  });
});
