// One feeder or transformer area: what it is, its rule status for each count rule (the rule
// cards of asset-rules.ts), its outages on a timeline with the rolling 60-day and 365-day
// counts drawn against their limits (from GET /flags/:assetId/explain, so excluded outages
// carry their reason), a calendar of its outages per local day, for a feeder the areas it
// serves, and its remediation cases. Counts say whether they are all outages or counted ones.

import type { Row } from '../api.js';
import type { Ctx, RuleInfo, RuleSetInfo, View } from '../context.js';
import { h } from '../dom.js';
import { kindLabel, t } from '../i18n.js';
import { href } from '../router.js';
import { type AssetFact, assetFacts, type RuleExplanations } from './asset-data.js';
import { drawAssetOutages } from './asset-outages.js';
import { type Explanation, ruleCards } from './asset-rules.js';
import { calendarFigure } from './calendar-figure.js';
import { assetCasesCard } from './case-list.js';
import { assetLink, figureSlot, fill, kpi, kpiRow, pageHeader, str, widthOf } from './common.js';
import { feederAreasCard } from './feeder-areas.js';
import { type DailyAnswer, type Hotspot, toHotspot } from './hotspots-data.js';
import { canEdit } from './remediation-common.js';

const YEAR_MS = 365 * 86_400_000;

/** The page's parts, in reading order. */
function layout(ctx: Ctx, main: HTMLElement, id: string) {
  const back = h(
    'p',
    { class: 'back' },
    h('a', { href: href('hotspots') }, `← ${t('backToHotspots')}`),
    canEdit(ctx.me)
      ? [' · ', h('a', { href: href('plan', undefined, { asset: id }), id: 'plan-outage' }, t('navPlanned'))]
      : null,
  );
  const page = {
    head: h('div', { class: 'asset-head' }),
    kpis: kpiRow(),
    rules: h('div', { class: 'rule-cards' }),
    timeline: figureSlot(),
    list: figureSlot(),
    calendar: figureSlot(),
    areas: figureSlot(),
    cases: figureSlot(),
  };
  main.append(back, ...Object.values(page));
  return page;
}

function drawHead(ctx: Ctx, box: HTMLElement, asset: Row, id: string): void {
  const kind = String(asset['kind']);
  const value = (v: AssetFact[1]) => (typeof v === 'string' ? v : assetLink(v.assetId, v.assetId));
  box.replaceChildren(
    pageHeader(`${str(asset['name']) ?? id}`, `${kindLabel(kind)} · ${t('assetTitle')}`),
    h(
      'dl',
      { class: 'facts' },
      assetFacts(asset, ctx.fmt).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, value(v))]),
    ),
  );
}

function drawKpis(ctx: Ctx, box: HTMLElement, summary: Hotspot): void {
  const { fmt } = ctx;
  box.replaceChildren(
    kpi('outages365', t('outages365'), fmt.int(summary.outages365), summary.outages365),
    kpi('outages60', t('outages60'), fmt.int(summary.outages60), summary.outages60),
    kpi('hours365', t('hours365'), fmt.num(summary.hours365, 1), summary.hours365),
    kpi('last-outage', t('lastOutage'), fmt.date(summary.lastOutage), summary.lastOutage ?? ''),
  );
}

/** Each count rule's explanation of the asset now and a year ago. */
function explainRules(ctx: Ctx, id: string, sets: readonly RuleSetInfo[]): Promise<RuleExplanations[]> {
  const ruleSet = sets.find((s) => s.name === ctx.ruleSet) ?? sets.find((s) => s.default);
  const rules = (ruleSet?.rules ?? []).filter((r) => r.measure === 'count');
  const earlier = new Date(Date.now() - YEAR_MS).toISOString();
  const explain = (rule: RuleInfo, asOf?: string) =>
    ctx.api.json<Explanation>(`/flags/${encodeURIComponent(id)}/explain`, {
      rule: rule.id,
      ruleSet: ruleSet?.name,
      ...(asOf === undefined ? {} : { asOf }),
    });
  return Promise.all(
    rules.map(async (rule) => {
      const [now, before] = await Promise.all([explain(rule), explain(rule, earlier)]);
      return { rule, now, before };
    }),
  );
}

export const renderAsset: View = async (ctx, main, route, signal) => {
  const { api } = ctx;
  const id = route.id ?? '';
  const page = layout(ctx, main, id);
  void fill(page.cases, () => assetCasesCard(ctx, id), signal);

  const [summaryRows, assets, sets] = await Promise.all([
    api.json<{ rows: Row[] }>('/hotspots', { assetId: id }).then((a) => a.rows.map(toHotspot)),
    api.arrowRows('/assets'),
    ctx.ruleSets(),
  ]);
  if (signal.aborted) return;
  const asset = assets.find((a) => a['assetId'] === id);
  const summary = summaryRows[0];
  if (!asset || !summary) {
    page.head.replaceChildren(
      pageHeader(t('assetTitle')),
      h('p', { class: 'error', role: 'alert' }, t('unknownAsset', { id })),
    );
    return;
  }
  drawHead(ctx, page.head, asset, id);
  drawKpis(ctx, page.kpis, summary);

  const explained = await explainRules(ctx, id, sets);
  if (signal.aborted) return;
  page.rules.replaceChildren(...ruleCards(ctx.fmt, explained));
  const width = Math.max(560, Math.min(widthOf(page.timeline, 720), 1240));
  drawAssetOutages(
    ctx,
    explained.filter((e) => e.now.inScope),
    page,
    width,
  );

  const pending: Promise<void>[] = [
    fill(
      page.calendar,
      async () => {
        const daily = await api.json<DailyAnswer>('/outages/daily', { assetId: id });
        return calendarFigure(ctx, daily, 'asset-calendar', t('assetCalendar'));
      },
      signal,
    ),
  ];
  if (String(asset['kind']) === 'feeder')
    pending.push(fill(page.areas, () => feederAreasCard(ctx, id), signal));
  await Promise.all(pending);
};
