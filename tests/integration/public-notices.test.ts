// Planned outages as notices, end to end: a planned outage received 10 days ahead is listed on
// the public planned-outage page and in the lookup from the moment it is received, is not an
// outage in progress, and is not counted by the frequent-outage rule before it begins (and is
// once it has); a notice received 3 days ahead is accepted with a warning; a correction that
// postpones it moves it everywhere. Every figure is computed by hand from the records below.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicOutages } from '../../analytics/public/index.js';
import { dayToDate, formatInZone, localDay } from '../../core/index.js';
import type { Product } from '../../server/runtime.js';
import { get, post, startTestProduct } from '../support/product.js';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const H = 3_600_000;
const P = `N${Date.now().toString(36)}`;
const CITY = `市${P}`;
const COUNTY = `县${P}`;
const A1 = `${P}-A1`;
const A2 = `${P}-A2`;
const A1_NAME = `金鸡村${P}号台区`;
const A2_NAME = `松林${P}台区`;
const SECRET = '联系人 李四 13900000000';

let product: Product;
/** the test's "now": every record is placed relative to it */
const T0 = Date.now();
const planned = {
  eventId: `${P}-PLAN`,
  assetId: `${P}-F`,
  start: T0 + 10 * DAY,
  end: T0 + 10 * DAY + 6 * H,
  customersAffected: 120,
  affectedAreas: [A1],
  cause: 'planned_maintenance',
  notes: SECRET,
};
const lateStart = T0 + 3 * DAY + 4 * H + 30 * 60_000;
const minute = (ms: number) => formatInZone(ms, ZONE).slice(0, 16).replace('T', ' ');
const iso = (ms: number) => new Date(ms).toISOString();
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '|')
    .replace(/\|+/g, '|')
    .replace(/^\||\|$/g, '');

let answers: Record<string, Record<string, unknown>> = {};

async function flagsOf(asset: string, asOf: number) {
  const res = await get(product, `/api/v1/flags?ruleSet=national-2025&asOf=${encodeURIComponent(iso(asOf))}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    rows: { assetId: string; rule: string; status: string; count: number }[];
  };
  return body.rows
    .filter((r) => r.assetId === asset)
    .map((r) => ({ rule: r.rule, status: r.status, count: r.count }))
    .sort((a, b) => (a.rule < b.rule ? -1 : 1));
}

beforeAll(async () => {
  product = await startTestProduct();
  const region = { province: '云南省', city: CITY, county: COUNTY, areaClass: 'rural' };
  const assets = await post(
    product,
    '/api/v1/assets?wait=visible',
    JSON.stringify([
      {
        assetId: `${P}-F`,
        kind: 'feeder',
        name: '10kV 秘密线',
        customers: 400,
        places: ['河口街'],
        ...region,
        validFrom: iso(T0 - 400 * DAY),
      },
      {
        assetId: A1,
        kind: 'area',
        name: A1_NAME,
        feederId: `${P}-F`,
        customers: 120,
        places: [`金鸡村${P}`, '下寨'],
        ...region,
        validFrom: iso(T0 - 400 * DAY),
      },
      {
        assetId: A2,
        kind: 'area',
        name: A2_NAME,
        feederId: `${P}-F`,
        customers: 80,
        places: [`松林${P}`],
        ...region,
        validFrom: iso(T0 - 400 * DAY),
      },
    ]),
  );
  expect(assets.body['accepted']).toBe(3);
  // A1's own history: five outages of 2 hours, 300, 230, 160, 90 and 20 days ago.
  const history = [300, 230, 160, 90, 20].map((d) => ({
    eventId: `${P}-H${d}`,
    assetId: A1,
    start: iso(T0 - d * DAY),
    end: iso(T0 - d * DAY + 2 * H),
    customersAffected: 120,
    cause: 'equipment_fault',
  }));
  const ongoing = {
    eventId: `${P}-NOW`,
    assetId: A2,
    start: iso(T0 - 2 * H),
    customersAffected: 80,
    cause: 'equipment_fault',
    estimatedRestoration: iso(T0 - 30 * 60_000),
  };
  const sent = await post(product, '/api/v1/outages?wait=visible', JSON.stringify([...history, ongoing]));
  expect(sent.body).toMatchObject({ accepted: 6, rejectedCount: 0, warnings: [], warningCount: 0 });
  answers = {
    planned: (
      await post(
        product,
        '/api/v1/outages?wait=visible',
        JSON.stringify([{ ...planned, start: iso(planned.start), end: iso(planned.end) }]),
      )
    ).body,
    late: (
      await post(
        product,
        '/api/v1/outages?wait=visible',
        JSON.stringify([
          {
            eventId: `${P}-LATE`,
            assetId: A2,
            start: iso(lateStart),
            end: iso(lateStart + 4 * H),
            customersAffected: 80,
            cause: 'planned_construction',
          },
        ]),
      )
    ).body,
  };
});

afterAll(async () => {
  await product?.stop();
});

describe('the notice period', () => {
  it('accepts a notice 10 days ahead without a warning', () => {
    expect(answers['planned']).toMatchObject({
      accepted: 1,
      rejectedCount: 0,
      warnings: [],
      warningCount: 0,
      visible: true,
    });
  });

  it('accepts a notice 3 days 4 hours ahead with a warning naming the 7 days due', () => {
    expect(answers['late']).toMatchObject({ accepted: 1, rejectedCount: 0, warningCount: 1, visible: true });
    expect(answers['late']?.['warnings']).toEqual([
      {
        line: 1,
        id: `${P}-LATE`,
        issues: [
          {
            path: 'start',
            message: `planned outage announced 3 days 4 hours before it begins (${formatInZone(lateStart, ZONE)}), less than the 7 days' notice due`,
          },
        ],
      },
    ]);
  });
});

