// No evaluator picks an operating zone of its own: a caller that gives none (only possible
// from untyped code) gets the problem back instead of figures in some other zone's days.

import { describe, expect, it } from 'vitest';
import {
  computeReliability,
  dailySaidi,
  type ReliabilityOptions,
  regionalRanking,
  yearTargets,
} from '../../../analytics/reliability/index.js';
import { checkSqlOptions } from '../../../analytics/reliability-sql/index.js';

const noZone = { assets: [], events: [], asOf: 0 } as unknown as Omit<ReliabilityOptions, 'from' | 'to'>;
const missing = { path: 'zone', message: 'must be an IANA time zone, got: undefined' };

describe('zone is required', () => {
  it('by the reference evaluator and the SQL evaluator’s checks', () => {
    expect(computeReliability({ ...noZone, from: 0, to: 1 })).toEqual({ ok: false, issues: [missing] });
    expect(checkSqlOptions({ asOf: 0, from: 0, to: 1 } as never)).toEqual({ ok: false, issues: [missing] });
  });

  it('by the daily series, the ranking and the targets', () => {
    expect(dailySaidi({ ...noZone, fromDay: 0, toDay: 1 })).toEqual({ ok: false, issues: [missing] });
    expect(regionalRanking({ ...noZone, year: 2024 })).toEqual({ ok: false, issues: [missing] });
    expect(yearTargets({ ...noZone, year: 2024, targetFor: () => undefined })).toEqual({
      ok: false,
      issues: [missing],
    });
  });
});
