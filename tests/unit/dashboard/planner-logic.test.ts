// The planners' views' pure parts: summing the clearing series over the groups in scope,
// counting cases, the board's order (overdue first), region levels, words for the API's codes
// and the routes of the new views.

import { afterEach, describe, expect, it } from 'vitest';
import { setLang, t } from '../../../dashboard/web/i18n.js';
import { href, parseRoute } from '../../../dashboard/web/router.js';
import { type ClearingRow, clearingTotals } from '../../../dashboard/web/views/clearing.js';
import {
  boardOrder,
  type CaseRow,
  countBy,
  regionsOf,
  type Vocabulary,
  words,
} from '../../../dashboard/web/views/remediation-common.js';

const row = (date: string, city: string, unit: string | null, open: number, overdue = 0): ClearingRow => ({
  date,
  city,
  unit,
  open,
  overdue,
  observation: 0,
  closed: 1,
  opened: 0,
  closedInStep: 0,
});

describe('clearingTotals', () => {
  const rows = [
    row('2026-01-31', '昆明市', null, 3),
    row('2026-01-31', '昆明市', '安宁供电所', 2, 1),
    row('2026-01-31', '保山市', null, 4),
    row('2026-02-28', '昆明市', '安宁供电所', 1),
    row('2026-02-28', '保山市', null, 5, 2),
  ];

  it('sums every group per date, in the server’s order of dates', () => {
    expect(clearingTotals(rows, {}).map((x) => [x.date, x.open, x.overdue, x.closed])).toEqual([
      ['2026-01-31', 9, 1, 3],
      ['2026-02-28', 6, 2, 2],
    ]);
  });

  it('keeps the groups of the region and unit in scope', () => {
    expect(clearingTotals(rows, { region: '昆明市', level: 'city' }).map((x) => x.open)).toEqual([5, 1]);
    expect(
      clearingTotals(rows, { region: '昆明市', level: 'city', unit: '安宁供电所' }).map((x) => x.open),
    ).toEqual([2, 1]);
    // A date where no group is in scope has no point (the server gave none either).
    expect(clearingTotals(rows, { region: '保山市', level: 'city', unit: '安宁供电所' })).toEqual([]);
  });
});

const kase = (caseId: string, dueDate: string, overdue: boolean, status = 'open'): CaseRow =>
  ({ caseId, dueDate, overdue, status, responsibleUnit: null }) as CaseRow;

describe('cases', () => {
  it('orders the board overdue first, then by due date, then by id', () => {
    const rows = [
      kase('C', '2026-03-01', false),
      kase('B', '2026-02-01', true),
      kase('A', '2026-03-01', false),
      kase('D', '2026-01-15', true),
    ];
    expect(boardOrder(rows).map((c) => c.caseId)).toEqual(['D', 'B', 'A', 'C']);
  });

  it('counts by a key, the fixed keys first (also when zero), then the rest by count', () => {
    const rows = ['open', 'closed', 'open', 'other', 'x', 'x', 'x'].map((s, i) =>
      kase(String(i), '', false, s),
    );
    expect(countBy(rows, (c) => c.status, ['open', 'plan_approved', 'closed'])).toEqual([
      ['open', 2],
      ['plan_approved', 0],
      ['closed', 1],
      ['x', 3],
      ['other', 1],
    ]);
  });

  it('knows which level each region name is at', () => {
    const regions = regionsOf([
      { province: '云南省', city: '昆明市', county: '安宁市' },
      { province: '云南省', city: '昆明市', county: '五华区' },
      { province: '云南省', city: '保山市', county: null },
    ]);
    expect([...regions]).toEqual([
      ['云南省', { level: 'province', city: null }],
      ['昆明市', { level: 'city', city: '昆明市' }],
      ['安宁市', { level: 'county', city: '昆明市' }],
      ['五华区', { level: 'county', city: '昆明市' }],
      ['保山市', { level: 'city', city: '保山市' }],
    ]);
  });
});

describe('words', () => {
  afterEach(() => setLang('zh'));
  const vocabulary: Vocabulary = {
    statuses: [{ status: 'work_done', label: { zh: '整治完成（观察期）', en: 'Work done (observation)' } }],
    actions: [
      { action: 'close', label: { zh: '核查销号', en: 'Verified and closed' }, from: [], requires: [] },
    ],
    measures: [{ measure: 'tree_clearing', label: { zh: '树障清理', en: 'Tree clearing' } }],
    verificationMethods: [{ method: 'user_visit', label: { zh: '用户回访', en: 'User visits' } }],
  };

  it('spells the API’s codes with its own labels in the current language', () => {
    setLang('zh');
    const zh = words(vocabulary);
    expect([zh.status('work_done'), zh.action('close'), zh.measure('tree_clearing')]).toEqual([
      '整治完成（观察期）',
      '核查销号',
      '树障清理',
    ]);
    // The system's actions are not in the vocabulary; unknown codes stay as they are.
    expect([zh.action('open'), zh.action('attach'), zh.action('teleport'), zh.status('no_case')]).toEqual([
      '立案',
      '新增越限',
      'teleport',
      '未立案',
    ]);
    setLang('en');
    expect(words(vocabulary).method('user_visit')).toBe('User visits');
    expect(t('caseSaved', { seq: 2, status: 'Plan approved' })).toBe(
      'Saved: change 2, the case is now “Plan approved”.',
    );
  });
});

describe('routes of the planners’ views', () => {
  it('opens a case by its id and keeps the work list’s filters', () => {
    expect(parseRoute('#/remediation/RC-20260101-abc')).toMatchObject({
      name: 'remediation',
      id: 'RC-20260101-abc',
    });
    const r = parseRoute(href('priorities', undefined, { region: '镇雄县', kind: 'feeder' }));
    expect([r.name, r.params.get('region'), r.params.get('kind')]).toEqual([
      'priorities',
      '镇雄县',
      'feeder',
    ]);
    expect(parseRoute('#/ledger?period=2026-10').params.get('period')).toBe('2026-10');
  });
});
