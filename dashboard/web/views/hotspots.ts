// Hotspots for planners: every feeder and area on a map (a canvas density layer of outages in
// the last year, with symbols for rule status), the ranked table (top N, sortable, filtered by
// region, area class, asset type, cause, rule and status) and a calendar of outages per local
// day. Flags come from GET /flags; outage counts from GET /hotspots (Arrow); days from
// GET /outages/daily. Filters live in the URL so a view can be shared.

import type { Row } from '../api.js';
import {
  type CalendarDay,
  COLORS,
  calendarHeatmap,
  type FeatureCollection,
  mapFrame,
} from '../charts/index.js';
import type { MapFrame } from '../charts/map.js';
import {
  densityUnderlay,
  type HotspotLookup,
  hotspotCluster,
  hotspotPoints,
  hotspotPopup,
} from '../charts/map-hotspots.js';
import { type ZoomMap, zoomMap } from '../charts/map-zoom.js';
import { type Ctx, type RuleInfo, windowDays } from '../context.js';
import { h, svgNode } from '../dom.js';
import {
  AREA_CLASS_CODES,
  areaClassLabel,
  CAUSE_CODES,
  causeLabel,
  kindLabel,
  lang,
  statusLabel,
  t,
} from '../i18n.js';
import { tm } from '../i18n-map.js';
import { type Route, replaceParams } from '../router.js';
import { type Column, dataTable, figure, type Sort } from '../table.js';
import {
  assetColumns,
  fill,
  type FlagStatus,
  kpi,
  labelled,
  num,
  pageHeader,
  statusBadge,
  str,
  widthOf,
} from './common.js';
import { fleetCards } from './fleet.js';
import { loadBoundaries } from './live.js';
import '../styles/map.css';

export interface Flag {
  assetId: string;
  kind: string;
  rule: string;
  status: 'breach' | 'at_risk';
  count: number;
  limit: number;
  windowStart: string;
  windowEnd: string;
  breachDate: string | null;
  eventIds: string[];
}
export interface FlagsAnswer {
  asOf: string;
  ruleSet: string;
  zone: string;
  rows: Flag[];
}

export interface Hotspot {
  assetId: string;
  kind: string;
  name: string | null;
  feederId: string | null;
  city: string | null;
  county: string | null;
  areaClass: string | null;
  customers: number;
  lat: number;
  lon: number;
  outages365: number;
  outages60: number;
  unplanned365: number;
  hours365: number;
  lastOutage: string | null;
}

export interface DailyAnswer {
  from: string;
  to: string;
  zone: string;
  total: number;
  rows: { date: string; weekday: number; outages: number; unplanned: number; customersAffected: number }[];
}

export const toHotspot = (r: Row): Hotspot => ({
  assetId: String(r['assetId']),
  kind: String(r['kind']),
  name: str(r['name']),
  feederId: str(r['feederId']),
  city: str(r['city']),
  county: str(r['county']),
  areaClass: str(r['areaClass']),
  customers: num(r['customers']),
  lat: num(r['lat']),
  lon: num(r['lon']),
  outages365: num(r['outages365']),
  outages60: num(r['outages60']),
  unplanned365: num(r['unplanned365']),
  hours365: num(r['hours365']),
  lastOutage: str(r['lastOutage']),
});

const FILTER_KEYS = [
  'city',
  'county',
  'areaClass',
  'kind',
  'cause',
  'rule',
  'status',
  'top',
  'sort',
  'dir',
] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Partial<Record<FilterKey, string>>;

export function worstStatus(flags: readonly Flag[] | undefined, rule?: string): FlagStatus {
  const relevant = (flags ?? []).filter((f) => !rule || f.rule === rule);
  if (relevant.some((f) => f.status === 'breach')) return 'breach';
  if (relevant.some((f) => f.status === 'at_risk')) return 'at_risk';
  return 'fine';
}

/** The rows a filter keeps (region, class and type here; cause is applied by the server). */
export function applyFilters(rows: readonly Hotspot[], byAsset: Map<string, Flag[]>, f: Filters): Hotspot[] {
  return rows.filter((r) => {
    if (f.city && r.city !== f.city) return false;
    if (f.county && r.county !== f.county) return false;
    if (f.areaClass && r.areaClass !== f.areaClass) return false;
    if (f.kind && r.kind !== f.kind) return false;
    const flags = byAsset.get(r.assetId);
    const status = worstStatus(flags, f.rule);
    if (f.status === 'flagged') return status !== 'fine';
    if (f.status) return status === f.status;
    if (f.rule) return status !== 'fine';
    return true;
  });
}

