// Reliability over HTTP, computed by QuestDB (analytics/reliability-sql):
//   GET /reliability          SAIFI, SAIDI (hours), CAIDI, ASAI, MAIFI… per group of a period
//   GET /reliability/daily    daily SAIDI (minutes) per local day, with the IEEE 1366 2.5β
//                             threshold and major event days when there is enough history
//   GET /reliability/ranking  regions of a year ordered by SAIDI then SAIFI, with the change on
//                             the year before
//   GET /reliability/causes   per region, outages by cause or by whose responsibility, in
//                             Pareto order, with the outages a rule set's count rule counts
// Every list answers JSON (rows in an envelope that says how the figures were taken), CSV or
// an Arrow IPC stream. Parameters are checked together; every problem is a {path, message}.

import { type Request, Router } from 'express';
import { formatInZone, HttpError, type Issue, localDay, type Result } from '../../core/index.js';
import { dayToDate, startOfLocalDay } from '../../core/time.js';
import {
  checkSqlOptions,
  queryDailySaidi,
  queryRegionalRanking,
  queryReliability,
  type SqlReliabilityOptions,
  type SqlScope,
} from '../../analytics/reliability-sql/index.js';
import {
  DEFAULT_CELID_HOURS,
  DEFAULT_CEMI_N,
  DENOMINATOR_RULES,
  type DenominatorRule,
  GROUP_DIMENSIONS,
  type GroupDimension,
  type GroupKeys,
  majorEventThreshold,
  type MedThreshold,
  type ReliabilityReport,
  type ReliabilityRow,
  USER_CONVENTIONS,
  type UserConvention,
  VARIANTS,
  type Variant,
  yearPeriod,
  yearsBefore,
} from '../../analytics/reliability/index.js';
import {
  byCauseOrder,
  byResponsibilityOrder,
  PARETO_MEASURES,
  paretoOrder,
  queryCauses,
  REGION_LEVELS,
  responsibilityOf,
  rollUp,
} from '../../analytics/causes/index.js';
import type { CompiledRuleSet, CountRule } from '../../analytics/rules/index.js';
import { CAUSES } from '../../core/domain.js';
import type { ReadRouterDeps } from './outages.js';
import { intParam, timeParam } from './query-params.js';
import { type Row, sendRows } from './respond.js';

const MEASURES = [
  'customers',
  'events',
  'saifi',
  'saidi',
  'caidi',
  'asai',
  'maifi',
  'customerInterruptions',
  'customerMinutes',
  'shortEvents',
  'shortInterruptions',
  'customersInterrupted',
  'includesOngoing',
] as const;

/** The longest period /reliability/daily lists (ten years). */
const MAX_DAILY_DAYS = 3_660;
const HISTORY_YEARS = 5;
const ONGOING_NOTE = 'includes ongoing outages with their duration so far, up to asOf';

/** Parameters collected with every problem found, then one 400 naming them all. */
class Params {
  readonly issues: Issue[] = [];
  constructor(
    private readonly req: Request,
    private readonly zone: string,
    allowed: readonly string[],
  ) {
    for (const key of Object.keys(req.query)) {
      if (!allowed.includes(key)) {
        this.issues.push({ path: key, message: `unknown parameter (allowed: ${allowed.join(', ')})` });
      }
    }
  }

  private raw(name: string): string | undefined {
    const v = this.req.query[name];
    if (v === undefined || v === '') return undefined;
    return Array.isArray(v) ? v.map(String).join(',') : String(v);
  }

  private attempt<T>(run: () => T, fallback: T): T {
    try {
      return run();
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      this.issues.push(...err.issues);
      return fallback;
    }
  }

  time(name: string, fallback?: number): number {
    return this.attempt(() => timeParam(this.req.query[name], name, this.zone, fallback), Number.NaN);
  }

  int(name: string, min: number, max: number, fallback: number): number {
    return this.attempt(() => intParam(this.raw(name), name, min, max, fallback), fallback);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.issues.push({ path: name, message: `must be one of ${allowed.join(', ')}, got: "${v}"` });
    return fallback;
  }

  flag(name: string): boolean {
    const v = this.raw(name);
    if (v === undefined) return false;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    this.issues.push({ path: name, message: `must be true or false, got: "${v}"` });
    return false;
  }

