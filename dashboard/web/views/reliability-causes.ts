// The reliability page's causes card: the measure and breakdown (a new request), the cities
// shown (redrawn from the rows at hand), and per city a Pareto chart of its causes (or
// responsibilities) with its table beside it.

import { type ParetoBar, paretoChart } from '../charts/pareto.js';
import type { Ctx } from '../context.js';
import { h, svgNode } from '../dom.js';
import { causeLabel, type Key, locale, t } from '../i18n.js';
import { dataTable } from '../table.js';
import { columnKit } from './columns.js';
import { checkbox, labelled } from './common.js';
import {
  CAUSE_MEASURES,
  type CauseChoice,
  type CauseMeasure,
  type CauseRow,
  type CausesAnswer,
  type CauseView,
  causeRegions,
  regionsShown,
  toggleRegion,
} from './reliability-data.js';

const measureLabel = (m: CauseMeasure): string => t(`measure_${m}` as Key);
const partLabel = (row: CauseRow, view: CauseView): string =>
  view === 'cause' ? causeLabel(row.cause ?? '') : t(`resp_${row.responsibility}` as Key);

/** One city's Pareto chart and its table; `at`: the city, its place in the list and the width. */
function paretoFigure(
  ctx: Ctx,
  rows: readonly CauseRow[],
  choice: CauseChoice,
  at: { region: string; index: number; width: number },
): HTMLElement {
  const { region, index, width } = at;
  const { fmt } = ctx;
  const c = columnKit<CauseRow>(fmt);
  const measure = measureLabel(choice.measure);
  const format = (n: number) => (choice.measure === 'customerHours' ? fmt.num(n, 1) : fmt.int(n));
  const title = t('paretoTitle', { region: region || t('none'), measure });
  const bars: ParetoBar[] = rows.map((r) => ({
    key: (choice.view === 'cause' ? r.cause : r.responsibility) ?? '',
    label: partLabel(r, choice.view),
    value: r[choice.measure] ?? 0,
    cumulativeShare: r.cumulativeShare,
  }));
  // Above narrow bars the figures are compact (57.9万, 579K); the table gives them in full.
  const compact = new Intl.NumberFormat(locale(), { notation: 'compact', maximumSignificantDigits: 3 });
  const svg = paretoChart(bars, {
    id: `rel-pareto-${index}`,
    title,
    desc: t('paretoDesc', { measure }),
    width: Math.max(320, Math.min(width, 720)),
    format: (n) => compact.format(n),
    formatShare: (f) => fmt.pct(f, 0),
  });
  const unsorted = { sortable: false };
  const table = dataTable({
    caption: title,
    columns: [
      {
        key: 'part',
        label: choice.view === 'cause' ? t('cause') : t('responsibility'),
        value: (r) => partLabel(r, choice.view),
      },
      {
        key: 'value',
        label: measure,
        value: (r) => r[choice.measure],
        render: (r) => (r[choice.measure] === null ? t('none') : format(r[choice.measure] ?? 0)),
        numeric: true,
      },
      c.pct('share', t('share'), (r) => r.share, 1, unsorted),
      c.pct('cumulative', t('cumulativeShare'), (r) => r.cumulativeShare, 1, unsorted),
    ],
    rows,
    name: 'rel-pareto-table',
  });
  return h(
    'section',
    { class: 'figure', 'data-name': 'rel-pareto', 'data-region': region },
    h('h3', {}, title),
    h('div', { class: 'grid2' }, h('div', { class: 'chart-box' }, svgNode(svg)), table),
  );
}

/** The measure and breakdown: a change asks the server again (and the focus comes back to it). */
function causeChoices(
  choice: CauseChoice,
  answer: CausesAnswer,
  reload: (focusId: string) => void,
): HTMLElement {
  const measures = CAUSE_MEASURES.filter((m) => m !== 'counted' || answer.rule !== null);
  return h(
    'div',
    { class: 'fields' },
    labelled(
      'rc-measure',
      t('causesMeasure'),
      measures.map((m): [string, string] => [m, measureLabel(m)]),
      choice.measure,
      (v) => {
        choice.measure = v as CauseMeasure;
        reload('rc-measure');
      },
    ),
    labelled(
      'rc-view',
      t('causesView'),
      [
        ['cause', t('causesByCause')],
        ['responsibility', t('causesByResponsibility')],
      ],
      choice.view,
      (v) => {
        choice.view = v as CauseView;
        reload('rc-view');
      },
    ),
  );
}

/**
 * The causes card. `choice` is the page's: the cities ticked are kept in it (and saved), a
 * change of measure or breakdown reloads the card.
 */
export function causesSection(
  ctx: Ctx,
  answer: CausesAnswer,
  choice: CauseChoice,
  periodLabel: string,
  width: number,
  on: { reload: (focusId: string) => void; save: () => void },
): HTMLElement {
  const regions = causeRegions(answer.rows);
  choice.regions = regionsShown(regions, choice.regions);
  const charts = h('div', { class: 'pareto-list' });
  const draw = () => {
    if (choice.regions.length === 0) {
      charts.replaceChildren(h('p', { class: 'note' }, t('noRegionChosen')));
      return;
    }
    const chartWidth = width >= 900 ? Math.floor(width * 0.55) : width;
    charts.replaceChildren(
      ...regions
        .filter((r) => choice.regions.includes(r))
        .map((region, i) =>
          paretoFigure(
            ctx,
            answer.rows.filter((r) => (r.city ?? '') === region),
            choice,
            {
              region,
              index: i,
              width: chartWidth,
            },
          ),
        ),
    );
  };
  const regionBoxes = h(
    'fieldset',
    { class: 'fields' },
    h('legend', {}, t('causesRegions')),
    regions.map((region, i) =>
      checkbox(`rc-region-${i}`, region || t('none'), choice.regions.includes(region), (checked) => {
        choice.regions = toggleRegion(regions, choice.regions, region, checked);
        on.save();
        draw();
      }),
    ),
  );
  draw();
  const countedNote =
    answer.ruleSet !== null && answer.rule !== null
      ? h('p', { class: 'note' }, t('causesCountedNote', { ruleSet: answer.ruleSet, rule: answer.rule }))
      : null;
  return h(
    'section',
    { class: 'card filters', 'data-name': 'rel-causes', 'aria-labelledby': 'rel-causes-title' },
    h('h2', { id: 'rel-causes-title' }, `${t('causesTitle')} · ${periodLabel}`),
    h('p', { class: 'desc' }, t('causesDesc')),
    causeChoices(choice, answer, on.reload),
    regionBoxes,
    charts,
    countedNote,
  );
}
