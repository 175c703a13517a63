// "What it buys" for the selected rows of the work list (POST /priorities/what-it-buys): each
// region's SAIDI and SAIFI as recorded and as if the chosen assets' remediable outages of the
// trailing year had not happened, the target status before and after, and how many assets
// would leave the frequent-outage list. Every figure is the API's; nothing is recomputed here.
// Assets are named by name and equipment code, rules by their titles, never by raw ids.

import { pairedBars } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { h, svgNode } from '../dom.js';
import { causeLabel, known, lang, t } from '../i18n.js';
import { hoursText, targetGroupText } from '../explain.js';
import { dataTable, figure } from '../table.js';
import { assetLink, fill, kpi, widthOf } from './common.js';

interface Figures {
  customers: number;
  customerInterruptions: number;
  customerHours: number;
  saifi: number | null;
  saidi: number | null;
}

interface RegionChange {
  region: string;
  before: Figures;
  after: Figures;
  saidiChange: number | null;
  saifiChange: number | null;
}

interface Assessment {
  status: string;
  saidiHours: number | null;
}

interface TargetChange {
  rule: string;
  group: string;
  year: number;
  before: Assessment;
  after: Assessment;
}

export interface WhatItBuysAnswer {
  period: { from: string; to: string };
  remediableCauses: string[];
  excludedEvents: number;
  assets: { assetId: string; name: string | null; region: string; outages: number; excluded: number }[];
  regions: RegionChange[];
  targets: TargetChange[];
  frequentOutageList: {
    evaluated: number;
    before: string[];
    after: string[];
    leaving: string[];
    clearedAtRisk: string[];
  };
  includesOngoing: boolean;
}

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

function buysContent(
  ctx: Ctx,
  a: WhatItBuysAnswer,
  q: BuysRequest,
  ruleTitle: (id: string) => string,
  width: number,
): HTMLElement {
  const { fmt } = ctx;
  const list = a.frequentOutageList;
  const kpis = h(
    'div',
    { class: 'kpis' },
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
  // Two figures side by side on a wide screen, each in its own card.
  const half = Math.min(width >= 760 ? Math.floor((width - 16) / 2) - 34 : width - 34, 620);
  const pairs = (m: 'saidi' | 'saifi') =>
    a.regions.map((r) => ({
      label: r.region.split('/').slice(-2).join(' '),
      before: r.before[m],
      after: r.after[m],
    }));
  const chart = (m: 'saidi' | 'saifi') =>
    svgNode(
      pairedBars(pairs(m), {
        id: `buys-${m}`,
        title: t(m === 'saidi' ? 'buysSaidi' : 'buysSaifi'),
        width: half,
        labelWidth: Math.min(170, Math.round(half * 0.34)),
        beforeLabel: t('asRecorded'),
        afterLabel: t('ifRemediated'),
        format: (n) => fmt.num(n, 2),
      }),
    );
  const num = (v: number | null, d = 2) => fmt.num(v, d);
  const regionTable = (m: 'saidi' | 'saifi') =>
    dataTable({
      caption: t(m === 'saidi' ? 'buysSaidi' : 'buysSaifi'),
      columns: [
        { key: 'region', label: t('region'), value: (r: RegionChange) => r.region },
        {
          key: 'before',
          label: t('asRecorded'),
          value: (r) => r.before[m],
          render: (r) => num(r.before[m]),
          numeric: true,
        },
        {
          key: 'after',
          label: t('ifRemediated'),
          value: (r) => r.after[m],
          render: (r) => num(r.after[m]),
          numeric: true,
        },
        {
          key: 'change',
          label: t('change'),
          value: (r) => (m === 'saidi' ? r.saidiChange : r.saifiChange),
          render: (r) => num(m === 'saidi' ? r.saidiChange : r.saifiChange),
          numeric: true,
        },
      ],
      rows: a.regions,
      name: `buys-${m}`,
    });
  const targets =
    a.targets.length > 0
      ? dataTable({
          caption: t('buysTargets'),
          columns: [
            {
              key: 'group',
              label: t('target'),
              value: (x: TargetChange) =>
                `${ruleTitle(x.rule)} · ${targetGroupText(x.group, fmt)} · ${x.year}`,
              wrap: true,
            },
            {
              key: 'before',
              label: t('asRecorded'),
              value: (x) =>
                t('wordWithFigure', {
                  word: targetWord(x.before.status),
                  figure: hoursText(x.before.saidiHours, fmt),
                }),
            },
            {
              key: 'after',
              label: t('ifRemediated'),
              value: (x) =>
                t('wordWithFigure', {
                  word: targetWord(x.after.status),
                  figure: hoursText(x.after.saidiHours, fmt),
                }),
            },
          ],
          rows: a.targets,
          name: 'buys-targets',
        })
      : h('p', { class: 'note' }, t('buysNoTargets'));
  const leaving =
    list.leaving.length > 0
      ? h(
          'ul',
          { class: 'leaving', 'data-name': 'buys-leaving-list' },
          list.leaving.map((id) => h('li', { 'data-asset-id': id }, namedAsset(id, q.names.get(id)))),
        )
      : h(
          'p',
          { class: 'note', 'data-name': 'buys-leaving-list' },
          t('buysNoneLeave', { n: list.evaluated }),
        );
  const assets = dataTable({
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
  return h(
    'section',
    { class: 'card', 'data-name': 'what-it-buys', tabindex: -1 },
    h('h2', {}, t('whatItBuys')),
    h(
      'p',
      { class: 'desc' },
      t('buysDesc', {
        causes: a.remediableCauses.map((c) => causeLabel(c)).join(t('listSep')),
        from: fmt.dateTime(a.period.from),
        to: fmt.dateTime(a.period.to),
      }),
    ),
    kpis,
    h(
      'div',
      { class: 'grid2' },
      figure({
        title: t('buysSaidi'),
        chart: chart('saidi'),
        table: regionTable('saidi'),
        name: 'buys-saidi',
        level: 'h3',
      }),
      figure({
        title: t('buysSaifi'),
        chart: chart('saifi'),
        table: regionTable('saifi'),
        name: 'buys-saifi',
        level: 'h3',
      }),
    ),
    h('h3', {}, t('buysTargets')),
    targets,
    h('h3', {}, t('buysLeavingTitle')),
    leaving,
    list.clearedAtRisk.length > 0
      ? [
          h('h3', {}, t('buysCleared')),
          h(
            'ul',
            { class: 'leaving', 'data-name': 'buys-cleared-list' },
            list.clearedAtRisk.map((id) => h('li', { 'data-asset-id': id }, namedAsset(id, q.names.get(id)))),
          ),
        ]
      : null,
    assets,
  );
}
