// Every part of the priority score on hand-computed cases; the arithmetic is in the comments.

import { describe, expect, it } from 'vitest';
import {
  caseAgePart,
  DEFAULT_SCALES,
  DEFAULT_STATUS_VALUES,
  excessPart,
  ledgerPart,
  type OpenCase,
  overduePart,
  recencyPart,
  relativePart,
  type RuleStanding,
  sharePart,
  statusPart,
  type TargetStanding,
  targetGapPart,
  topStanding,
} from '../../../analytics/priorities/index.js';

const standing = (over: Partial<RuleStanding> = {}): RuleStanding => ({
  rule: 'over-3-in-60d',
  status: 'breach',
  count: 4,
  limit: 3,
  breachDate: '2025-06-01',
  windowStart: '2025-04-03',
  windowEnd: '2025-06-01',
  ...over,
});

const openCase = (over: Partial<OpenCase> = {}): OpenCase => ({
  caseId: 'RC-1',
  status: 'open',
  openedDate: '2025-01-01',
  dueDate: '2025-04-01',
  overdue: true,
  responsibleUnit: '隆阳供电局',
  ...over,
});

describe('statusPart', () => {
  it('takes the highest status over the rules: breach 1 > at risk 0.6 > watch 0.3 > none 0', () => {
    const watch = standing({ rule: 'b', status: 'watch', breachDate: null });
    const atRisk = standing({ rule: 'a', status: 'at_risk', breachDate: null });
    expect(statusPart([watch], DEFAULT_STATUS_VALUES)).toEqual({
      value: 0.3,
      basis: 'watch of b',
      basisCode: 'standing',
      basisParams: { status: 'watch', rule: 'b' },
    });
    expect(statusPart([watch, atRisk], DEFAULT_STATUS_VALUES)).toEqual({
      value: 0.6,
      basis: 'at_risk of a',
      basisCode: 'standing',
      basisParams: { status: 'at_risk', rule: 'a' },
    });
    expect(statusPart([watch, atRisk, standing()], DEFAULT_STATUS_VALUES)).toEqual({
      value: 1,
      basis: 'breach of over-3-in-60d',
      basisCode: 'standing',
      basisParams: { status: 'breach', rule: 'over-3-in-60d' },
    });
    expect(statusPart([], DEFAULT_STATUS_VALUES)).toEqual({
      value: 0,
      basis: 'not flagged',
      basisCode: 'not_flagged',
      basisParams: {},
    });
  });

  it('uses the values of the weights', () => {
    expect(statusPart([standing({ status: 'watch' })], { breach: 1, atRisk: 0.5, watch: 0.1 }).value).toBe(
      0.1,
    );
  });

  it('picks, among breaches, the latest breach, then the rule id', () => {
    const older = standing({ rule: 'a', breachDate: '2025-05-01' });
    const newer = standing({ rule: 'z', breachDate: '2025-06-01' });
    expect(topStanding([older, newer])?.rule).toBe('z');
    expect(topStanding([newer, { ...older, breachDate: '2025-06-01' }])?.rule).toBe('a');
    expect(topStanding([])).toBeNull();
  });
});

describe('excessPart', () => {
  it('is (count − limit) / limit of the breach furthest over, capped at 1', () => {
    // 60 days: (4 − 3) / 3 = 0.3333; 365 days: (8 − 5) / 5 = 0.6 → 0.6
    const r = excessPart(
      [standing(), standing({ rule: 'over-5-in-365d', count: 8, limit: 5 })],
      DEFAULT_SCALES,
    );
    expect(r).toEqual({
      value: 0.6,
      basis: 'over-5-in-365d: 8 outages, limit 5: (8 − 5) / 5 = 0.6',
      basisCode: 'excess',
      basisParams: { rule: 'over-5-in-365d', count: 8, limit: 5, ratio: 0.6, scale: 1 },
    });
    // (9 − 3) / 3 = 2 → capped at 1
    expect(excessPart([standing({ count: 9 })], DEFAULT_SCALES).value).toBe(1);
  });

  it('divides by the excess scale', () => {
    // (4 − 3) / 3 = 0.3333 / 0.5 = 0.6667
    expect(excessPart([standing()], { ...DEFAULT_SCALES, excessRatio: 0.5 }).value).toBeCloseTo(2 / 3, 12);
  });

  it('is 0 without a breach: at risk sits exactly at the limit', () => {
    expect(excessPart([standing({ status: 'at_risk', count: 3, breachDate: null })], DEFAULT_SCALES)).toEqual(
      {
        value: 0,
        basis: 'no breach',
        basisCode: 'no_breach',
        basisParams: {},
      },
    );
  });
});

