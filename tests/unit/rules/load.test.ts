import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FileIssue,
  formatFileIssues,
  loadRuleDir,
  loadRuleFile,
  parseRuleSet,
} from '../../../analytics/rules/index.js';
import { formatIssues } from '../../../core/issues.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rules-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Write a rule file in the temporary folder; issues are rendered as if it were under rules/. */
async function load(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  const r = await loadRuleFile(file);
  return r.ok ? 'ok' : render(r.issues);
}
const render = (issues: readonly FileIssue[]) => formatFileIssues(issues).replaceAll(`${dir}/`, 'rules/');

const valid = {
  $comment: 'notes are allowed anywhere as "$..." keys',
  name: 'x',
  title: { zh: '测试', en: 'test' },
  jurisdiction: { zh: '测试', en: 'test' },
  caseDueDays: 90,
  reporting: { ledgerDue: { workingDayOfNextMonth: 5 }, disclosure: 'quarterly' },
  rules: [
    {
      $comment: 'a note',
      id: 'a',
      family: 'frequent_outage',
      title: { zh: '规则', en: 'rule' },
      scope: { kind: ['feeder'], park: ['滇中新区'] },
      measure: 'count',
      counts: { causes: ['equipment_fault'], planned: false },
      window: '6 Days',
      limit: 2,
    },
  ],
};

describe('the shipped rule sets', () => {
  it('load from rules/ with their rules, windows and limits', async () => {
    const r = await loadRuleDir('rules');
    if (!r.ok) throw new Error(formatFileIssues(r.issues));
    const summary = r.value.map((s) => ({
      name: s.name,
      ledgerDue: s.reporting.ledgerDue,
      rules: s.rules.map((rule) =>
        rule.measure === 'count'
          ? `${rule.id}: ${rule.scope.kind.join('+')} count > ${rule.limit} in ${JSON.stringify(rule.window)} excl ${rule.counts.exclusions.join(',') || '-'}`
          : `${rule.id}: ${rule.measure} per ${rule.per} ${JSON.stringify(rule.target)}`,
      ),
    }));
    expect(summary).toEqual([
      {
        name: 'baoshan-2021',
        ledgerDue: { dayOfNextMonth: 10 },
        rules: [
          '25-or-more-a-year: feeder count > 24 in {"kind":"calendar","unit":"year"} excl -',
          'fault-15-in-183d: feeder count > 14 in {"kind":"rolling","days":183} excl -',
          'saidi-by-area-class: saidi_hours per area_class {"atMost":{"urban_core":2,"urban":5,"town":9,"rural":15},"orReductionPercent":8}',
        ],
      },
      {
        name: 'guizhou-2025',
        ledgerDue: { workingDayOfNextMonth: 5, calendar: 'cn-mainland' },
        rules: [
          'over-5-in-365d: feeder+area count > 5 in {"kind":"rolling","days":365} excl warned_weather,natural_disaster,force_majeure_weather,external_damage',
          'over-3-in-60d: feeder+area count > 3 in {"kind":"rolling","days":60} excl warned_weather,natural_disaster,force_majeure_weather,external_damage',
        ],
      },
      {
        name: 'kunming-parks-2023',
        ledgerDue: { dayOfNextMonth: 10 },
        rules: ['park-saidi-below-1h: saidi_hours per park {"below":1}'],
      },
      {
        name: 'national-2025',
        ledgerDue: { dayOfNextMonth: 10 },
        rules: [
          'over-5-in-365d: feeder+area count > 5 in {"kind":"rolling","days":365} excl warned_weather,external_damage,short_switching',
          'over-3-in-60d: feeder+area count > 3 in {"kind":"rolling","days":60} excl warned_weather,external_damage,short_switching',
        ],
      },
    ]);
  });

  it('fill the defaults: 3 short-outage minutes, 90 observation days, 7 days of planned-outage notice', async () => {
    const r = await loadRuleFile('rules/national-2025.json');
    if (!r.ok) throw new Error(formatFileIssues(r.issues));
    const { shortOutageMinutes, observationDays, caseDueDays, reporting } = r.value;
    expect({ shortOutageMinutes, observationDays, caseDueDays, reporting }).toEqual({
      shortOutageMinutes: 3,
      observationDays: 90,
      caseDueDays: 90,
      reporting: { ledgerDue: { dayOfNextMonth: 10 }, disclosure: 'quarterly', plannedNoticeDays: 7 },
    });
  });
});

