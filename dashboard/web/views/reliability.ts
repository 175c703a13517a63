// Supply reliability: SAIDI, SAIFI, CAIDI and ASAI by city as small multiples, SAIDI by area
// class against the loaded targets, the year's regional ranking with the change on the year
// before, on request the daily SAIDI with the major-event-day threshold, and a Pareto chart of
// causes (or responsibilities) per chosen city with its table beside it. Variant and the
// major-event-day exclusion are selectable. Periods are calendar years (or this year to
// date, where the page opens) named as local dates, which the server reads in the operating
// zone. At the top, the headline: the province's SAIDI and SAIFI against the loaded targets.
//
// The page reads its choices (reliability-data.ts), loads each figure into its own slot and
// draws it with reliability-figures.ts, reliability-causes.ts or reliability-headline.ts.

import type { Row } from '../api.js';
import type { Ctx, View } from '../context.js';
import { h } from '../dom.js';
import { reliabilityIssueText } from '../explain.js';
import { type Key, t } from '../i18n.js';
import { replaceParams } from '../router.js';
import { checkbox, figureSlot, fill, filterPanel, labelled, pageHeader, widthOf } from './common.js';
import { causesSection } from './reliability-causes.js';
import {
  type CauseChoice,
  type CausesAnswer,
  type Choices,
  choiceParams,
  conventionOfBasis,
  type DailyAnswer,
  type Envelope,
  type Period,
  periodOf,
  type RankingAnswer,
  readChoices,
  type Target,
  VARIANTS,
  yearFraction,
} from './reliability-data.js';
import { cityFigure, classFigure, dailyFigure, parkFigure, rankingSection } from './reliability-figures.js';
import { headlineSection } from './reliability-headline.js';

export { parkStatus } from './reliability-data.js';

/** The page's parts, in reading order. */
function layout(main: HTMLElement) {
  const page = {
    controls: filterPanel('rel-controls'),
    headline: figureSlot(),
    city: figureSlot(),
    causes: figureSlot(),
    class: figureSlot(),
    park: figureSlot(),
    rank: figureSlot(),
    daily: figureSlot(),
    ongoing: h('p', { class: 'note' }),
    checks: h('section', { class: 'card data-checks', 'aria-labelledby': 'rel-checks', hidden: '' }),
  };
  main.append(
    pageHeader(t('reliabilityTitle'), t('reliabilityIntro')),
    page.headline,
    page.controls,
    page.checks,
    page.city,
    page.causes,
    h('div', { class: 'grid2' }, page.class, page.rank),
    page.park,
    page.daily,
    page.ongoing,
  );
  return page;
}

type Page = ReturnType<typeof layout>;

/**
 * What the answers say beside their figures: ongoing outages included, the major event days
 * left out (a note under the page), and the data checks' problems (a card, shown when any).
 */
function answerNotes(ctx: Ctx, page: Page, sig: AbortSignal): (a: Envelope) => void {
  const notes = new Set<string>();
  const problems = new Set<string>();
  page.ongoing.textContent = '';
  page.checks.replaceChildren();
  page.checks.hidden = true;
  return (a) => {
    if (sig.aborted) return;
    if (a.includesOngoing) notes.add(t('ongoingIncluded'));
    if (a.majorEventDays?.days.length)
      notes.add(t('majorEventDays', { days: a.majorEventDays.days.map((d) => ctx.fmt.date(d)).join(', ') }));
    page.ongoing.textContent = [...notes].join(' ');
    for (const issue of a.issues ?? []) {
      const text = reliabilityIssueText(issue, ctx.fmt);
      if (text !== undefined) problems.add(text);
    }
    if (problems.size === 0) return;
    page.checks.replaceChildren(
      h('h2', { id: 'rel-checks' }, t('dataChecks')),
      h(
        'details',
        {},
        h('summary', {}, t('dataChecksSummary', { n: ctx.fmt.int(problems.size) })),
        h('ul', {}, ...[...problems].map((p) => h('li', {}, p))),
      ),
    );
    page.checks.hidden = false;
  };
}

