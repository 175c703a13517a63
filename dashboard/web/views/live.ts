// Live operations: ongoing outages as key figures, a map, customers out by region and a list;
// refreshed when the server announces an accepted outage batch (GET /live) and every minute
// (durations grow), with the time of the data shown.

import type { ActiveOutage } from '../../../core/vocabulary/index.js';
import type { LiveState, Row } from '../api.js';
import { barChart, COLORS, type FeatureCollection, mapFrame } from '../charts/index.js';
import {
  estimatePassed,
  estimateShown,
  type MappedOutage,
  outageCluster,
  outagePoints,
  outagePopup,
} from '../charts/map-outages.js';
import { type ZoomMap, zoomMap } from '../charts/map-zoom.js';
import type { Ctx } from '../context.js';
import { announce, h, svgNode } from '../dom.js';
import { causeLabel, kindLabel, t } from '../i18n.js';
import { tm } from '../i18n-map.js';
import '../styles/map.css';
import type { Route } from '../router.js';
import { dataTable, figure } from '../table.js';
import { assetLink, failure, kpi, labelled, loading, num, pageHeader, str, widthOf } from './common.js';
import { renderStormPanel } from './live-storm.js';

interface Active {
  asOf: number;
  customersOut: number;
  rows: ActiveOutage[];
}

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
  const served = new Map<string, number>();
  for (const r of rows) {
    if (r['kind'] !== 'area') continue;
    const city = str(r['city']) ?? '—';
    served.set(city, (served.get(city) ?? 0) + (num(r['customers']) || 0));
  }
  return served;
}

/** Asset coordinates by id, from GET /assets as Arrow. */
export async function loadPlaces(ctx: Ctx): Promise<Map<string, [number, number]>> {
  const rows: Row[] = await ctx.api.arrowRows('/assets');
  const places = new Map<string, [number, number]>();
  for (const r of rows) {
    const lon = num(r['lon']);
    const lat = num(r['lat']);
    if (Number.isFinite(lon) && Number.isFinite(lat)) places.set(String(r['assetId']), [lon, lat]);
  }
  return places;
}

const REFRESH_MS = 60_000;
/** An outage begun less than this many minutes ago is marked new in the list. */
const NEW_MINUTES = 15;

