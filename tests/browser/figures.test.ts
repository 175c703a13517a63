// Figures that say what they count, on a 1440 px desktop and a 390 px phone, in Chinese and
// English (issue 22): the asset page of an asset whose 60-day breach lies before the current
// window shows the breach with its date and every count labelled (all outages, counted
// outages), each figure checked against the API's own answers; the work list keeps its case
// numbers in sight at 1440 px; "what it buys" names assets by name; the reliability page opens
// on this year to date with a headline judged against the targets; English dates are never
// 06/12/2026; on a phone nothing scrolls sideways and tables are cards; axe finds nothing serious.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  axeSerious,
  type Harness,
  openSession,
  PLANNER,
  type Session,
  screenshot,
  signIn,
  startHarness,
} from './harness.js';

interface Flag {
  assetId: string;
  kind: string;
  rule: string;
  status: 'breach' | 'at_risk';
  count: number;
  limit: number;
  windowStart: string;
  windowEnd: string;
  breachDate: string | null;
}
interface Explained {
  to: string;
  inScope: boolean;
  outages: { date: string; counted: boolean }[];
}
interface Rule {
  id: string;
  measure: string;
  window?: string;
  limit?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2026-09-27" → "27 Sep 2026", spelt here by hand, not by the page's Intl. */
const enDate = (d: string) =>
  `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
/** Local date `days` before `d`. */
const minusDays = (d: string, days: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const AMBIGUOUS = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;
const EN_DATE = /\d{1,2} [A-Z][a-z]{2} \d{4}|\d{4}-\d{2}-\d{2}/;

let h: Harness;
let desk: Session;
let rules: Rule[];
/** a feeder whose 60-day breach window ended before the current 60-day window began */
let old: { assetId: string; flags: Flag[] };

beforeAll(async () => {
  h = await startHarness();
  desk = await openSession(h, { width: 1440, height: 900 });
  await signIn(desk.page, h.web, PLANNER);
  const sets = await api<{ rows: { default: boolean; rules: Rule[] }[] }>(h.product, '/api/v1/rule-sets');
  rules = (sets.rows.find((r) => r.default)?.rules ?? []).filter((r) => r.measure === 'count');
  const hot = await api<{ windows: { outages60: { from: string; to: string } } }>(
    h.product,
    '/api/v1/hotspots?kind=feeder',
  );
  const flags = (await api<{ rows: Flag[] }>(h.product, '/api/v1/flags')).rows;
  const rule60 = rules.find((r) => r.window === '60 days');
  const candidates = flags
    .filter(
      (f) =>
        f.kind === 'feeder' &&
        f.rule === rule60?.id &&
        f.status === 'breach' &&
        f.windowEnd < hot.windows.outages60.from,
    )
    .map((f) => f.assetId)
    .sort();
  const assetId = candidates[0] ?? '';
  old = { assetId, flags: flags.filter((f) => f.assetId === assetId) };
}, 300_000);

afterAll(async () => {
  await desk?.context.close();
  await h?.stop();
});

const noErrors = (s: Session) => expect(s.errors.take()).toEqual([]);

async function switchTo(page: Page, lang: 'zh' | 'en') {
  const want = lang === 'zh' ? 'zh-CN' : 'en';
  if ((await page.locator('html').getAttribute('lang')) === want) return;
  await page.locator('#lang-switch').click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(want);
}

async function openAsset(page: Page, id: string) {
  await page.goto(`${h.web}/#/asset/${encodeURIComponent(id)}`);
  await page.locator('.rule-card[data-rule]').first().waitFor({ timeout: 90_000 });
  await page.locator('table[data-name="asset-outages"]').waitFor({ state: 'attached', timeout: 90_000 });
}

