// The reliability page's Pareto of causes on the demo data: one chart per chosen city with its
// bars largest first (as the API orders them, and non-increasing), a cumulative line, the
// table beside it, Chinese and English labels, the responsibility breakdown, and a second city.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  axeSerious,
  type Harness,
  openSession,
  type Session,
  screenshot,
  signIn,
  startHarness,
} from './harness.js';

const ZH: Record<string, string> = {
  equipment_fault: '设备故障',
  weather_fault: '天气原因故障',
  natural_disaster: '自然灾害',
  external_damage: '外力破坏',
  planned_maintenance: '计划检修',
  planned_construction: '计划施工',
  protective_supply_switching: '保供电接入及退出',
  mode_adjustment: '方式调整',
  supply_shortage: '电源不足限电',
  customer_side: '用户侧故障',
  arrears: '欠费停电',
  unknown: '原因不明',
};
const EN: Record<string, string> = {
  equipment_fault: 'Equipment fault',
  weather_fault: 'Weather fault',
  natural_disaster: 'Natural disaster',
  external_damage: 'External damage',
  planned_maintenance: 'Planned maintenance',
  planned_construction: 'Planned construction',
  protective_supply_switching: 'Protective-supply switching',
  mode_adjustment: 'Operating-mode adjustment',
  supply_shortage: 'Supply shortage',
  customer_side: 'Customer-side fault',
  arrears: 'Arrears disconnection',
  unknown: 'Unknown',
};
const EN_RESPONSIBILITY: Record<string, string> = {
  grid: 'Grid company',
  customer_side: 'Customer side',
  third_party: 'Third party',
  weather_nature: 'Weather and nature',
  undetermined: 'Undetermined',
};

interface CauseRow {
  city: string;
  cause: string;
  customerHours: number;
}

let h: Harness;
let s: Session;

beforeAll(async () => {
  h = await startHarness();
  s = await openSession(h);
  await signIn(s.page, h.web);
}, 240_000);

afterAll(async () => {
  await s?.context.close();
  await h?.stop();
});

const bars = (region: string) =>
  s.page.locator(`section[data-name="rel-pareto"][data-region="${region}"] svg g.bar`).evaluateAll((gs) =>
    gs.map((g) => ({
      key: g.getAttribute('data-key'),
      value: Number(g.getAttribute('data-value')),
      label: g.querySelector('text.label')?.textContent ?? '',
    })),
  );

describe('reliability: causes Pareto', () => {
  it('draws each chosen city’s causes largest first with a cumulative line and a table, in Chinese and English', async () => {
    const { page } = s;
    const { year } = await api<{ year: number }>(h.product, '/api/v1/reliability/ranking');
    const answer = await api<{ rows: CauseRow[] }>(
      h.product,
      `/api/v1/reliability/causes?from=${year}-01-01&to=${year + 1}-01-01&groupBy=city`,
    );
    const cities = [...new Set(answer.rows.map((r) => r.city))];
    expect(cities.length).toBeGreaterThan(1);
    const [first, second] = cities as [string, string];
    const expected = answer.rows.filter((r) => r.city === first).map((r) => r.cause);

    // the page opens on this year to date; the causes of the year the demo fills are asked for
    await page.goto(`${h.web}/#/reliability?period=${year}`);
    const figure = page.locator('section[data-name="rel-pareto"]');
    await figure.first().waitFor({ timeout: 90_000 });
    // The biggest city is shown first, alone.
    expect(await figure.evaluateAll((els) => els.map((e) => e.getAttribute('data-region')))).toEqual([first]);
    const zh = await bars(first);
    expect(zh.map((b) => b.key)).toEqual(expected);
    for (let i = 1; i < zh.length; i++) expect(zh[i]?.value).toBeLessThanOrEqual(zh[i - 1]?.value ?? 0);
    expect(zh.map((b) => b.label)).toEqual(expected.map((c) => ZH[c]));
    expect(await figure.locator('polyline.cumulative').count()).toBe(1);
    // The table beside the chart (not behind a disclosure), one row per bar, ending at 100 %.
    const table = figure.locator('table[data-name="rel-pareto-table"]');
    expect(await table.isVisible()).toBe(true);
    const cells = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
      );
    expect(cells.map((c) => c[0])).toEqual(expected.map((c) => ZH[c]));
    expect(cells.at(-1)?.[3]).toBe('100.0%');
    expect(await axeSerious(page)).toEqual([]);
    await screenshot(page, 'reliability-causes');

    await page.locator('#lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await figure.first().waitFor({ timeout: 90_000 });
    expect((await bars(first)).map((b) => b.label)).toEqual(expected.map((c) => EN[c]));
    expect(await page.locator('section[data-name="rel-causes"] h2').textContent()).toMatch(
      /^Outages by cause and responsibility \(Pareto\) · /,
    );

    // A second city: two charts, in the API's order of cities.
    await page.locator('section[data-name="rel-causes"] fieldset label', { hasText: second }).click();
    await expect.poll(() => figure.count()).toBe(2);
    expect(await figure.evaluateAll((els) => els.map((e) => e.getAttribute('data-region')))).toEqual([
      first,
      second,
    ]);

    // By responsibility: the bars are the responsibilities, in English, and the focus stays.
    await page.locator('#rc-view').selectOption('responsibility');
    // While the new answer loads there are no bars: wait for bars that are all responsibilities.
    const responsibilitiesShown = async () => {
      const keys = (await bars(first)).map((b) => b.key ?? '');
      return keys.length > 0 && keys.every((k) => k in EN_RESPONSIBILITY);
    };
    await expect.poll(responsibilitiesShown).toBe(true);
    const byResponsibility = await bars(first);
    expect(byResponsibility.map((b) => b.label)).toEqual(
      byResponsibility.map((b) => EN_RESPONSIBILITY[b.key ?? '']),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rc-view');
    expect(await figure.count()).toBe(2);
    await screenshot(page, 'reliability-causes-en');
    expect(s.errors.take()).toEqual([]);

    await page.locator('#lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });
});
