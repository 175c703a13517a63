// A rule's fleet target beside the list of the assets it flags (Baoshan: feeders with 25 or more
// outages in a calendar year, 10 % fewer in 2021 and 20 % fewer in 2022 than in 2020): per year
// the assets that breached it, the most the target allows, met or not (a year in progress: so far).

import type { FleetYear } from '../../../core/vocabulary/index.js';
import type { Ctx, RuleInfo } from '../context.js';
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';
import { dataTable } from '../table.js';
import { verdictOf } from './target-verdicts.js';

/** The fleet targets of the rule set's count rules, one table each; none: no card. */
export async function fleetCards(
  ctx: Ctx,
  ruleSet: string,
  rules: readonly RuleInfo[],
): Promise<HTMLElement[]> {
  const l = lang();
  const withTarget = rules.filter((r) => r.measure === 'count' && r.fleetTarget !== undefined);
  return Promise.all(
    withTarget.map(async (rule) => {
      const answer = await ctx.api.json<{ baseYear: number; rows: FleetYear[] }>('/flags/fleet', {
        ruleSet,
        rule: rule.id,
      });
      const status = (y: FleetYear): string =>
        y.met === null ? t('fleetBase') : t(`status_${verdictOf(y.complete, y.met)}`);
      return h(
        'section',
        { class: 'card fleet', 'aria-labelledby': `fleet-${rule.id}` },
        h('h2', { id: `fleet-${rule.id}` }, t('fleetTitle', { rule: rule.title[l] })),
        dataTable<FleetYear>({
          name: `fleet-${rule.id}`,
          caption: t('fleetCaption', { base: answer.baseYear }),
          rows: answer.rows,
          columns: [
            {
              key: 'year',
              label: t('fleetYear'),
              value: (y) => y.year,
              render: (y) => (y.complete ? String(y.year) : t('fleetSoFar', { year: y.year })),
            },
            {
              key: 'assets',
              label: t('fleetAssets'),
              value: (y) => y.assets,
              render: (y) => ctx.fmt.int(y.assets),
              numeric: true,
            },
            {
              key: 'fewer',
              label: t('fleetFewer'),
              value: (y) => y.fewerPercent,
              render: (y) => (y.fewerPercent === null ? '—' : `${ctx.fmt.int(y.fewerPercent)}%`),
              numeric: true,
            },
            {
              key: 'allowed',
              label: t('fleetAllowed'),
              value: (y) => y.allowed,
              render: (y) => (y.allowed === null ? '—' : ctx.fmt.int(y.allowed)),
              numeric: true,
            },
            {
              key: 'met',
              label: t('targetStatus'),
              value: (y) => status(y),
              render: (y) => h('span', { 'data-met': String(y.met) }, status(y)),
            },
          ],
        }),
      );
    }),
  );
}
