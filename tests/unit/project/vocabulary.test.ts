// One vocabulary (core/vocabulary): every code of every code list has a Chinese and an English
// label, the lists agree with the modules that use the codes, and no other source file keeps
// a table of its own that maps these codes to Chinese words.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  RESPONSIBILITIES as RESPONSIBILITIES_OF_ANALYTICS,
  type Responsibility,
} from '../../../analytics/causes/index.js';
import type { ActiveOutage as OutageOfAnalytics } from '../../../analytics/outages/index.js';
import type { BasisCode, BasisUnit } from '../../../analytics/priorities/basis-codes.js';
import {
  PARTS,
  type Part,
  REGION_LEVELS as REGION_LEVELS_OF_ANALYTICS,
  type RegionLevel,
} from '../../../analytics/priorities/weights.js';
import { CASE_FIELD_ORDER, type FieldName, type Verification } from '../../../analytics/remediation/case.js';
import type { IssueCode } from '../../../analytics/remediation/issue-codes.js';
import {
  AUTHORITY_REPORTS as REPORTS_OF_ANALYTICS,
  type ArrearsSubject,
  type AuthorityReport,
  TIERS,
  type Tier,
  type TierBasis,
} from '../../../analytics/reports/index.js';
import type { Flag, Reason } from '../../../analytics/rules/index.js';
import { AREA_CLASSES, ASSET_KINDS, CAUSES } from '../../../core/domain.js';
import {
  ACTION_LABELS,
  ACTION_STEP_LABELS,
  type ActiveOutage,
  AREA_CLASS_LABELS,
  ARREARS_SUBJECTS,
  AUTHORITY_REPORTS,
  type ArrearsSubjectCode,
  type AuthorityReportCode,
  BASIS_CODES,
  BASIS_LABELS,
  BASIS_PHRASES,
  BASIS_UNIT_LABELS,
  BASIS_UNITS,
  type BasisCodeName,
  type BasisUnitCode,
  CASE_ACTIONS,
  CASE_FIELD_LABELS,
  CASE_FIELDS,
  CASE_STATUSES,
  CAUSE_LABELS,
  type CaseField,
  FLAG_COLUMNS,
  type FlagRow,
  ISSUE_CODES,
  ISSUE_LABELS,
  ISSUE_PHRASES,
  type IssueCodeName,
  KIND_LABELS,
  type Labels,
  MEASURE_LABELS,
  MEASURES,
  PUBLIC_CAUSE_LABELS,
  REASON_LABELS,
  REASONS,
  REGION_LEVEL_LABELS,
  REGION_LEVELS,
  RESPONSIBILITIES,
  RESPONSIBILITY_LABELS,
  type ReasonCode,
  type RegionLevelCode,
  REPORT_NAMES,
  REPORT_SHEETS,
  REPORT_SHORT_NAMES,
  type ResponsibilityCode,
  SCORE_PART_LABELS,
  SCORE_PARTS,
  STANDING_LABELS,
  STANDINGS,
  STATUS_LABELS,
  type ScorePart,
  SUBJECT_LABELS,
  TARGET_STATUS_LABELS,
  TARGET_STATUSES,
  TIER_LABELS,
  TIER_MEASURE_LABELS,
  TIER_MEASURES,
  TIER_RESULTS,
  type TierMeasure,
  type TierResult,
  USER_ACTIONS,
  VERIFICATION_FIELD_LABELS,
  VERIFICATION_FIELDS,
  VERIFICATION_LABELS,
  VERIFICATION_METHODS,
  type VerificationField,
} from '../../../core/vocabulary/index.js';

/** Han ideographs, CJK punctuation (、。「」) and full-width forms (，：（）). */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/**
 * How the scan below looks for other tables of a list. By default two of its codes worded in
 * Chinese make a table. `half`: the codes are also keys of the string tables (status,
 * customers, overdue), so a table of them is one that words half the list at least. `false`:
 * not looked for, for a record's fields (a record holds Chinese text in them, as demo/cases.ts's
 * verification does, which no scan tells from labels) and for words the string tables use as
 * keys throughout (city, county).
 */