/** What each rule card must say, from /flags/:id/explain and /flags, counted by hand here. */
async function expectedCards(lang: 'zh' | 'en') {
  const out: { rule: string; status: string; badge: string; current: string; old: boolean }[] = [];
  for (const rule of rules) {
    const ex = await api<Explained>(
      h.product,
      `/api/v1/flags/${encodeURIComponent(old.assetId)}/explain?rule=${rule.id}`,
    );
    if (!ex.inScope) continue;
    const days = Number(/^(\d+) days$/.exec(rule.window ?? '')?.[1]);
    const from = minusDays(ex.to, days - 1);
    const counted = ex.outages.filter((o) => o.counted && o.date >= from && o.date <= ex.to).length;
    const flag = old.flags.find((f) => f.rule === rule.id);
    const date = flag?.status === 'breach' ? (flag.breachDate ?? '') : '';
    const word =
      flag?.status === 'breach'
        ? lang === 'zh'
          ? `越限（${date}）`
          : `Breached (${enDate(date)})`
        : flag?.status === 'at_risk'
          ? lang === 'zh'
            ? '预警'
            : 'At risk'
          : lang === 'zh'
            ? '正常'
            : 'Fine';
    const shape = flag?.status === 'breach' ? '▲' : flag?.status === 'at_risk' ? '■' : '●';
    out.push({
      rule: rule.id,
      status: flag?.status ?? 'fine',
      badge: `${shape} ${word}`,
      current:
        lang === 'zh'
          ? `当前${days}天窗口（${from} 至 ${ex.to}）：计入考核的停电 ${counted} 次 / 限值 ${rule.limit}`
          : `Current ${days}-day window (${enDate(from)} to ${enDate(ex.to)}): ${counted} counted outages / limit ${rule.limit}`,
      old: flag?.status === 'breach' && flag.windowEnd < from,
    });
  }
  return out;
}

