// The weights of the priority score, per rule set. The rule-file schema is not extended: the
// weights of set X live in an optional companion file `X.priority.json` beside `X.json`,
// checked once with zod (unknown keys rejected, "$"-keys ignored), and anything it leaves out
// takes the defaults below. Every answer names the weights used and where they came from.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CAUSES, type Cause } from '../../core/domain.js';
import { fail, ok, type Result } from '../../core/issues.js';
import {
  REGION_LEVELS,
  type RegionLevelCode,
  SCORE_PARTS,
  type ScorePart,
} from '../../core/vocabulary/index.js';
import { errorMap, toIssues } from '../rules/wording.js';
import { DEFAULT_REMEDIABLE_CAUSES } from './causes.js';

/** The parts of the score, in the order they are shown (the vocabulary labels them). */
export const PARTS = SCORE_PARTS;
export type Part = ScorePart;

/** Levels at which "the asset's region" is taken for its SAIDI/SAIFI share. */
export { REGION_LEVELS };
export type RegionLevel = RegionLevelCode;

export interface StatusValues {
  breach: number;
  atRisk: number;
  watch: number;
}

/** Where each part saturates (reaches 1), or how fast it decays. */
export interface Scales {
  /** excess: (count − limit) / limit at which the part is 1 */
  excessRatio: number;
  /** recency: the part halves every this many days after the breach */
  recencyHalfLifeDays: number;
  /** ledgerMonths: months on frozen ledgers at which the part is 1 */
  ledgerMonths: number;
  /** caseAge: days since the open case was opened at which the part is 1 */
  caseAgeDays: number;
  /** overdue: days past the due date at which the part is 1 */
  overdueDays: number;
  /** targetGap: (value − allowed) / allowed at which the part is 1 */
  targetGapRatio: number;
}

export interface PriorityWeights {
  /** the file the weights were read from, or "defaults" */
  source: string;
  weights: Record<Part, number>;
  statusValues: StatusValues;
  scales: Scales;
  region: RegionLevel;
  remediableCauses: readonly Cause[];
}

/** Sum 100, so with the defaults a part's points are its weight × its value. */
export const DEFAULT_WEIGHTS: Readonly<Record<Part, number>> = {
  status: 25,
  excess: 10,
  recency: 10,
  customers: 10,
  customerHours: 10,
  saidiShare: 10,
  saifiShare: 5,
  ledgerMonths: 5,
  caseAge: 5,
  overdue: 5,
  targetGap: 5,
};

export const DEFAULT_STATUS_VALUES: Readonly<StatusValues> = { breach: 1, atRisk: 0.6, watch: 0.3 };

export const DEFAULT_SCALES: Readonly<Scales> = {
  excessRatio: 1,
  recencyHalfLifeDays: 90,
  ledgerMonths: 12,
  caseAgeDays: 365,
  overdueDays: 90,
  targetGapRatio: 1,
};

export const DEFAULT_PRIORITY: Readonly<PriorityWeights> = {
  source: 'defaults',
  weights: { ...DEFAULT_WEIGHTS },
  statusValues: { ...DEFAULT_STATUS_VALUES },
  scales: { ...DEFAULT_SCALES },
  region: 'county',
  remediableCauses: DEFAULT_REMEDIABLE_CAUSES,
};

const weight = z.number().min(0);
const fraction = z.number().min(0).max(1);
const positive = z.number().positive();

const fileSchema = z
  .strictObject({
    ruleSet: z.string().optional(),
    weights: z.strictObject(Object.fromEntries(PARTS.map((p) => [p, weight.optional()]))).optional(),
    statusValues: z
      .strictObject({ breach: fraction.optional(), atRisk: fraction.optional(), watch: fraction.optional() })
      .optional(),
    scales: z
      .strictObject(Object.fromEntries(Object.keys(DEFAULT_SCALES).map((k) => [k, positive.optional()])))
      .optional(),
    region: z.enum(REGION_LEVELS).optional(),
    remediableCauses: z.array(z.enum(CAUSES)).min(1).optional(),
  })
  .transform((file, ctx): Omit<PriorityWeights, 'source'> & { ruleSet: string | undefined } => {
    const defined = <T extends object>(o: T | undefined): Partial<T> =>
      Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
    const weights = { ...DEFAULT_WEIGHTS, ...defined(file.weights as Partial<Record<Part, number>>) };
    const statusValues: StatusValues = {
      ...DEFAULT_STATUS_VALUES,
      ...(defined(file.statusValues) as Partial<StatusValues>),
    };
    const scales = { ...DEFAULT_SCALES, ...defined(file.scales as Partial<Scales>) };
    if (PARTS.every((p) => weights[p] === 0))
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'at least one weight must be above 0' });
    if (!(statusValues.breach > statusValues.atRisk && statusValues.atRisk > statusValues.watch)) {
      const { breach, atRisk, watch } = statusValues;
      const message = `expected breach > atRisk > watch, got ${breach}, ${atRisk}, ${watch}`;
      ctx.addIssue({ code: 'custom', path: ['statusValues'], message });
    }
    return {
      ruleSet: file.ruleSet,
      weights,
      statusValues,
      scales,
      region: file.region ?? DEFAULT_PRIORITY.region,
      remediableCauses: file.remediableCauses
        ? [...new Set(file.remediableCauses)]
        : DEFAULT_PRIORITY.remediableCauses,
    };
  });

/** Notes may be written as "$comment" (any key starting with "$"), at any depth. */
function withoutNotes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNotes);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([key]) => !key.startsWith('$'));
  return Object.fromEntries(entries.map(([key, v]) => [key, withoutNotes(v)]));
}

/** Checks a parsed weights document of rule set `ruleSet`; `source` names it in the answer. */
export function parsePriorityWeights(
  data: unknown,
  ruleSet: string,
  source: string,
): Result<PriorityWeights> {
  const parsed = fileSchema.safeParse(withoutNotes(data), { error: errorMap });
  if (!parsed.success) return fail(toIssues(parsed.error.issues));
  const { ruleSet: named, ...rest } = parsed.data;
  if (named !== undefined && named !== ruleSet)
    return fail([{ path: 'ruleSet', message: `expected "${ruleSet}" (the file name), got "${named}"` }]);
  return ok({ source, ...rest });
}

/** The file holding the weights of `ruleSet` in `dir`. */
export const priorityFile = (dir: string, ruleSet: string): string => join(dir, `${ruleSet}.priority.json`);

/**
 * The weights of `ruleSet`: its `<ruleSet>.priority.json` in `dir` when there is one, else the
 * defaults. Issues name the file: a bad file is an error, never silently replaced by defaults.
 */
export async function loadPriorityWeights(
  dir: string | undefined,
  ruleSet: string,
): Promise<Result<PriorityWeights>> {
  if (dir === undefined) return ok(DEFAULT_PRIORITY);
  const file = priorityFile(dir, ruleSet);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return ok(DEFAULT_PRIORITY);
    return fail([{ path: file, message: `cannot read the file (${code ?? String(err)})` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail([{ path: file, message: `not valid JSON: ${(err as Error).message}` }]);
  }
  const r = parsePriorityWeights(data, ruleSet, file);
  return r.ok
    ? r
    : fail(r.issues.map((i) => ({ path: i.path ? `${file}: ${i.path}` : file, message: i.message })));
}
