// The asset page's rule cards: for each count rule, its status (a breach with its date), the
// outages it counts in its window as of today, and a breach's own window and count, said to
// lie before the current window when it does. Every figure names what it counts, so "0 in the
// last 60 days" beside a breach of 4 in 60 days reads as two periods, not a contradiction.

import { type RuleInfo, windowDays } from '../context.js';
import type { Format } from '../format.js';
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';
import type { Flag } from './hotspots-data.js';
import { statusBadge } from './common.js';
import { ruleStanding, type RuleStanding } from './rule-standing.js';

export interface ExplainedOutage {
  eventId: string;
  start: number;
  end: number | null;
  cause: string;
  date: string;
  counted: boolean;
  reason?: string;
  viaFeeder?: string;
}

/** GET /flags/:assetId/explain for one rule. */
export interface Explanation {
  assetId: string;
  kind: string;
  rule: string;
  inScope: boolean;
  flag: (Omit<Flag, 'status'> & { status: 'breach' | 'at_risk' }) | null;
  from: string;
  to: string;
  outages: ExplainedOutage[];
}

export interface ExplainedRule {
  rule: RuleInfo;
  now: Explanation;
}

/** The line on the outages counted in the rule's window as of today. */
function currentLine(fmt: Format, rule: RuleInfo, s: RuleStanding): HTMLElement | null {
  if (!s.current || s.limit === undefined) return null;
  const days = windowDays(rule.window);
  const vars = {
    days: days ?? '',
    from: fmt.date(s.current.from),
    to: fmt.date(s.current.to),
    count: fmt.int(s.current.counted),
    limit: fmt.int(s.limit),
  };
  return h(
    'span',
    {
      class: 'current-window',
      'data-current-count': s.current.counted,
      'data-from': s.current.from,
      'data-to': s.current.to,
    },
    t(days === undefined ? 'figCurrentCalendar' : 'figCurrentRolling', vars),
  );
}

function ruleCard(fmt: Format, { rule, now }: ExplainedRule): HTMLElement {
  const s = ruleStanding(rule, now);
  const status = now.inScope ? s.status : 'n/a';
  const lines: (HTMLElement | null)[] = [];
  if (now.inScope) {
    lines.push(currentLine(fmt, rule, s));
    if (s.status === 'breach' && s.flagged) {
      lines.push(
        h(
          'span',
          { class: 'breach-window', 'data-count': s.flagged.count },
          t('figBreachWindow', {
            from: fmt.date(s.flagged.from),
            to: fmt.date(s.flagged.to),
            count: fmt.int(s.flagged.count),
            limit: fmt.int(s.flagged.limit),
          }),
        ),
      );
      if (s.breachDate) lines.push(h('span', {}, t('breachOn', { date: fmt.date(s.breachDate) })));
      if (s.old) lines.push(h('span', { class: 'old-breach' }, t('figOldBreach')));
    } else if (s.flagged && !s.current) {
      // a window the page cannot place: the flag's own figures
      lines.push(
        h(
          'span',
          {},
          t('countInWindow', { count: fmt.int(s.flagged.count), limit: fmt.int(s.flagged.limit) }),
        ),
      );
    }
  }
  const shown = lines.filter((x): x is HTMLElement => x !== null);
  const badge = now.inScope
    ? statusBadge(s.status, s.breachDate ? fmt.date(s.breachDate) : undefined)
    : h('span', { class: 'status na' }, t('notInScope'));
  if (s.breachDate && now.inScope) badge.dataset['breachDate'] = s.breachDate;
  return h(
    'li',
    {
      class: `card rule-card${s.old ? ' old' : ''}`,
      'data-rule': rule.id,
      'data-status': status,
      'data-old': s.old ? 'true' : null,
    },
    h('p', { class: 'rule-title' }, rule.title[lang()]),
    badge,
    shown.length > 0
      ? h(
          'p',
          { class: 'rule-detail' },
          shown.flatMap((line, i) => (i === 0 ? [line] : [h('br'), line])),
        )
      : null,
  );
}

/** The "rule status" section: a note on what the counts above and below count, then a card per rule. */
export function ruleCards(fmt: Format, explained: readonly ExplainedRule[]): Node[] {
  return [
    h('h2', {}, t('ruleStatus')),
    h('p', { class: 'note', 'data-name': 'counts-note' }, t('figAllOutagesNote')),
    h(
      'ul',
      { class: 'rules' },
      explained.map((e) => ruleCard(fmt, e)),
    ),
  ];
}
