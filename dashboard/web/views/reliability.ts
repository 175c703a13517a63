// Supply reliability: SAIDI, SAIFI, CAIDI and ASAI by city as small multiples, SAIDI by area
// class against the loaded targets, the year's regional ranking with the change on the year
// before, on request the daily SAIDI with the major-event-day threshold, and a Pareto chart of
// causes (or responsibilities) per chosen city with its table beside it. Variant and the
// major-event-day exclusion are selectable. Periods are calendar years (or this year to
// date, where the page opens) named as local dates, which the server reads in the operating
// zone. At the top, the headline: the province's SAIDI and SAIFI against the loaded targets.

import type { Row } from '../api.js';
import { barChart, type DailyPoint, dailyBars } from '../charts/index.js';
import { type ParetoBar, paretoChart } from '../charts/pareto.js';
import type { Ctx } from '../context.js';
import { reliabilityIssueText } from '../explain.js';
import { h, svgNode } from '../dom.js';
import { areaClassLabel, causeLabel, type Key, locale, t } from '../i18n.js';
import { type Route, replaceParams } from '../router.js';
import { type Column, dataTable, figure } from '../table.js';
import { checkbox, fill, labelled, num, pageHeader, str, widthOf } from './common.js';
import { headlineSection } from './reliability-headline.js';

const VARIANTS = ['all', 'no_external', 'no_shortage', 'planned', 'fault'] as const;
const CAUSE_MEASURES = ['customerHours', 'customerInterruptions', 'events', 'counted'] as const;
type CauseMeasure = (typeof CAUSE_MEASURES)[number];
const CAUSE_VIEWS = ['cause', 'responsibility'] as const;
type CauseView = (typeof CAUSE_VIEWS)[number];

/** One row of GET /reliability/causes?groupBy=city, in Pareto order. */
interface CauseRow {
  city: string | null;
  cause?: string;
  responsibility: string;
  rank: number;
  events: number;
  shortEvents: number;
  customerInterruptions: number;
  customerHours: number;
  counted: number | null;
  share: number | null;
  cumulativeShare: number | null;
}
interface CausesAnswer {
  rows: CauseRow[];
  includesOngoing?: boolean;
  ruleSet: string | null;
  rule: string | null;
}
interface CauseChoice {
  measure: CauseMeasure;
  view: CauseView;
  regions: string[];
}

interface Envelope {
  rows: Row[];
  issues?: { path: string; message: string; code?: string; params?: Record<string, unknown> }[];
  includesOngoing?: boolean;
  majorEventDays?: { days: string[] } | null;
}
interface RankingAnswer extends Envelope {
  year: number;
}
interface DailyAnswer {
  rows: { date: string; saidiMinutes: number | null; tMedMinutes: number | null; majorEventDay: boolean }[];
  thresholds: { year: number; tMedMinutes: number | null }[];
}
interface Target {
  ruleSet: string;
  rule: string;
  measure: string;
  per: string;
  basis: string;
  areaClass: string | null;
  atMost: number | null;
  below: number | null;
}