  number(name: string): number | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    const x = Number(v);
    if (Number.isFinite(x) && x >= 0) return x;
    this.issues.push({ path: name, message: `must be a number ≥ 0, got: "${v}"` });
    return undefined;
  }

  groupBy(fallback: 'all' | GroupDimension): readonly GroupDimension[] {
    const v = this.raw('groupBy');
    if (v === undefined) return fallback === 'all' ? [] : [fallback];
    if (v === 'all') return [];
    const dims: GroupDimension[] = [];
    for (const d of v.split(',').map((x) => x.trim())) {
      if ((GROUP_DIMENSIONS as readonly string[]).includes(d)) dims.push(d as GroupDimension);
      else
        this.issues.push({
          path: 'groupBy',
          message: `must be all or a comma-separated list of ${GROUP_DIMENSIONS.join(', ')}, got: "${v}"`,
        });
    }
    return dims;
  }

  list(name: string): string[] | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    const items = v.split(',').map((x) => x.trim());
    if (items.some((x) => x === '' || x.length > 200)) {
      this.issues.push({ path: name, message: `must be a comma-separated list of names, got: "${v}"` });
      return undefined;
    }
    return items;
  }

  /** Throws the 400 when anything was wrong. */
  done(): void {
    if (this.issues.length > 0) throw new HttpError(400, 'invalid query parameters', { issues: this.issues });
  }
}

/** A checked-options result, or the 400 with its issues. */
function orBadRequest<T>(r: Result<T>): T {
  if (!r.ok) throw new HttpError(400, 'invalid query parameters', { issues: r.issues });
  return r.value;
}

/** The options the three endpoints share. */
function common(p: Params, now: number) {
  const provinces = p.list('province');
  const options: {
    asOf: number;
    convention: UserConvention;
    variant: Variant;
    denominator: DenominatorRule;
    scope?: SqlScope;
  } = {
    asOf: p.time('asOf', now),
    convention: p.oneOf('convention', USER_CONVENTIONS, 'customers'),
    variant: p.oneOf('variant', VARIANTS, 'all'),
    denominator: p.oneOf('denominator', DENOMINATOR_RULES, 'time_weighted'),
  };
  if (provinces) options.scope = { provinces };
  return options;
}
// `encoding` (utf-8 | gb18030) is read by the CSV answer (respond.ts), whatever the route.
const COMMON = ['asOf', 'convention', 'variant', 'denominator', 'province', 'encoding'];

const flatKeys = (keys: GroupKeys, dims: readonly GroupDimension[]): Row =>
  Object.fromEntries(dims.map((d) => [d, keys[d] ?? null]));

function flatRow(r: ReliabilityRow, dims: readonly GroupDimension[]): Row {
  const row: Row = { ...flatKeys(r.keys, dims) };
  for (const m of MEASURES) row[m] = r[m];
  for (const c of r.cemi) row[`cemi${c.n}`] = c.value;
  for (const c of r.celid) {
    row[`celidSingle${c.hours}h`] = c.single;
    row[`celidCumulative${c.hours}h`] = c.cumulative;
  }
  return row;
}

/** Keys, measures, then CEMI_n and CELID at the default n and hours (the endpoint's own). */
function columnsOf(report: ReliabilityReport): string[] {
  return [
    ...report.groupBy,
    ...MEASURES,
    ...DEFAULT_CEMI_N.map((n) => `cemi${n}`),
    ...DEFAULT_CELID_HOURS.flatMap((h) => [`celidSingle${h}h`, `celidCumulative${h}h`]),
  ];
}

