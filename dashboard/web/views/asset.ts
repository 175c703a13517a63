// One feeder or transformer area: what it is, its rule status for each count rule (the rule
// cards of asset-rules.ts), its outages on a timeline with the rolling 60-day and 365-day
// counts drawn against their limits (from GET /flags/:assetId/explain, so excluded outages
// carry their reason), a calendar of its outages per local day, for a feeder the areas it
// serves, and its remediation cases. Counts say whether they are all outages or counted ones.

import type { Row } from '../api.js';
import { type TimelinePanel, timeline } from '../charts/index.js';
import { type Ctx, type RuleInfo, windowDays } from '../context.js';
import { h, svgNode } from '../dom.js';
import { areaClassLabel, causeLabel, kindLabel, lang, reasonLabel, t } from '../i18n.js';
import { href, type Route } from '../router.js';
import { type Column, dataTable, figure } from '../table.js';
import { type ExplainedOutage, type Explanation, ruleCards } from './asset-rules.js';
import { feederAreasCard } from './feeder-areas.js';
import { assetCasesCard } from './case-list.js';
import { canEdit } from './remediation-common.js';
import { assetLink, fill, kpi, num, pageHeader, str, widthOf } from './common.js';
import { calendarFigure, type DailyAnswer, toHotspot } from './hotspots.js';

const YEAR_MS = 365 * 86_400_000;

