// Live operations: ongoing outages as key figures, a map, customers out by region and a list;
// refreshed when the server announces an accepted outage batch (GET /live) and every minute
// (durations grow), with the time of the data shown. Loads here; what is shown is worked out in
// live-data.ts and drawn by live-map.ts, live-regions.ts, live-list.ts and live-storm.ts;
// live-refresh.ts says when it reads again.

import type { Row } from '../api.js';
import type { FeatureCollection } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import type { Format } from '../format.js';
import { t } from '../i18n.js';
import type { Route } from '../router.js';
import { failure, kpi, loading, pageHeader } from './common.js';
import { type ActiveAnswer, type LiveCounts, liveCounts, placesOf, servedByCity } from './live-data.js';
import { liveList } from './live-list.js';
import { liveMap } from './live-map.js';
import { keepFresh, oneAtATime } from './live-refresh.js';
import { drawRegions } from './live-regions.js';
import { renderStormPanel } from './live-storm.js';

/** Boundaries, or null when the utility supplied none (404). */
export async function loadBoundaries(ctx: Ctx): Promise<FeatureCollection | null> {
  try {
    return await ctx.api.json<FeatureCollection>('/boundaries');
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

/** Customers served per city (the transformer areas' customers), from GET /assets as Arrow. */
export async function loadServedByCity(ctx: Ctx): Promise<Map<string, number>> {
  const rows: Row[] = await ctx.api.arrowRows('/assets');
  return servedByCity(rows);
}

/** Asset coordinates by id, from GET /assets as Arrow. */
export async function loadPlaces(ctx: Ctx): Promise<Map<string, [number, number]>> {
  const rows: Row[] = await ctx.api.arrowRows('/assets');
  return placesOf(rows);
}

/** The page's frame: the stream's state and the time of the data, then a slot for each part. */
function livePage(main: HTMLElement) {
  const page = {
    state: h(
      'span',
      { id: 'live-state', class: 'live-state', 'data-state': 'connecting' },
      t('liveConnecting'),
    ),
    updated: h('time', { id: 'last-update' }, '—'),
    kpis: h('div', { class: 'kpis', 'aria-live': 'polite' }, loading()),
    map: h('div', { class: 'figure-slot' }),
    regions: h('div', { class: 'figure-slot' }),
    list: h('div', { class: 'figure-slot' }),
    // The storm panel: the restoration curve of the current event and its outages' export.
    storm: h('div', { class: 'figure-slot', 'data-slot': 'storm' }),
  };
  main.append(
    pageHeader(t('liveTitle'), t('liveIntro')),
    h(
      'p',
      { class: 'live-bar' },
      page.state,
      h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
      `${t('lastUpdate')}: `,
      page.updated,
    ),
    page.kpis,
    page.storm,
    h('div', { class: 'grid2' }, page.map, page.regions),
    page.list,
    h('p', { class: 'note' }, t('ongoingNote')),
  );
  return page;
}

function drawUpdated(el: HTMLTimeElement, fmt: Format, asOf: number): void {
  el.dateTime = new Date(asOf).toISOString();
  el.textContent = fmt.dateTime(asOf);
  el.dataset['asOf'] = String(asOf);
}

const liveKpis = (fmt: Format, n: LiveCounts): HTMLElement[] => [
  kpi('customers-out', t('customersOut'), fmt.int(n.customersOut), n.customersOut),
  kpi('ongoing', t('ongoingOutages'), fmt.int(n.ongoing), n.ongoing),
  kpi('planned', t('plannedCount'), fmt.int(n.planned), n.planned),
  kpi('unplanned', t('unplannedCount'), fmt.int(n.unplanned), n.unplanned),
  kpi('etr-passed', t('etrPassedCount'), fmt.int(n.etrPassed), n.etrPassed),
];

export async function renderLive(
  ctx: Ctx,
  main: HTMLElement,
  _route: Route,
  signal: AbortSignal,
): Promise<void> {
  const { fmt } = ctx;
  const page = livePage(main);
  const storm = renderStormPanel(page.storm, ctx, { signal });

  const [boundaries, places, served] = await Promise.all([
    loadBoundaries(ctx).catch(() => null),
    loadPlaces(ctx).catch(() => new Map<string, [number, number]>()),
    loadServedByCity(ctx).catch(() => new Map<string, number>()),
  ]);
  const drawMap = liveMap(page.map, { boundaries, places, fmt });
  const drawList = liveList(page.list, fmt);
  const draw = (data: ActiveAnswer) => {
    drawUpdated(page.updated, fmt, data.asOf);
    page.kpis.replaceChildren(...liveKpis(fmt, liveCounts(data)));
    drawMap(data);
    drawRegions(page.regions, data.rows, served, fmt);
    drawList(data);
  };

  const refresh = async (fresh: boolean) => {
    try {
      const data = await ctx.api.json<ActiveAnswer>('/outages/active', {}, { fresh });
      if (!signal.aborted) draw(data);
    } catch (err) {
      if (!signal.aborted) page.kpis.replaceChildren(failure(err, () => void refresh(true)));
    }
  };
  const refreshOnce = oneAtATime(refresh);
  await refreshOnce(true);
  keepFresh(ctx, { outages: refreshOnce, storm, state: page.state, signal });
}