describe('recencyPart', () => {
  it('halves every 90 days after the latest breach', () => {
    // 2025-06-01 → 2025-08-30 is 90 days: 0.5^(90/90) = 0.5
    expect(recencyPart([standing()], '2025-08-30', DEFAULT_SCALES)).toEqual({
      value: 0.5,
      basis: 'breach on 2025-06-01, 90 days before 2025-08-30: 0.5^(90 / 90)',
      basisCode: 'recency',
      basisParams: { breachDate: '2025-06-01', days: 90, today: '2025-08-30', halfLife: 90 },
    });
    // same day: 0.5^0 = 1; 180 days: 0.25
    expect(recencyPart([standing()], '2025-06-01', DEFAULT_SCALES).value).toBe(1);
    expect(recencyPart([standing()], '2025-11-28', DEFAULT_SCALES).value).toBe(0.25);
  });

  it('takes the latest of several breaches, and is 0 for at risk and watch', () => {
    // latest 2025-07-01; 2025-07-31 is 30 days later with a 30-day half-life: 0.5
    const both = [standing(), standing({ rule: 'x', breachDate: '2025-07-01' })];
    expect(recencyPart(both, '2025-07-31', { ...DEFAULT_SCALES, recencyHalfLifeDays: 30 }).value).toBe(0.5);
    expect(
      recencyPart([standing({ status: 'at_risk', breachDate: null })], '2025-07-31', DEFAULT_SCALES).value,
    ).toBe(0);
  });
});

describe('relativePart and sharePart', () => {
  it('relates a figure to the largest among the scored assets', () => {
    // 250 / 1000 = 0.25
    expect(relativePart(250, 1000, 'customer_hours')).toEqual({
      value: 0.25,
      basis: '250 / 1000 customer-hours (the most among the scored assets)',
      basisCode: 'relative',
      basisParams: { value: 250, max: 1000, unit: 'customer_hours' },
    });
    expect(relativePart(0, 0, 'customer_hours').value).toBe(0);
  });

  it('is the asset’s share of its region’s total', () => {
    // 600 / 3800 = 0.157894…
    const r = sharePart(600, 3800, 'customer_hours', '云南/保山市/隆阳区');
    expect(r.value).toBeCloseTo(600 / 3800, 12);
    expect(r.basis).toBe('600 / 3800 customer-hours of 云南/保山市/隆阳区');
    expect([r.basisCode, r.basisParams]).toEqual([
      'share',
      { value: 600, total: 3800, unit: 'customer_hours', region: '云南/保山市/隆阳区' },
    ]);
    expect(sharePart(5, 0, 'customer_interruptions', 'x')).toEqual({
      value: 0,
      basis: '5 customer interruptions; region total 0',
      basisCode: 'share_none',
      basisParams: { value: 5, unit: 'customer_interruptions' },
    });
    expect(sharePart(5, 0, 'customer_hours', 'x').value).toBe(0);
    expect(sharePart(5, 10, 'customer_hours', null).value).toBe(0);
    // an area's figures can exceed what the region recorded on its own assets: capped at 1
    expect(sharePart(12, 10, 'customer_hours', 'x').value).toBe(1);
  });
});

describe('ledgerPart', () => {
  it('is months on frozen ledgers over 12, capped at 1', () => {
    // 3 / 12 = 0.25; 18 / 12 → 1
    expect(ledgerPart(3, DEFAULT_SCALES)).toEqual({
      value: 0.25,
      basis: '3 months on frozen ledgers / 12',
      basisCode: 'ledger_months',
      basisParams: { months: 3, scale: 12 },
    });
    expect(ledgerPart(18, DEFAULT_SCALES).value).toBe(1);
    expect(ledgerPart(0, DEFAULT_SCALES).value).toBe(0);
  });
});

