// The rule-file format of the authority reports, and the asset field that marks an important user.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../../analytics/rules/index.js';
import { formatIssues } from '../../../core/issues.js';
import { validateAsset } from '../../../ingest/schemas/index.js';

const guizhou = JSON.parse(readFileSync('rules/guizhou-2025.json', 'utf8')) as {
  reporting: Record<string, unknown>;
};
const withReporting = (extra: Record<string, unknown>) =>
  parseRuleSet({ ...guizhou, reporting: { ...guizhou.reporting, ...extra } });
const problems = (r: ReturnType<typeof parseRuleSet>) => (r.ok ? 'ok' : formatIssues(r.issues).split('; '));

describe('reporting.ranking, summaries and arrearsNotice in a rule file', () => {
  it('reads the shipped Guizhou settings', () => {
    const r = parseRuleSet(guizhou);
    if (!r.ok) throw new Error(formatIssues(r.issues));
    expect(r.value.reporting.ranking).toEqual({
      groupBy: 'city',
      regions: ['贵阳市', '遵义市', '贵安新区'],
      by: 'saidi_hours',
      basis: 'medium_voltage',
      publishMonth: 3,
      tiers: { by: 'rank', reward: 1, penalty: 1 },
    });
    expect(r.value.reporting.summaries).toEqual({
      halfYear: { due: '07-05', firstYear: 2026 },
      annual: { due: '12-20', throughMonth: 11, firstYear: 2026 },
    });
    expect(r.value.reporting.arrearsNotice).toEqual({
      householdsMoreThan: 50,
      importantUsers: true,
      daysBefore: 3,
    });
  });

  it('names the field and the bad value', () => {
    expect(
      problems(
        withReporting({
          ranking: { tiers: { by: 'value', rewardAtMost: 5, penaltyAbove: 2 } },
          summaries: { halfYear: { due: '06-30' }, annual: { due: '02-30', throughMonth: 11 } },
          arrearsNotice: { householdsMoreThan: -1, daysBefore: 3 },
        }),
      ),
    ).toEqual([
      'reporting.ranking.tiers.rewardAtMost: rewardAtMost (5) must not be above penaltyAbove (2)',
      'reporting.summaries.annual.due: expected a day that every year has ("MM-DD"), got "02-30"',
      'reporting.summaries.halfYear.due: must fall after the half year (July to December), got "06-30"',
      'reporting.summaries.annual.due: must fall after the months it covers (January to month 11), got "02-30"',
      'reporting.arrearsNotice.householdsMoreThan: expected a number ≥ 0, got -1',
    ]);
  });
});

describe('importantUser on an asset record', () => {
  const ctx = { zone: 'Asia/Shanghai', now: Date.UTC(2026, 0, 1) };
  const hospital = {
    assetId: 'GY-T0001',
    kind: 'area',
    feederId: 'GY-F01',
    areaClass: 'urban',
    customers: 1,
  };
  it('is kept when true, left out when false, and refused when not a yes or no', () => {
    expect(validateAsset({ ...hospital, importantUser: true }, ctx)).toEqual({
      ok: true,
      value: { ...hospital, importantUser: true, validFrom: ctx.now },
    });
    expect(validateAsset({ ...hospital, importantUser: 'false' }, ctx)).toEqual({
      ok: true,
      value: { ...hospital, validFrom: ctx.now },
    });
    expect(validateAsset({ ...hospital, importantUser: 'maybe' }, ctx).ok).toBe(false);
  });
});