type Scan = 'half' | false;

/** Each code list with the table (or tables) that label it. */
const LISTS: readonly {
  name: string;
  codes: readonly string[];
  tables: Record<string, Labels<string>>;
  scan?: Scan;
}[] = [
  { name: 'asset kinds', codes: ASSET_KINDS, tables: { KIND_LABELS } },
  { name: 'area classes', codes: AREA_CLASSES, tables: { AREA_CLASS_LABELS } },
  { name: 'causes', codes: CAUSES, tables: { CAUSE_LABELS, PUBLIC_CAUSE_LABELS } },
  { name: 'case statuses', codes: [...CASE_STATUSES, 'no_case'], tables: { STATUS_LABELS } },
  { name: 'case actions', codes: CASE_ACTIONS, tables: { ACTION_LABELS } },
  { name: 'user actions', codes: USER_ACTIONS, tables: { ACTION_STEP_LABELS } },
  { name: 'measures', codes: MEASURES, tables: { MEASURE_LABELS } },
  { name: 'verification methods', codes: VERIFICATION_METHODS, tables: { VERIFICATION_LABELS } },
  { name: 'standings', codes: STANDINGS, tables: { STANDING_LABELS } },
  { name: 'reasons', codes: REASONS, tables: { REASON_LABELS } },
  {
    name: 'issue codes',
    codes: ISSUE_CODES.filter((c) => c !== 'invalid'),
    tables: { ISSUE_LABELS },
  },
  {
    name: 'authority reports',
    codes: AUTHORITY_REPORTS,
    tables: { REPORT_NAMES, REPORT_SHORT_NAMES, REPORT_SHEETS },
  },
  { name: 'tiers', codes: TIER_RESULTS, tables: { TIER_LABELS } },
  { name: 'tier measures', codes: TIER_MEASURES, tables: { TIER_MEASURE_LABELS } },
  { name: 'arrears subjects', codes: ARREARS_SUBJECTS, tables: { SUBJECT_LABELS } },
  { name: 'target statuses', codes: TARGET_STATUSES, tables: { TARGET_STATUS_LABELS } },
  { name: 'responsibilities', codes: RESPONSIBILITIES, tables: { RESPONSIBILITY_LABELS } },
  { name: 'case fields', codes: CASE_FIELDS, tables: { CASE_FIELD_LABELS }, scan: false },
  {
    name: 'verification fields',
    codes: VERIFICATION_FIELDS,
    tables: { VERIFICATION_FIELD_LABELS },
    scan: false,
  },
  { name: 'score parts', codes: SCORE_PARTS, tables: { SCORE_PART_LABELS }, scan: 'half' },
  { name: 'region levels', codes: REGION_LEVELS, tables: { REGION_LEVEL_LABELS }, scan: false },
  { name: 'basis codes', codes: BASIS_CODES, tables: { BASIS_LABELS }, scan: 'half' },
  { name: 'basis units', codes: BASIS_UNITS, tables: { BASIS_UNIT_LABELS } },
];
/** The lists the scan looks for, each with the number of its codes worded that make a table. */
const SCANNED = LISTS.flatMap((l) =>
  l.scan === false
    ? []
    : [{ ...l, least: l.scan === 'half' ? Math.max(2, Math.ceil(l.codes.length / 2)) : 2 }],
);

/** What is wrong with one label: empty, Chinese without Chinese, English with it. */
function labelFaults(code: string, label: { zh?: unknown; en?: unknown } | undefined): string[] {
  if (!label) return [`${code}: no label`];
  const out: string[] = [];
  if (typeof label.zh !== 'string' || !label.zh.trim()) out.push(`${code}: empty zh`);
  else if (!CJK.test(label.zh)) out.push(`${code}: zh without Chinese "${label.zh}"`);
  if (typeof label.en !== 'string' || !label.en.trim()) out.push(`${code}: empty en`);
  else if (CJK.test(label.en)) out.push(`${code}: en with Chinese "${label.en}"`);
  return out;
}