describe('loading a rule file', () => {
  it('accepts a valid file, ignoring "$" notes and filling defaults', async () => {
    expect(await load('x.json', valid)).toBe('ok');
    const r = parseRuleSet(valid);
    if (!r.ok) throw new Error('unreachable');
    expect(r.value.countRules[0]?.counts).toEqual({
      causes: ['equipment_fault'],
      planned: false,
      exclusions: [],
    });
    expect(r.value.countRules[0]?.window).toEqual({ kind: 'rolling', days: 6 });
    expect(r.value.countRules[0]?.scope).toEqual({ kind: ['feeder'], park: ['滇中新区'] });
  });

  it('names the file, the field path and the bad value of every error', async () => {
    const bad = {
      name: 'x',
      title: { zh: '测试' },
      jurisdiction: { zh: '测试', en: 'test' },
      caseDueDays: 0,
      colour: 'red',
      reporting: { ledgerDue: { dayOfNextMonth: 31 }, disclosure: 'weekly' },
      rules: [
        { ...valid.rules[0], id: 'A', shape: 1 },
        {
          ...valid.rules[0],
          id: 'b',
          window: '6 months',
          limit: 2.5,
          counts: { causes: ['equipment_fault', 'weather'], exclusions: ['warned'] },
          scope: { kind: ['line'], park: 'yes' },
        },
        { ...valid.rules[0], id: 'c', measure: 'saidi' },
        {
          id: 'd',
          family: 'reliability_target',
          title: { zh: '目标', en: 'target' },
          scope: { kind: ['feeder'] },
          measure: 'saidi_hours',
          window: '365 days',
          per: 'park',
          target: { atMost: { urban_core: 2 } },
        },
      ],
    };
    expect(await load('x.json', bad)).toMatchInlineSnapshot(`
      "rules/x.json: title.en: required
      rules/x.json: caseDueDays: expected a number ≥ 1, got 0
      rules/x.json: reporting.ledgerDue.dayOfNextMonth: expected a number ≤ 28, got 31
      rules/x.json: reporting.disclosure: expected one of "monthly", "quarterly", "yearly", got "weekly"
      rules/x.json: rules[0].id: expected an id of lowercase letters, digits, "-" and "_", got "A"
      rules/x.json: rules[0]: unknown key "shape"
      rules/x.json: rules[1].scope.kind[0]: expected one of "feeder", "area", got "line"
      rules/x.json: rules[1].scope.park: expected true, false or a list of park names, got "yes"
      rules/x.json: rules[1].counts.causes[1]: expected one of "equipment_fault", "weather_fault", "natural_disaster", "external_damage", "planned_maintenance", "planned_construction", "protective_supply_switching", "mode_adjustment", "supply_shortage", "customer_side", "arrears", "unknown", got "weather"
      rules/x.json: rules[1].counts.exclusions[0]: expected one of "warned_weather", "external_damage", "short_switching", "natural_disaster", "force_majeure_weather", got "warned"
      rules/x.json: rules[1].window: expected "N days" or "calendar year|quarter|month", got "6 months"
      rules/x.json: rules[1].limit: expected a whole number, got 2.5
      rules/x.json: rules[2].measure: expected one of "count", "saidi_hours", "saifi", got "saidi"
      rules/x.json: rules[3].window: a target needs a calendar window: "calendar year|quarter|month"
      rules/x.json: rules[3].target.atMost: a target by area class needs "per": "area_class" or "asset"
      rules/x.json: unknown key "colour""
    `);
  });

  it('reports a missing window, a duplicate id and a target with neither atMost nor below', async () => {
    const { window: _window, ...noWindow } = valid.rules[0]!;
    const target = {
      id: 't',
      family: 'reliability_target',
      title: { zh: '目标', en: 'target' },
      scope: { kind: ['feeder'] },
      measure: 'saifi',
      window: 'calendar year',
      per: 'all',
      target: { orReductionPercent: 100 },
    };
    const bad = { ...valid, rules: [noWindow, target, { ...valid.rules[0], id: 't' }] };
    expect(await load('x.json', bad)).toMatchInlineSnapshot(`
      "rules/x.json: rules[0].window: required: "N days" or "calendar year|quarter|month"
      rules/x.json: rules[1].target.orReductionPercent: expected a number < 100, got 100
      rules/x.json: rules[1].target: expected exactly one of "atMost" or "below"
      rules/x.json: rules[2].id: duplicate id "t" (also rules[1])"
    `);
  });

  it('reports the branch that fits when a field takes several shapes', () => {
    const target = (id: string, t: unknown, per = 'area_class') => ({
      id,
      family: 'reliability_target',
      title: { zh: '目标', en: 'target' },
      scope: { kind: ['feeder'] },
      measure: 'saidi_hours',
      window: 'calendar year',
      per,
      target: t,
    });
    const calendars = ['cn-mainland', 'cn-hongkong'].map((calendar) => {
      const r = parseRuleSet({
        ...valid,
        reporting: { ledgerDue: { workingDayOfNextMonth: 5, calendar }, disclosure: 'quarterly' },
      });
      return r.ok ? r.value.reporting.ledgerDue : formatIssues(r.issues);
    });
    expect(calendars).toEqual([
      { workingDayOfNextMonth: 5, calendar: 'cn-mainland' },
      'reporting.ledgerDue.calendar: expected a calendar of rules/calendars/ ("cn-mainland"), got "cn-hongkong"',
    ]);
    const bad = {
      ...valid,
      reporting: { ledgerDue: { dayOfNextMonth: 10, workingDayOfNextMonth: 5 } },
      rules: [
        target('t0', { atMost: { urban_core: -1, suburb: 3 } }),
        target('t1', { below: -1 }),
        target('t2', { atMost: 'two' }),
        target('t3', { atMost: {} }),
        { ...valid.rules[0], id: 'c', counts: { causes: 'some', planned: 'yes' }, scope: { kind: [] } },
      ],
    };
    const r = parseRuleSet(bad);
    expect(r.ok ? 'ok' : formatIssues(r.issues).split('; ')).toMatchInlineSnapshot(`
      [
        "reporting.ledgerDue: expected {"dayOfNextMonth": 1-28} or {"workingDayOfNextMonth": 1-20, "calendar"?: "cn-mainland"}, got an object",
        "reporting.disclosure: required: one of "monthly", "quarterly", "yearly"",
        "rules[0].target.atMost.urban_core: expected a number > 0, got -1",
        "rules[0].target.atMost: unknown key "suburb"",
        "rules[1].target.below: expected a number > 0, got -1",
        "rules[2].target.atMost: expected a number or an object of numbers by area class, got "two"",
        "rules[3].target.atMost: expected at least one area class",
        "rules[4].scope.kind: expected at least one entry",
        "rules[4].counts.causes: expected "all" or a list of causes, got "some"",
        "rules[4].counts.planned: expected "any", true or false, got "yes"",
      ]
    `);
  });

  it('requires the set name to be the file name', async () => {
    expect(await load('y.json', valid)).toMatchInlineSnapshot(
      `"rules/y.json: name: expected "y" (the file name), got "x""`,
    );
  });

  it('reports JSON syntax errors and missing files', async () => {
    // the parser's own wording follows (it differs between Node versions)
    expect(await load('x.json', '{"name": "x",}')).toMatch(/^rules\/x\.json: not valid JSON: \S/);
    const r = await loadRuleFile(join(dir, 'nope.json'));
    expect(r.ok ? 'ok' : render(r.issues)).toMatchInlineSnapshot(
      `"rules/nope.json: cannot read the file (ENOENT)"`,
    );
  });

  it('fails a folder load when any file is bad, listing the issues of every file', async () => {
    const sub = join(dir, 'set');
    await rm(sub, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(sub);
    await writeFile(join(sub, 'x.json'), JSON.stringify(valid));
    await writeFile(join(sub, 'z.json'), JSON.stringify({ ...valid, name: 'z', caseDueDays: -1 }));
    await writeFile(join(sub, 'notes.txt'), 'not a rule file');
    const r = await loadRuleDir(sub);
    expect(r.ok ? 'ok' : render(r.issues)).toMatchInlineSnapshot(
      `"rules/set/z.json: caseDueDays: expected a number ≥ 1, got -1"`,
    );
  });
});