describe('asset page: one figure, one meaning', () => {
  it('shows an old breach with its date beside labelled counts, in Chinese and English', async () => {
    const { page } = desk;
    await switchTo(page, 'zh');
    expect(old.assetId).not.toBe('');
    const summary = (
      await api<{ rows: { outages365: number; outages60: number }[] }>(
        h.product,
        `/api/v1/hotspots?assetId=${encodeURIComponent(old.assetId)}`,
      )
    ).rows[0];
    await openAsset(page, old.assetId);

    for (const lang of ['zh', 'en'] as const) {
      await switchTo(page, lang);
      await page.locator('.rule-card[data-rule]').first().waitFor({ timeout: 90_000 });
      // all outages, said to be all
      expect(await page.locator('[data-name="outages60"] .kpi-label').textContent()).toBe(
        lang === 'zh' ? '近60天停电（全部）' : 'All outages, 60 days',
      );
      expect(Number(await page.locator('[data-name="outages60"]').getAttribute('data-value'))).toBe(
        summary?.outages60,
      );
      expect(await page.locator('[data-name="outages365"] .kpi-label').textContent()).toBe(
        lang === 'zh' ? '近365天停电（全部）' : 'All outages, 365 days',
      );
      expect(Number(await page.locator('[data-name="outages365"]').getAttribute('data-value'))).toBe(
        summary?.outages365,
      );
      for (const card of await expectedCards(lang)) {
        const el = page.locator(`.rule-card[data-rule="${card.rule}"]`);
        expect(await el.getAttribute('data-status')).toBe(card.status);
        expect(await el.locator('.status').textContent()).toBe(card.badge);
        // counted outages of the current window, said to be counted
        expect(await el.locator('.current-window').textContent()).toBe(card.current);
        expect(await el.getAttribute('data-old')).toBe(card.old ? 'true' : null);
        const flag = old.flags.find((f) => f.rule === card.rule);
        if (flag?.status === 'breach') {
          expect(await el.locator('[data-breach-date]').getAttribute('data-breach-date')).toBe(
            flag.breachDate,
          );
          expect(await el.locator('.breach-window').textContent()).toBe(
            lang === 'zh'
              ? `越限窗口（${flag.windowStart} 至 ${flag.windowEnd}）：计入考核的停电 ${flag.count} 次 / 限值 ${flag.limit}`
              : `Breach window (${enDate(flag.windowStart)} to ${enDate(flag.windowEnd)}): ${flag.count} counted outages / limit ${flag.limit}`,
          );
        }
      }
      // the 60-day breach of this asset is the old one
      expect(await page.locator('.rule-card[data-old="true"]').count()).toBeGreaterThan(0);
      expect(await page.locator('.rule-card[data-old="true"] .old-breach').textContent()).toBe(
        lang === 'zh' ? '该越限发生在当前窗口之前。' : 'The breach lies before the current window.',
      );
      // the outage list: its dates, the verdicts with their reasons in sight at 1440 px
      const dates = await page
        .locator('table[data-name="asset-outages"] > tbody > tr > th')
        .allTextContents();
      expect(dates.length).toBeGreaterThan(0);
      for (const d of dates)
        expect(d).toMatch(lang === 'zh' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
      const reason = page.locator('table[data-name="asset-outages"] .excluded').first();
      if ((await reason.count()) > 0) {
        const box = await reason.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(1440);
      }
      if (lang === 'en') {
        const text = await page.locator('main').textContent();
        expect(text).not.toMatch(AMBIGUOUS);
        expect(await page.locator('[data-name="last-outage"] .kpi-value').textContent()).toMatch(EN_DATE);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
      expect(await axeSerious(page)).toEqual([]);
      await screenshot(page, `figures-asset-${lang}`);
    }
    await switchTo(page, 'zh');
    noErrors(desk);
  });
});

describe('work list at 1440 px', () => {
  it('keeps the case number in sight, counts customer interruptions as such and dates each breach', async () => {
    const { page } = desk;
    await switchTo(page, 'zh');
    const received = page.waitForResponse((r) => r.url().includes('/api/v1/priorities?'), {
      timeout: 90_000,
    });
    await page.goto(`${h.web}/#/priorities`);
    const answer = (await (await received).json()) as {
      rows: { assetId: string; caseId: string | null; status: string | null; breachDate: string | null }[];
    };
    const rows = page.locator('table[data-name="work-list"] > tbody > tr');
    await rows.first().waitFor({ timeout: 90_000 });
    const withCase = answer.rows.findIndex((r) => r.caseId !== null);
    expect(withCase).toBeGreaterThanOrEqual(0);
    const link = rows.nth(withCase).locator('a[data-case]');
    expect(await link.textContent()).toBe(answer.rows[withCase]?.caseId);
    await link.scrollIntoViewIfNeeded();
    const box = await link.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1440);
    // the column of Σ customers × sustained interruptions says 户次, not 用户
    const headings = await page.locator('table[data-name="work-list"] > thead th').allTextContents();
    expect(headings.some((x) => x.startsWith('近一年停电户次'))).toBe(true);
    expect(headings.some((x) => x.includes('影响用户'))).toBe(false);
    const breached = answer.rows.findIndex((r) => r.status === 'breach' && r.breachDate !== null);
    expect(await rows.nth(breached).locator('.status').first().textContent()).toBe(
      `▲ 越限（${answer.rows[breached]?.breachDate}）`,
    );
    // a table that must scroll says so: a hint and a labelled, focusable region
    const region = page.locator('table[data-name="work-list"]').locator('xpath=..');
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.getAttribute('aria-label')).toBeTruthy();
    const overflows = await region.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(await region.locator('.scroll-hint').isVisible()).toBe(overflows);
    expect(await axeSerious(page)).toEqual([]);
    await screenshot(page, 'figures-priorities-1440');
    noErrors(desk);
  });

  it('names the assets of "what it buys" by name and code, never by raw id', async () => {
    const { page } = desk;
    await switchTo(page, 'zh');
    const boxes = page.locator('table[data-name="work-list"] input[data-select]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const received = page.waitForResponse((r) => r.url().endsWith('/api/v1/priorities/what-it-buys'), {
      timeout: 90_000,
    });
    await page.locator('#pr-buy').click();
    const buys = (await (await received).json()) as {
      assets: { assetId: string }[];
      frequentOutageList: { leaving: string[] };
    };
    await page.locator('[data-name="what-it-buys"]').waitFor({ timeout: 90_000 });
    const assets = (
      await api<{ rows: { assetId: string; name: string | null; code?: string | null }[] }>(
        h.product,
        '/api/v1/assets',
      )
    ).rows;
    const byId = new Map(assets.map((a) => [a.assetId, a]));
    const shown = [...buys.frequentOutageList.leaving, ...buys.assets.map((a) => a.assetId)];
    expect(shown.length).toBeGreaterThan(0);
    for (const id of buys.frequentOutageList.leaving) {
      const item = page.locator(`[data-name="buys-leaving-list"] li[data-asset-id="${id}"]`);
      const a = byId.get(id);
      expect(await item.locator('a[data-asset]').textContent()).toBe(a?.name ?? id);
      if (a?.code) expect(await item.textContent()).toContain(a.code);
    }
    const names = await page.locator('table[data-name="buys-assets"] tbody a[data-asset]').allTextContents();
    expect(names).toEqual(buys.assets.map((x) => byId.get(x.assetId)?.name ?? x.assetId));
    for (const n of names) expect(n).not.toMatch(/^(fd|ta)-/);
    await screenshot(page, 'figures-what-it-buys');
    noErrors(desk);
  });
});