describe('every code has both labels', () => {
  for (const list of LISTS) {
    for (const [table, labels] of Object.entries(list.tables)) {
      it(`${list.name}: ${table} labels each code, in zh and en, and nothing else`, () => {
        expect(list.codes.flatMap((c) => labelFaults(c, labels[c]))).toEqual([]);
        expect(Object.keys(labels)).toEqual([...list.codes]);
      });
    }
  }

  it('the issue phrases (a code worded with some params, the joiners) have both languages', () => {
    expect(Object.entries(ISSUE_PHRASES).flatMap(([k, l]) => labelFaults(k, l))).toEqual([]);
  });

  it('the basis phrases (hours, the whole) have both languages', () => {
    expect(Object.entries(BASIS_PHRASES).flatMap(([k, l]) => labelFaults(k, l))).toEqual([]);
  });

  it('the fault finder itself refuses what the tables must not hold', () => {
    expect(labelFaults('x', undefined)).toEqual(['x: no label']);
    expect(labelFaults('x', { zh: 'Feeder', en: '' })).toEqual([
      'x: zh without Chinese "Feeder"',
      'x: empty en',
    ]);
    expect(labelFaults('x', { zh: ' ', en: '中压线路' })).toEqual([
      'x: empty zh',
      'x: en with Chinese "中压线路"',
    ]);
  });
});

describe('the terms chosen where tables disagreed', () => {
  it('one term on the screen and in the ledger: rule documents for feeder and urban, DL/T 836 for supply_shortage', () => {
    expect(KIND_LABELS.feeder).toEqual({ zh: '中压线路', en: 'Feeder' });
    expect(AREA_CLASS_LABELS.urban).toEqual({ zh: '城区', en: 'County seat' });
    expect(CAUSE_LABELS.supply_shortage).toEqual({ zh: '电源不足限电', en: 'Supply shortage' });
  });

  it('a target in a year in progress is 进度内 or 进度落后 (not 超出进度, read as "ahead of schedule")', () => {
    expect(TARGET_STATUS_LABELS).toEqual({
      met: { zh: '达标', en: 'met' },
      not_met: { zh: '未达标', en: 'not met' },
      on_track: { zh: '进度内', en: 'on track' },
      off_track: { zh: '进度落后', en: 'off track' },
    });
  });

  it('the public pages word causes for residents on purpose', () => {
    expect(PUBLIC_CAUSE_LABELS.unknown).toEqual({ zh: '原因排查中', en: 'Cause being investigated' });
    expect(CAUSE_LABELS.unknown).toEqual({ zh: '原因不明', en: 'Unknown' });
  });
});

