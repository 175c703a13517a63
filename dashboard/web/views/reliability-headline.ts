// The reliability page's headline: the province's SAIDI and SAIFI for the chosen period (the
// page's variant and major-event-day choice), each with the verdict of every loaded target on
// that measure — met or not for a finished year, on or off track (pro rata) for a year in
// progress — and the groups that fail it. Targets are judged on their own rule's basis (all
// outages, its user convention), which the verdict names, so the figure above and the target
// groups below never pass for one another.

import type { TargetStatus } from '../../../core/vocabulary/index.js';
import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { areaClassLabel, type Key, lang, t } from '../i18n.js';
import { num, str } from './common.js';
import {
  conventionOf,
  type FigureRow,
  type GroupVerdict,
  groupDimension,
  judge,
  summarise,
  type TargetRow,
  type TargetRule,
  targetRules,
  elapsedShare,
} from './target-verdicts.js';

export interface HeadlinePeriod {
  from: string;
  to: string;
  /** the calendar year the period lies in */
  year: number;
  label: string;
  variant: string;
  /** the page's parameters the figures follow (variant, major event days) */
  params: Record<string, string>;
}

interface FiguresAnswer {
  rows: FigureRow[];
  period: { from: string; to: string };
  asOf: string;
}

interface Judged {
  rule: TargetRule;
  title: string;
  verdicts: GroupVerdict[];
  elapsed: number;
}

const VERDICT_SHAPES: Record<TargetStatus, string> = {
  met: '✓',
  on_track: '✓',
  not_met: '▲',
  off_track: '▲',
};

function verdictBadge(status: TargetStatus): HTMLElement {
  const passed = status === 'met' || status === 'on_track';
  return h(
    'span',
    { class: `verdict ${passed ? 'met' : 'not_met'}`, 'data-status': status },
    h('span', { 'aria-hidden': 'true' }, VERDICT_SHAPES[status]),
    ` ${t(`status_${status}`)}`,
  );
}

async function judgeAll(ctx: Ctx, p: HeadlinePeriod, elapsed: number): Promise<Judged[]> {
  const { api } = ctx;
  const [rows, sets] = await Promise.all([
    api
      .json<{ rows: TargetRow[] }>('/targets')
      .then((a) => a.rows)
      .catch((): TargetRow[] => []),
    ctx.ruleSets().catch(() => []),
  ]);
  const titleOf = (r: TargetRule) =>
    sets.find((s) => s.name === r.ruleSet)?.rules.find((x) => x.id === r.rule)?.title[lang()] ?? r.rule;
  return Promise.all(
    targetRules(rows).map(async (rule): Promise<Judged> => {
      const groupBy = groupDimension(rule.per) ?? 'all';
      const basis = { groupBy, convention: conventionOf(rule), variant: 'all' };
      const [current, previous] = await Promise.all([
        api.json<FiguresAnswer>('/reliability', { from: p.from, to: p.to, ...basis }),
        rule.orReductionPercent === null
          ? { rows: [] }
          : api.json<FiguresAnswer>('/reliability', {
              from: `${p.year - 1}-01-01`,
              to: `${p.year}-01-01`,
              ...basis,
            }),
      ]);
      return {
        rule,
        title: titleOf(rule),
        verdicts: judge(rule, current.rows, previous.rows, elapsed),
        elapsed,
      };
    }),
  );
}

function groupName(rule: TargetRule, group: string | null): string {
  if (group === null) return t('figWhole');
  return rule.per === 'area_class' ? areaClassLabel(group) : group;
}

