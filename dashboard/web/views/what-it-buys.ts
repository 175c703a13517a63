// "What it buys" for the selected rows of the work list (POST /priorities/what-it-buys): each
// region's SAIDI and SAIFI as recorded and as if the chosen assets' remediable outages of the
// trailing year had not happened, the target status before and after, and how many assets
// would leave the frequent-outage list. Every figure is the API's; nothing is recomputed here.
// Assets are named by name and equipment code, rules by their titles, never by raw ids.

import type { WhatItBuysAnswer } from '../../../analytics/priorities/answers.js';
import { pairedBars } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { h, svgNode } from '../dom.js';
import { causeLabel, known, lang, t } from '../i18n.js';
import { hoursText, targetGroupText } from '../explain.js';
import { dataTable, figure } from '../table.js';
import { columnKit } from './columns.js';
import { assetLink, fill, kpi, kpiRow, widthOf } from './common.js';

type RegionChange = WhatItBuysAnswer['regions'][number];
type TargetChange = WhatItBuysAnswer['targets'][number];
type Assessment = TargetChange['before'];
export type { WhatItBuysAnswer };

/** What an asset is called: its name and the utility's equipment code, where known. */
export interface AssetName {
  name: string | null;
  code: string | null;
}

export interface BuysRequest {
  assetIds: string[];
  ruleSet: string;
  /** the assets' names and codes, for the lists of assets that leave */
  names: ReadonlyMap<string, AssetName>;
}

/** The asset linked by its name (its id only when no name is known), its code beside it. */
function namedAsset(
  id: string,
  named: AssetName | undefined,
  fallbackName?: string | null,
): (Node | string)[] {
  const name = named?.name ?? fallbackName ?? null;
  const code = named?.code ?? null;
  return [
    assetLink(id, name),
    ...(code ? [' ', h('span', { class: 'code' }, t('figCodeOf', { code }))] : []),
  ];
}

const targetWord = (status: string): string => {
  const key = `target_${status}`;
  return known(key) ? t(key) : status;
};

export function whatItBuysSection(
  ctx: Ctx,
  box: HTMLElement,
  q: BuysRequest,
  signal: AbortSignal,
): Promise<void> {
  const load = async () => {
    const [a, sets] = await Promise.all([
      ctx.api.post<WhatItBuysAnswer>('/priorities/what-it-buys', {
        assetIds: q.assetIds,
        ruleSet: q.ruleSet,
      }),
      ctx.ruleSets().catch(() => []),
    ]);
    const rules = sets.find((s) => s.name === q.ruleSet)?.rules ?? sets.flatMap((s) => s.rules);
    const ruleTitle = (id: string) => rules.find((r) => r.id === id)?.title[lang()] ?? id;
    return buysContent(ctx, a, q, ruleTitle, widthOf(box, 560));
  };
  const done = fill(box, load, signal, true);
  box.scrollIntoView({ block: 'start' });
  return done;
}

type Measure = 'saidi' | 'saifi';

function buysKpis(ctx: Ctx, a: WhatItBuysAnswer): HTMLElement {
  const { fmt } = ctx;
  const list = a.frequentOutageList;
  return kpiRow(
    kpi('buys-assets', t('buysAssets'), fmt.int(a.assets.length), a.assets.length),
    kpi('buys-excluded', t('buysExcluded'), fmt.int(a.excludedEvents), a.excludedEvents),
    kpi(
      'buys-leaving',
      t('buysLeaving'),
      fmt.int(list.leaving.length),
      list.leaving.length,
      t('buysListNote', { before: fmt.int(list.before.length), after: fmt.int(list.after.length) }),
    ),
    kpi('buys-cleared', t('buysCleared'), fmt.int(list.clearedAtRisk.length), list.clearedAtRisk.length),
  );
}

/** Each region's SAIDI (or SAIFI) as recorded and as if remediated: paired bars and their table. */
function regionFigure(ctx: Ctx, a: WhatItBuysAnswer, m: Measure, width: number): HTMLElement {
  const { fmt } = ctx;
  const title = t(m === 'saidi' ? 'buysSaidi' : 'buysSaifi');
  const svg = pairedBars(
    a.regions.map((r) => ({
      label: r.region.split('/').slice(-2).join(' '),
      before: r.before[m],
      after: r.after[m],
    })),
    {
      id: `buys-${m}`,
      title,
      width,
      labelWidth: Math.min(170, Math.round(width * 0.34)),
      beforeLabel: t('asRecorded'),
      afterLabel: t('ifRemediated'),
      format: (n) => fmt.num(n, 2),
    },
  );
  const c = columnKit<RegionChange>(fmt);
  const unsorted = { sortable: false };
  const table = dataTable({
    caption: title,
    columns: [
      { key: 'region', label: t('region'), value: (r) => r.region },
      c.num('before', t('asRecorded'), (r) => r.before[m], 2, unsorted),
      c.num('after', t('ifRemediated'), (r) => r.after[m], 2, unsorted),
      c.num('change', t('change'), (r) => (m === 'saidi' ? r.saidiChange : r.saifiChange), 2, unsorted),
    ],
    rows: a.regions,
    name: `buys-${m}`,
  });
  return figure({ title, chart: svgNode(svg), table, name: `buys-${m}`, level: 'h3' });
}

