// The hotspots page's map: every asset the filters keep as a symbol of its worst rule status
// over a density layer of outages, with its legend and, as its table view, the flagged assets.
// The map is made again when its frame changes (width, city or county); other filters give the
// same map new symbols and density, so the zoom and an open pop-up stay.

import { COLORS, type FeatureCollection, mapFrame } from '../charts/index.js';
import type { Feature, MapFrame } from '../charts/map.js';
import {
  densityUnderlay,
  type HotspotLookup,
  hotspotCluster,
  hotspotPoints,
  hotspotPopup,
} from '../charts/map-hotspots.js';
import { type ZoomMap, zoomMap, zoomMapInset } from '../charts/map-zoom.js';
import type { Ctx, RuleInfo } from '../context.js';
import { h } from '../dom.js';
import { lang, statusLabel, t } from '../i18n.js';
import { tm } from '../i18n-map.js';
import { dataTable, figure } from '../table.js';
import { widthOf } from './common.js';
import {
  type Filters,
  type Flag,
  type Hotspot,
  mapFrameKey,
  shownFlags,
  worstStatus,
} from './hotspots-data.js';

/** What the map reads of the page: each asset's flags, the count rules, the filters now. */
export interface HotspotMapSource {
  byAsset: ReadonlyMap<string, Flag[]>;
  ruleById: ReadonlyMap<string, RuleInfo>;
  filters: () => Filters;
}

const located = (rows: readonly Hotspot[]) =>
  rows.filter((r) => Number.isFinite(r.lon) && Number.isFinite(r.lat));

function lookup(source: HotspotMapSource, byId: ReadonlyMap<string, Hotspot>): HotspotLookup {
  const rule = () => source.filters().rule;
  return {
    asset: (id) => byId.get(id),
    status: (id) => worstStatus(source.byAsset.get(id), rule()),
    flags: (id) =>
      shownFlags(source.byAsset.get(id), rule()).map((f) => ({
        rule: f.rule,
        ruleTitle: source.ruleById.get(f.rule)?.title[lang()] ?? f.rule,
        status: f.status,
        count: f.count,
        limit: f.limit,
      })),
  };
}

function legend(): HTMLElement {
  const swatch = (shape: string, color: string) =>
    h('span', { class: 'swatch', 'aria-hidden': 'true', style: `color:${color}` }, shape);
  return h(
    'ul',
    { class: 'legend', 'aria-label': t('legend') },
    h('li', {}, swatch('▲', COLORS.breach), t('breach')),
    h('li', {}, swatch('■', COLORS.atRisk), t('atRisk')),
    h(
      'li',
      {},
      h('span', { class: 'swatch cluster', 'aria-hidden': 'true' }, '12'),
      tm('clusterHotspotLegend'),
    ),
    h('li', {}, h('span', { class: 'swatch ramp', 'aria-hidden': 'true' }), t('densityLayer')),
  );
}

/** The table view: the flagged assets among those shown, with their place. */
function flaggedTable(rows: readonly Hotspot[], status: (r: Hotspot) => ReturnType<typeof worstStatus>) {
  return dataTable({
    caption: t('hotspotMap'),
    stack: true,
    columns: [
      { key: 'name', label: t('asset'), value: (r: Hotspot) => r.name ?? r.assetId },
      { key: 'status', label: t('flagStatus'), value: (r) => statusLabel(status(r)) },
      { key: 'o365', label: t('outages365'), value: (r) => r.outages365, numeric: true },
      { key: 'lon', label: t('lon'), value: (r) => r.lon, numeric: true },
      { key: 'lat', label: t('lat'), value: (r) => r.lat, numeric: true },
    ],
    rows: rows.filter((r) => status(r) !== 'fine'),
    limit: 500,
  });
}

/** The region the filters name, for the map to fit (none: the whole map). */
function regionFocus(f: Filters): ((feature: Feature) => boolean) | undefined {
  if (!f.city && !f.county) return undefined;
  return (feature) =>
    (!f.city || feature.properties?.['city'] === f.city) &&
    (!f.county || feature.properties?.['county'] === f.county);
}

/**
 * Draws the map in `box` for the rows the filters keep (`all`: every asset loaded, whose places
 * set the frame). Call again after a change of filters.
 */
export function hotspotMap(
  ctx: Ctx,
  box: HTMLElement,
  boundaries: FeatureCollection | null,
  source: HotspotMapSource,
): (all: readonly Hotspot[], rows: readonly Hotspot[]) => void {
  const byId = new Map<string, Hotspot>();
  const look = lookup(source, byId);
  const status = (r: Hotspot) => worstStatus(source.byAsset.get(r.assetId), source.filters().rule);
  let shown: { map: ZoomMap; key: string; figure: HTMLElement; frame: MapFrame } | undefined;
  return (all, rows) => {
    byId.clear();
    for (const r of all) byId.set(r.assetId, r);
    const width = Math.min(widthOf(box, 560), 760);
    const places = located(rows);
    const table = flaggedTable(places, status);
    const key = mapFrameKey(width, source.filters());
    if (shown && shown.key === key && box.contains(shown.figure)) {
      shown.map.setPoints(hotspotPoints(places, look), densityUnderlay(places, shown.frame));
      shown.figure.querySelector('details.table-view > .table-wrap')?.replaceWith(table);
      return;
    }
    const frame = mapFrame(
      boundaries,
      all.filter((r) => Number.isFinite(r.lon)).map((r) => [r.lon, r.lat] as const),
      width,
      Math.round(width * 0.82),
      zoomMapInset(width),
      regionFocus(source.filters()),
    );
    const map = zoomMap({
      id: 'hs-map',
      title: t('hotspotMap'),
      desc: t('hotspotMapDesc'),
      frame,
      points: hotspotPoints(places, look),
      cluster: hotspotCluster(look, ctx.fmt),
      popup: hotspotPopup(look, ctx.fmt),
      underlay: densityUnderlay(places, frame),
      underlayLabel: t('densityLayer'),
    });
    const fig = figure({
      title: t('hotspotMap'),
      desc: t('hotspotMapDesc'),
      chart: map.element,
      table,
      name: 'hotspot-map',
    });
    fig.querySelector('.chart-box')?.append(legend());
    box.replaceChildren(fig);
    shown = { map, key, figure: fig, frame };
  };
}
