// An asset's outages over the trailing year of its first in-scope rule: on a timeline with each
// rolling count drawn against its limit, and as a list with each rule's verdict (counted, or not
// with the reason) beside the date and cause, the times after.

import { timeline } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { causeLabel, t } from '../i18n.js';
import { type Column, dataTable, figure, scrollingChart } from '../table.js';
import {
  notCountedReasons,
  notCountedText,
  type RuleExplanations,
  shortRule,
  timelinePanels,
} from './asset-data.js';
import type { ExplainedOutage } from './asset-rules.js';
import { columnKit } from './columns.js';
import { card } from './common.js';

/** A column per rule in scope: counted, or not counted with the reason (none: not in its window). */
function ruleColumns(inScope: readonly RuleExplanations[]): Column<ExplainedOutage>[] {
  return inScope.map(({ rule, now }) => {
    const byId = new Map(now.outages.map((o) => [o.eventId, o]));
    return {
      key: `rule-${rule.id}`,
      label: shortRule(rule),
      value: (o) => {
        const x = byId.get(o.eventId);
        return x ? (x.counted ? t('counted') : notCountedText(x.reason)) : null;
      },
      render: (o) => {
        const x = byId.get(o.eventId);
        if (!x) return t('none');
        return x.counted
          ? h('span', { class: 'counted' }, t('counted'))
          : h('span', { class: 'excluded', 'data-reason': x.reason ?? '' }, notCountedText(x.reason));
      },
      sortable: true,
      wrap: true,
    };
  });
}

function timelineFigure(
  ctx: Ctx,
  inScope: readonly RuleExplanations[],
  first: RuleExplanations,
  width: number,
) {
  const { fmt } = ctx;
  const outages = first.now.outages;
  const title = (o: ExplainedOutage) =>
    `${fmt.date(o.date)} ${causeLabel(o.cause)} · ${o.counted ? t('counted') : `${t('excluded')}: ${notCountedReasons(inScope, o)[0] ?? ''}`}`;
  const svg = timeline(
    {
      from: first.now.from,
      to: first.now.to,
      outages: outages.map((o) => ({ date: o.date, counted: o.counted, title: title(o) })),
      panels: timelinePanels(inScope),
    },
    {
      id: 'asset-timeline',
      title: t('timelineTitle'),
      desc: t('timelineDesc'),
      width,
      monthLabel: (d) => fmt.monthShort(d),
      limitLabel: (limit) => t('limitLine', { limit }),
    },
  );
  const c = columnKit<ExplainedOutage>(fmt);
  return figure({
    title: t('timelineTitle'),
    desc: t('timelineDesc'),
    chart: scrollingChart(t('timelineTitle'), svg),
    table: dataTable({
      caption: t('timelineTitle'),
      columns: [
        c.date('date', t('date'), (o) => o.date, { sortable: false }),
        { key: 'cause', label: t('cause'), value: (o) => causeLabel(o.cause) },
        ...ruleColumns(inScope),
      ],
      rows: outages,
    }),
    name: 'asset-timeline',
  });
}

function outageList(ctx: Ctx, inScope: readonly RuleExplanations[], outages: readonly ExplainedOutage[]) {
  const { fmt } = ctx;
  const c = columnKit<ExplainedOutage>(fmt);
  const minutes = (o: ExplainedOutage) => (o.end === null ? null : (o.end - o.start) / 60_000);
  const ongoingOr = (o: ExplainedOutage, text: (end: number) => string) =>
    o.end === null ? t('ongoing') : text(o.end);
  /** when it began and ended; an outage still under way has no end */
  const timeColumn = (key: 'start' | 'end', text: (at: number) => string): Column<ExplainedOutage> => ({
    key,
    label: t(key),
    value: (o) => o[key],
    render: (o) => {
      const at = o[key];
      return at === null ? t('ongoing') : text(at);
    },
    sortable: true,
  });
  // The rules' verdicts (with the reasons) first, beside the date and cause; times after.
  const columns: Column<ExplainedOutage>[] = [
    c.date('date', t('date'), (o) => o.date),
    { key: 'cause', label: t('cause'), value: (o) => causeLabel(o.cause), sortable: true },
    ...ruleColumns(inScope),
    {
      key: 'duration',
      label: t('duration'),
      value: minutes,
      render: (o) => ongoingOr(o, () => fmt.duration(minutes(o))),
      numeric: true,
      sortable: true,
    },
    timeColumn('start', (at) => fmt.time(at)),
    timeColumn('end', (at) => fmt.dateTime(at)),
    {
      key: 'event',
      label: t('figEventId'),
      value: (o) => o.eventId + (o.viaFeeder ? ` (${t('feeder')} ${o.viaFeeder})` : ''),
    },
  ];
  return card(
    'asset-outages',
    t('outageList'),
    dataTable({ caption: t('outageList'), columns, rows: [...outages].reverse(), name: 'asset-outages' }),
  );
}

/**
 * Fills the timeline's and the list's slots from the rules in scope (none: both stay empty).
 * The timeline covers the trailing year of the first rule's explanation.
 */
export function drawAssetOutages(
  ctx: Ctx,
  inScope: readonly RuleExplanations[],
  boxes: { timeline: HTMLElement; list: HTMLElement },
  width: number,
): void {
  const first = inScope[0];
  if (!first) return;
  // The list is made first, as it always was: the tables number their scroll hints in order.
  const list = outageList(ctx, inScope, first.now.outages);
  boxes.timeline.replaceChildren(timelineFigure(ctx, inScope, first, width));
  boxes.list.replaceChildren(list);
}