/** Each target's status as recorded and as if remediated (none loaded: a note). */
function targetsTable(ctx: Ctx, a: WhatItBuysAnswer, ruleTitle: (id: string) => string): HTMLElement {
  const { fmt } = ctx;
  if (a.targets.length === 0) return h('p', { class: 'note' }, t('buysNoTargets'));
  const status = (x: Assessment) =>
    t('wordWithFigure', { word: targetWord(x.status), figure: hoursText(x.saidiHours, fmt) });
  return dataTable({
    caption: t('buysTargets'),
    columns: [
      {
        key: 'group',
        label: t('target'),
        value: (x: TargetChange) => `${ruleTitle(x.rule)} · ${targetGroupText(x.group, fmt)} · ${x.year}`,
        wrap: true,
      },
      { key: 'before', label: t('asRecorded'), value: (x) => status(x.before) },
      { key: 'after', label: t('ifRemediated'), value: (x) => status(x.after) },
    ],
    rows: a.targets,
    name: 'buys-targets',
  });
}

/** The assets named, each linked by name with its code, as a list of data-name `name`. */
const assetList = (ids: readonly string[], names: BuysRequest['names'], name: string): HTMLElement =>
  h(
    'ul',
    { class: 'leaving', 'data-name': name },
    ids.map((id) => h('li', { 'data-asset-id': id }, namedAsset(id, names.get(id)))),
  );

function chosenAssets(a: WhatItBuysAnswer, q: BuysRequest): HTMLElement {
  return dataTable({
    caption: t('buysChosen'),
    columns: [
      {
        key: 'asset',
        label: t('asset'),
        value: (x: WhatItBuysAnswer['assets'][number]) => x.name ?? x.assetId,
        render: (x) => h('span', {}, namedAsset(x.assetId, q.names.get(x.assetId), x.name)),
      },
      { key: 'outages', label: t('outages'), value: (x) => x.outages, numeric: true },
      { key: 'excluded', label: t('buysExcludedShort'), value: (x) => x.excluded, numeric: true },
    ],
    rows: a.assets,
    name: 'buys-assets',
  });
}

function buysContent(
  ctx: Ctx,
  a: WhatItBuysAnswer,
  q: BuysRequest,
  ruleTitle: (id: string) => string,
  width: number,
): HTMLElement {
  const { fmt } = ctx;
  const list = a.frequentOutageList;
  const kpis = buysKpis(ctx, a);
  // Two figures side by side on a wide screen, each in its own card.
  const half = Math.min(width >= 760 ? Math.floor((width - 16) / 2) - 34 : width - 34, 620);
  // The tables are made in the order they always were (they number their scroll hints).
  const targets = targetsTable(ctx, a, ruleTitle);
  const leaving =
    list.leaving.length > 0
      ? assetList(list.leaving, q.names, 'buys-leaving-list')
      : h(
          'p',
          { class: 'note', 'data-name': 'buys-leaving-list' },
          t('buysNoneLeave', { n: list.evaluated }),
        );
  const assets = chosenAssets(a, q);
  const desc = t('buysDesc', {
    causes: a.remediableCauses.map((c) => causeLabel(c)).join(t('listSep')),
    from: fmt.dateTime(a.period.from),
    to: fmt.dateTime(a.period.to),
  });
  return h(
    'section',
    { class: 'card', 'data-name': 'what-it-buys', tabindex: -1 },
    h('h2', {}, t('whatItBuys')),
    h('p', { class: 'desc' }, desc),
    kpis,
    h('div', { class: 'grid2' }, regionFigure(ctx, a, 'saidi', half), regionFigure(ctx, a, 'saifi', half)),
    h('h3', {}, t('buysTargets')),
    targets,
    h('h3', {}, t('buysLeavingTitle')),
    leaving,
    list.clearedAtRisk.length > 0
      ? [h('h3', {}, t('buysCleared')), assetList(list.clearedAtRisk, q.names, 'buys-cleared-list')]
      : null,
    assets,
  );
}
