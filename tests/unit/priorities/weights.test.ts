// The priority weights of a rule set: defaults in code, an optional `<ruleSet>.priority.json`
// checked once, errors that name the file, the field and the bad value.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PRIORITY,
  DEFAULT_WEIGHTS,
  loadPriorityWeights,
  PARTS,
  parsePriorityWeights,
  priorityFile,
} from '../../../analytics/priorities/index.js';

const dir = mkdtempSync(join(tmpdir(), 'priority-weights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the defaults', () => {
  it('weigh every part and add up to 100', () => {
    expect(Object.keys(DEFAULT_WEIGHTS)).toEqual([...PARTS]);
    expect(PARTS.reduce((s, p) => s + DEFAULT_WEIGHTS[p], 0)).toBe(100);
    expect(DEFAULT_PRIORITY).toMatchObject({
      source: 'defaults',
      statusValues: { breach: 1, atRisk: 0.6, watch: 0.3 },
      region: 'county',
      remediableCauses: ['equipment_fault', 'weather_fault', 'unknown'],
    });
  });
});

describe('parsePriorityWeights', () => {
  it('fills what the file leaves out with the defaults and ignores "$" notes', () => {
    const r = parsePriorityWeights(
      {
        $comment: 'Baoshan: outages weigh more than the ledger',
        ruleSet: 'baoshan-2021',
        weights: { customerHours: 20, ledgerMonths: 0 },
        scales: { recencyHalfLifeDays: 30 },
        region: 'city',
        remediableCauses: ['equipment_fault', 'natural_disaster', 'equipment_fault'],
      },
      'baoshan-2021',
      'rules/baoshan-2021.priority.json',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toEqual({
      source: 'rules/baoshan-2021.priority.json',
      weights: { ...DEFAULT_WEIGHTS, customerHours: 20, ledgerMonths: 0 },
      statusValues: { breach: 1, atRisk: 0.6, watch: 0.3 },
      scales: { ...DEFAULT_PRIORITY.scales, recencyHalfLifeDays: 30 },
      region: 'city',
      remediableCauses: ['equipment_fault', 'natural_disaster'],
    });
  });

  it('reports every problem with its path and the bad value', () => {
    const r = parsePriorityWeights(
      {
        weights: { status: -1, colour: 3 },
        statusValues: { atRisk: 1.5 },
        scales: { overdueDays: 0 },
        region: 'village',
        remediableCauses: ['lightning'],
      },
      'x',
      'x.priority.json',
    );
    expect(r.ok ? [] : r.issues).toMatchInlineSnapshot(`
      [
        {
          "message": "expected a number ≥ 0, got -1",
          "path": "weights.status",
        },
        {
          "message": "unknown key "colour"",
          "path": "weights",
        },
        {
          "message": "expected a number ≤ 1, got 1.5",
          "path": "statusValues.atRisk",
        },
        {
          "message": "expected a number > 0, got 0",
          "path": "scales.overdueDays",
        },
        {
          "message": "expected one of "province", "city", "county", got "village"",
          "path": "region",
        },
        {
          "message": "expected one of "equipment_fault", "weather_fault", "natural_disaster", "external_damage", "planned_maintenance", "planned_construction", "protective_supply_switching", "mode_adjustment", "supply_shortage", "customer_side", "arrears", "unknown", got "lightning"",
          "path": "remediableCauses[0]",
        },
      ]
    `);
  });

  it('keeps breach above at risk above watch, and some weight above 0', () => {
    const order = parsePriorityWeights({ statusValues: { atRisk: 0.2, watch: 0.4 } }, 'x', 'f');
    expect(order.ok ? [] : order.issues).toEqual([
      { path: 'statusValues', message: 'expected breach > atRisk > watch, got 1, 0.2, 0.4' },
    ]);
    const zero = parsePriorityWeights({ weights: Object.fromEntries(PARTS.map((p) => [p, 0])) }, 'x', 'f');
    expect(zero.ok ? [] : zero.issues).toEqual([
      { path: 'weights', message: 'at least one weight must be above 0' },
    ]);
  });

  it('refuses a file made for another rule set', () => {
    const r = parsePriorityWeights({ ruleSet: 'kunming-parks-2023' }, 'baoshan-2021', 'f');
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'ruleSet', message: 'expected "baoshan-2021" (the file name), got "kunming-parks-2023"' },
    ]);
  });
});

describe('loadPriorityWeights', () => {
  it('answers the defaults without a folder or without a file', async () => {
    expect(await loadPriorityWeights(undefined, 'national-2025')).toEqual({
      ok: true,
      value: DEFAULT_PRIORITY,
    });
    expect(await loadPriorityWeights(dir, 'national-2025')).toEqual({ ok: true, value: DEFAULT_PRIORITY });
  });

  it('reads <ruleSet>.priority.json and names it as the source', async () => {
    const file = priorityFile(dir, 'baoshan-2021');
    expect(file).toBe(join(dir, 'baoshan-2021.priority.json'));
    writeFileSync(file, JSON.stringify({ weights: { status: 40 } }));
    const r = await loadPriorityWeights(dir, 'baoshan-2021');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.source).toBe(file);
    expect(r.value.weights.status).toBe(40);
  });

  it('names the file in every issue, and never falls back to the defaults', async () => {
    const file = priorityFile(dir, 'bad');
    writeFileSync(file, '{"weights": {"status": "high"}}');
    expect(await loadPriorityWeights(dir, 'bad')).toEqual({
      ok: false,
      issues: [{ path: `${file}: weights.status`, message: 'expected a number, got "high"' }],
    });
    writeFileSync(file, '{"weights": ');
    const r = await loadPriorityWeights(dir, 'bad');
    expect(r.ok ? null : r.issues[0]?.path).toBe(file);
    expect(r.ok ? null : r.issues[0]?.message).toMatch(/^not valid JSON: /);
  });
});