const shortWindow = (rule: RuleInfo | undefined): string => {
  const days = windowDays(rule?.window);
  if (days === undefined) return rule?.window ?? '';
  return lang() === 'zh' ? `${days}天` : `${days} d`;
};

export async function renderHotspots(
  ctx: Ctx,
  main: HTMLElement,
  route: Route,
  signal: AbortSignal,
): Promise<void> {
  const { fmt, api } = ctx;
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = route.params.get(k);
    if (v) filters[k] = v;
  }
  const kpis = h('div', { class: 'kpis' });
  const form = h('form', { class: 'filters card', 'aria-labelledby': 'filters-title' });
  const mapBox = h('div', { class: 'figure-slot' });
  const tableBox = h('div', { class: 'figure-slot' });
  const calendarBox = h('div', { class: 'figure-slot' });
  const fleetBox = h('div', { class: 'figure-slot' });
  main.append(
    pageHeader(t('hotspotsTitle'), t('hotspotsIntro')),
    kpis,
    form,
    h('div', { class: 'grid2 map-first' }, mapBox, calendarBox),
    tableBox,
    fleetBox,
    h('p', { class: 'note' }, t('countsNote')),
  );

  const [flagsAnswer, sets, boundaries] = await Promise.all([
    api.json<FlagsAnswer>('/flags', { ruleSet: ctx.ruleSet }),
    ctx.ruleSets(),
    loadBoundaries(ctx).catch(() => null),
  ]);
  if (signal.aborted) return;
  const ruleSet = sets.find((s) => s.name === flagsAnswer.ruleSet);
  const countRules = (ruleSet?.rules ?? []).filter((r) => r.measure === 'count');
  const ruleById = new Map(countRules.map((r) => [r.id, r]));
  void fill(fleetBox, () => fleetCards(ctx, flagsAnswer.ruleSet, countRules), signal);
  const byAsset = new Map<string, Flag[]>();
  for (const f of flagsAnswer.rows) byAsset.set(f.assetId, [...(byAsset.get(f.assetId) ?? []), f]);

  const breach = flagsAnswer.rows.filter((f) => f.status === 'breach');
  const atRisk = flagsAnswer.rows.filter((f) => f.status === 'at_risk');
  const breachAssets = new Set(breach.map((f) => f.assetId)).size;
  const shownKpi = kpi('assets-shown', t('assetsShown'), '…', '');
  kpis.replaceChildren(
    kpi('breach-flags', t('breachFlags'), fmt.int(breach.length), breach.length),
    kpi('at-risk-flags', t('atRiskFlags'), fmt.int(atRisk.length), atRisk.length),
    kpi('breach-assets', t('breachAssets'), fmt.int(breachAssets), breachAssets),
    shownKpi,
  );

  let hotspots: Hotspot[] = [];
  let loadedCause: string | undefined | null = null;
  const loadHotspots = async () => {
    if (loadedCause === (filters.cause ?? undefined)) return hotspots;
    const rows = await api.arrowRows('/hotspots', { cause: filters.cause });
    hotspots = rows.map(toHotspot);
    loadedCause = filters.cause ?? undefined;
    return hotspots;
  };

  const setParam = (key: FilterKey, value: string | undefined) => {
    if (value) filters[key] = value;
    else delete filters[key];
    if (key === 'city') delete filters.county;
    replaceParams(route, { ...filters });
  };

  const drawForm = () => {
    const cities = [...new Set(hotspots.map((r) => r.city).filter((c): c is string => !!c))].sort((a, b) =>
      a.localeCompare(b, 'zh-CN'),
    );
    const counties = [
      ...new Set(
        hotspots
          .filter((r) => !filters.city || r.city === filters.city)
          .map((r) => r.county)
          .filter((c): c is string => !!c),
      ),
    ].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    const all: [string, string] = ['', t('all')];
    const change = (key: FilterKey, refetch: boolean) => (v: string) => {
      setParam(key, v || undefined);
      void update(refetch);
    };
    form.replaceChildren(
      h('h2', { id: 'filters-title' }, t('filters')),
      h(
        'div',
        { class: 'fields' },
        labelled(
          'f-city',
          t('city'),
          [all, ...cities.map((c): [string, string] => [c, c])],
          filters.city ?? '',
          change('city', true),
        ),
        labelled(
          'f-county',
          t('county'),
          [all, ...counties.map((c): [string, string] => [c, c])],
          filters.county ?? '',
          change('county', true),
        ),
        labelled(
          'f-areaClass',
          t('areaClass'),
          [all, ...AREA_CLASS_CODES.map((c): [string, string] => [c, areaClassLabel(c)])],
          filters.areaClass ?? '',
          change('areaClass', true),
        ),
        labelled(
          'f-kind',
          t('kind'),
          [all, ['feeder', kindLabel('feeder')], ['area', kindLabel('area')]],
          filters.kind ?? '',
          change('kind', true),
        ),
        labelled(
          'f-cause',
          t('cause'),
          [all, ...CAUSE_CODES.map((c): [string, string] => [c, causeLabel(c)])],
          filters.cause ?? '',
          change('cause', true),
        ),
        labelled(
          'f-rule',
          t('rule'),
          [all, ...countRules.map((r): [string, string] => [r.id, r.title[lang()]])],
          filters.rule ?? '',
          change('rule', false),
        ),
        labelled(
          'f-status',
          t('status'),
          [all, ['breach', t('breach')], ['at_risk', t('atRisk')], ['fine', t('fine')]],
          filters.status ?? '',
          change('status', false),
        ),
        labelled(
          'f-top',
          t('topN'),
          ['10', '25', '50', '100', '500'].map((n): [string, string] => [n, n]),
          filters.top ?? '25',
          change('top', false),
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            id: 'f-reset',
            class: 'quiet',
            onclick: () => {
              for (const k of FILTER_KEYS) delete filters[k];
              replaceParams(route, {});
              void update(true);
            },
          },
          t('reset'),
        ),
      ),
    );
  };

  // The map is made again when its frame changes (width, city or county); other filters give
  // the same map new symbols and density, so the zoom and an open pop-up stay.
  const byId = new Map<string, Hotspot>();
  const look: HotspotLookup = {
    asset: (id) => byId.get(id),
    status: (id) => worstStatus(byAsset.get(id), filters.rule),
    flags: (id) =>
      (byAsset.get(id) ?? [])
        .filter((f) => !filters.rule || f.rule === filters.rule)
        .map((f) => ({
          rule: f.rule,
          ruleTitle: ruleById.get(f.rule)?.title[lang()] ?? f.rule,
          status: f.status,
          count: f.count,
          limit: f.limit,
        })),
  };
  let shown: { map: ZoomMap; key: string; figure: HTMLElement; frame: MapFrame } | undefined;
  const drawMap = (rows: Hotspot[]) => {
    byId.clear();
    for (const r of hotspots) byId.set(r.assetId, r);
    const width = Math.min(widthOf(mapBox, 560), 760);
    const located = rows.filter((r) => Number.isFinite(r.lon) && Number.isFinite(r.lat));
    const table = mapTable(located);
    const key = `${width}|${filters.city ?? ''}|${filters.county ?? ''}`;
    if (shown && shown.key === key && mapBox.contains(shown.figure)) {
      shown.map.setPoints(hotspotPoints(located, look), densityUnderlay(located, shown.frame));
      shown.figure.querySelector('details.table-view > .table-wrap')?.replaceWith(table);
      return;
    }
    const frame = mapFrame(
      boundaries as FeatureCollection | null,
      hotspots.filter((r) => Number.isFinite(r.lon)).map((r) => [r.lon, r.lat] as const),
      width,
      Math.round(width * 0.82),
      8,
      filters.city || filters.county
        ? (f) =>
            (!filters.city || f.properties?.['city'] === filters.city) &&
            (!filters.county || f.properties?.['county'] === filters.county)
        : undefined,
    );
    const map = zoomMap({
      id: 'hs-map',
      title: t('hotspotMap'),
      desc: t('hotspotMapDesc'),
      frame,
      points: hotspotPoints(located, look),
      cluster: hotspotCluster(look, fmt),
      popup: hotspotPopup(look, fmt),
      underlay: densityUnderlay(located, frame),
      underlayLabel: t('densityLayer'),
    });
    const legend = h(
      'ul',
      { class: 'legend', 'aria-label': t('legend') },
      h(
        'li',
        {},
        h('span', { class: 'swatch', 'aria-hidden': 'true', style: `color:${COLORS.breach}` }, '▲'),
        t('breach'),
      ),
      h(
        'li',
        {},
        h('span', { class: 'swatch', 'aria-hidden': 'true', style: `color:${COLORS.atRisk}` }, '■'),
        t('atRisk'),
      ),
      h(
        'li',
        {},
        h('span', { class: 'swatch cluster', 'aria-hidden': 'true' }, '12'),
        tm('clusterHotspotLegend'),
      ),
      h('li', {}, h('span', { class: 'swatch ramp', 'aria-hidden': 'true' }), t('densityLayer')),
    );
    const fig = figure({
      title: t('hotspotMap'),
      desc: t('hotspotMapDesc'),
      chart: map.element,
      table,
      name: 'hotspot-map',
    });
    fig.querySelector('.chart-box')?.append(legend);
    mapBox.replaceChildren(fig);
    shown = { map, key, figure: fig, frame };
  };
  const mapTable = (located: Hotspot[]) =>
    dataTable({
      caption: t('hotspotMap'),
      stack: true,
      columns: [
        { key: 'name', label: t('asset'), value: (r: Hotspot) => r.name ?? r.assetId },
        {
          key: 'status',
          label: t('flagStatus'),
          value: (r) => statusLabel(worstStatus(byAsset.get(r.assetId), filters.rule)),
        },
        { key: 'o365', label: t('outages365'), value: (r) => r.outages365, numeric: true },
        { key: 'lon', label: t('lon'), value: (r) => r.lon, numeric: true },
        { key: 'lat', label: t('lat'), value: (r) => r.lat, numeric: true },
      ],
      rows: located.filter((r) => worstStatus(byAsset.get(r.assetId), filters.rule) !== 'fine'),
      limit: 500,
    });

  const drawTable = (rows: Hotspot[]) => {
    const top = Number(filters.top ?? '25');
    const sort: Sort = {
      key: filters.sort ?? 'outages365',
      dir: filters.dir === 'ascending' ? 'ascending' : 'descending',
    };
    const rankOf = new Map(
      [...rows]
        .sort((a, b) => b.outages365 - a.outages365 || a.assetId.localeCompare(b.assetId))
        .map((r, i) => [r.assetId, i + 1]),
    );
    const shownFlags = (r: Hotspot) =>
      (byAsset.get(r.assetId) ?? []).filter((f) => !filters.rule || f.rule === filters.rule);
    // counted outages (not all outages, which the columns beside show) against each rule's limit
    const flagText = (r: Hotspot) =>
      shownFlags(r)
        .map((f) =>
          t('figRuleCounted', { rule: shortWindow(ruleById.get(f.rule)), count: f.count, limit: f.limit }),
        )
        .join('; ');
    /** the latest breach date among the flags shown, so a breach says when */
    const latestBreach = (r: Hotspot): string | undefined =>
      shownFlags(r)
        .map((f) => f.breachDate)
        .filter((d): d is string => d !== null)
        .sort()
        .at(-1);
    const columns: Column<Hotspot>[] = [
      {
        key: 'rank',
        label: t('rank'),
        value: (r) => rankOf.get(r.assetId) ?? null,
        numeric: true,
        sortable: true,
      },
      ...assetColumns<Hotspot>((r) => r, 'name'),
      { key: 'areaClass', label: t('areaClass'), value: (r) => areaClassLabel(r.areaClass), sortable: true },
      {
        key: 'outages365',
        label: t('outages365'),
        value: (r) => r.outages365,
        numeric: true,
        sortable: true,
      },
      { key: 'outages60', label: t('outages60'), value: (r) => r.outages60, numeric: true, sortable: true },
      {
        key: 'unplanned365',
        label: t('unplanned365'),
        value: (r) => r.unplanned365,
        numeric: true,
        sortable: true,
      },
      {
        key: 'hours365',
        label: t('hours365'),
        value: (r) => r.hours365,
        render: (r) => fmt.num(r.hours365, 1),
        numeric: true,
        sortable: true,
      },
      {
        key: 'lastOutage',
        label: t('lastOutage'),
        value: (r) => r.lastOutage,
        render: (r) => fmt.date(r.lastOutage),
        sortable: true,
      },
      {
        key: 'status',
        label: t('flagStatus'),
        value: (r) =>
          ['fine', 'at_risk', 'breach'].indexOf(worstStatus(byAsset.get(r.assetId), filters.rule)),
        render: (r) => {
          const cell = h(
            'span',
            { class: 'status-cell' },
            statusBadge(
              worstStatus(byAsset.get(r.assetId), filters.rule),
              ((d) => (d === undefined ? undefined : fmt.date(d)))(latestBreach(r)),
            ),
          );
          const text = flagText(r);
          if (text) cell.append(h('span', { class: 'flag-rules' }, text));
          return cell;
        },
        sortable: true,
      },
    ];
    const caption = t('rankingCaption', { n: Math.min(top, rows.length), total: rows.length });
    tableBox.replaceChildren(
      h(
        'section',
        { class: 'card', 'data-name': 'hotspot-ranking' },
        h('h2', {}, t('ranking')),
        dataTable({
          caption,
          columns,
          rows,
          sort,
          limit: top,
          name: 'hotspot-ranking',
          // On a phone each asset is a card, its rule status first (map.css).
          className: 'data ranking',
          stack: true,
          onSort: (s) => {
            setParam('sort', s.key);
            setParam('dir', s.dir);
          },
        }),
      ),
    );
  };

  const drawCalendar = () =>
    fill(
      calendarBox,
      async () => {
        const daily = await api.json<DailyAnswer>('/outages/daily', {
          city: filters.city,
          county: filters.county,
          areaClass: filters.areaClass,
          kind: filters.kind,
          cause: filters.cause,
        });
        return calendarFigure(ctx, daily, 'hs-calendar', t('calendarTitle'));
      },
      signal,
    );

  const update = async (refetch: boolean) => {
    if (refetch) {
      tableBox.setAttribute('aria-busy', 'true');
      await loadHotspots();
      tableBox.removeAttribute('aria-busy');
      if (signal.aborted) return;
    }
    const rows = applyFilters(hotspots, byAsset, filters);
    shownKpi.dataset['value'] = String(rows.length);
    const value = shownKpi.querySelector('.kpi-value');
    if (value) value.textContent = fmt.int(rows.length);
    drawForm();
    drawTable(rows);
    drawMap(rows);
    if (refetch) void drawCalendar();
  };

  await fill(
    tableBox,
    async () => {
      await loadHotspots();
      return [];
    },
    signal,
  );
  if (signal.aborted) return;
  await update(false);
  await drawCalendar();
}