/** One load of the page's figures for the choices now. */
interface Load {
  ctx: Ctx;
  page: Page;
  period: Period;
  periodLabel: string;
  variant: string;
  /** the figures' parameters every request shares */
  common: Record<string, string>;
  sig: AbortSignal;
  /** slow: major event days left out make every answer slower */
  slow: boolean;
  note: (a: Envelope) => void;
}

/** The area-class or park targets of SAIDI in hours. */
const saidiTargets = async (ctx: Ctx, per: string): Promise<Target[]> =>
  (await ctx.api.json<{ rows: Target[] }>('/targets')).rows.filter(
    (x) => x.measure === 'saidi_hours' && x.per === per,
  );

function figuresBy(l: Load, groupBy: string, convention?: string): Promise<Envelope> {
  const { from, to } = l.period;
  return l.ctx.api.json<Envelope>('/reliability', {
    from,
    to,
    groupBy,
    ...l.common,
    ...(convention === undefined ? {} : { convention }),
  });
}

const loadHeadline = (l: Load) =>
  fill(
    l.page.headline,
    () =>
      headlineSection(l.ctx, {
        from: l.period.from,
        to: l.period.to,
        year: l.period.year,
        label: l.periodLabel,
        variant: l.variant,
        params: l.common,
      }),
    l.sig,
    l.slow,
  );

const loadCity = (l: Load) =>
  fill(
    l.page.city,
    async () => {
      const answer = await figuresBy(l, 'city');
      l.note(answer);
      return cityFigure(l.ctx, answer.rows, l.periodLabel, widthOf(l.page.city, 640));
    },
    l.sig,
    l.slow,
  );

/**
 * A figure of SAIDI against the targets given per `per` (area class, park), grouped by `groupBy`
 * on the targets' own basis; `optional`: no targets of the kind loaded, no figure.
 */
function loadTargetFigure(
  l: Load,
  box: HTMLElement,
  target: { per: string; groupBy: string; optional: boolean },
  draw: (rows: Row[], targets: Target[]) => HTMLElement,
): Promise<void> {
  return fill(
    box,
    async () => {
      const targets = await saidiTargets(l.ctx, target.per);
      if (target.optional && targets.length === 0) return [];
      const answer = await figuresBy(l, target.groupBy, conventionOfBasis(targets[0]?.basis));
      l.note(answer);
      return draw(answer.rows, targets);
    },
    l.sig,
    l.slow,
  );
}

const loadClass = (l: Load) =>
  loadTargetFigure(
    l,
    l.page.class,
    { per: 'area_class', groupBy: 'areaClass', optional: false },
    (rows, targets) => classFigure(l.ctx, rows, targets, widthOf(l.page.class, 480)),
  );

// Park targets (Kunming: under 1 h a year per park), on their own basis; none loaded: no box.
const loadPark = (l: Load) =>
  loadTargetFigure(l, l.page.park, { per: 'park', groupBy: 'park', optional: true }, (rows, targets) => {
    const parks = rows.filter((r) => r['park'] !== null && r['park'] !== undefined);
    const elapsed = l.period.ytd ? yearFraction(l.period.year) : 1;
    return parkFigure(l.ctx, parks, targets[0] as Target, elapsed, widthOf(l.page.park, 640));
  });

const loadRanking = (l: Load, latest: RankingAnswer) =>
  fill(
    l.page.rank,
    async () => {
      const { year } = l.period;
      const answer =
        year === latest.year && l.variant === 'all'
          ? latest
          : await l.ctx.api.json<RankingAnswer>('/reliability/ranking', { year, variant: l.variant });
      l.note(answer);
      return rankingSection(l.ctx, answer);
    },
    l.sig,
  );

