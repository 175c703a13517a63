import { describe, expect, it } from 'vitest';
import {
  type CompiledRuleSet,
  type EvaluationInput,
  evaluate,
  explain,
  type Flag,
} from '../../../analytics/rules/index.js';
import { CAUSES } from '../../../core/domain.js';
import { dateToDay, localDay, wallClock } from '../../../core/time.js';
import { mulberry32, randomHistory } from '../../support/random-history.js';
import { national, oneRule, shipped } from './fixtures.js';

const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);

describe('randomHistory', () => {
  it('replays from its seed', () => {
    expect(randomHistory(42)).toEqual(randomHistory(42));
    expect(randomHistory(42)).not.toEqual(randomHistory(43));
    expect([mulberry32(1)(), mulberry32(1)()]).toEqual([mulberry32(1)(), mulberry32(1)()]);
  });

  it('draws the edge cases the differential tests need', () => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const h = randomHistory(seed);
      const ids = new Set(h.events.map((e) => e.eventId));
      const days = new Set(h.events.map((e) => localDay(e.start, h.zone)));
      if (ids.size !== h.events.length) seen.add('duplicate eventId');
      if (h.events.length > 40) seen.add('too many events');
      for (const e of h.events) {
        seen.add(e.cause);
        if (e.end === null) seen.add('ongoing');
        else if (e.end < e.start) seen.add('end before start');
        const w = wallClock(e.start, h.zone);
        if (w.hour === 23 && w.minute === 59) seen.add('23:59 local');
        if (w.hour === 0 && w.minute === 0) seen.add('00:00 local');
        if (e.affectedAreas?.length === 0) seen.add('empty affectedAreas');
        if (e.warningId !== undefined) seen.add('warningId');
        if (
          h.events.some(
            (o) => o !== e && o.assetId === e.assetId && o.start <= e.start && e.start < (o.end ?? Infinity),
          )
        ) {
          seen.add('overlap');
        }
        const day = localDay(e.start, h.zone);
        for (const gap of [59, 60, 364, 365]) if (days.has(day - gap)) seen.add(`gap ${gap}`);
      }
      const areaFeeders = new Map<string, Set<string | undefined>>();
      for (const a of h.assets.filter((x) => x.kind === 'area')) {
        areaFeeders.set(a.assetId, (areaFeeders.get(a.assetId) ?? new Set()).add(a.feederId));
      }
      if ([...areaFeeders.values()].some((s) => s.size > 1)) seen.add('area moved');
      if (h.warnings.some((w) => w.issuerLevel === 'national')) seen.add('national warning');
      if (h.events.some((e) => e.start === h.asOf)) seen.add('asOf at an event start');
      if (h.events.some((e) => e.start > h.asOf)) seen.add('event after asOf');
    }
    for (const bad of ['duplicate eventId', 'too many events', 'end before start'])
      expect(seen.has(bad)).toBe(false);
    const wanted = [
      ...CAUSES,
      'ongoing',
      '23:59 local',
      '00:00 local',
      'empty affectedAreas',
      'warningId',
      'overlap',
      'gap 59',
      'gap 60',
      'gap 364',
      'gap 365',
      'area moved',
      'national warning',
      'asOf at an event start',
      'event after asOf',
    ];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });
});

/**
 * An independent, naive count of the breaches of one asset and rule from the explanation's
 * counted outages: for each counted outage k, count the counted outages j ≤ k whose local date
 * is in the window of k (rolling: at most N − 1 days before; calendar: same year/quarter/month).
 */
function naiveBreaches(
  dates: string[],
  window: CompiledRuleSet['countRules'][number]['window'],
  limit: number,
) {
  const out: string[] = [];
  dates.forEach((dk, k) => {
    const inWindow = dates.slice(0, k + 1).filter((dj) => {
      if (window.kind === 'rolling') return dateToDay(dk) - dateToDay(dj) <= window.days - 1;
      const len = window.unit === 'year' ? 4 : 7; // 'YYYY' or 'YYYY-MM'
      if (window.unit !== 'quarter') return dj.slice(0, len) === dk.slice(0, len);
      const q = (d: string) => `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3)}`;
      return q(dj) === q(dk);
    });
    if (inWindow.length > limit) out.push(`${dk}:${inWindow.length}`);
  });
  return out;
}

describe('reference evaluator on random histories', () => {
  const sets = [
    national,
    shipped('baoshan-2021'),
    oneRule('calendar quarter', 2),
    oneRule('calendar year', 3),
  ];

  it('agrees with a naive recount and keeps its own invariants', () => {
    let flagged = 0;
    for (const seed of SEEDS) {
      const h = randomHistory(seed);
      for (const ruleSet of sets) {
        const input: EvaluationInput = { ...h, ruleSet };
        const { flags, breaches } = evaluate(input);
        const key = (f: Flag) => `${f.assetId}\u0000${f.rule}`;
        expect(flags.map(key)).toEqual(flags.map(key).sort());
        const today = localDay(h.asOf, h.zone);
        for (const f of flags) {
          expect(f.eventIds.length).toBe(f.count);
          if (f.status === 'breach') {
            expect(f.count).toBeGreaterThan(f.limit);
            expect(dateToDay(f.breachDate ?? '')).toBeGreaterThanOrEqual(today - 364);
          } else {
            expect(f.count).toBeGreaterThanOrEqual(f.limit);
            expect(f.breachDate).toBeNull();
          }
        }
        for (const assetId of new Set(h.assets.map((a) => a.assetId))) {
          for (const rule of ruleSet.countRules) {
            const e = explain(input, assetId, rule.id);
            if (!e.ok || !e.value.inScope) continue;
            const mine = breaches.filter((b) => b.assetId === assetId && b.rule === rule.id);
            const counted = explainAll(input, assetId, rule.id);
            expect(mine.map((b) => `${b.breachDate}:${b.count}`)).toEqual(
              naiveBreaches(counted, rule.window, rule.limit),
            );
            const flag = flags.find((f) => f.assetId === assetId && f.rule === rule.id) ?? null;
            expect(e.value.flag).toEqual(flag);
            if (flag) flagged++;
          }
        }
      }
    }
    expect(flagged).toBeGreaterThan(50); // the histories do produce flags
    // ~2 s alone; CI shares its cores with QuestDB and the other test projects
  }, 60_000);
});

/** Local dates of the counted outages of an asset over its whole history up to asOf. */
function explainAll(input: EvaluationInput, assetId: string, rule: string): string[] {
  // widen the explained range: an explanation covers the 365 days ending at asOf, so explain once
  // more a year earlier (random histories span about 530 days)
  const dates = new Map<string, string>();
  for (let back = 0; back < 2; back++) {
    const asOf = input.asOf - back * 365 * 86_400_000;
    const r = explain({ ...input, asOf }, assetId, rule);
    if (!r.ok) throw new Error('unreachable');
    for (const o of r.value.outages)
      if (o.counted && o.start <= input.asOf) dates.set(o.eventId, `${o.start}|${o.eventId}|${o.date}`);
  }
  return [...dates.values()]
    .sort((a, b) => {
      const [sa, ia] = a.split('|');
      const [sb, ib] = b.split('|');
      return Number(sa) - Number(sb) || (ia! < ib! ? -1 : ia! > ib! ? 1 : 0);
    })
    .map((s) => s.split('|')[2]!);
}
