// The reliability page's figures, each from one answer: SAIDI, SAIFI, CAIDI and ASAI by city as
// small multiples, SAIDI by area class against the loaded targets, each park's SAIDI against
// its target, the daily SAIDI with the major-event-day threshold, and the year's ranking of
// cities with the change on the year before. Each chart carries its data as a table.

import type { Row } from '../api.js';
import { barChart, type DailyPoint, dailyBars } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { h, svgNode } from '../dom.js';
import { areaClassLabel, t } from '../i18n.js';
import { type Column, dataTable, figure, scrollingChart } from '../table.js';
import { columnKit } from './columns.js';
import { card, num, str } from './common.js';
import { type DailyAnswer, parkStatus, type RankingAnswer, type Target } from './reliability-data.js';

const MEASURES = [
  { key: 'saidi', label: 'saidi', digits: 2 },
  { key: 'saifi', label: 'saifi', digits: 2 },
  { key: 'caidi', label: 'caidi', digits: 2 },
  { key: 'asai', label: 'asai', digits: 4 },
] as const;

const AREA_CLASS_ORDER = ['urban_core', 'urban', 'town', 'rural'];

/** A row's number by its key. */
const field = (key: string) => (r: Row) => num(r[key]);

export function cityFigure(ctx: Ctx, rows: Row[], periodLabel: string, width: number): HTMLElement {
  const { fmt } = ctx;
  const c = columnKit<Row>(fmt);
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
    c.int('customers', t('customers'), field('customers')),
    c.int('events', t('events'), field('events')),
    ...MEASURES.map((m) =>
      m.key === 'asai'
        ? c.pct(m.key, t(m.label), field(m.key), 3)
        : c.num(m.key, t(m.label), field(m.key), m.digits),
    ),
    c.num('maifi', t('maifi'), field('maifi'), 2),
  ];
  return figure({
    title: `${t('byCity')} · ${periodLabel}`,
    desc: t('byCityDesc'),
    chart: h('div', { class: 'multiples' }, panels),
    table: dataTable({ caption: `${t('byCity')} · ${periodLabel}`, columns, rows: cities, name: 'rel-city' }),
    name: 'rel-city',
  });
}

export function classFigure(ctx: Ctx, rows: Row[], targets: Target[], width: number): HTMLElement {
  const { fmt } = ctx;
  const c = columnKit<Row>(fmt);
  const sorted = [...rows].sort(
    (a, b) =>
      AREA_CLASS_ORDER.indexOf(String(a['areaClass'])) - AREA_CLASS_ORDER.indexOf(String(b['areaClass'])),
  );
  const targetOf = (r: Row) => {
    const x = targets.find((tg) => tg.areaClass === r['areaClass']);
    return x ? (x.atMost ?? x.below) : null;
  };
  const source = targets[0] ? `${targets[0].ruleSet} / ${targets[0].rule}` : '';
  const desc = targets.length ? t('byAreaClassDesc', { source }) : t('noTargets');
  const svg = barChart(
    sorted.map((r) => ({
      label: areaClassLabel(str(r['areaClass'])),
      value: num(r['saidi']),
      target: targetOf(r),
    })),
    {
      id: 'rel-class',
      title: t('byAreaClass'),
      desc,
      width: Math.min(width, 640),
      labelWidth: 110,
      format: (n) => fmt.num(n, 2),
    },
  );
  const unsorted = { sortable: false };
  const table = dataTable({
    caption: t('byAreaClass'),
    columns: [
      { key: 'class', label: t('areaClass'), value: (r: Row) => areaClassLabel(str(r['areaClass'])) },
      c.num('saidi', t('saidi'), field('saidi'), 2, unsorted),
      c.num('target', t('target'), targetOf, 0, unsorted),
      c.num('saifi', t('saifi'), field('saifi'), 2, unsorted),
    ],
    rows: sorted,
    name: 'rel-class',
  });
  return figure({ title: t('byAreaClass'), desc, chart: svgNode(svg), table, name: 'rel-class' });
}

export function parkFigure(
  ctx: Ctx,
  rows: Row[],
  target: Target,
  elapsed: number,
  width: number,
): HTMLElement {
  const { fmt } = ctx;
  const c = columnKit<Row>(fmt);
  const limit = target.below ?? target.atMost;
  const sorted = [...rows].sort((a, b) => num(b['saidi']) - num(a['saidi']));
  const desc = t('byParkDesc', { source: `${target.ruleSet} / ${target.rule}` });
  const svg = barChart(
    sorted.map((r) => ({ label: str(r['park']) ?? '', value: num(r['saidi']), target: limit })),
    {
      id: 'rel-park',
      title: t('byPark'),
      desc,
      width: Math.min(width, 720),
      labelWidth: 140,
      format: (n) => fmt.num(n, 2),
    },
  );
  const status = (r: Row) => parkStatus(num(r['saidi']), target, elapsed);
  const allowed = limit === null ? null : limit * elapsed;
  const unsorted = { sortable: false };
  const columns: Column<Row>[] = [
    { key: 'park', label: t('park'), value: (r) => str(r['park']) },
    c.num('users', t('parkUsers'), field('customers'), 0, unsorted),
    c.num('saidi', t('saidi'), field('saidi'), 2, unsorted),
    { key: 'target', label: t('target'), value: () => limit, render: () => fmt.dec(limit), numeric: true },
    ...(elapsed < 1 ? [c.num('allowed', t('allowedSoFar'), () => allowed, 2, unsorted)] : []),
    {
      key: 'status',
      label: t('targetStatus'),
      value: (r) => status(r),
      render: (r) => h('span', { 'data-status': status(r) }, t(status(r))),
    },
  ];
  return figure({
    title: t('byPark'),
    desc,
    chart: svgNode(svg),
    table: dataTable({ caption: t('byPark'), columns, rows: sorted, name: 'rel-park' }),
    name: 'rel-park',
  });
}

export function dailyFigure(ctx: Ctx, answer: DailyAnswer, width: number): HTMLElement {
  const { fmt } = ctx;
  const c = columnKit<DailyPoint>(fmt);
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
      c.date('date', t('date'), (x) => x.date),
      c.num('value', t('saidiMinutes'), (x) => x.value, 2),
      c.num('tmed', 'T_MED', (x) => x.threshold, 2, { sortable: false }),
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
    chart: scrollingChart(t('dailyTitle'), svg),
    table,
    name: 'rel-daily',
  });
}

export function rankingSection(ctx: Ctx, answer: RankingAnswer): HTMLElement {
  const c = columnKit<Row>(ctx.fmt);
  const columns: Column<Row>[] = [
    c.count('saidiRank', t('saidiRank'), field('saidiRank')),
    { key: 'city', label: t('city'), value: (r) => str(r['city']), sortable: true },
    c.num('saidi', t('saidi'), field('saidi'), 2),
    c.num('previousSaidi', t('previousSaidi'), field('previousSaidi'), 2),
    {
      key: 'saidiChangeFraction',
      label: t('saidiChange'),
      value: field('saidiChangeFraction'),
      render: (r) => ctx.fmt.signedPct(num(r['saidiChangeFraction'])),
      numeric: true,
      sortable: true,
    },
    c.num('saifi', t('saifi'), field('saifi'), 2),
    c.count('saifiRank', t('saifiRank'), field('saifiRank')),
  ];
  const title = t('rankingTitle', { year: answer.year });
  return card(
    'rel-ranking',
    title,
    dataTable({
      caption: title,
      columns,
      rows: answer.rows,
      sort: { key: 'saidiRank', dir: 'ascending' },
      name: 'rel-ranking',
    }),
  );
}