describe('the code lists agree with the modules that use the codes', () => {
  it('issue codes, reasons, reports, tiers and subjects: the same unions', () => {
    expectTypeOf<IssueCodeName>().toEqualTypeOf<IssueCode>();
    expectTypeOf<AuthorityReportCode>().toEqualTypeOf<AuthorityReport>();
    expectTypeOf<TierResult>().toEqualTypeOf<Tier>();
    expectTypeOf<ArrearsSubjectCode>().toEqualTypeOf<ArrearsSubject>();
    expectTypeOf<TierMeasure>().toEqualTypeOf<Extract<TierBasis, { by: 'value' }>['measure']>();
    // every reason the rules give is a code, or a code with an id after its colon
    expectTypeOf<Reason>().toExtend<ReasonCode | `${'warning' | 'merged_with'}:${string}`>();
    expect(AUTHORITY_REPORTS).toEqual(REPORTS_OF_ANALYTICS);
    expect(TIER_RESULTS).toEqual([...TIERS, 'not_ranked']);
  });

  it('responsibilities, case and verification fields, score parts, region levels, bases: the same lists', () => {
    expectTypeOf<ResponsibilityCode>().toEqualTypeOf<Responsibility>();
    expectTypeOf<CaseField>().toEqualTypeOf<FieldName>();
    expectTypeOf<VerificationField>().toEqualTypeOf<keyof Verification>();
    expectTypeOf<ScorePart>().toEqualTypeOf<Part>();
    expectTypeOf<RegionLevelCode>().toEqualTypeOf<RegionLevel>();
    expectTypeOf<BasisCodeName>().toEqualTypeOf<BasisCode>();
    expectTypeOf<BasisUnitCode>().toEqualTypeOf<BasisUnit>();
    expect(RESPONSIBILITIES).toEqual(RESPONSIBILITIES_OF_ANALYTICS);
    expect(CASE_FIELDS).toEqual(CASE_FIELD_ORDER);
    expect(SCORE_PARTS).toEqual(PARTS);
    expect(REGION_LEVELS).toEqual(REGION_LEVELS_OF_ANALYTICS);
  });

  it('the wire types: a flag is a FlagRow with the columns of GET /flags; ActiveOutage is one type', () => {
    expectTypeOf<Flag>().toEqualTypeOf<FlagRow>();
    expectTypeOf<OutageOfAnalytics>().toEqualTypeOf<ActiveOutage>();
    const columns: (keyof FlagRow)[] = [
      'assetId',
      'kind',
      'rule',
      'ruleSet',
      'family',
      'status',
      'count',
      'limit',
      'windowStart',
      'windowEnd',
      'breachDate',
      'eventIds',
    ];
    expect(FLAG_COLUMNS).toEqual(columns);
  });
});

// ---- the scan: no other table of labels ----

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The product's source: everything but the tests and the vocabulary itself. */
const SOURCE_DIRS = [
  'analytics',
  'bench',
  'cli',
  'core',
  'dashboard',
  'demo',
  'ingest',
  'scripts',
  'server',
  'store',
];
const EXEMPT = ['core/vocabulary/'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'public') out.push(...sourceFiles(path));
    } else if (entry.name.endsWith('.ts') && !EXEMPT.some((e) => path.startsWith(e))) out.push(path);
  }
  return out;
}

const propertyName = (name: ts.PropertyName): string | null =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)
    ? name.text
    : null;

/**
 * A value that labels: a string with Chinese in it, or a {zh, en} object whose zh does. Lists
 * of texts are not labels (demo/rates.ts's sample notes per cause).
 */
function isChineseLabel(value: ts.Expression): boolean {
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return CJK.test(value.text);
  if (ts.isTemplateExpression(value))
    return CJK.test(value.head.text) || value.templateSpans.some((s) => CJK.test(s.literal.text));
  if (ts.isObjectLiteralExpression(value))
    return value.properties.some(
      (p) => ts.isPropertyAssignment(p) && propertyName(p.name) === 'zh' && isChineseLabel(p.initializer),
    );
  if (ts.isAsExpression(value) || ts.isParenthesizedExpression(value) || ts.isSatisfiesExpression(value))
    return isChineseLabel(value.expression);
  return false;
}

interface Finding {
  file: string;
  line: number;
  list: string;
  codes: string[];
}