function verdictItem(ctx: Ctx, j: Judged): HTMLElement {
  const { fmt } = ctx;
  const summary = summarise(j.verdicts, j.elapsed);
  const finished = j.elapsed >= 1;
  // A group's users are those of the rule's basis (transformers on medium voltage): no "per customer".
  const figure = (n: number | null) =>
    j.rule.measure === 'saidi_hours' ? t('figHours', { value: fmt.num(n, 2) }) : fmt.num(n, 2);
  // Up to six groups are listed; more (parks) list only those that fail.
  const listed = j.verdicts.length <= 6 ? j.verdicts : j.verdicts.filter((v) => v.assessment.metBy === null);
  return h(
    'li',
    { 'data-rule': j.rule.rule, 'data-status': summary.status },
    verdictBadge(summary.status),
    ' ',
    t('figTargetSummary', {
      rule: j.title,
      basis: t(`figBasis_${conventionOf(j.rule)}` as Key),
      n: fmt.int(summary.groups),
      passed: fmt.int(summary.passed),
      word: t(finished ? 'target_met' : 'target_on_track'),
    }),
    listed.length > 0
      ? h(
          'ul',
          {},
          listed.map((v) => {
            const a = v.assessment;
            const allowed = [
              finished
                ? t('figTargetAllowed', { allowed: figure(a.allowedHours) })
                : t('figTargetAllowedSoFar', { allowed: figure(a.allowedHours) }),
              ...(a.reductionAllowedHours !== null && j.rule.orReductionPercent !== null
                ? [
                    t('figTargetByReduction', {
                      percent: fmt.pct(j.rule.orReductionPercent / 100, 0),
                      allowed: figure(a.reductionAllowedHours),
                    }),
                  ]
                : []),
            ].join(t('listSep'));
            return h(
              'li',
              { 'data-group': v.group ?? '', 'data-status': a.status, 'data-value': v.value },
              verdictBadge(a.status),
              ' ',
              t('figTargetGroup', { group: groupName(j.rule, v.group), value: figure(v.value), allowed }),
            );
          }),
        )
      : null,
  );
}

function measureBlock(
  ctx: Ctx,
  name: 'saidi' | 'saifi',
  value: number,
  judged: readonly Judged[],
): HTMLElement {
  const { fmt } = ctx;
  const mine = judged.filter(
    (j) => (j.rule.measure === 'saidi_hours') === (name === 'saidi') && j.verdicts.length > 0,
  );
  return h(
    'div',
    { class: 'headline-figure', 'data-name': `headline-${name}`, 'data-value': value },
    h('p', { class: 'figure-label' }, t(name === 'saidi' ? 'figHeadlineSaidi' : 'figHeadlineSaifi')),
    h(
      'p',
      { class: 'figure-value' },
      name === 'saidi'
        ? t('figHoursPerCustomer', { value: fmt.num(value, 2) })
        : t('figTimesPerCustomer', { value: fmt.num(value, 2) }),
    ),
    mine.length > 0
      ? h(
          'ul',
          { class: 'verdicts', 'aria-label': t('target') },
          mine.map((j) => verdictItem(ctx, j)),
        )
      : h('p', { class: 'figure-note' }, t('figNoTargetFor', { measure: name.toUpperCase() })),
  );
}

/** The headline card(s): one per province of the answer. */
export async function headlineSection(ctx: Ctx, p: HeadlinePeriod): Promise<HTMLElement[]> {
  const { api, fmt } = ctx;
  const answer = await api.json<FiguresAnswer>('/reliability', {
    from: p.from,
    to: p.to,
    groupBy: 'province',
    ...p.params,
  });
  const elapsed = elapsedShare(answer.period, p.year);
  const judged = await judgeAll(ctx, p, elapsed);
  return answer.rows.map((row, i) => {
    const region = str(row['province']) ?? t('figWhole');
    const id = `rel-headline-${i}`;
    return h(
      'section',
      { class: 'card headline', 'data-name': 'rel-headline', 'aria-labelledby': id },
      h('h2', { id }, t('figHeadlineTitle', { region, period: p.label })),
      h(
        'p',
        { class: 'desc' },
        t('figHeadlineDesc', { variant: t(`variant_${p.variant}` as Key), asOf: fmt.dateTime(answer.asOf) }),
      ),
      h(
        'div',
        { class: 'figures' },
        measureBlock(ctx, 'saidi', num(row['saidi']), judged),
        measureBlock(ctx, 'saifi', num(row['saifi']), judged),
      ),
    );
  });
}
