// Hotspots for planners: every feeder and area on a map (a canvas density layer of outages in
// the last year, with symbols for rule status), the ranked table (top N, sortable, filtered by
// region, area class, asset type, cause, rule and status) and a calendar of outages per local
// day. Flags come from GET /flags; outage counts from GET /hotspots (Arrow); days from
// GET /outages/daily. Filters live in the URL so a view can be shared.
//
// The page loads (flags, rule sets, boundaries; then the hotspots of the chosen cause), works
// out what to show with the pure functions of hotspots-data.ts, and draws each part with its
// own module: the form, the map, the ranking and the calendar.

import type { FeatureCollection } from '../charts/index.js';
import type { Api } from '../api.js';
import type { Ctx, View } from '../context.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { replaceParams } from '../router.js';
import { calendarFigure } from './calendar-figure.js';
import { figureSlot, fill, filterPanel, kpi, kpiRow, pageHeader } from './common.js';
import { fleetCards } from './fleet.js';
import {
  applyFilters,
  countRulesOf,
  type DailyAnswer,
  FILTER_KEYS,
  type FilterKey,
  type Filters,
  flagCounts,
  type FlagsAnswer,
  flagsByAsset,
  type Hotspot,
  toHotspot,
  withHotspotFilter,
} from './hotspots-data.js';
import { readFilters } from './filters.js';
import { filtersForm } from './hotspots-form.js';
import { hotspotMap } from './hotspots-map.js';
import { rankingCard } from './hotspots-ranking.js';
import { loadBoundaries } from './live.js';
import '../styles/map.css';

// What the page's tests read of its logic.
export { applyFilters, type Flag, type Hotspot, worstStatus } from './hotspots-data.js';

/** The page's parts, in reading order. */
function layout(main: HTMLElement) {
  const page = {
    map: figureSlot(),
    calendar: figureSlot(),
    table: figureSlot(),
    fleet: figureSlot(),
    kpis: kpiRow(),
    form: filterPanel('filters-title'),
  };
  main.append(
    pageHeader(t('hotspotsTitle'), t('hotspotsIntro')),
    page.kpis,
    page.form,
    h('div', { class: 'grid2 map-first' }, page.map, page.calendar),
    page.table,
    page.fleet,
    h('p', { class: 'note' }, t('countsNote')),
  );
  return page;
}

/** The headline figures; the last, the assets shown, is set as the filters change. */
function drawKpis(ctx: Ctx, box: HTMLElement, answer: FlagsAnswer): (shown: number) => void {
  const { fmt } = ctx;
  const counts = flagCounts(answer.rows);
  const shownKpi = kpi('assets-shown', t('assetsShown'), '…', '');
  box.replaceChildren(
    kpi('breach-flags', t('breachFlags'), fmt.int(counts.breach), counts.breach),
    kpi('at-risk-flags', t('atRiskFlags'), fmt.int(counts.atRisk), counts.atRisk),
    kpi('breach-assets', t('breachAssets'), fmt.int(counts.breachAssets), counts.breachAssets),
    shownKpi,
  );
  return (shown) => {
    shownKpi.dataset['value'] = String(shown);
    const value = shownKpi.querySelector('.kpi-value');
    if (value) value.textContent = fmt.int(shown);
  };
}

/** GET /hotspots for a cause (all causes: none), asked again only when the cause changes. */
function hotspotSource(api: Api): { rows: Hotspot[]; load: (cause: string | undefined) => Promise<void> } {
  let loadedCause: string | undefined | null = null;
  const source = {
    rows: [] as Hotspot[],
    load: async (cause: string | undefined) => {
      if (loadedCause === cause) return;
      source.rows = (await api.arrowRows('/hotspots', { cause })).map(toHotspot);
      loadedCause = cause;
    },
  };
  return source;
}

const dailyOf = (ctx: Ctx, f: Filters) =>
  ctx.api.json<DailyAnswer>('/outages/daily', {
    city: f.city,
    county: f.county,
    areaClass: f.areaClass,
    kind: f.kind,
    cause: f.cause,
  });

export const renderHotspots: View = async (ctx, main, route, signal) => {
  let filters = readFilters(route.params, FILTER_KEYS);
  const page = layout(main);
  const [flagsAnswer, sets, boundaries] = await Promise.all([
    ctx.api.json<FlagsAnswer>('/flags', { ruleSet: ctx.ruleSet }),
    ctx.ruleSets(),
    loadBoundaries(ctx).catch(() => null),
  ]);
  if (signal.aborted) return;
  const countRules = countRulesOf(sets, flagsAnswer.ruleSet);
  const flags = {
    byAsset: flagsByAsset(flagsAnswer.rows),
    ruleById: new Map(countRules.map((r) => [r.id, r])),
  };
  void fill(page.fleet, () => fleetCards(ctx, flagsAnswer.ruleSet, countRules), signal);
  const setShown = drawKpis(ctx, page.kpis, flagsAnswer);
  const hotspots = hotspotSource(ctx.api);
  const drawMap = hotspotMap(ctx, page.map, boundaries as FeatureCollection | null, {
    ...flags,
    filters: () => filters,
  });

  const setParam = (key: FilterKey, value: string | undefined) => {
    filters = withHotspotFilter(filters, key, value);
    replaceParams(route, { ...filters });
  };
  const drawCalendar = () =>
    fill(
      page.calendar,
      async () => calendarFigure(ctx, await dailyOf(ctx, filters), 'hs-calendar', t('calendarTitle')),
      signal,
    );
  const update = async (refetch: boolean) => {
    if (refetch) {
      page.table.setAttribute('aria-busy', 'true');
      await hotspots.load(filters.cause);
      page.table.removeAttribute('aria-busy');
      if (signal.aborted) return;
    }
    const rows = applyFilters(hotspots.rows, flags.byAsset, filters);
    setShown(rows.length);
    page.form.replaceChildren(
      ...filtersForm(hotspots.rows, countRules, filters, {
        change: (key, value, again) => {
          setParam(key, value);
          void update(again);
        },
        reset: () => {
          filters = {};
          replaceParams(route, {});
          void update(true);
        },
      }),
    );
    page.table.replaceChildren(
      rankingCard(ctx, rows, flags, filters, (s) => {
        setParam('sort', s.key);
        setParam('dir', s.dir);
      }),
    );
    drawMap(hotspots.rows, rows);
    if (refetch) void drawCalendar();
  };

  await fill(
    page.table,
    async () => {
      await hotspots.load(filters.cause);
      return [];
    },
    signal,
  );
  if (signal.aborted) return;
  await update(false);
  await drawCalendar();
};