/** Object literals with two or more codes of one list as keys, each worded in Chinese. */
function labelTables(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const labelled = node.properties.flatMap((p) => {
        const name = ts.isPropertyAssignment(p) ? propertyName(p.name) : null;
        return name !== null && ts.isPropertyAssignment(p) && isChineseLabel(p.initializer) ? [name] : [];
      });
      for (const list of SCANNED) {
        const codes = labelled.filter((k) => list.codes.includes(k));
        if (codes.length >= list.least) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push({ file, line, list: list.name, codes });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Tables known to be left outside the vocabulary, each with where its words are to come from.
 * None is the aim; the scan fails on one that is gone, so that its line goes too.
 */
const LEFT: readonly Pick<Finding, 'file' | 'list'>[] = [];

/** Each list's codes as property keys ("feeder:", 'half-year-summary':). */
const KEY_PATTERNS = SCANNED.map((l) =>
  l.codes.map((c) => new RegExp(`(^|[\\s{,])['"]?${c}['"]?\\s*:`, 'm')),
);

/**
 * Parsing is what costs; a file without Chinese, or without two keys of one list, cannot hold
 * a table and is not parsed.
 */
const mayHoldTable = (text: string): boolean =>
  CJK.test(text) && KEY_PATTERNS.some((keys) => keys.filter((k) => k.test(text)).length >= 2);

describe('no other table of labels', () => {
  it('finds a planted table, bare or as {zh, en} labels, nested by language or not', () => {
    const planted = [
      "const A = { equipment_fault: '设备故障', arrears: '欠费停电', x: 1 };",
      "const B = { zh: { feeder: '10kV线路', area: '台区' }, en: { feeder: 'Feeder', area: 'Area' } };",
      "const C = { open: { zh: '已立案', en: 'Open' }, closed: { zh: '已销号', en: 'Closed' } };",
      `const D = { 'half-year-summary': \`半年\${n}总结\`, ranking: '排名' };`,
    ];
    // each is one the quick test lets through to the parser
    expect(planted.filter((line) => !mayHoldTable(line))).toEqual([]);
    expect(
      labelTables('planted.ts', planted.join('\n')).map(({ line, list, codes }) => ({ line, list, codes })),
    ).toEqual([
      { line: 1, list: 'causes', codes: ['equipment_fault', 'arrears'] },
      { line: 2, list: 'asset kinds', codes: ['feeder', 'area'] },
      { line: 3, list: 'case statuses', codes: ['open', 'closed'] },
      { line: 4, list: 'authority reports', codes: ['half-year-summary', 'ranking'] },
    ]);
  });

  it('leaves alone one code worded, codes mapped to codes, lists of texts and English tables', () => {
    const fine = [
      "const A = { equipment_fault: '设备故障', title: '停电' };",
      "const B = { equipment_fault: 'grid', weather_fault: 'weather_nature' }; // 设备故障",
      "const C = { equipment_fault: ['柱上断路器故障'], weather_fault: ['雷击跳闸'] };",
      "const D = { feeder: { zh: 'Feeder' }, area: { en: '台区' } };",
    ].join('\n');
    expect(labelTables('fine.ts', fine)).toEqual([]);
  });

  it('takes half of a list whose codes are string-table keys for a table, and passes over records', () => {
    const text = [
      "const A = { status: '规则状态', excess: '超限', recency: '时近', customers: '户次', caseAge: '时长', overdue: '超期' };",
      "const B = { status: '状态', customers: '用户数', overdue: '超期', city: '州（市）', county: '县（区）' };",
      "const C = { result: '用户回访满意', verifiedBy: '验收组', causeAnalysis: '树障', responsibleUnit: '供电所' };",
    ].join('\n');
    expect(labelTables('half.ts', text).map(({ line, list, codes }) => ({ line, list, codes }))).toEqual([
      {
        line: 1,
        list: 'score parts',
        codes: ['status', 'excess', 'recency', 'customers', 'caseAge', 'overdue'],
      },
    ]);
  });

  it('no source file outside core/vocabulary and tests maps codes to Chinese labels', () => {
    const files = SOURCE_DIRS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return mayHoldTable(text) ? labelTables(relative(ROOT, join(ROOT, f)), text) : [];
    });
    const isLeft = (f: Pick<Finding, 'file' | 'list'>) =>
      LEFT.some((l) => l.file === f.file && l.list === f.list);
    expect(found.filter((f) => !isLeft(f))).toEqual([]);
    // a table moved: its line in LEFT goes too
    expect(LEFT.filter((l) => !found.some((f) => f.file === l.file && f.list === l.list))).toEqual([]);
  }, 60_000);
});