describe('reliability headline', () => {
  interface Figures {
    period: { from: string; to: string };
    rows: Record<string, string | number | null>[];
  }

  it('opens on this year to date with the province’s SAIDI and SAIFI as the API gives them', async () => {
    const { page } = desk;
    await switchTo(page, 'zh');
    const headline = page.waitForResponse(
      (r) => r.url().includes('/api/v1/reliability?') && r.url().includes('groupBy=province'),
      { timeout: 90_000 },
    );
    await page.goto(`${h.web}/#/reliability`);
    const answer = (await (await headline).json()) as Figures;
    // the local year of the answer's end (ISO with the zone's offset)
    const year = Number(answer.period.to.slice(0, 4));
    expect(answer.period.from.startsWith(`${year}-01-01`)).toBe(true);
    await page.locator('[data-name="rel-headline"]').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('#r-period').inputValue()).toBe('ytd');
    const row = answer.rows[0];
    expect(await page.locator('[data-name="headline-saidi"] .figure-value').first().textContent()).toBe(
      `${Number(row?.['saidi']).toFixed(2)} 小时/户`,
    );
    expect(await page.locator('[data-name="headline-saifi"] .figure-value').first().textContent()).toBe(
      `${Number(row?.['saifi']).toFixed(2)} 次/户`,
    );
    expect(await page.locator('[data-name="rel-headline"] h2').first().textContent()).toBe(
      `${row?.['province']} · ${year} 年至今`,
    );
    expect(await axeSerious(page)).toEqual([]);
    await screenshot(page, 'figures-reliability');
    noErrors(desk);
  });

  it('judges each area class of a finished year against its target: hours, or 8 % below the year before', async () => {
    const { page } = desk;
    await switchTo(page, 'zh');
    const targets = (
      await api<{
        rows: {
          rule: string;
          per: string;
          areaClass: string | null;
          atMost: number | null;
          orReductionPercent: number | null;
        }[];
      }>(h.product, '/api/v1/targets')
    ).rows.filter((x) => x.per === 'area_class');
    expect(targets.length).toBeGreaterThan(0);
    const { year } = await api<{ year: number }>(h.product, '/api/v1/reliability/ranking');
    const q = (y: number) =>
      `/api/v1/reliability?from=${y}-01-01&to=${y + 1}-01-01&groupBy=areaClass&convention=transformers&variant=all`;
    const [current, previous] = await Promise.all([
      api<Figures>(h.product, q(year)),
      api<Figures>(h.product, q(year - 1)),
    ]);
    await page.locator('#r-period').selectOption(String(year));
    const rule = targets[0]?.rule ?? '';
    const items = page.locator(`[data-name="headline-saidi"] li[data-rule="${rule}"] li[data-group]`);
    await expect
      .poll(() => page.locator('[data-name="rel-headline"] h2').first().textContent(), { timeout: 90_000 })
      .toContain(`${year} 年`);
    await items.first().waitFor({ timeout: 90_000 });
    const shown = await items.evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute('data-group'), li.getAttribute('data-status')]),
    );
    const expected = current.rows.flatMap((r) => {
      const target = targets.find((x) => x.areaClass === r['areaClass'])?.atMost;
      if (target === undefined || target === null || r['saidi'] === null) return [];
      const saidi = Number(r['saidi']);
      const before = previous.rows.find((p) => p['areaClass'] === r['areaClass'])?.['saidi'];
      const fewer = targets[0]?.orReductionPercent ?? null;
      const byReduction =
        fewer !== null &&
        before !== undefined &&
        before !== null &&
        saidi <= Number(before) * (1 - fewer / 100);
      const met = saidi <= target || byReduction;
      return [[String(r['areaClass']), met ? 'met' : 'not_met']];
    });
    expect(shown).toEqual(expected);
    noErrors(desk);
  });
});

