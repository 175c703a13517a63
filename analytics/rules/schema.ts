// The rule-file format (rules/README.md) as a zod schema: a parsed JSON file is checked once
// here, then compile.ts turns it into the data-plus-functions types of types.ts.

import { z } from 'zod';
import { AREA_CLASSES, ASSET_KINDS, CAUSES } from '../../core/domain.js';
import { WORK_CALENDAR_NAMES } from '../../core/work-calendar.js';
import { CALENDAR_UNITS, parseWindow, WINDOW_FORMS } from './window.js';
import type { WindowSpec } from './window.js';
import { describe } from './wording.js';

/**
 * Exclusions of the frequent-outage rule: the first three are seed 001's (annex 2 §3); Guizhou
 * (seed 004 item 35, "因恶劣天气等不可抗力和外力破坏造成") adds every natural disaster, warned or not,
 * and a weather fault whose record says force majeure (domain.md, "Jurisdictions").
 */
export const EXCLUSIONS = [
  'warned_weather',
  'external_damage',
  'short_switching',
  'natural_disaster',
  'force_majeure_weather',
] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

/** Measures of target rules, evaluated by the reliability module, not by the reference evaluator. */
export const TARGET_MEASURES = ['saidi_hours', 'saifi'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];
/** The population a target measure is computed over. */
export const TARGET_PER = ['all', 'province', 'city', 'county', 'area_class', 'park', 'asset'] as const;
export type TargetPer = (typeof TARGET_PER)[number];
/** medium_voltage: DL/T 836, one public distribution transformer = one user; low_voltage: end customers. */
export const TARGET_BASIS = ['medium_voltage', 'low_voltage'] as const;
export type TargetBasis = (typeof TARGET_BASIS)[number];
export const DISCLOSURES = ['monthly', 'quarterly', 'yearly'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

const ID = /^[a-z0-9][a-z0-9_-]*$/;

/** A schema-level message that quotes the bad value. */
const expecting =
  (what: string) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined ? `required: ${what}` : `expected ${what}, got ${describe(iss.input)}`;

const nonEmpty = z.string().trim().min(1);
const id = z.string({ error: expecting('an id') }).regex(ID, {
  error: expecting('an id of lowercase letters, digits, "-" and "_"'),
});
const text = z.strictObject({ zh: nonEmpty, en: nonEmpty });
const names = z.array(nonEmpty).min(1);
const positive = z.number().positive();
const wholeFrom = (min: number) => z.number().int().min(min);

const scope = z.strictObject({
  kind: z.array(z.enum(ASSET_KINDS)).min(1),
  province: names.optional(),
  city: names.optional(),
  county: names.optional(),
  areaClass: z.array(z.enum(AREA_CLASSES)).min(1).optional(),
  park: z.union([z.boolean(), names], { error: expecting('true, false or a list of park names') }).optional(),
});

/**
 * The region a rule set governs (its jurisdiction, 管辖范围): assets outside it are not judged by
 * the set. Absent: every asset of the deployment.
 */
const region = z
  .strictObject({
    province: names.optional(),
    city: names.optional(),
    county: names.optional(),
    park: names.optional(),
  })
  .refine((r) => Object.values(r).some((v) => v !== undefined), {
    error: 'expected at least one of province, city, county or park',
  });

const counts = z.strictObject({
  causes: z
    .union([z.literal('all'), z.array(z.enum(CAUSES)).min(1)], {
      error: expecting('"all" or a list of causes'),
    })
    .default('all'),
  planned: z
    .union([z.literal('any'), z.boolean()], { error: expecting('"any", true or false') })
    .default('any'),
  exclusions: z.array(z.enum(EXCLUSIONS)).default([]),
  minDurationMinutes: positive.optional(),
});

const window = z.unknown().transform((input, ctx): WindowSpec => {
  const spec = typeof input === 'string' ? parseWindow(input) : null;
  if (spec) return spec;
  ctx.addIssue({ code: 'custom', message: expecting(WINDOW_FORMS)({ input }), input });
  return z.NEVER;
});

const common = {
  id,
  family: id,
  title: text,
  source: nonEmpty.optional(),
  scope,
};

/**
 * A target on how many assets breach the rule in a calendar year (Baoshan: such feeders in
 * 2021 at least 10 % fewer than in 2020, in 2022 at least 20 % fewer): the base year, and for
 * each later year the least reduction against it, in percent.
 */
const fleetTarget = z.strictObject({
  baseYear: z.number().int().min(1990).max(9999),
  fewerPercent: z.record(
    z.string().regex(/^\d{4}$/, { error: expecting('a year, e.g. "2021"') }),
    z.number().gt(0).lt(100),
  ),
});

const countRule = z
  .strictObject({
    ...common,
    measure: z.literal('count'),
    counts,
    window,
    limit: wholeFrom(1),
    fleetTarget: fleetTarget.optional(),
  })
  .superRefine((rule, ctx) => {
    const t = rule.fleetTarget;
    if (t === undefined) return;
    if (rule.window.kind !== 'calendar' || rule.window.unit !== 'year') {
      const message = 'a fleet target counts assets per calendar year: needs "window": "calendar year"';
      ctx.addIssue({ code: 'custom', path: ['fleetTarget'], message });
    }
    for (const year of Object.keys(t.fewerPercent)) {
      if (Number(year) <= t.baseYear) {
        const message = `must be a year after baseYear (${t.baseYear}), got: "${year}"`;
        ctx.addIssue({ code: 'custom', path: ['fleetTarget', 'fewerPercent', year], message });
      }
    }
  });

const byAreaClass = z.strictObject({
  urban_core: positive.optional(),
  urban: positive.optional(),
  town: positive.optional(),
  rural: positive.optional(),
});
const targetValue = z.union([positive, byAreaClass], {
  error: expecting('a number or an object of numbers by area class'),
});

const targetRule = z
  .strictObject({
    ...common,
    measure: z.enum(TARGET_MEASURES),
    counts: counts.optional(),
    window,
    per: z.enum(TARGET_PER),
    basis: z.enum(TARGET_BASIS).default('medium_voltage'),
    target: z.strictObject({
      atMost: targetValue.optional(),
      below: targetValue.optional(),
      orReductionPercent: z.number().gt(0).lt(100).optional(),
    }),
  })
  .superRefine((rule, ctx) => {
    const { atMost, below } = rule.target;
    if ((atMost === undefined) === (below === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'expected exactly one of "atMost" or "below"',
      });
    }
    if (rule.window.kind !== 'calendar') {
      const message = `a target needs a calendar window: "calendar ${CALENDAR_UNITS.join('|')}"`;
      ctx.addIssue({ code: 'custom', path: ['window'], message });
    }
    const value = atMost ?? below;
    if (typeof value === 'object' && rule.per !== 'area_class' && rule.per !== 'asset') {
      const message = 'a target by area class needs "per": "area_class" or "asset"';
      ctx.addIssue({ code: 'custom', path: ['target', atMost !== undefined ? 'atMost' : 'below'], message });
    }
    if (typeof value === 'object' && Object.keys(value).length === 0) {
      const message = 'expected at least one area class';
      ctx.addIssue({ code: 'custom', path: ['target', atMost !== undefined ? 'atMost' : 'below'], message });
    }
  });

