// The live view's map of ongoing outages, with its legend and its table view. The map is made
// once per width and then given new data, so a refresh keeps the zoom, the focus and an open
// pop-up; the pop-up and the clusters read the latest rows.

import type { ActiveOutage } from '../../../core/vocabulary/index.js';
import { COLORS, type FeatureCollection, mapFrame } from '../charts/index.js';
import { type MappedOutage, outageCluster, outagePoints, outagePopup } from '../charts/map-outages.js';
import { type ZoomMap, zoomMap, zoomMapInset } from '../charts/map-zoom.js';
import { h } from '../dom.js';
import type { Format } from '../format.js';
import { t } from '../i18n.js';
import { tm } from '../i18n-map.js';
import '../styles/map.css';
import { dataTable, figure } from '../table.js';
import { columnKit } from './columns.js';
import { widthOf } from './common.js';
import { type ActiveAnswer, regionOf } from './live-data.js';

export interface LiveMapOptions {
  /** the utility's boundaries, or null when it supplied none */
  boundaries: FeatureCollection | null;
  /** every asset's [lon, lat]: the map's frame, and where each outage is drawn */
  places: ReadonlyMap<string, [number, number]>;
  fmt: Format;
}

/** The map's table view: each outage's asset, region, customers out and place. */
function mapTable(rows: ActiveOutage[], places: LiveMapOptions['places'], fmt: Format): HTMLElement {
  const c = columnKit<ActiveOutage>(fmt);
  return dataTable({
    caption: t('ongoingMap'),
    stack: true,
    columns: [
      { key: 'asset', label: t('asset'), value: (r) => r.assetName ?? r.assetId },
      { key: 'region', label: t('region'), value: regionOf },
      c.int('out', t('customersOut'), (r) => r.customersOut, { sortable: false }),
      { key: 'lon', label: t('lon'), value: (r) => places.get(r.assetId)?.[0] ?? null, numeric: true },
      { key: 'lat', label: t('lat'), value: (r) => places.get(r.assetId)?.[1] ?? null, numeric: true },
    ],
    rows,
  });
}

const swatch = (color: string, label: string) =>
  h('li', {}, h('span', { class: 'swatch dot', style: `background:${color}` }), label);

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': t('legend') },
    swatch(COLORS.unplanned, t('unplanned')),
    swatch(COLORS.planned, t('planned')),
    h('li', {}, h('span', { class: 'swatch cluster', 'aria-hidden': 'true' }, '12'), tm('clusterLiveLegend')),
  );
}

/** Draws the map into `box` for each answer: anew when the width changed, else its points and table. */
export function liveMap(box: HTMLElement, o: LiveMapOptions): (data: ActiveAnswer) => void {
  const { fmt, places } = o;
  const outages = new Map<string, MappedOutage>();
  let asOf = 0;
  let live: { map: ZoomMap; width: number; figure: HTMLElement } | undefined;
  return (data) => {
    outages.clear();
    for (const r of data.rows) outages.set(r.eventId, r);
    asOf = data.asOf;
    const width = Math.min(widthOf(box, 520), 720);
    const points = outagePoints(data.rows, places, fmt);
    const table = mapTable(data.rows, places, fmt);
    if (live && live.width === width && box.contains(live.figure)) {
      live.map.setPoints(points);
      live.figure.querySelector('details.table-view > .table-wrap')?.replaceWith(table);
      return;
    }
    const map = zoomMap({
      id: 'live-map',
      title: t('ongoingMap'),
      desc: t('ongoingMapDesc'),
      frame: mapFrame(
        o.boundaries,
        [...places.values()],
        width,
        Math.round(width * 0.85),
        zoomMapInset(width),
      ),
      points,
      cluster: outageCluster(outages, fmt),
      popup: outagePopup(outages, () => asOf, fmt),
    });
    const fig = figure({
      title: t('ongoingMap'),
      desc: t('ongoingMapDesc'),
      chart: map.element,
      table,
      name: 'live-map',
    });
    fig.querySelector('.chart-box')?.append(legend());
    box.replaceChildren(fig);
    live = { map, width, figure: fig };
  };
}