describe('caseAgePart and overduePart', () => {
  it('case age: days since opening over 365', () => {
    // 2025-01-01 → 2025-07-20: 31+28+31+30+31+30 = 181 days to 07-01, + 19 = 200 days; 200 / 365
    const r = caseAgePart(openCase(), '2025-07-20', DEFAULT_SCALES);
    expect(r.value).toBeCloseTo(200 / 365, 12);
    expect(r.basis).toBe('RC-1 opened 2025-01-01, 200 days / 365');
    expect([r.basisCode, r.basisParams]).toEqual([
      'case_age',
      { caseId: 'RC-1', openedDate: '2025-01-01', days: 200, scale: 365 },
    ]);
    expect(caseAgePart(null, '2025-07-20', DEFAULT_SCALES)).toEqual({
      value: 0,
      basis: 'no open case',
      basisCode: 'no_open_case',
      basisParams: {},
    });
  });

  it('overdue: days past the due date over 90, only while the work is pending', () => {
    // 2025-04-01 → 2025-05-16: 30 + 15 = 45 days; 45 / 90 = 0.5
    expect(overduePart(openCase(), '2025-05-16', DEFAULT_SCALES)).toEqual({
      value: 0.5,
      basis: 'RC-1 due 2025-04-01, 45 days overdue / 90',
      basisCode: 'overdue',
      basisParams: { caseId: 'RC-1', dueDate: '2025-04-01', days: 45, scale: 90 },
    });
    // 2025-04-01 → 2025-12-01: far past 90 days → 1
    expect(overduePart(openCase(), '2025-12-01', DEFAULT_SCALES).value).toBe(1);
    // work done (observation): not overdue, whatever the date
    expect(
      overduePart(openCase({ status: 'work_done', overdue: false }), '2025-12-01', DEFAULT_SCALES),
    ).toEqual({
      value: 0,
      basis: 'RC-1 due 2025-04-01, not overdue',
      basisCode: 'not_overdue',
      basisParams: { caseId: 'RC-1', dueDate: '2025-04-01' },
    });
  });
});

describe('targetGapPart', () => {
  const t = (over: Partial<TargetStanding> = {}): TargetStanding => ({
    rule: 'saidi-by-area-class',
    measure: 'saidi_hours',
    group: 'areaClass=rural',
    value: 9,
    allowed: 7.5,
    status: 'off_track',
    ...over,
  });

  it('is (value − allowed) / allowed of the worst target, capped at 1', () => {
    // (9 − 7.5) / 7.5 = 0.2
    expect(targetGapPart([t()], DEFAULT_SCALES)).toEqual({
      value: 0.2,
      basis:
        'saidi-by-area-class areaClass=rural: 9 h against 7.5 h allowed so far (off_track): (9 − 7.5) / 7.5',
      basisCode: 'target_gap',
      basisParams: {
        rule: 'saidi-by-area-class',
        group: 'areaClass=rural',
        measure: 'saidi_hours',
        value: 9,
        allowed: 7.5,
        status: 'off_track',
      },
    });
    // park: (1.5 − 1) / 1 = 0.5 is worse than 0.2
    const park = t({
      rule: 'park-saidi-below-1h',
      group: 'park=滇中新区',
      value: 1.5,
      allowed: 1,
      status: 'not_met',
    });
    expect(targetGapPart([t(), park], DEFAULT_SCALES).value).toBe(0.5);
    // (30 − 7.5) / 7.5 = 3 → 1
    expect(targetGapPart([t({ value: 30 })], DEFAULT_SCALES).value).toBe(1);
  });

  it('is 0 when the targets are met or on track, or none applies', () => {
    expect(targetGapPart([t({ status: 'on_track', value: 5 })], DEFAULT_SCALES)).toEqual({
      value: 0,
      basis: 'targets met or on track',
      basisCode: 'targets_met',
      basisParams: {},
    });
    expect(targetGapPart([], DEFAULT_SCALES)).toEqual({
      value: 0,
      basis: 'no target applies',
      basisCode: 'no_target',
      basisParams: {},
    });
  });

  it('counts a group with nothing allowed yet (1 January) as fully off', () => {
    expect(targetGapPart([t({ allowed: 0, value: 0.1 })], DEFAULT_SCALES).value).toBe(1);
  });
});