describe('phone, 390 px', () => {
  it('fits the asset page, the work list and the reliability page without sideways scrolling, tables as cards', async () => {
    const phone = await openSession(h, { width: 390, height: 844 });
    try {
      await signIn(phone.page, h.web, PLANNER);
      const { page } = phone;
      const fits = async () =>
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await openAsset(page, old.assetId);
      await fits();
      // each outage a card: rows are boxes of label–value lines, the headings hidden
      const row = page.locator('table[data-name="asset-outages"] > tbody > tr').first();
      expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
      expect(
        await page
          .locator('table[data-name="asset-outages"] > thead')
          .evaluate(
            (el) => getComputedStyle(el).position === 'absolute' && (el as HTMLElement).offsetHeight <= 1,
          ),
      ).toBe(true);
      expect(await axeSerious(page)).toEqual([]);
      await screenshot(page, 'figures-asset-phone');

      await page.goto(`${h.web}/#/priorities?top=10`);
      const card = page.locator('table[data-name="work-list"] > tbody > tr').first();
      await card.waitFor({ timeout: 90_000 });
      await fits();
      // the status first in each card, above the rank and the name
      const lead = await card.locator(':scope > td.lead').boundingBox();
      const rank = await card.locator(':scope > th').boundingBox();
      expect(lead?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(rank?.y ?? 0);
      expect(await card.locator(':scope > td.lead').getAttribute('data-label')).toBe('规则状态');
      expect(await axeSerious(page)).toEqual([]);
      await screenshot(page, 'figures-priorities-phone');

      await switchTo(page, 'en');
      await page.goto(`${h.web}/#/reliability`);
      await page.locator('[data-name="rel-headline"]').first().waitFor({ timeout: 90_000 });
      await page
        .locator('table[data-name="rel-ranking"] tbody tr')
        .first()
        .waitFor({ state: 'attached', timeout: 90_000 });
      await fits();
      const text = await page.locator('main').textContent();
      expect(text).not.toMatch(AMBIGUOUS);
      expect(await page.locator('[data-name="rel-headline"] .desc').first().textContent()).toMatch(EN_DATE);
      expect(await axeSerious(page)).toEqual([]);
      await screenshot(page, 'figures-reliability-phone-en');
      await switchTo(page, 'zh');
      noErrors(phone);
    } finally {
      await phone.context.close();
    }
  });
});