/** A calendar of rules/calendars/ (core/work-calendar.ts). */
const calendarName = z.string().refine((v) => WORK_CALENDAR_NAMES.includes(v), {
  error: expecting(`a calendar of rules/calendars/ (${WORK_CALENDAR_NAMES.map((n) => `"${n}"`).join(', ')})`),
});

/** 'MM-DD', a day of the year (29 February is refused: it is not in every year). */
const monthDay = z
  .string({ error: expecting('"MM-DD"') })
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: expecting('"MM-DD"') })
  .refine(
    (v) => {
      const [m, d] = v.split('-').map(Number) as [number, number];
      return d <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
    },
    { error: expecting('a day that every year has ("MM-DD")') },
  );
const year = z.number().int().min(1990).max(9999);

/**
 * The annual regional ranking with reward and penalty tiers (Guizhou item 34: published every
 * March for the year before). Regions of `groupBy` within the set's region (or the listed
 * `regions` only), ranked by `by` (lowest first; the other measure breaks ties); tiers by rank
 * (the best `reward` rewarded, the worst `penalty` penalised) or by value (at most
 * `rewardAtMost` rewarded, above `penaltyAbove` penalised).
 */
export const RANKING_GROUPS = ['province', 'city', 'county'] as const;
export const RANKING_MEASURES = ['saidi_hours', 'saifi'] as const;
const rankingReport = z
  .strictObject({
    groupBy: z.enum(RANKING_GROUPS).default('city'),
    regions: names.optional(),
    by: z.enum(RANKING_MEASURES).default('saidi_hours'),
    basis: z.enum(TARGET_BASIS).default('medium_voltage'),
    publishMonth: wholeFrom(1).max(12).default(3),
    firstYear: year.optional(),
    tiers: z.discriminatedUnion(
      'by',
      [
        z.strictObject({ by: z.literal('rank'), reward: wholeFrom(0), penalty: wholeFrom(0) }),
        z.strictObject({
          by: z.literal('value'),
          rewardAtMost: z.number().min(0),
          penaltyAbove: z.number().min(0),
        }),
      ],
      {
        error: expecting(
          '{"by": "rank", "reward", "penalty"} or {"by": "value", "rewardAtMost", "penaltyAbove"}',
        ),
      },
    ),
  })
  .superRefine((r, ctx) => {
    if (r.tiers.by === 'value' && r.tiers.rewardAtMost > r.tiers.penaltyAbove) {
      const message = `rewardAtMost (${r.tiers.rewardAtMost}) must not be above penaltyAbove (${r.tiers.penaltyAbove})`;
      ctx.addIssue({ code: 'custom', path: ['tiers', 'rewardAtMost'], message });
    }
  });