export async function renderAsset(
  ctx: Ctx,
  main: HTMLElement,
  route: Route,
  signal: AbortSignal,
): Promise<void> {
  const { api, fmt } = ctx;
  const id = route.id ?? '';
  const back = h(
    'p',
    { class: 'back' },
    h('a', { href: href('hotspots') }, `← ${t('backToHotspots')}`),
    canEdit(ctx.me)
      ? [' · ', h('a', { href: href('plan', undefined, { asset: id }), id: 'plan-outage' }, t('navPlanned'))]
      : null,
  );
  const head = h('div', { class: 'asset-head' });
  const kpis = h('div', { class: 'kpis' });
  const rulesBox = h('div', { class: 'rule-cards' });
  const timelineBox = h('div', { class: 'figure-slot' });
  const listBox = h('div', { class: 'figure-slot' });
  const calendarBox = h('div', { class: 'figure-slot' });
  const areasBox = h('div', { class: 'figure-slot' });
  const casesBox = h('div', { class: 'figure-slot' });
  main.append(back, head, kpis, rulesBox, timelineBox, listBox, calendarBox, areasBox, casesBox);
  void fill(casesBox, () => assetCasesCard(ctx, id), signal);

  const [summaryRows, assets, sets] = await Promise.all([
    api.json<{ rows: Row[] }>('/hotspots', { assetId: id }).then((a) => a.rows.map(toHotspot)),
    api.arrowRows('/assets'),
    ctx.ruleSets(),
  ]);
  if (signal.aborted) return;
  const asset = assets.find((a) => a['assetId'] === id);
  const summary = summaryRows[0];
  if (!asset || !summary) {
    head.replaceChildren(
      pageHeader(t('assetTitle')),
      h('p', { class: 'error', role: 'alert' }, t('unknownAsset', { id })),
    );
    return;
  }
  const name = str(asset['name']) ?? id;
  const kind = String(asset['kind']);
  const feederId = str(asset['feederId']);
  const facts: [string, Node | string][] = [
    [t('assetId'), id],
    [t('kind'), kindLabel(kind)],
    ...(feederId ? ([[t('feeder'), assetLink(feederId, feederId)]] as [string, Node][]) : []),
    ...(str(asset['code']) ? ([[t('figCode'), str(asset['code']) ?? '']] as [string, string][]) : []),
    ...(str(asset['substation'])
      ? ([[t('substation'), str(asset['substation']) ?? '']] as [string, string][])
      : []),
    [t('region'), [asset['province'], asset['city'], asset['county']].filter(Boolean).join(' ')],
    [t('areaClass'), areaClassLabel(str(asset['areaClass']))],
    [t('figCustomersServed'), fmt.int(num(asset['customers']))],
    ...(Number.isFinite(num(asset['transformers']))
      ? ([[t('transformers'), fmt.int(num(asset['transformers']))]] as [string, string][])
      : []),
    ...(str(asset['park']) ? ([[t('park'), str(asset['park']) ?? '']] as [string, string][]) : []),
  ];
  head.replaceChildren(
    pageHeader(`${name}`, `${kindLabel(kind)} · ${t('assetTitle')}`),
    h(
      'dl',
      { class: 'facts' },
      facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
  );
  kpis.replaceChildren(
    kpi('outages365', t('outages365'), fmt.int(summary.outages365), summary.outages365),
    kpi('outages60', t('outages60'), fmt.int(summary.outages60), summary.outages60),
    kpi('hours365', t('hours365'), fmt.num(summary.hours365, 1), summary.hours365),
    kpi('last-outage', t('lastOutage'), fmt.date(summary.lastOutage), summary.lastOutage ?? ''),
  );

  const ruleSet = sets.find((s) => s.name === ctx.ruleSet) ?? sets.find((s) => s.default);
  const rules = (ruleSet?.rules ?? []).filter((r) => r.measure === 'count');
  const earlier = new Date(Date.now() - YEAR_MS).toISOString();

  // Each rule's explanation now and a year ago: together they hold every counted outage that
  // reaches into the last year's windows.
  const explained = await Promise.all(
    rules.map(async (rule) => {
      const [now, before] = await Promise.all([
        api.json<Explanation>(`/flags/${encodeURIComponent(id)}/explain`, {
          rule: rule.id,
          ruleSet: ruleSet?.name,
        }),
        api.json<Explanation>(`/flags/${encodeURIComponent(id)}/explain`, {
          rule: rule.id,
          ruleSet: ruleSet?.name,
          asOf: earlier,
        }),
      ]);
      return { rule, now, before };
    }),
  );
  if (signal.aborted) return;
  const inScope = explained.filter((e) => e.now.inScope);

  rulesBox.replaceChildren(...ruleCards(fmt, explained));

  // Timeline: the trailing year of the first in-scope rule's explanation.
  const first = inScope[0];
  if (first) {
    const from = first.now.from;
    const to = first.now.to;
    const outages = first.now.outages;
    const panels: TimelinePanel[] = inScope.flatMap(({ rule, now, before }): TimelinePanel[] => {
      const days = windowDays(rule.window);
      if (days === undefined || rule.limit === undefined) return [];
      const counted = new Map<string, string>();
      for (const o of [...before.outages, ...now.outages]) if (o.counted) counted.set(o.eventId, o.date);
      return [
        {
          label: `${rule.title[lang()]} · ${t('windowCount', { days })}`,
          limit: rule.limit,
          windowDays: days,
          counted: [...counted.values()],
        },
      ];
    });
    const reasonsOf = (o: ExplainedOutage) =>
      inScope
        .map(({ now }) => now.outages.find((x) => x.eventId === o.eventId))
        .filter((x): x is ExplainedOutage => !!x && !x.counted)
        .map((x) => reasonLabel(x.reason));
    const width = Math.max(560, Math.min(widthOf(timelineBox, 720), 1240));
    const svg = timeline(
      {
        from,
        to,
        outages: outages.map((o) => ({
          date: o.date,
          counted: o.counted,
          title: `${fmt.date(o.date)} ${causeLabel(o.cause)} · ${o.counted ? t('counted') : `${t('excluded')}: ${reasonsOf(o)[0] ?? ''}`}`,
        })),
        panels,
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
    const ruleColumns: Column<ExplainedOutage>[] = inScope.map(({ rule, now }) => {
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
    // The rules' verdicts (with the reasons) first, beside the date and cause; times after.
    const columns: Column<ExplainedOutage>[] = [
      {
        key: 'date',
        label: t('date'),
        value: (o) => o.date,
        render: (o) => fmt.date(o.date),
        sortable: true,
      },
      { key: 'cause', label: t('cause'), value: (o) => causeLabel(o.cause), sortable: true },
      ...ruleColumns,
      {
        key: 'duration',
        label: t('duration'),
        value: (o) => (o.end === null ? null : (o.end - o.start) / 60_000),
        render: (o) => (o.end === null ? t('ongoing') : fmt.duration((o.end - o.start) / 60_000)),
        numeric: true,
        sortable: true,
      },
      {
        key: 'start',
        label: t('start'),
        value: (o) => o.start,
        render: (o) => fmt.time(o.start),
        sortable: true,
      },
      {
        key: 'end',
        label: t('end'),
        value: (o) => o.end,
        render: (o) => (o.end === null ? t('ongoing') : fmt.dateTime(o.end)),
        sortable: true,
      },
      {
        key: 'event',
        label: t('figEventId'),
        value: (o) => o.eventId + (o.viaFeeder ? ` (${t('feeder')} ${o.viaFeeder})` : ''),
      },
    ];
    const list = dataTable({
      caption: t('outageList'),
      columns,
      rows: [...outages].reverse(),
      name: 'asset-outages',
    });
    timelineBox.replaceChildren(
      figure({
        title: t('timelineTitle'),
        desc: t('timelineDesc'),
        chart: h(
          'div',
          { class: 'scroll-x', tabindex: 0, role: 'region', 'aria-label': t('timelineTitle') },
          svgNode(svg),
        ),
        table: dataTable({
          caption: t('timelineTitle'),
          columns: [
            {
              key: 'date',
              label: t('date'),
              value: (o: ExplainedOutage) => o.date,
              render: (o) => fmt.date(o.date),
            },
            { key: 'cause', label: t('cause'), value: (o) => causeLabel(o.cause) },
            ...ruleColumns,
          ],
          rows: outages,
        }),
        name: 'asset-timeline',
      }),
    );
    listBox.replaceChildren(
      h('section', { class: 'card', 'data-name': 'asset-outages' }, h('h2', {}, t('outageList')), list),
    );
  }

  const pending: Promise<void>[] = [
    fill(
      calendarBox,
      async () => {
        const daily = await api.json<DailyAnswer>('/outages/daily', { assetId: id });
        return calendarFigure(ctx, daily, 'asset-calendar', t('assetCalendar'));
      },
      signal,
    ),
  ];
  if (kind === 'feeder') {
    pending.push(fill(areasBox, () => feederAreasCard(ctx, id), signal));
  }
  await Promise.all(pending);
}

/** "不计入：…" unless the reason's own words already say it is not counted. */
function notCountedText(reason: string | undefined): string {
  const text = reasonLabel(reason);
  return text.toLowerCase().includes(t('excluded').toLowerCase())
    ? text
    : t('figNotCounted', { reason: text });
}

function shortRule(rule: RuleInfo): string {
  const days = windowDays(rule.window);
  if (days === undefined || rule.limit === undefined) return rule.title[lang()];
  return lang() === 'zh' ? `${days}天>${rule.limit}次` : `>${rule.limit} in ${days} d`;
}
