// What planners recorded on a case and what was done to it: the plan's fields in words
// (measures and verification methods by their labels, dates spelt for the language), and the
// full history of changes (GET /cases/:id/history), newest first, each with who made it (the
// token's name, and a name typed in the form beside it) and what it changed.

import { CASE_FIELD_ORDER } from '../../../analytics/remediation/case.js';
import type { Ctx } from '../context.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { dataTable } from '../table.js';
import type { CaseDetail, HistoryEntry, Verification } from './case.js';
import { card } from './common.js';
import { caseStatusBadge, type Words } from './remediation-common.js';

/** A recorded field's value in words. */
export function fieldText(ctx: Ctx, name: string, value: unknown, w: Words): string {
  const { fmt } = ctx;
  if (value === null || value === undefined || value === '') return t('none');
  if (name === 'measures' && Array.isArray(value))
    return value.map((m) => w.measure(String(m))).join(t('listSep'));
  if (name === 'verification' && typeof value === 'object') {
    const v = value as Verification;
    return t('verificationText', {
      methods: v.methods.map((m) => w.method(m)).join(t('listSep')),
      passed: v.passed ? t('passed') : t('notPassed'),
      result: v.result,
      by: v.verifiedBy,
      on: fmt.date(v.verifiedOn),
    });
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return fmt.date(value);
  return String(value);
}

export function fieldsCard(ctx: Ctx, d: CaseDetail, w: Words): HTMLElement {
  const list = h('dl', { class: 'facts case-fields' });
  for (const name of CASE_FIELD_ORDER) {
    const value = d.fields[name];
    if (value === undefined && (name === 'measuresNote' || name === 'noActionReason')) continue;
    list.append(
      h('dt', {}, t(`field_${name}`)),
      h('dd', { 'data-field': name }, fieldText(ctx, name, value, w)),
    );
  }
  return card('case-fields', t('casePlan'), list);
}

export async function historyCard(ctx: Ctx, caseId: string, w: Words): Promise<HTMLElement> {
  const { api, fmt } = ctx;
  const answer = await api.json<{ rows: HistoryEntry[] }>(
    `/cases/${encodeURIComponent(caseId)}/history`,
    {},
    { fresh: true },
  );
  const rows = [...answer.rows].sort((a, b) => b.seq - a.seq);
  const changes = (e: HistoryEntry) => {
    const items = e.changes.map((c) =>
      h(
        'li',
        {},
        h('span', { class: 'field-name' }, `${t(`field_${c.field}` as Parameters<typeof t>[0])}: `),
        fieldText(ctx, c.field, c.to, w),
      ),
    );
    if (e.breaches.length > 0) items.push(h('li', {}, t('breachesAttached', { n: e.breaches.length })));
    if (e.reason) items.push(h('li', {}, `${t('field_reason')}: ${e.reason}`));
    if (e.note) items.push(h('li', {}, `${t('field_note')}: ${e.note}`));
    return items.length > 0 ? h('ul', { class: 'changes' }, items) : t('none');
  };
  return card(
    'case-history',
    t('caseHistory'),
    dataTable({
      caption: t('caseHistoryCaption', { n: rows.length }),
      columns: [
        { key: 'seq', label: '#', value: (e: HistoryEntry) => e.seq, numeric: true },
        { key: 'at', label: t('changedAt'), value: (e) => e.at, render: (e) => fmt.dateTime(e.at) },
        { key: 'action', label: t('action'), value: (e) => w.action(e.action) },
        {
          key: 'status',
          label: t('caseStatus'),
          value: (e) => e.to,
          render: (e) =>
            h(
              'span',
              {},
              e.from && e.from !== e.to ? `${w.status(e.from)} → ` : '',
              caseStatusBadge(e.to, w),
            ),
        },
        {
          key: 'actor',
          label: t('actor'),
          // the token's name; the name typed in the form beside it when it differs
          value: (e) => `${e.actor}${e.signedAs ? ` · ${e.signedAs}` : ''} (${e.role})`,
        },
        { key: 'changes', label: t('changes'), value: () => null, render: changes, wrap: true },
      ],
      rows,
      name: 'case-history',
      stack: true,
    }),
  );
}