/** A calendar heatmap figure with its table view (days with outages). */
export function calendarFigure(ctx: Ctx, daily: DailyAnswer, id: string, title: string): HTMLElement {
  const { fmt } = ctx;
  const days: CalendarDay[] = daily.rows.map((d) => ({ date: d.date, weekday: d.weekday, value: d.outages }));
  const desc = t('calendarDesc', {
    from: fmt.date(daily.from),
    to: fmt.date(daily.to),
    zone: daily.zone,
    total: fmt.int(daily.total),
  });
  const svg = calendarHeatmap(days, {
    id,
    title,
    desc,
    cellTitle: (d) => t('calendarDay', { date: fmt.date(d.date), n: d.value }),
    monthLabel: (date) => fmt.monthShort(date),
    weekdayLabels: lang() === 'zh' ? ['一', '三', '五'] : ['Mon', 'Wed', 'Fri'],
    legendLow: '0',
    legendHigh: fmt.int(Math.max(0, ...days.map((d) => d.value))),
  });
  const table = dataTable({
    caption: title,
    columns: [
      {
        key: 'date',
        label: t('date'),
        value: (d: DailyAnswer['rows'][number]) => d.date,
        render: (d) => fmt.date(d.date),
        sortable: true,
      },
      { key: 'outages', label: t('outages'), value: (d) => d.outages, numeric: true, sortable: true },
      { key: 'unplanned', label: t('unplanned'), value: (d) => d.unplanned, numeric: true, sortable: true },
      {
        key: 'customers',
        label: t('customersAffected'),
        value: (d) => d.customersAffected,
        render: (d) => fmt.int(d.customersAffected),
        numeric: true,
        sortable: true,
      },
    ],
    rows: daily.rows.filter((d) => d.outages > 0),
    name: `${id}-table`,
  });
  const chart = h(
    'div',
    { class: 'scroll-x', tabindex: 0, role: 'region', 'aria-label': title },
    svgNode(svg),
  );
  const fig = figure({ title, desc, chart, table, name: id });
  fig.dataset['total'] = String(daily.total);
  return fig;
}