export async function renderReliability(
  ctx: Ctx,
  main: HTMLElement,
  route: Route,
  signal: AbortSignal,
): Promise<void> {
  const { api, fmt } = ctx;
  const p = route.params;
  const state = {
    variant: (VARIANTS as readonly string[]).includes(p.get('variant') ?? '')
      ? (p.get('variant') as string)
      : 'all',
    med: p.get('med') === '1',
    choice: p.get('period') ?? '',
  };
  const causeChoice: CauseChoice = {
    measure: oneOf(CAUSE_MEASURES, p.get('causeBy'), 'customerHours'),
    view: oneOf(CAUSE_VIEWS, p.get('causeView'), 'cause'),
    regions: (p.get('causeRegions') ?? '').split(',').filter((x) => x !== ''),
  };
  const controls = h('form', { class: 'filters card', 'aria-labelledby': 'rel-controls' });
  const headlineBox = h('div', { class: 'figure-slot' });
  const cityBox = h('div', { class: 'figure-slot' });
  const causesBox = h('div', { class: 'figure-slot' });
  const classBox = h('div', { class: 'figure-slot' });
  const parkBox = h('div', { class: 'figure-slot' });
  const rankBox = h('div', { class: 'figure-slot' });
  const dailyBox = h('div', { class: 'figure-slot' });
  const ongoing = h('p', { class: 'note' });
  const checks = h('section', { class: 'card data-checks', 'aria-labelledby': 'rel-checks', hidden: '' });
  main.append(
    pageHeader(t('reliabilityTitle'), t('reliabilityIntro')),
    headlineBox,
    controls,
    checks,
    cityBox,
    causesBox,
    h('div', { class: 'grid2' }, classBox, rankBox),
    parkBox,
    dailyBox,
    ongoing,
  );

  // The ranking's default year is the last complete local year; it names the periods offered.
  // The page opens on this year to date: what a planner is judged on now.
  const latest = await api.json<RankingAnswer>('/reliability/ranking');
  if (signal.aborted) return;
  const lastYear = latest.year;
  if (!state.choice) state.choice = 'ytd';

  let current: AbortController | undefined;
  const load = async () => {
    current?.abort();
    const own = new AbortController();
    current = own;
    const sig = AbortSignal.any([signal, own.signal]);
    const saveParams = () =>
      replaceParams(route, {
        period: state.choice,
        variant: state.variant,
        med: state.med ? '1' : undefined,
        causeBy: causeChoice.measure === 'customerHours' ? undefined : causeChoice.measure,
        causeView: causeChoice.view === 'cause' ? undefined : causeChoice.view,
        causeRegions: causeChoice.regions.length > 0 ? causeChoice.regions.join(',') : undefined,
      });
    saveParams();
    const { variant, med, choice } = state;
    const year = choice === 'ytd' ? lastYear + 1 : Number(choice) || lastYear;
    const from = `${year}-01-01`;
    const to = choice === 'ytd' ? new Date().toISOString() : `${year + 1}-01-01`;
    const periodLabel = choice === 'ytd' ? t('yearToDate', { year }) : t('calendarYear', { year });
    const common = { variant, ...(med ? { excludeMajorEventDays: 'true' } : {}) };
    const notes = new Set<string>();
    const problems = new Set<string>();
    ongoing.textContent = '';
    checks.replaceChildren();
    checks.hidden = true;
    const note = (a: Envelope) => {
      if (sig.aborted) return;
      if (a.includesOngoing) notes.add(t('ongoingIncluded'));
      if (a.majorEventDays?.days.length)
        notes.add(t('majorEventDays', { days: a.majorEventDays.days.map((d) => fmt.date(d)).join(', ') }));
      ongoing.textContent = [...notes].join(' ');
      for (const issue of a.issues ?? []) {
        const text = reliabilityIssueText(issue, ctx.fmt);
        if (text !== undefined) problems.add(text);
      }
      if (problems.size > 0) {
        checks.replaceChildren(
          h('h2', { id: 'rel-checks' }, t('dataChecks')),
          h(
            'details',
            {},
            h('summary', {}, t('dataChecksSummary', { n: fmt.int(problems.size) })),
            h('ul', {}, ...[...problems].map((p) => h('li', {}, p))),
          ),
        );
        checks.hidden = false;
      }
    };

    const headline = fill(
      headlineBox,
      () =>
        headlineSection(ctx, {
          from,
          to,
          year,
          label: periodLabel,
          variant,
          params: common,
        }),
      sig,
      med,
    );

    const byCity = fill(
      cityBox,
      async () => {
        const answer = await api.json<Envelope>('/reliability', { from, to, groupBy: 'city', ...common });
        note(answer);
        return cityFigure(ctx, answer.rows, periodLabel, widthOf(cityBox, 640));
      },
      sig,
      med,
    );

    const byClass = fill(
      classBox,
      async () => {
        const targets = (await api.json<{ rows: Target[] }>('/targets')).rows.filter(
          (x) => x.measure === 'saidi_hours' && x.per === 'area_class',
        );
        const basis = targets[0]?.basis;
        const answer = await api.json<Envelope>('/reliability', {
          from,
          to,
          groupBy: 'areaClass',
          ...common,
          convention: basis === 'medium_voltage' ? 'transformers' : 'customers',
        });
        note(answer);
        return classFigure(ctx, answer.rows, targets, widthOf(classBox, 480));
      },
      sig,
      med,
    );

    // Park targets (Kunming: under 1 h a year per park), on their own basis; none loaded: no box.
    const byPark = fill(
      parkBox,
      async () => {
        const targets = (await api.json<{ rows: Target[] }>('/targets')).rows.filter(
          (x) => x.measure === 'saidi_hours' && x.per === 'park',
        );
        if (targets.length === 0) return [];
        const answer = await api.json<Envelope>('/reliability', {
          from,
          to,
          groupBy: 'park',
          ...common,
          convention: targets[0]?.basis === 'medium_voltage' ? 'transformers' : 'customers',
        });
        note(answer);
        const rows = answer.rows.filter((r) => r['park'] !== null && r['park'] !== undefined);
        const elapsed = choice === 'ytd' ? yearFraction(year) : 1;
        return parkFigure(ctx, rows, targets[0] as Target, elapsed, widthOf(parkBox, 640));
      },
      sig,
      med,
    );

    const ranking = fill(
      rankBox,
      async () => {
        const answer =
          year === lastYear && variant === 'all'
            ? latest
            : await api.json<RankingAnswer>('/reliability/ranking', { year, variant });
        note(answer);
        return rankingSection(ctx, answer);
      },
      sig,
    );

    // The causes' own choices refill only their box, and give the focus back to the control used.
    const loadCauses = (focus?: string): Promise<void> =>
      fill(
        causesBox,
        async () => {
          const answer = await api.json<CausesAnswer>('/reliability/causes', {
            from,
            to,
            groupBy: 'city',
            by: causeChoice.view,
            paretoBy: causeChoice.measure,
            // The header's rule set; the server's default needs no parameter.
            ...(ctx.ruleSet !== ctx.me.ruleSet ? { ruleSet: ctx.ruleSet } : {}),
          });
          if (answer.includesOngoing) note({ rows: [], includesOngoing: true });
          return causesSection(ctx, answer, causeChoice, periodLabel, widthOf(causesBox, 640), {
            reload: (id) => {
              saveParams();
              void loadCauses(id);
            },
            save: saveParams,
          });
        },
        sig,
      ).then(() => {
        if (focus) document.getElementById(focus)?.focus();
      });
    const byCause = loadCauses();

    const loadDaily = () =>
      fill(
        dailyBox,
        async () => {
          const answer = await api.json<DailyAnswer>('/reliability/daily', { from, to, variant });
          return dailyFigure(ctx, answer, widthOf(dailyBox, 720));
        },
        sig,
        true,
      );
    dailyBox.replaceChildren(
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('dailyTitle')),
        h('p', { class: 'desc' }, t('dailyDesc')),
        h('button', { type: 'button', id: 'load-daily', onclick: () => void loadDaily() }, t('loadDaily')),
      ),
    );
    await Promise.all([headline, byCity, byCause, byClass, byPark, ranking]);
  };

  controls.replaceChildren(
    h('h2', { id: 'rel-controls', class: 'sr-only' }, t('filters')),
    h(
      'div',
      { class: 'fields' },
      labelled(
        'r-period',
        t('period'),
        [
          ['ytd', t('yearToDate', { year: lastYear + 1 })],
          [String(lastYear), t('calendarYear', { year: lastYear })],
          [String(lastYear - 1), t('calendarYear', { year: lastYear - 1 })],
        ],
        state.choice,
        (v) => {
          state.choice = v;
          void load();
        },
      ),
      labelled(
        'r-variant',
        t('variant'),
        VARIANTS.map((v): [string, string] => [v, t(`variant_${v}` as Key)]),
        state.variant,
        (v) => {
          state.variant = v;
          void load();
        },
      ),
      checkbox('r-med', t('excludeMed'), state.med, (v) => {
        state.med = v;
        void load();
      }),
    ),
  );
  await load();
}

