// Supply reliability: SAIDI, SAIFI, CAIDI and ASAI by city as small multiples, SAIDI by area
// class against the loaded targets, the year's regional ranking with the change on the year
// before, and on request the daily SAIDI with the major-event-day threshold. Variant and the
// major-event-day exclusion are selectable. Periods are calendar years (or this year to
// date) named as local dates, which the server reads in the operating zone.

import type { Row } from '../api.js';
import { barChart, type DailyPoint, dailyBars } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { reliabilityIssueText } from '../explain.js';
import { h, svgNode } from '../dom.js';
import { areaClassLabel, type Key, t } from '../i18n.js';
import { type Route, replaceParams } from '../router.js';
import { type Column, dataTable, figure } from '../table.js';
import { checkbox, fill, labelled, num, pageHeader, str, widthOf } from './common.js';

const VARIANTS = ['all', 'no_external', 'no_shortage', 'planned', 'fault'] as const;

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
  const controls = h('form', { class: 'filters card', 'aria-labelledby': 'rel-controls' });
  const cityBox = h('div', { class: 'figure-slot' });
  const classBox = h('div', { class: 'figure-slot' });
  const rankBox = h('div', { class: 'figure-slot' });
  const dailyBox = h('div', { class: 'figure-slot' });
  const ongoing = h('p', { class: 'note' });
  const checks = h('section', { class: 'card data-checks', 'aria-labelledby': 'rel-checks', hidden: '' });
  main.append(
    pageHeader(t('reliabilityTitle'), t('reliabilityIntro')),
    controls,
    checks,
    cityBox,
    h('div', { class: 'grid2' }, classBox, rankBox),
    dailyBox,
    ongoing,
  );

  // The ranking's default year is the last complete local year; it names the periods offered.
  const latest = await api.json<RankingAnswer>('/reliability/ranking');
  if (signal.aborted) return;
  const lastYear = latest.year;
  if (!state.choice) state.choice = String(lastYear);

  let current: AbortController | undefined;
  const load = async () => {
    current?.abort();
    const own = new AbortController();
    current = own;
    const sig = AbortSignal.any([signal, own.signal]);
    replaceParams(route, { period: state.choice, variant: state.variant, med: state.med ? '1' : undefined });
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
    await Promise.all([byCity, byClass, ranking]);
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
