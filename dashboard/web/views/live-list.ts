// The live view's ongoing list: every outage ongoing, the most customers out first, filtered by
// region, cause and nature (the map and the figures show every outage). Each choice re-draws
// the list and keeps the keyboard focus on its field.

import type { ActiveOutage } from '../../../core/vocabulary/index.js';
import { estimateShown } from '../charts/map-outages.js';
import { h } from '../dom.js';
import type { Format } from '../format.js';
import { causeLabel, kindLabel, t } from '../i18n.js';
import { type Column, dataTable } from '../table.js';
import { columnKit } from './columns.js';
import { assetLink, labelled } from './common.js';
import {
  type ActiveAnswer,
  choiceValues,
  filterOngoing,
  isNew,
  type ListFilter,
  NO_LIST_FILTER,
  regionOf,
} from './live-data.js';

type Choose = (key: keyof ListFilter) => (value: string) => void;

const options = (values: readonly string[], label: (v: string) => string): [string, string][] => [
  ['', t('all')],
  ...choiceValues(values).map((v): [string, string] => [v, label(v)]),
];

/** The filter fields, each a select with the id live-<key>. */
function listFilters(all: readonly ActiveOutage[], f: ListFilter, choose: Choose): HTMLElement {
  return h(
    'div',
    { class: 'fields inline', 'data-name': 'live-filters' },
    labelled(
      'live-region',
      t('region'),
      options(all.map(regionOf), (v) => v),
      f.region,
      choose('region'),
    ),
    labelled(
      'live-cause',
      t('cause'),
      options(
        all.map((r) => r.cause),
        causeLabel,
      ),
      f.cause,
      choose('cause'),
    ),
    labelled(
      'live-nature',
      t('nature'),
      [
        ['', t('all')],
        ['planned', t('planned')],
        ['unplanned', t('unplanned')],
      ],
      f.nature,
      choose('nature'),
    ),
  );
}

/** The asset, marked new in words when it went out within the last quarter of an hour. */
const assetCell = (r: ActiveOutage): Node =>
  isNew(r)
    ? h(
        'span',
        {},
        assetLink(r.assetId, r.assetName),
        ' ',
        h('span', { class: 'new-badge', 'data-new': 'true' }, t('newOutage')),
      )
    : assetLink(r.assetId, r.assetName);

/** The list's columns, each sortable (a header click sorts by it). */
function listColumns(fmt: Format, asOf: number): Column<ActiveOutage>[] {
  const c = columnKit<ActiveOutage>(fmt);
  const text = (key: string, label: string, value: (r: ActiveOutage) => string): Column<ActiveOutage> => ({
    key,
    label,
    value,
    sortable: true,
  });
  return [
    { ...text('asset', t('asset'), (r) => r.assetName ?? r.assetId), render: assetCell },
    text('kind', t('type'), (r) => kindLabel(r.kind)),
    text('region', t('region'), regionOf),
    { ...text('start', t('start'), (r) => r.start), render: (r) => fmt.dateTime(r.start) },
    // sorted as a number of minutes, shown as a duration
    {
      ...c.int('minutes', t('durationSoFar'), (r) => r.minutesSoFar),
      render: (r) => fmt.duration(r.minutesSoFar),
    },
    c.int('out', t('customersOut'), (r) => r.customersOut),
    text('cause', t('cause'), (r) => causeLabel(r.cause)),
    text('planned', t('nature'), (r) => (r.planned ? t('planned') : t('unplanned'))),
    {
      key: 'etr',
      label: t('estimatedRestoration'),
      value: (r) => r.estimatedRestoration,
      // An estimate already passed is marked in words, not by colour alone.
      // No estimate yet: said so (评估中), not a dash that reads as "none coming".
      render: (r) =>
        estimateShown(r, asOf, fmt, {
          pending: t('etrAssessing'),
          passed: t('etrPassed'),
          pendingMark: 'assessing',
        }),
      sortable: true,
    },
  ];
}

function listCard(fmt: Format, data: ActiveAnswer, f: ListFilter, choose: Choose): HTMLElement {
  const all = data.rows;
  return h(
    'section',
    { class: 'card', 'data-name': 'live-list' },
    h('h2', {}, t('ongoingList')),
    all.length === 0 ? null : listFilters(all, f, choose),
    all.length === 0
      ? h('p', { class: 'empty' }, t('noOngoing'))
      : dataTable({
          caption: t('ongoingList'),
          name: 'live-list',
          stack: true,
          // Triage: the most customers out first (a column header sorts otherwise).
          sort: { key: 'out', dir: 'descending' },
          columns: listColumns(fmt, data.asOf),
          rows: filterOngoing(all, f),
        }),
  );
}

/** Draws the list into `box` for each answer; the filter chosen stays across answers. */
export function liveList(box: HTMLElement, fmt: Format): (data: ActiveAnswer) => void {
  let filter = NO_LIST_FILTER;
  const draw = (data: ActiveAnswer) => {
    const choose: Choose = (key) => (value) => {
      filter = { ...filter, [key]: value };
      draw(data);
      document.getElementById(`live-${key}`)?.focus();
    };
    box.replaceChildren(listCard(fmt, data, filter, choose));
  };
  return draw;
}
