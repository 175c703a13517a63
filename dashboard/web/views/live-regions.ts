// The live view's customers out by city: a bar chart, most first, and its table view with each
// city's share of its customers without supply.

import type { ActiveOutage } from '../../../core/vocabulary/index.js';
import { barChart } from '../charts/index.js';
import { h, svgNode } from '../dom.js';
import type { Format } from '../format.js';
import { t } from '../i18n.js';
import { dataTable, figure } from '../table.js';
import { columnKit } from './columns.js';
import { widthOf } from './common.js';
import { outByCity, shareOut } from './live-data.js';

type CityOut = [string, number];

function cityBars(cities: CityOut[], width: number, fmt: Format): Node {
  if (!cities.length) return h('p', { class: 'empty' }, t('noOngoing'));
  return svgNode(
    barChart(
      cities.map(([label, value]) => ({ label, value })),
      {
        id: 'live-regions',
        title: t('byRegion'),
        desc: t('byRegionDesc'),
        width,
        labelWidth: Math.min(150, Math.round(width * 0.38)),
        format: (n) => fmt.int(n),
      },
    ),
  );
}

function cityTable(cities: CityOut[], served: ReadonlyMap<string, number>, fmt: Format): HTMLElement {
  const c = columnKit<CityOut>(fmt);
  const unsorted = { sortable: false };
  return dataTable({
    caption: t('byRegion'),
    columns: [
      { key: 'city', label: t('city'), value: (r) => r[0] },
      c.int('out', t('customersOut'), (r) => r[1], unsorted),
      // what share of the city's customers is without supply (the areas' customers served)
      c.pct('share', t('shareOut'), (r) => shareOut(served, r), 1, unsorted),
    ],
    rows: cities,
    name: 'live-regions',
  });
}

/** Draws the figure of customers out by city into `box` (served: the city's customers). */
export function drawRegions(
  box: HTMLElement,
  rows: readonly ActiveOutage[],
  served: ReadonlyMap<string, number>,
  fmt: Format,
): void {
  const cities = outByCity(rows);
  const width = Math.min(widthOf(box, 480), 640);
  const bars = cityBars(cities, width, fmt);
  box.replaceChildren(
    figure({
      title: t('byRegion'),
      desc: t('byRegionDesc'),
      chart: bars,
      table: cityTable(cities, served, fmt),
      name: 'live-regions',
    }),
  );
}