export async function renderLive(
  ctx: Ctx,
  main: HTMLElement,
  _route: Route,
  signal: AbortSignal,
): Promise<void> {
  const { fmt } = ctx;
  const state = h(
    'span',
    { id: 'live-state', class: 'live-state', 'data-state': 'connecting' },
    t('liveConnecting'),
  );
  const updated = h('time', { id: 'last-update' }, '—');
  const kpis = h('div', { class: 'kpis', 'aria-live': 'polite' }, loading());
  const mapBox = h('div', { class: 'figure-slot' });
  const regionBox = h('div', { class: 'figure-slot' });
  const listBox = h('div', { class: 'figure-slot' });
  // The storm panel: the restoration curve of the current event and its outages' export.
  const stormBox = h('div', { class: 'figure-slot', 'data-slot': 'storm' });
  main.append(
    pageHeader(t('liveTitle'), t('liveIntro')),
    h(
      'p',
      { class: 'live-bar' },
      state,
      h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
      `${t('lastUpdate')}: `,
      updated,
    ),
    kpis,
    stormBox,
    h('div', { class: 'grid2' }, mapBox, regionBox),
    listBox,
    h('p', { class: 'note' }, t('ongoingNote')),
  );
  const storm = renderStormPanel(stormBox, ctx, { signal });

  const [boundaries, places, served] = await Promise.all([
    loadBoundaries(ctx).catch(() => null),
    loadPlaces(ctx).catch(() => new Map<string, [number, number]>()),
    loadServedByCity(ctx).catch(() => new Map<string, number>()),
  ]);
  const etrPassed = estimatePassed;

  // The map is made once per width and then given new data, so a refresh keeps the zoom, the
  // focus and an open pop-up; the pop-up reads the latest rows.
  const outages = new Map<string, MappedOutage>();
  let asOf = 0;
  let live: { map: ZoomMap; width: number; figure: HTMLElement } | undefined;
  const drawMap = (data: Active) => {
    outages.clear();
    for (const r of data.rows) outages.set(r.eventId, r);
    asOf = data.asOf;
    const width = Math.min(widthOf(mapBox, 520), 720);
    const points = outagePoints(data.rows, places, fmt);
    const table = mapTable(data.rows);
    if (live && live.width === width && mapBox.contains(live.figure)) {
      live.map.setPoints(points);
      live.figure.querySelector('details.table-view > .table-wrap')?.replaceWith(table);
      return;
    }
    const frame = mapFrame(boundaries, [...places.values()], width, Math.round(width * 0.85));
    const map = zoomMap({
      id: 'live-map',
      title: t('ongoingMap'),
      desc: t('ongoingMapDesc'),
      frame,
      points,
      cluster: outageCluster(outages, fmt),
      popup: outagePopup(outages, () => asOf, fmt),
    });
    const legend = h(
      'ul',
      { class: 'legend', 'aria-label': t('legend') },
      h(
        'li',
        {},
        h('span', { class: 'swatch dot', style: `background:${COLORS.unplanned}` }),
        t('unplanned'),
      ),
      h('li', {}, h('span', { class: 'swatch dot', style: `background:${COLORS.planned}` }), t('planned')),
      h(
        'li',
        {},
        h('span', { class: 'swatch cluster', 'aria-hidden': 'true' }, '12'),
        tm('clusterLiveLegend'),
      ),
    );
    const fig = figure({
      title: t('ongoingMap'),
      desc: t('ongoingMapDesc'),
      chart: map.element,
      table,
      name: 'live-map',
    });
    fig.querySelector('.chart-box')?.append(legend);
    mapBox.replaceChildren(fig);
    live = { map, width, figure: fig };
  };
  const mapTable = (rows: ActiveOutage[]) =>
    dataTable({
      caption: t('ongoingMap'),
      stack: true,
      columns: [
        { key: 'asset', label: t('asset'), value: (r: ActiveOutage) => r.assetName ?? r.assetId },
        { key: 'region', label: t('region'), value: (r) => [r.city, r.county].filter(Boolean).join(' ') },
        {
          key: 'out',
          label: t('customersOut'),
          value: (r) => r.customersOut,
          numeric: true,
          render: (r) => fmt.int(r.customersOut),
        },
        { key: 'lon', label: t('lon'), value: (r) => places.get(r.assetId)?.[0] ?? null, numeric: true },
        { key: 'lat', label: t('lat'), value: (r) => places.get(r.assetId)?.[1] ?? null, numeric: true },
      ],
      rows,
    });

  const draw = (data: Active) => {
    const rows = data.rows;
    const planned = rows.filter((r) => r.planned).length;
    const passed = rows.filter((r) => etrPassed(r, data.asOf)).length;
    updated.dateTime = new Date(data.asOf).toISOString();
    updated.textContent = fmt.dateTime(data.asOf);
    updated.dataset['asOf'] = String(data.asOf);
    kpis.replaceChildren(
      kpi('customers-out', t('customersOut'), fmt.int(data.customersOut), data.customersOut),
      kpi('ongoing', t('ongoingOutages'), fmt.int(rows.length), rows.length),
      kpi('planned', t('plannedCount'), fmt.int(planned), planned),
      kpi('unplanned', t('unplannedCount'), fmt.int(rows.length - planned), rows.length - planned),
      kpi('etr-passed', t('etrPassedCount'), fmt.int(passed), passed),
    );

    drawMap(data);

    // Customers out by city.
    const byCity = new Map<string, number>();
    for (const r of rows) byCity.set(r.city ?? '—', (byCity.get(r.city ?? '—') ?? 0) + r.customersOut);
    const cities = [...byCity.entries()].sort((a, b) => b[1] - a[1]);
    const shareOf = ([city, out]: [string, number]): number | null => {
      const n = served.get(city);
      return n ? out / n : null;
    };
    const barWidth = Math.min(widthOf(regionBox, 480), 640);
    const bars = cities.length
      ? svgNode(
          barChart(
            cities.map(([label, value]) => ({ label, value })),
            {
              id: 'live-regions',
              title: t('byRegion'),
              desc: t('byRegionDesc'),
              width: barWidth,
              labelWidth: Math.min(150, Math.round(barWidth * 0.38)),
              format: (n) => fmt.int(n),
            },
          ),
        )
      : h('p', { class: 'empty' }, t('noOngoing'));
    const regionTable = dataTable({
      caption: t('byRegion'),
      columns: [
        { key: 'city', label: t('city'), value: (c: [string, number]) => c[0] },
        {
          key: 'out',
          label: t('customersOut'),
          value: (c) => c[1],
          numeric: true,
          render: (c) => fmt.int(c[1]),
        },
        {
          // what share of the city's customers is without supply (the areas' customers served)
          key: 'share',
          label: t('shareOut'),
          value: (c) => shareOf(c),
          numeric: true,
          render: (c) => fmt.pct(shareOf(c), 1),
        },
      ],
      rows: cities,
      name: 'live-regions',
    });
    regionBox.replaceChildren(
      figure({
        title: t('byRegion'),
        desc: t('byRegionDesc'),
        chart: bars,
        table: regionTable,
        name: 'live-regions',
      }),
    );

    drawList(data);
  };

  /** The ongoing list, filtered by region and cause (the map and the figures show every outage). */
  const listFilter = { region: '', cause: '', nature: '' };
  const regionOf = (r: ActiveOutage) => [r.city, r.county].filter(Boolean).join(' ');
  const drawList = (data: Active) => {
    const all = data.rows;
    const rows = all.filter(
      (r) =>
        (listFilter.region === '' || regionOf(r) === listFilter.region) &&
        (listFilter.cause === '' || r.cause === listFilter.cause) &&
        (listFilter.nature === '' || r.planned === (listFilter.nature === 'planned')),
    );
    const options = (values: readonly string[], label: (v: string) => string): [string, string][] => [
      ['', t('all')],
      ...[...new Set(values)]
        .sort((a, b) => a.localeCompare(b, 'zh-CN'))
        .map((v): [string, string] => [v, label(v)]),
    ];
    // Re-drawn on each choice; the choice keeps the keyboard focus.
    const choose = (id: string, set: (v: string) => void) => (v: string) => {
      set(v);
      drawList(data);
      document.getElementById(id)?.focus();
    };
    const filters =
      all.length === 0
        ? null
        : h(
            'div',
            { class: 'fields inline', 'data-name': 'live-filters' },
            labelled(
              'live-region',
              t('region'),
              options(all.map(regionOf), (v) => v),
              listFilter.region,
              choose('live-region', (v) => {
                listFilter.region = v;
              }),
            ),
            labelled(
              'live-cause',
              t('cause'),
              options(
                all.map((r) => r.cause),
                causeLabel,
              ),
              listFilter.cause,
              choose('live-cause', (v) => {
                listFilter.cause = v;
              }),
            ),
            labelled(
              'live-nature',
              t('nature'),
              [
                ['', t('all')],
                ['planned', t('planned')],
                ['unplanned', t('unplanned')],
              ],
              listFilter.nature,
              choose('live-nature', (v) => {
                listFilter.nature = v;
              }),
            ),
          );
    listBox.replaceChildren(
      h(
        'section',
        { class: 'card', 'data-name': 'live-list' },
        h('h2', {}, t('ongoingList')),
        filters,
        all.length === 0
          ? h('p', { class: 'empty' }, t('noOngoing'))
          : dataTable({
              caption: t('ongoingList'),
              name: 'live-list',
              stack: true,
              // Triage: the most customers out first (a column header sorts otherwise).
              sort: { key: 'out', dir: 'descending' },
              columns: [
                {
                  key: 'asset',
                  label: t('asset'),
                  value: (r: ActiveOutage) => r.assetName ?? r.assetId,
                  // Begun within the last quarter of an hour: marked new, in words.
                  render: (r) =>
                    r.minutesSoFar < NEW_MINUTES
                      ? h(
                          'span',
                          {},
                          assetLink(r.assetId, r.assetName),
                          ' ',
                          h('span', { class: 'new-badge', 'data-new': 'true' }, t('newOutage')),
                        )
                      : assetLink(r.assetId, r.assetName),
                  sortable: true,
                },
                { key: 'kind', label: t('type'), value: (r) => kindLabel(r.kind), sortable: true },
                {
                  key: 'region',
                  label: t('region'),
                  value: (r) => [r.city, r.county].filter(Boolean).join(' '),
                  sortable: true,
                },
                {
                  key: 'start',
                  label: t('start'),
                  value: (r) => r.start,
                  render: (r) => fmt.dateTime(r.start),
                  sortable: true,
                },
                {
                  key: 'minutes',
                  label: t('durationSoFar'),
                  value: (r) => r.minutesSoFar,
                  render: (r) => fmt.duration(r.minutesSoFar),
                  numeric: true,
                  sortable: true,
                },
                {
                  key: 'out',
                  label: t('customersOut'),
                  value: (r) => r.customersOut,
                  render: (r) => fmt.int(r.customersOut),
                  numeric: true,
                  sortable: true,
                },
                { key: 'cause', label: t('cause'), value: (r) => causeLabel(r.cause), sortable: true },
                {
                  key: 'planned',
                  label: t('nature'),
                  value: (r) => (r.planned ? t('planned') : t('unplanned')),
                  sortable: true,
                },
                {
                  key: 'etr',
                  label: t('estimatedRestoration'),
                  value: (r) => r.estimatedRestoration,
                  // An estimate already passed is marked in words, not by colour alone.
                  // No estimate yet: said so (评估中), not a dash that reads as "none coming".
                  render: (r) =>
                    estimateShown(r, data.asOf, fmt, {
                      pending: t('etrAssessing'),
                      passed: t('etrPassed'),
                      pendingMark: 'assessing',
                    }),
                  sortable: true,
                },
              ],
              rows,
            }),
      ),
    );
  };

  let inFlight: Promise<void> | undefined;
  const refresh = async (fresh: boolean) => {
    try {
      const data = await ctx.api.json<Active>('/outages/active', {}, { fresh });
      if (!signal.aborted) draw(data);
    } catch (err) {
      if (!signal.aborted) kpis.replaceChildren(failure(err, () => void refresh(true)));
    }
  };
  const refreshOnce = (fresh: boolean) => {
    inFlight ??= refresh(fresh).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  await refreshOnce(true);

  // Writes become visible a moment after they are accepted (QuestDB applies its WAL
  // asynchronously): refresh at once and twice more shortly after.
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, f: () => void) => {
    const id = setTimeout(() => {
      timers.delete(id);
      f();
    }, ms);
    timers.add(id);
  };
  const onState = (s: LiveState) => {
    state.dataset['state'] = s;
    state.textContent = t(
      s === 'open' ? 'liveConnected' : s === 'closed' ? 'liveDisconnected' : 'liveConnecting',
    );
  };
  void ctx.api.live(
    (m) => {
      if (m.kind !== 'outages') return;
      ctx.api.invalidate('/outages', '/hotspots', '/flags');
      void refreshOnce(true).then(() => announce(t('liveUpdated')));
      later(1_500, () => void refreshOnce(true));
      later(4_000, () => void refreshOnce(true));
      later(4_000, () => void storm.refresh());
    },
    onState,
    signal,
  );
  const tick = setInterval(() => {
    void refreshOnce(true);
    void storm.refresh();
  }, REFRESH_MS);
  signal.addEventListener('abort', () => {
    clearInterval(tick);
    for (const id of timers) clearTimeout(id);
  });
}