/** The causes' own choices refill only their box, and give the focus back to the control used. */
function loadCauses(l: Load, choice: CauseChoice, save: () => void, focus?: string): Promise<void> {
  const { ctx } = l;
  return fill(
    l.page.causes,
    async () => {
      const answer = await ctx.api.json<CausesAnswer>('/reliability/causes', {
        from: l.period.from,
        to: l.period.to,
        groupBy: 'city',
        by: choice.view,
        paretoBy: choice.measure,
        // The header's rule set; the server's default needs no parameter.
        ...(ctx.ruleSet !== ctx.me.ruleSet ? { ruleSet: ctx.ruleSet } : {}),
      });
      if (answer.includesOngoing) l.note({ rows: [], includesOngoing: true });
      return causesSection(ctx, answer, choice, l.periodLabel, widthOf(l.page.causes, 640), {
        reload: (id) => {
          save();
          void loadCauses(l, choice, save, id);
        },
        save,
      });
    },
    l.sig,
  ).then(() => {
    if (focus) document.getElementById(focus)?.focus();
  });
}

/** The daily SAIDI is slow to work out: loaded when asked for. */
function offerDaily(l: Load): void {
  const load = () =>
    fill(
      l.page.daily,
      async () => {
        const answer = await l.ctx.api.json<DailyAnswer>('/reliability/daily', {
          from: l.period.from,
          to: l.period.to,
          variant: l.variant,
        });
        return dailyFigure(l.ctx, answer, widthOf(l.page.daily, 720));
      },
      l.sig,
      true,
    );
  l.page.daily.replaceChildren(
    h(
      'section',
      { class: 'card' },
      h('h2', {}, t('dailyTitle')),
      h('p', { class: 'desc' }, t('dailyDesc')),
      h('button', { type: 'button', id: 'load-daily', onclick: () => void load() }, t('loadDaily')),
    ),
  );
}

function controlsForm(form: HTMLElement, lastYear: number, choices: Choices, reload: () => void): void {
  const set = (key: 'choice' | 'variant') => (v: string) => {
    choices[key] = v;
    reload();
  };
  form.replaceChildren(
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
        choices.choice,
        set('choice'),
      ),
      labelled(
        'r-variant',
        t('variant'),
        VARIANTS.map((v): [string, string] => [v, t(`variant_${v}` as Key)]),
        choices.variant,
        set('variant'),
      ),
      checkbox('r-med', t('excludeMed'), choices.med, (v) => {
        choices.med = v;
        reload();
      }),
    ),
  );
}

export const renderReliability: View = async (ctx, main, route, signal) => {
  const { choices, causes } = readChoices(route.params);
  const page = layout(main);

  // The ranking's default year is the last complete local year; it names the periods offered.
  // The page opens on this year to date: what a planner is judged on now.
  const latest = await ctx.api.json<RankingAnswer>('/reliability/ranking');
  if (signal.aborted) return;
  if (!choices.choice) choices.choice = 'ytd';

  let current: AbortController | undefined;
  const load = async () => {
    current?.abort();
    const own = new AbortController();
    current = own;
    const sig = AbortSignal.any([signal, own.signal]);
    const save = () => replaceParams(route, choiceParams(choices, causes));
    save();
    const period = periodOf(choices.choice, latest.year, new Date());
    const { year } = period;
    const l: Load = {
      ctx,
      page,
      period,
      periodLabel: period.ytd ? t('yearToDate', { year }) : t('calendarYear', { year }),
      variant: choices.variant,
      common: { variant: choices.variant, ...(choices.med ? { excludeMajorEventDays: 'true' } : {}) },
      sig,
      slow: choices.med,
      note: answerNotes(ctx, page, sig),
    };
    const pending = [loadHeadline(l), loadCity(l), loadClass(l), loadPark(l), loadRanking(l, latest)];
    pending.push(loadCauses(l, causes, save));
    offerDaily(l);
    await Promise.all(pending);
  };
  controlsForm(page.controls, latest.year, choices, () => void load());
  await load();
};