describe('a planned outage received 10 days ahead', () => {
  it('is listed by county on the public planned-outage page, with its areas and places', async () => {
    const res = await fetch(`${product.url}/public/planned`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const html = await res.text();
    const section =
      new RegExp(`<section[^>]*><h3[^>]*>${CITY} ${COUNTY}</h3>.*?</section>`).exec(html)?.[0] ?? '';
    const rows = [...section.matchAll(/<tr><th scope="row">.*?<\/tr>/g)].map((m) => text(m[0]).split('|'));
    // soonest first; the last cell is when the notice arrived
    expect(rows.map((r) => r.slice(0, -1))).toEqual([
      [`${COUNTY} · ${A2_NAME}`, minute(lateStart), minute(lateStart + 4 * H), `松林${P}`, '工程施工', '80'],
      [
        `${COUNTY} · ${A1_NAME}`,
        minute(planned.start),
        minute(planned.end),
        `金鸡村${P}、下寨`,
        '计划检修',
        '120',
      ],
    ]);
    for (const secret of [SECRET, '秘密线', '河口街', `${P}-PLAN`]) expect(html).not.toContain(secret);
  });

  it('is not an outage in progress on the live page, where the fault with a passed estimate is', async () => {
    const html = await (await fetch(`${product.url}/public/outages`)).text();
    expect(html).not.toContain(A1_NAME);
    // 80 of the county's 400 customers (its feeder's) are out: 20 %
    expect(html).toContain(
      `<td>${CITY}</td><th scope="row">${COUNTY}</th><td class="n">1</td><td class="n">80</td><td class="n">20.0%</td>`,
    );
    const row = [...html.matchAll(/<tr><th scope="row">.*?<\/tr>/g)]
      .map((m) => text(m[0]).split('|'))
      .find((r) => r[0] === `${COUNTY} · ${A2_NAME}`);
    expect(row).toEqual([
      `${COUNTY} · ${A2_NAME}`,
      `松林${P}`,
      '设备故障（故障停电）',
      '80',
      minute(T0 - 2 * H),
      '正在重新评估',
      expect.any(String),
    ]);
    const json = (await (await fetch(`${product.url}/public/outages.json`)).json()) as {
      rows: { county: string; estimate: string; areas: string[] }[];
    };
    expect(json.rows.filter((r) => r.county === COUNTY)).toEqual([
      expect.objectContaining({ areas: [A2_NAME], estimate: 'being reassessed' }),
    ]);
  });

  it('is in the lookup of its area among the planned outages of the next 14 days', async () => {
    const html = await (
      await fetch(`${product.url}/public/lookup?q=${encodeURIComponent(`金鸡村${P}`)}`)
    ).text();
    const article = /<article.*?<\/article>/.exec(html)?.[0] ?? '';
    expect(text(article).split('|')).toEqual([
      A1_NAME,
      '区县',
      `${CITY} ${COUNTY}`,
      '影响范围',
      `金鸡村${P}、下寨`,
      '当前供电正常',
      '未来 14 天计划停电',
      minute(planned.start),
      ' – ',
      minute(planned.end),
      '，计划检修',
      '近 12 个月',
      // 300, 230, 160, 90 and 20 days ago, 2 hours each
      `自 ${dayToDate(localDay(T0, ZONE) - 364)} 以来停电 5 次，共计约 10 小时。`,
    ]);
    expect(html).toContain('找到 1 个台区。');
    expect(html).not.toContain(SECRET);
  });

  it('answers for the area out now: since when, the estimate being reassessed, the notice ahead', async () => {
    const html = await (
      await fetch(`${product.url}/public/lookup?q=${encodeURIComponent(A2_NAME)}&lang=en`)
    ).text();
    const article = text(/<article.*?<\/article>/.exec(html)?.[0] ?? '').split('|');
    expect(article.slice(5, 14)).toEqual([
      'Power is off',
      'Off since',
      minute(T0 - 2 * H),
      'Estimated restoration',
      'being reassessed',
      'Cause',
      'Equipment fault',
      'Last update',
      expect.any(String),
    ]);
    expect(article.slice(14, 20)).toEqual([
      'Planned outages in the next 14 days',
      minute(lateStart),
      ' – ',
      minute(lateStart + 4 * H),
      ', Construction work',
      'Last 12 months',
    ]);
    // the ongoing one, 2 hours so far (to within the seconds the page took)
    expect(article[20]).toMatch(/^1 outage since \d{4}-\d{2}-\d{2}, about 2 hours in all\.$/);
  });

  it('is not counted by the rules before it begins, and is once it has', async () => {
    // A1: five counted outages in the 365 days to now (the limit: at risk); 1 in the last 60 days
    expect(await flagsOf(A1, T0)).toEqual([{ rule: 'over-5-in-365d', status: 'at_risk', count: 5 }]);
    expect(await flagsOf(A1, planned.start - 60_000)).toEqual([
      { rule: 'over-5-in-365d', status: 'at_risk', count: 5 },
    ]);
    // an hour after it began: the sixth in 365 days breaches; 2 in 60 days (20 days before + it)
    expect(await flagsOf(A1, planned.start + H)).toEqual([
      { rule: 'over-5-in-365d', status: 'breach', count: 6 },
    ]);
    // the feeder it was recorded on: its own outages only, one
    expect(await flagsOf(`${P}-F`, planned.start + H)).toEqual([]);
  });

  it('moves when a correction postpones it by a day, and goes when one calls it off', async () => {
    const moved = planned.start + DAY;
    const res = await post(
      product,
      '/api/v1/outages?wait=visible',
      JSON.stringify([{ ...planned, start: iso(moved), end: iso(moved + 6 * H) }]),
    );
    expect(res.body).toMatchObject({ accepted: 1, warningCount: 0, visible: true });
    const listed = (await publicOutages(product.store, Date.now())).scheduled.filter(
      (o) => o.county === COUNTY,
    );
    expect(listed.map((o) => [o.areas, o.start, o.end])).toEqual([
      [[A2_NAME], lateStart, lateStart + 4 * H],
      [[A1_NAME], moved, moved + 6 * H],
    ]);
    expect(await flagsOf(A1, planned.start + H)).toEqual([
      { rule: 'over-5-in-365d', status: 'at_risk', count: 5 },
    ]);
    expect(await flagsOf(A1, moved + H)).toEqual([{ rule: 'over-5-in-365d', status: 'breach', count: 6 }]);
    // the notice 3 days ahead is called off (corrected to nobody for no time): no longer listed
    const off = await post(
      product,
      '/api/v1/outages?wait=visible',
      JSON.stringify([
        {
          eventId: `${P}-LATE`,
          assetId: A2,
          start: iso(lateStart),
          end: iso(lateStart),
          customersAffected: 0,
          cause: 'planned_construction',
        },
      ]),
    );
    expect(off.body).toMatchObject({ accepted: 1, visible: true });
    const after = (await publicOutages(product.store, Date.now())).scheduled.filter(
      (o) => o.county === COUNTY,
    );
    expect(after.map((o) => o.areas)).toEqual([[A1_NAME]]);
    // a lookup by another of its places (not cached yet) shows the new time
    const html = await (await fetch(`${product.url}/public/lookup?q=${encodeURIComponent('下寨')}`)).text();
    const article =
      [...html.matchAll(/<article.*?<\/article>/g)].map((m) => m[0]).find((a) => a.includes(A1_NAME)) ?? '';
    expect(text(article)).toContain(`${minute(moved)}| – |${minute(moved + 6 * H)}|，计划检修`);
  });
});