/**
 * The half-year and annual work summaries (Guizhou §三(三): by 5 July and 20 December). The
 * half year is January to June; the annual summary covers January to `throughMonth` (the
 * months complete before it is due). Each is due on `due` of the same year.
 */
const summaryReports = z
  .strictObject({
    halfYear: z.strictObject({ due: monthDay, firstYear: year.optional() }).optional(),
    annual: z
      .strictObject({ due: monthDay, throughMonth: wholeFrom(1).max(12), firstYear: year.optional() })
      .optional(),
  })
  .superRefine((s, ctx) => {
    if (s.halfYear && Number(s.halfYear.due.slice(0, 2)) < 7)
      ctx.addIssue({
        code: 'custom',
        path: ['halfYear', 'due'],
        message: `must fall after the half year (July to December), got "${s.halfYear.due}"`,
      });
    if (s.annual && Number(s.annual.due.slice(0, 2)) <= s.annual.throughMonth)
      ctx.addIssue({
        code: 'custom',
        path: ['annual', 'due'],
        message: `must fall after the months it covers (January to month ${s.annual.throughMonth}), got "${s.annual.due}"`,
      });
  });

/**
 * The advance report of arrears disconnections (Guizhou item 56): an arrears outage interrupting
 * more than `householdsMoreThan` households of a compound, or an important user's
 * (`importantUsers`), is reported `daysBefore` calendar days before it begins.
 */
/** The notice period of planned outages when a rule set gives none (days). */
export const PLANNED_NOTICE_DAYS = 7;

const arrearsNotice = z.strictObject({
  householdsMoreThan: wholeFrom(0),
  importantUsers: z.boolean().default(true),
  daysBefore: wholeFrom(0).max(60),
});

const ledgerDue = z.union(
  [
    z.strictObject({ dayOfNextMonth: wholeFrom(1).max(28) }),
    z.strictObject({
      workingDayOfNextMonth: wholeFrom(1).max(20),
      calendar: calendarName.optional(),
    }),
  ],
  {
    error: expecting(
      `{"dayOfNextMonth": 1-28} or {"workingDayOfNextMonth": 1-20, "calendar"?: ${WORK_CALENDAR_NAMES.map((n) => `"${n}"`).join(' | ')}}`,
    ),
  },
);

export const ruleSetSchema = z
  .strictObject({
    /** The JSON Schema an editor validates the file with (rules/schema/); not read here. */
    $schema: z.string().optional(),
    name: id,
    title: text,
    jurisdiction: text,
    region: region.optional(),
    shortOutageMinutes: z.number().min(0).default(3),
    observationDays: wholeFrom(0).default(90),
    caseDueDays: wholeFrom(1),
    // 四眼原则: the approver of a plan, and the one who closes a case, is not who wrote it / did it.
    separationOfDuties: z.boolean().default(true),
    reporting: z.strictObject({
      ledgerDue,
      disclosure: z.enum(DISCLOSURES),
      ranking: rankingReport.optional(),
      summaries: summaryReports.optional(),
      arrearsNotice: arrearsNotice.optional(),
      /**
       * A planned outage is announced at least this many calendar days before it begins
       * (供电营业规则: seven days); a notice that arrives later is accepted with a warning.
       */
      plannedNoticeDays: wholeFrom(0).max(90).default(PLANNED_NOTICE_DAYS),
    }),
    rules: z.array(z.discriminatedUnion('measure', [countRule, targetRule])).min(1),
  })
  // Runs even when other fields failed (`when`), so a duplicate id is reported with the rest;
  // hence it reads the rules defensively.
  .superRefine(
    (set, ctx) => {
      const rules: unknown = set.rules;
      const governed = typeof set.region === 'object' && set.region !== null ? set.region : undefined;
      if (!Array.isArray(rules)) return;
      const first = new Map<string, number>();
      rules.forEach((rule: unknown, i) => {
        const id = typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined;
        if (typeof id !== 'string') return;
        const ruleScope = (rule as { scope?: Record<string, unknown> }).scope;
        for (const key of ['province', 'city', 'county', 'park'] as const) {
          const outer = governed?.[key];
          const inner = ruleScope?.[key];
          if (!Array.isArray(outer) || !Array.isArray(inner)) continue;
          const outside = inner.filter((v) => !outer.includes(v));
          if (outside.length > 0)
            ctx.addIssue({
              code: 'custom',
              path: ['rules', i, 'scope', key],
              message: `${outside.map((v) => JSON.stringify(v)).join(', ')} outside the rule set's region (${key}: ${outer.map((v) => JSON.stringify(v)).join(', ')})`,
            });
        }
        const seen = first.get(id);
        if (seen === undefined) first.set(id, i);
        else
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i, 'id'],
            message: `duplicate id "${id}" (also rules[${seen}])`,
          });
      });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export type RuleSetInput = z.input<typeof ruleSetSchema>;
export type ParsedRuleSet = z.output<typeof ruleSetSchema>;
