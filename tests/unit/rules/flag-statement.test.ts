// A list of assets is sent to QuestDB in parts that each fit in one request: the statement
// travels URL-encoded in the request line, which QuestDB 9.3.4 cuts off beyond about 32 KiB.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupQuery, sharedFlagRowsQuery, statementGroups } from '../../../analytics/flags/shared-sql.js';
import { assetChunks, flagRowsQuery, listBudget } from '../../../analytics/flags/sql.js';
import { loadRuleFile } from '../../../analytics/rules/index.js';
import { localDay } from '../../../core/index.js';
import { MAX_ENCODED_STATEMENT } from '../../../store/index.js';

describe('asset lists in flag statements', () => {
  it('splits a list by its encoded size, keeping order and every id', () => {
    // 'asset-NN' is 8 characters: 8 + 12 = 20 per id, five to a budget of 100.
    const ids = Array.from({ length: 12 }, (_, i) => `asset-${String(i).padStart(2, '0')}`);
    expect(assetChunks(ids, 100).map((c) => c.length)).toEqual([5, 5, 2]);
    expect(assetChunks(ids, 100).flat()).toEqual(ids);
    // '台区一' encodes to 27 characters: 39 per id, two to a budget of 100.
    expect(assetChunks(['台区一', '台区二', '台区三'], 100)).toEqual([['台区一', '台区二'], ['台区三']]);
    // An id longer than the budget still goes, alone.
    expect(assetChunks(['x'.repeat(200), 'y'], 100)).toEqual([['x'.repeat(200)], ['y']]);
    expect(assetChunks([], 100)).toEqual([]);
  });

  it('every part of a long list makes a statement QuestDB accepts in one request', async () => {
    const loaded = await loadRuleFile(join(import.meta.dirname, '../../../rules/national-2025.json'));
    if (!loaded.ok) throw new Error('national-2025 does not load');
    const ids = Array.from({ length: 6_000 }, (_, i) =>
      i % 3 === 0 ? `昆明市五华区台区-${i}` : `ta-zhenxiong-${String(i).padStart(5, '0')}-027`,
    );
    const asOf = Date.UTC(2026, 11, 6);
    const base = {
      asOf,
      zone: 'Asia/Shanghai',
      today: localDay(asOf, 'Asia/Shanghai'),
      shortOutageMinutes: 3,
    };
    const rules = loaded.value.countRules;
    // Baoshan's rules take feeders only: the list appears in the scope join as well.
    const baoshan = await loadRuleFile(join(import.meta.dirname, '../../../rules/baoshan-2021.json'));
    if (!baoshan.ok) throw new Error('baoshan-2021 does not load');
    // Each rule's own statement, and the statement both rules of the set share.
    const statements = [
      ...[...rules, ...baoshan.value.countRules].map(
        (rule) => (assetIds: readonly string[]) => flagRowsQuery({ ...base, rule, assetIds }),
      ),
      (assetIds: readonly string[]) => sharedFlagRowsQuery({ ...groupQuery(base, rules), assetIds }, rules),
    ];
    for (const statement of statements) {
      const chunks = assetChunks(ids, listBudget(statement));
      expect(chunks.flat()).toEqual(ids);
      expect(chunks.length).toBeGreaterThan(10);
      for (const assetIds of chunks) {
        expect(encodeURIComponent(statement(assetIds).text).length).toBeLessThanOrEqual(
          MAX_ENCODED_STATEMENT,
        );
      }
    }
  });
});

describe('statements shared by rules that count alike', () => {
  it('groups rolling rules with the same counts and scope, in the rule set’s order', async () => {
    const loaded = await loadRuleFile(join(import.meta.dirname, '../../../rules/national-2025.json'));
    if (!loaded.ok) throw new Error('national-2025 does not load');
    const [year, sixty] = loaded.value.countRules;
    expect(statementGroups([year!, sixty!]).map((g) => g.map((r) => r.id))).toEqual([
      ['over-5-in-365d', 'over-3-in-60d'],
    ]);
    // Counting other causes, or over other assets, or over a calendar year: a statement of its own.
    const faults = {
      ...sixty!,
      id: 'faults',
      counts: { ...sixty!.counts, causes: ['equipment_fault' as const] },
    };
    const feeders = { ...sixty!, id: 'feeders', scope: { ...sixty!.scope, kind: ['feeder' as const] } };
    const calendar = {
      ...year!,
      id: 'calendar',
      window: { kind: 'calendar' as const, unit: 'year' as const },
    };
    expect(
      statementGroups([year!, faults, feeders, calendar, sixty!]).map((g) => g.map((r) => r.id)),
    ).toEqual([['over-5-in-365d', 'over-3-in-60d'], ['faults'], ['feeders'], ['calendar']]);
    // The year rule reaches furthest back: it bounds the outages read.
    const q = groupQuery({ asOf: 0, zone: 'Asia/Shanghai', today: 20_000, shortOutageMinutes: 3 }, [
      sixty!,
      year!,
    ]);
    expect(q.rule.id).toBe('over-5-in-365d');
  });
});