/** Local calendar years that overlap local days [fromDay, toDay). */
function yearsOf(fromDay: number, toDay: number): number[] {
  const first = Number(dayToDate(fromDay).slice(0, 4));
  const last = Number(dayToDate(toDay - 1).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

type DailyOptions = ReturnType<typeof common>;

interface YearThreshold {
  year: number;
  threshold: MedThreshold;
}

/**
 * Daily SAIDI (minutes) over [fromDay, toDay) and the 5 years before its first year, in one
 * statement; each year's T_MED from its own 5 years before (sample deviation, 30 non-zero days).
 */
async function dailyWithThresholds(
  deps: ReadRouterDeps,
  options: DailyOptions,
  fromDay: number,
  toDay: number,
) {
  const years = yearsOf(fromDay, toDay);
  const historyFrom = yearsBefore(years[0] ?? 1970, HISTORY_YEARS).fromDay;
  const series = orBadRequest(
    await queryDailySaidi(deps.store, { ...options, zone: deps.zone, fromDay: historyFrom, toDay }),
  );
  const thresholds: YearThreshold[] = years.map((year) => {
    const h = yearsBefore(year, HISTORY_YEARS);
    const past = series.days.filter((d) => d.day >= h.fromDay && d.day < h.toDay).map((d) => d.minutes);
    return { year, threshold: majorEventThreshold(past, { deviation: 'sample' }) };
  });
  const tMedOf = (day: number): number | null => {
    const year = Number(dayToDate(day).slice(0, 4));
    return thresholds.find((t) => t.year === year)?.threshold.tMed ?? null;
  };
  const days = series.days.filter((d) => d.day >= fromDay && d.day < toDay);
  const major = new Set(
    days
      .filter((d) => {
        const t = tMedOf(d.day);
        return t !== null && d.minutes !== null && d.minutes > t;
      })
      .map((d) => d.day),
  );
  return { days, thresholds, major, tMedOf, issues: series.issues };
}

const describeThreshold = ({ year, threshold: t }: YearThreshold) => ({
  year,
  tMedMinutes: t.tMed,
  alpha: t.alpha,
  beta: t.beta,
  k: t.k,
  deviation: t.deviation,
  nonZeroDays: t.nonZeroDays,
  minNonZeroDays: t.minNonZeroDays,
  history: `${year - HISTORY_YEARS}-01-01/${year - 1}-12-31`,
});

export interface ReliabilityRouterDeps extends ReadRouterDeps {
  /** The rule sets /reliability/causes counts by; without them it gives no counted outages. */
  ruleSets?: ReadonlyMap<string, CompiledRuleSet>;
  defaultRuleSet?: string;
}

const FIGURES = [
  'events',
  'shortEvents',
  'customerInterruptions',
  'shortInterruptions',
  'customerHours',
  'counted',
] as const;
const PARETO_COLUMNS = ['rank', ...FIGURES, 'share', 'cumulativeShare', 'includesOngoing'];
const DEFAULT_SHORT_OUTAGE_MINUTES = 3;

/** The rule set and count rule the causes breakdown counts by, or a 400 naming what is known. */
function countRuleOf(
  deps: ReliabilityRouterDeps,
  setName: string | undefined,
  ruleId: string | undefined,
): { set: CompiledRuleSet | undefined; rule: CountRule | undefined; issues: Issue[] } {
  const sets = deps.ruleSets;
  if (!sets || sets.size === 0) {
    const issues = [setName, ruleId].some((x) => x !== undefined)
      ? [{ path: setName !== undefined ? 'ruleSet' : 'rule', message: 'no rule sets are loaded here' }]
      : [];
    return { set: undefined, rule: undefined, issues };
  }
  const name = setName ?? deps.defaultRuleSet ?? [...sets.keys()][0] ?? '';
  const set = sets.get(name);
  if (!set) {
    const known = [...sets.keys()].join(', ');
    return {
      set: undefined,
      rule: undefined,
      issues: [{ path: 'ruleSet', message: `no rule set "${name}" (known: ${known})` }],
    };
  }
  const rule = ruleId === undefined ? set.countRules[0] : set.countRules.find((r) => r.id === ruleId);
  if (ruleId !== undefined && !rule) {
    const known = set.countRules.map((r) => r.id).join(', ') || 'none';
    return {
      set,
      rule: undefined,
      issues: [
        { path: 'rule', message: `rule set "${name}" has no count rule "${ruleId}" (count rules: ${known})` },
      ],
    };
  }
  return { set, rule, issues: [] };
}

/** The other count rules of the set that count the same outages (they differ only in window and limit). */
const countingAlike = (set: CompiledRuleSet, rule: CountRule): string[] =>
  set.countRules
    .filter(
      (r) =>
        r.id !== rule.id &&
        JSON.stringify(r.counts) === JSON.stringify(rule.counts) &&
        JSON.stringify(r.scope) === JSON.stringify(rule.scope),
    )
    .map((r) => r.id);

export function reliabilityRouter(deps: ReliabilityRouterDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const read = deps.requireRole('operator');
  const iso = (ms: number): string => formatInZone(ms, deps.zone);

  router.get('/reliability', read, async (req, res) => {
    const p = new Params(req, deps.zone, [
      'from',
      'to',
      'groupBy',
      'split',
      'shortOutageMinutes',
      'excludeMajorEventDays',
      ...COMMON,
    ]);
    const from = p.time('from');
    const to = p.time('to');
    const shortOutageMinutes = p.number('shortOutageMinutes');
    const base = common(p, now());
    const options: SqlReliabilityOptions = {
      ...base,
      from,
      to,
      zone: deps.zone,
      groupBy: p.groupBy('all'),
      splitAtEdges: p.flag('split'),
      ...(shortOutageMinutes !== undefined ? { shortOutageMinutes } : {}),
    };
    const excludeMed = p.flag('excludeMajorEventDays');
    p.done();
    orBadRequest(checkSqlOptions(options));

    let med: Row | null = null;
    if (excludeMed) {
      // IEEE 1366: major event days are found on the whole system's daily SAIDI (all outages).
      const fromDay = localDay(from, deps.zone);
      const toDay = localDay(to - 1, deps.zone) + 1;
      const d = await dailyWithThresholds(deps, { ...base, variant: 'all' }, fromDay, toDay);
      options.majorEventDays = d.major;
      med = {
        variant: 'all',
        thresholds: d.thresholds.map(describeThreshold),
        days: [...d.major].sort((a, b) => a - b).map(dayToDate),
      };
    }
    const report = orBadRequest(await queryReliability(deps.store, options));
    sendRows(
      req,
      res,
      report.rows.map((r) => flatRow(r, report.groupBy)),
      columnsOf(report),
      {
        period: { from: iso(report.from), to: iso(report.to) },
        asOf: iso(report.asOf),
        zone: report.zone,
        groupBy: report.groupBy,
        variant: report.variant,
        convention: report.convention,
        denominator: {
          rule: report.denominator,
          window: { from: iso(report.from), to: iso(report.from + report.periodHours * 3_600_000) },
        },
        splitAtEdges: report.splitAtEdges,
        shortOutageMinutes: report.shortOutageMinutes,
        periodHours: report.periodHours,
        units: { saidi: 'hours', caidi: 'hours', customerMinutes: 'minutes' },
        includesOngoing: report.includesOngoing,
        ...(report.includesOngoing ? { ongoing: ONGOING_NOTE } : {}),
        majorEventDays: med,
        dropped: report.dropped,
        issues: report.issues,
      },
    );
  });

  router.get('/reliability/daily', read, async (req, res) => {
    const p = new Params(req, deps.zone, ['from', 'to', ...COMMON]);
    const from = p.time('from');
    const to = p.time('to');
    const options = common(p, now());
    p.done();
    if (!(to > from)) {
      throw new HttpError(400, 'invalid query parameters', {
        issues: [
          { path: 'to', message: `must be after from (${iso(from)}), got: "${String(req.query['to'])}"` },
        ],
      });
    }
    const fromDay = localDay(from, deps.zone);
    const toDay = localDay(to - 1, deps.zone) + 1;
    if (toDay - fromDay > MAX_DAILY_DAYS) {
      throw new HttpError(400, 'invalid query parameters', {
        issues: [
          {
            path: 'to',
            message: `at most ${MAX_DAILY_DAYS} days after from, got: "${String(req.query['to'])}"`,
          },
        ],
      });
    }
    const d = await dailyWithThresholds(deps, options, fromDay, toDay);
    const rows = d.days.map((day) => ({
      date: day.date,
      saidiMinutes: day.minutes,
      customers: day.customers,
      includesOngoing: day.includesOngoing,
      tMedMinutes: d.tMedOf(day.day),
      majorEventDay: d.major.has(day.day),
    }));
    sendRows(
      req,
      res,
      rows,
      ['date', 'saidiMinutes', 'customers', 'includesOngoing', 'tMedMinutes', 'majorEventDay'],
      {
        period: {
          from: iso(startOfLocalDay(fromDay, deps.zone)),
          to: iso(startOfLocalDay(toDay, deps.zone)),
        },
        asOf: iso(options.asOf),
        zone: deps.zone,
        variant: options.variant,
        convention: options.convention,
        denominator: { rule: options.denominator, window: 'each local day, up to asOf' },
        unit: 'minutes',
        includesOngoing: rows.some((r) => r.includesOngoing),
        thresholds: d.thresholds.map(describeThreshold),
        issues: d.issues,
      },
    );
  });

  router.get('/reliability/ranking', read, async (req, res) => {
    const p = new Params(req, deps.zone, ['year', 'groupBy', ...COMMON]);
    // Up to this year (so far): later years have no outages, and years past 9999 no dates.
    const thisYear = Number(dayToDate(localDay(now(), deps.zone)).slice(0, 4));
    const year = p.int('year', 1971, thisYear, thisYear - 1);
    const groupBy = p.groupBy('city');
    const options = common(p, now());
    p.done();
    const ranking = orBadRequest(
      await queryRegionalRanking(deps.store, {
        ...options,
        zone: deps.zone,
        year,
        groupBy: groupBy.length > 0 ? groupBy : 'all',
      }),
    );
    const dims = ranking.current.groupBy;
    const rows = ranking.rows.map(({ keys, ...rest }) => ({ ...flatKeys(keys, dims), ...rest }));
    const period = yearPeriod(year, deps.zone);
    sendRows(
      req,
      res,
      rows,
      [
        ...dims,
        'customers',
        'saidi',
        'saifi',
        'saidiRank',
        'saifiRank',
        'previousSaidi',
        'previousSaifi',
        'saidiChange',
        'saidiChangeFraction',
        'saifiChange',
        'saifiChangeFraction',
        'includesOngoing',
      ],
      {
        year,
        period: { from: iso(period.from), to: iso(period.to) },
        asOf: iso(options.asOf),
        zone: deps.zone,
        groupBy: dims,
        variant: options.variant,
        convention: options.convention,
        denominator: { rule: options.denominator },
        units: { saidi: 'hours' },
        includesOngoing: ranking.current.includesOngoing || ranking.previous.includesOngoing,
        issues: [...ranking.current.issues, ...ranking.previous.issues],
      },
    );
  });

  router.get('/reliability/causes', read, async (req, res) => {
    const p = new Params(req, deps.zone, [
      'from',
      'to',
      'asOf',
      'groupBy',
      'region',
      'ruleSet',
      'rule',
      'by',
      'paretoBy',
      'encoding',
    ]);
    const from = p.time('from');
    const to = p.time('to');
    const asOf = p.time('asOf', now());
    const groupBy = p.oneOf('groupBy', REGION_LEVELS, 'county');
    const by = p.oneOf('by', ['cause', 'responsibility'] as const, 'cause');
    const paretoBy = p.oneOf('paretoBy', PARETO_MEASURES, 'customerHours');
    const text = (name: string): string | undefined => {
      const v = p.list(name);
      if (v !== undefined && v.length > 1) {
        p.issues.push({ path: name, message: `must name one, got: "${v.join(',')}"` });
      }
      return v?.[0];
    };
    const region = text('region');
    const counting = countRuleOf(deps, text('ruleSet'), text('rule'));
    p.issues.push(...counting.issues);
    if (paretoBy === 'counted' && !counting.rule && counting.issues.length === 0) {
      p.issues.push({ path: 'paretoBy', message: 'counted needs a rule set with a count rule' });
    }
    p.done();
    const { set, rule } = counting;
    const shortOutageMinutes = set?.shortOutageMinutes ?? DEFAULT_SHORT_OUTAGE_MINUTES;
    const report = orBadRequest(
      await queryCauses(deps.store, {
        from,
        to,
        asOf,
        zone: deps.zone,
        groupBy,
        region,
        rule,
        shortOutageMinutes,
      }),
    );
    const rows =
      by === 'cause'
        ? paretoOrder(report.rows, paretoBy, byCauseOrder).map((r) => ({
            [groupBy]: r.region,
            cause: r.cause,
            responsibility: responsibilityOf(r.cause),
            ...pick(r),
          }))
        : paretoOrder(rollUp(report.rows), paretoBy, byResponsibilityOrder).map((r) => ({
            [groupBy]: r.region,
            responsibility: r.responsibility,
            causes: r.causes,
            ...pick(r),
          }));
    const keys =
      by === 'cause' ? [groupBy, 'cause', 'responsibility'] : [groupBy, 'responsibility', 'causes'];
    sendRows(req, res, rows, [...keys, ...PARETO_COLUMNS], {
      period: { from: iso(from), to: iso(to) },
      asOf: iso(asOf),
      zone: deps.zone,
      groupBy,
      region: region ?? null,
      by,
      paretoBy,
      ruleSet: set?.name ?? null,
      rule: rule?.id ?? null,
      countsAlike: set && rule ? countingAlike(set, rule) : [],
      shortOutageMinutes,
      units: { customerHours: 'hours' },
      responsibilities: Object.fromEntries(CAUSES.map((c) => [c, responsibilityOf(c)])),
      includesOngoing: report.includesOngoing,
      ...(report.includesOngoing ? { ongoing: ONGOING_NOTE } : {}),
    });
  });

  return router;
}

/** The figures and Pareto place of a row, in column order. */
function pick(r: object): Row {
  return Object.fromEntries(PARETO_COLUMNS.map((c) => [c, (r as Row)[c]]));
}
