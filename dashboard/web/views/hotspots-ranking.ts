// The hotspots page's ranking: the assets the filters keep, top N, sortable, each with its rank
// by outages in the last year, its outages and hours, and its rule status with what each rule
// counted against its limit (a breach says when). On a phone each asset is a card, its rule
// status first (map.css).

import { type Ctx, type RuleInfo, windowDays } from '../context.js';
import { h } from '../dom.js';
import { areaClassLabel, lang, t } from '../i18n.js';
import { type Column, dataTable, type Sort } from '../table.js';
import { columnKit } from './columns.js';
import { assetColumns, card, statusBadge } from './common.js';
import {
  type Filters,
  type Flag,
  type Hotspot,
  latestBreachDate,
  outageRanks,
  shownFlags,
  worstStatus,
} from './hotspots-data.js';

const STATUS_ORDER = ['fine', 'at_risk', 'breach'];

/** A rule named by its window: "60天" / "60 d" (a calendar window by its own words). */
const shortWindow = (rule: RuleInfo | undefined): string => {
  const days = windowDays(rule?.window);
  if (days === undefined) return rule?.window ?? '';
  return lang() === 'zh' ? `${days}天` : `${days} d`;
};

/** The table's sort from the address: most outages in the last year unless told. */
export const rankingSort = (f: Filters): Sort => ({
  key: f.sort ?? 'outages365',
  dir: f.dir === 'ascending' ? 'ascending' : 'descending',
});

function statusColumn(
  ctx: Ctx,
  byAsset: ReadonlyMap<string, Flag[]>,
  ruleById: ReadonlyMap<string, RuleInfo>,
  rule: string | undefined,
): Column<Hotspot> {
  const status = (r: Hotspot) => worstStatus(byAsset.get(r.assetId), rule);
  // counted outages (not all outages, which the columns beside show) against each rule's limit
  const flagText = (r: Hotspot) =>
    shownFlags(byAsset.get(r.assetId), rule)
      .map((f) =>
        t('figRuleCounted', { rule: shortWindow(ruleById.get(f.rule)), count: f.count, limit: f.limit }),
      )
      .join('; ');
  return {
    key: 'status',
    label: t('flagStatus'),
    value: (r) => STATUS_ORDER.indexOf(status(r)),
    render: (r) => {
      const breach = latestBreachDate(shownFlags(byAsset.get(r.assetId), rule));
      const cell = h(
        'span',
        { class: 'status-cell' },
        statusBadge(status(r), breach === undefined ? undefined : ctx.fmt.date(breach)),
      );
      const text = flagText(r);
      if (text) cell.append(h('span', { class: 'flag-rules' }, text));
      return cell;
    },
    sortable: true,
  };
}

export function rankingCard(
  ctx: Ctx,
  rows: readonly Hotspot[],
  flags: { byAsset: ReadonlyMap<string, Flag[]>; ruleById: ReadonlyMap<string, RuleInfo> },
  filters: Filters,
  onSort: (s: Sort) => void,
): HTMLElement {
  const { fmt } = ctx;
  const c = columnKit<Hotspot>(fmt);
  const top = Number(filters.top ?? '25');
  const rankOf = outageRanks(rows);
  const columns: Column<Hotspot>[] = [
    c.count('rank', t('rank'), (r) => rankOf.get(r.assetId) ?? null),
    ...assetColumns<Hotspot>((r) => r, 'name'),
    { key: 'areaClass', label: t('areaClass'), value: (r) => areaClassLabel(r.areaClass), sortable: true },
    c.count('outages365', t('outages365'), (r) => r.outages365),
    c.count('outages60', t('outages60'), (r) => r.outages60),
    c.count('unplanned365', t('unplanned365'), (r) => r.unplanned365),
    c.num('hours365', t('hours365'), (r) => r.hours365, 1),
    c.date('lastOutage', t('lastOutage'), (r) => r.lastOutage),
    statusColumn(ctx, flags.byAsset, flags.ruleById, filters.rule),
  ];
  return card(
    'hotspot-ranking',
    t('ranking'),
    dataTable({
      caption: t('rankingCaption', { n: Math.min(top, rows.length), total: rows.length }),
      columns,
      rows,
      sort: rankingSort(filters),
      limit: top,
      name: 'hotspot-ranking',
      // On a phone each asset is a card, its rule status first (map.css).
      className: 'data ranking',
      stack: true,
      onSort,
    }),
  );
}