const oneOf = <T extends string>(allowed: readonly T[], v: string | null, fallback: T): T =>
  (allowed as readonly string[]).includes(v ?? '') ? (v as T) : fallback;

const measureLabel = (m: CauseMeasure): string => t(`measure_${m}` as Key);
const partLabel = (row: CauseRow, view: CauseView): string =>
  view === 'cause' ? causeLabel(row.cause ?? '') : t(`resp_${row.responsibility}` as Key);

/**
 * The causes card: the measure and breakdown (a new request), the cities shown (redrawn from
 * the rows at hand), and per city a Pareto chart with its table beside it.
 */
function causesSection(
  ctx: Ctx,
  answer: CausesAnswer,
  choice: CauseChoice,
  periodLabel: string,
  width: number,
  on: { reload: (focusId: string) => void; save: () => void },
): HTMLElement {
  const { fmt } = ctx;
  const regions = [...new Set(answer.rows.map((r) => r.city ?? ''))];
  const kept = choice.regions.filter((r) => regions.includes(r));
  choice.regions = kept.length > 0 ? kept : regions.slice(0, 1);
  const measures = CAUSE_MEASURES.filter((m) => m !== 'counted' || answer.rule !== null);
  const charts = h('div', { class: 'pareto-list' });
  const formatOf = (m: CauseMeasure) => (n: number) => (m === 'customerHours' ? fmt.num(n, 1) : fmt.int(n));
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
          paretoFigure(ctx, answer, choice, region, i, chartWidth, formatOf(choice.measure)),
        ),
    );
  };
  const regionBoxes = h(
    'fieldset',
    { class: 'fields' },
    h('legend', {}, t('causesRegions')),
    regions.map((region, i) =>
      checkbox(`rc-region-${i}`, region || t('none'), choice.regions.includes(region), (checked) => {
        choice.regions = checked
          ? regions.filter((r) => r === region || choice.regions.includes(r))
          : choice.regions.filter((r) => r !== region);
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
    h(
      'div',
      { class: 'fields' },
      labelled(
        'rc-measure',
        t('causesMeasure'),
        measures.map((m): [string, string] => [m, measureLabel(m)]),
        choice.measure,
        (v) => {
          choice.measure = v as CauseMeasure;
          on.reload('rc-measure');
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
          on.reload('rc-view');
        },
      ),
    ),
    regionBoxes,
    charts,
    countedNote,
  );
}

function paretoFigure(
  ctx: Ctx,
  answer: CausesAnswer,
  choice: CauseChoice,
  region: string,
  index: number,
  width: number,
  format: (n: number) => string,
): HTMLElement {
  const { fmt } = ctx;
  const rows = answer.rows.filter((r) => (r.city ?? '') === region);
  const measure = measureLabel(choice.measure);
  const name = region || t('none');
  const title = t('paretoTitle', { region: name, measure });
  const desc = t('paretoDesc', { measure });
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
    desc,
    width: Math.max(320, Math.min(width, 720)),
    format: (n) => compact.format(n),
    formatShare: (f) => fmt.pct(f, 0),
  });
  const table = dataTable({
    caption: title,
    columns: [
      {
        key: 'part',
        label: choice.view === 'cause' ? t('cause') : t('responsibility'),
        value: (r: CauseRow) => partLabel(r, choice.view),
      },
      {
        key: 'value',
        label: measure,
        value: (r) => r[choice.measure],
        render: (r) => (r[choice.measure] === null ? t('none') : format(r[choice.measure] ?? 0)),
        numeric: true,
      },
      {
        key: 'share',
        label: t('share'),
        value: (r) => r.share,
        render: (r) => fmt.pct(r.share, 1),
        numeric: true,
      },
      {
        key: 'cumulative',
        label: t('cumulativeShare'),
        value: (r) => r.cumulativeShare,
        render: (r) => fmt.pct(r.cumulativeShare, 1),
        numeric: true,
      },
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

function dailyFigure(ctx: Ctx, answer: DailyAnswer, width: number): HTMLElement {
  const { fmt } = ctx;
  const points: DailyPoint[] = answer.rows.map((r) => ({
    date: r.date,
    value: r.saidiMinutes,
    threshold: r.tMedMinutes,
    major: r.majorEventDay,
  }));
  const svg = dailyBars(points, {
    id: 'rel-daily',
    title: t('dailyTitle'),
    desc: t('dailyDesc'),
    width: Math.max(560, Math.min(width, 1240)),
    monthLabel: (d) => fmt.monthShort(d),
    pointTitle: (x) =>
      `${fmt.date(x.date)}: ${fmt.num(x.value, 2)} · T_MED ${fmt.num(x.threshold, 2)}${x.major ? ` · ${t('majorEventDay')}` : ''}`,
    format: (n) => fmt.num(n, 0),
  });
  const table = dataTable({
    caption: t('dailyTitle'),
    columns: [
      {
        key: 'date',
        label: t('date'),
        value: (x: DailyPoint) => x.date,
        render: (x) => fmt.date(x.date),
        sortable: true,
      },
      {
        key: 'value',
        label: t('saidiMinutes'),
        value: (x) => x.value,
        render: (x) => fmt.num(x.value, 2),
        numeric: true,
        sortable: true,
      },
      {
        key: 'tmed',
        label: 'T_MED',
        value: (x) => x.threshold,
        render: (x) => fmt.num(x.threshold, 2),
        numeric: true,
      },
      {
        key: 'major',
        label: t('majorEventDay'),
        value: (x) => (x.major ? t('yes') : t('no')),
        sortable: true,
      },
    ],
    rows: points,
  });
  return figure({
    title: t('dailyTitle'),
    desc: t('dailyDesc'),
    chart: h(
      'div',
      { class: 'scroll-x', tabindex: 0, role: 'region', 'aria-label': t('dailyTitle') },
      svgNode(svg),
    ),
    table,
    name: 'rel-daily',
  });
}

const MEASURES = [
  { key: 'saidi', label: 'saidi', digits: 2 },
  { key: 'saifi', label: 'saifi', digits: 2 },
  { key: 'caidi', label: 'caidi', digits: 2 },
  { key: 'asai', label: 'asai', digits: 4 },
] as const;

function cityFigure(ctx: Ctx, rows: Row[], periodLabel: string, width: number): HTMLElement {
  const { fmt } = ctx;
  const cities = [...rows].sort((a, b) => num(b['saidi']) - num(a['saidi']));
  const panelWidth = width >= 700 ? Math.floor((width - 24) / 2) : width;
  const panels = MEASURES.map((m) => {
    const values = cities.map((r) => num(r[m.key]));
    const isAsai = m.key === 'asai';
    const svg = barChart(
      cities.map((r) => ({ label: str(r['city']) ?? '—', value: num(r[m.key]) })),
      {
        id: `rel-city-${m.key}`,
        title: `${t(m.label)} · ${periodLabel}`,
        width: panelWidth,
        labelWidth: Math.min(150, Math.round(panelWidth * 0.36)),
        barHeight: 16,
        format: (n) => (isAsai ? fmt.pct(n, 3) : fmt.num(n, m.digits)),
        ...(isAsai ? { min: Math.max(0, Math.min(...values) - (1 - Math.min(...values)) * 0.5) } : {}),
      },
    );
    return h('div', { class: 'multiple' }, h('h3', {}, t(m.label)), svgNode(svg));
  });
  const columns: Column<Row>[] = [
    { key: 'city', label: t('city'), value: (r) => str(r['city']), sortable: true },
    {
      key: 'customers',
      label: t('customers'),
      value: (r) => num(r['customers']),
      render: (r) => fmt.int(num(r['customers'])),
      numeric: true,
      sortable: true,
    },
    {
      key: 'events',
      label: t('events'),
      value: (r) => num(r['events']),
      render: (r) => fmt.int(num(r['events'])),
      numeric: true,
      sortable: true,
    },
    ...MEASURES.map(
      (m): Column<Row> => ({
        key: m.key,
        label: t(m.label),
        value: (r) => num(r[m.key]),
        render: (r) => (m.key === 'asai' ? fmt.pct(num(r[m.key]), 3) : fmt.num(num(r[m.key]), m.digits)),
        numeric: true,
        sortable: true,
      }),
    ),
    {
      key: 'maifi',
      label: t('maifi'),
      value: (r) => num(r['maifi']),
      render: (r) => fmt.num(num(r['maifi']), 2),
      numeric: true,
      sortable: true,
    },
  ];
  return figure({
    title: `${t('byCity')} · ${periodLabel}`,
    desc: t('byCityDesc'),
    chart: h('div', { class: 'multiples' }, panels),
    table: dataTable({ caption: `${t('byCity')} · ${periodLabel}`, columns, rows: cities, name: 'rel-city' }),
    name: 'rel-city',
  });
}

function classFigure(ctx: Ctx, rows: Row[], targets: Target[], width: number): HTMLElement {
  const { fmt } = ctx;
  const order = ['urban_core', 'urban', 'town', 'rural'];
  const sorted = [...rows].sort(
    (a, b) => order.indexOf(String(a['areaClass'])) - order.indexOf(String(b['areaClass'])),
  );
  const targetOf = (c: unknown) => {
    const x = targets.find((tg) => tg.areaClass === c);
    return x ? (x.atMost ?? x.below) : null;
  };
  const source = targets[0] ? `${targets[0].ruleSet} / ${targets[0].rule}` : '';
  const svg = barChart(
    sorted.map((r) => ({
      label: areaClassLabel(str(r['areaClass'])),
      value: num(r['saidi']),
      target: targetOf(r['areaClass']),
    })),
    {
      id: 'rel-class',
      title: t('byAreaClass'),
      desc: targets.length ? t('byAreaClassDesc', { source }) : t('noTargets'),
      width: Math.min(width, 640),
      labelWidth: 110,
      format: (n) => fmt.num(n, 2),
    },
  );
  const table = dataTable({
    caption: t('byAreaClass'),
    columns: [
      { key: 'class', label: t('areaClass'), value: (r: Row) => areaClassLabel(str(r['areaClass'])) },
      {
        key: 'saidi',
        label: t('saidi'),
        value: (r) => num(r['saidi']),
        render: (r) => fmt.num(num(r['saidi']), 2),
        numeric: true,
      },
      {
        key: 'target',
        label: t('target'),
        value: (r) => targetOf(r['areaClass']),
        render: (r) => fmt.num(targetOf(r['areaClass']), 0),
        numeric: true,
      },
      {
        key: 'saifi',
        label: t('saifi'),
        value: (r) => num(r['saifi']),
        render: (r) => fmt.num(num(r['saifi']), 2),
        numeric: true,
      },
    ],
    rows: sorted,
    name: 'rel-class',
  });
  return figure({
    title: t('byAreaClass'),
    desc: targets.length ? t('byAreaClassDesc', { source }) : t('noTargets'),
    chart: svgNode(svg),
    table,
    name: 'rel-class',
  });
}

/** The elapsed share of a calendar year (UTC boundaries: hours off in a year, for a pro-rata mark). */
function yearFraction(year: number, now = Date.now()): number {
  const start = Date.UTC(year, 0, 1);
  return Math.min(1, Math.max(0, (now - start) / (Date.UTC(year + 1, 0, 1) - start)));
}

/**
 * Each park's SAIDI against its target: a finished year met or not (below: strictly under);
 * a year in progress on or off track against the target pro-rated by the elapsed share.
 */
export function parkStatus(saidi: number, target: Target, elapsed: number): Key {
  const limit = target.below ?? target.atMost;
  if (limit === null) return 'status_met';
  const strict = target.below !== null;
  if (elapsed < 1) return saidi <= limit * elapsed ? 'status_on_track' : 'status_off_track';
  return (strict ? saidi < limit : saidi <= limit) ? 'status_met' : 'status_not_met';
}

function parkFigure(ctx: Ctx, rows: Row[], target: Target, elapsed: number, width: number): HTMLElement {
  const { fmt } = ctx;
  const limit = target.below ?? target.atMost;
  const sorted = [...rows].sort((a, b) => num(b['saidi']) - num(a['saidi']));
  const source = `${target.ruleSet} / ${target.rule}`;
  const svg = barChart(
    sorted.map((r) => ({ label: str(r['park']) ?? '', value: num(r['saidi']), target: limit })),
    {
      id: 'rel-park',
      title: t('byPark'),
      desc: t('byParkDesc', { source }),
      width: Math.min(width, 720),
      labelWidth: 140,
      format: (n) => fmt.num(n, 2),
    },
  );
  const status = (r: Row) => parkStatus(num(r['saidi']), target, elapsed);
  const columns: Column<Row>[] = [
    { key: 'park', label: t('park'), value: (r) => str(r['park']) },
    {
      key: 'users',
      label: t('parkUsers'),
      value: (r) => num(r['customers']),
      render: (r) => fmt.num(num(r['customers']), 0),
      numeric: true,
    },
    {
      key: 'saidi',
      label: t('saidi'),
      value: (r) => num(r['saidi']),
      render: (r) => fmt.num(num(r['saidi']), 2),
      numeric: true,
    },
    { key: 'target', label: t('target'), value: () => limit, render: () => fmt.dec(limit), numeric: true },
    ...(elapsed < 1
      ? [
          {
            key: 'allowed',
            label: t('allowedSoFar'),
            value: () => (limit === null ? null : limit * elapsed),
            render: () => fmt.num(limit === null ? null : limit * elapsed, 2),
            numeric: true,
          },
        ]
      : []),
    {
      key: 'status',
      label: t('targetStatus'),
      value: (r) => status(r),
      render: (r) => h('span', { 'data-status': status(r) }, t(status(r))),
    },
  ];
  return figure({
    title: t('byPark'),
    desc: t('byParkDesc', { source }),
    chart: svgNode(svg),
    table: dataTable({ caption: t('byPark'), columns, rows: sorted, name: 'rel-park' }),
    name: 'rel-park',
  });
}

function rankingSection(ctx: Ctx, answer: RankingAnswer): HTMLElement {
  const { fmt } = ctx;
  const columns: Column<Row>[] = [
    {
      key: 'saidiRank',
      label: t('saidiRank'),
      value: (r) => num(r['saidiRank']),
      numeric: true,
      sortable: true,
    },
    { key: 'city', label: t('city'), value: (r) => str(r['city']), sortable: true },
    {
      key: 'saidi',
      label: t('saidi'),
      value: (r) => num(r['saidi']),
      render: (r) => fmt.num(num(r['saidi']), 2),
      numeric: true,
      sortable: true,
    },
    {
      key: 'previousSaidi',
      label: t('previousSaidi'),
      value: (r) => num(r['previousSaidi']),
      render: (r) => fmt.num(num(r['previousSaidi']), 2),
      numeric: true,
      sortable: true,
    },
    {
      key: 'saidiChangeFraction',
      label: t('saidiChange'),
      value: (r) => num(r['saidiChangeFraction']),
      render: (r) => fmt.signedPct(num(r['saidiChangeFraction'])),
      numeric: true,
      sortable: true,
    },
    {
      key: 'saifi',
      label: t('saifi'),
      value: (r) => num(r['saifi']),
      render: (r) => fmt.num(num(r['saifi']), 2),
      numeric: true,
      sortable: true,
    },
    {
      key: 'saifiRank',
      label: t('saifiRank'),
      value: (r) => num(r['saifiRank']),
      numeric: true,
      sortable: true,
    },
  ];
  const title = t('rankingTitle', { year: answer.year });
  return h(
    'section',
    { class: 'card', 'data-name': 'rel-ranking' },
    h('h2', {}, title),
    dataTable({
      caption: title,
      columns,
      rows: answer.rows,
      sort: { key: 'saidiRank', dir: 'ascending' },
      name: 'rel-ranking',
    }),
  );
}
