// What a mapping file's names refer to: contract fields of its record kind, a time zone, a
// text encoding, patterns; and the values it supplies, read as the schemas would read them.

import { isValidZone } from '../../core/time.js';
import { quote } from '../schemas/fields.js';
import { checkField, RECORD_FIELDS, RECORD_NOUN } from '../schemas/kinds.js';
import { checkDerive, checkRoutes, formatProblem } from './check-routes.js';
import { fieldOf, type MappingFile } from './file.js';

export interface Problem {
  path: PropertyKey[];
  message: string;
}

type Add = (path: PropertyKey[], message: string) => void;

export function checkNames(file: MappingFile, operatingZone = 'UTC'): Problem[] {
  const problems: Problem[] = [];
  const add: Add = (path, message) => void problems.push({ path, message });
  const zone = file.zone !== undefined && isValidZone(file.zone) ? file.zone : operatingZone;
  checkSettings(file, add);
  const columns = checkColumns(file, add);
  checkSupplied(file, zone, columns, add);
  checkSkipRules(file, add);
  problems.push(...checkRoutes(file, zone), ...checkDerive(file, zone));
  return problems;
}

/** The file's zone, text encoding and delimiter. */
function checkSettings(file: MappingFile, add: Add): void {
  if (file.zone !== undefined && !isValidZone(file.zone)) {
    add(['zone'], `unknown time zone ${quote(file.zone)}; use an IANA name such as Asia/Shanghai`);
  }
  if (file.encoding !== undefined && !isEncoding(file.encoding)) {
    add(['encoding'], `unknown text encoding ${quote(file.encoding)}; use e.g. utf-8 or gb18030`);
  }
  if (file.delimiter !== undefined && (file.delimiter.length !== 1 || /["\r\n]/.test(file.delimiter))) {
    add(
      ['delimiter'],
      `must be one character other than a quote or line break, got ${quote(file.delimiter)}`,
    );
  }
}

/** The source columns, both ways: the field each column maps to, the column each field is read from. */
interface Columns {
  mapped: ReadonlyMap<string, string>;
  sourceOf: ReadonlyMap<string, string>;
}

/** Each column maps to a field of the record, no field from two columns; formats; ignored columns. */
function checkColumns(file: MappingFile, add: Add): Columns {
  const fields = RECORD_FIELDS[file.record];
  const columns = Object.entries(file.columns ?? {}).map(
    ([column, entry]) => [column, fieldOf(entry)] as const,
  );
  const sourceOf = new Map<string, string>();
  for (const [column, field] of columns) {
    if (!fields.includes(field)) add(['columns', column], notAField(file, field));
    else if (sourceOf.has(field)) {
      add(
        ['columns', column],
        `maps to ${quote(field)} like ${quote(sourceOf.get(field))}; a field is read from one column`,
      );
    } else sourceOf.set(field, column);
  }
  for (const [column, entry] of Object.entries(file.columns ?? {})) {
    const problem = formatProblem(file, entry);
    if (problem) add(['columns', column, 'format'], problem);
  }
  const mapped = new Map(columns);
  (file.ignore ?? []).forEach((column, i) => {
    if (mapped.has(column))
      add(['ignore', i], `${quote(column)} is also mapped in columns (to ${quote(mapped.get(column))})`);
  });
  return { mapped, sourceOf };
}

/** The values the file supplies (value maps, constants, defaults, otherwise), keyed by field. */
function checkSupplied(file: MappingFile, zone: string, { mapped, sourceOf }: Columns, add: Add): void {
  const fields = RECORD_FIELDS[file.record];
  const fieldKey = (section: string, field: string): boolean => {
    if (fields.includes(field)) return true;
    if (mapped.has(field)) {
      add(
        [section, field],
        `${quote(field)} is a source column; name the field it maps to (${quote(mapped.get(field))})`,
      );
    } else add([section, field], notAField(file, field));
    return false;
  };
  const checkValue = (path: PropertyKey[], field: string, value: unknown): void => {
    for (const message of checkField(file.record, field, value, zone)) add(path, message);
  };
  for (const [field, map] of Object.entries(file.values ?? {})) {
    if (fieldKey('values', field))
      for (const [from, to] of Object.entries(map)) checkValue(['values', field, from], field, to);
  }
  for (const [field, value] of Object.entries(file.constants ?? {})) {
    if (!fieldKey('constants', field)) continue;
    if (sourceOf.has(field)) {
      add(
        ['constants', field],
        `is also read from column ${quote(sourceOf.get(field))}; use defaults to fill blanks only`,
      );
    } else checkValue(['constants', field], field, value);
  }
  for (const [field, value] of Object.entries(file.defaults ?? {})) {
    if (fieldKey('defaults', field)) checkValue(['defaults', field], field, value);
  }
  for (const [field, value] of Object.entries(file.otherwise ?? {})) {
    if (!fieldKey('otherwise', field)) continue;
    if (file.values?.[field] === undefined) {
      add(
        ['otherwise', field],
        `has no values map for ${quote(field)}: list the spellings under values first`,
      );
    } else checkValue(['otherwise', field], field, value);
  }
}

/** Each skip rule has one test, and its pattern compiles. */
function checkSkipRules(file: MappingFile, add: Add): void {
  (file.skip ?? []).forEach((rule, i) => {
    if ([rule.in, rule.notIn, rule.matches].filter((t) => t !== undefined).length !== 1) {
      add(['skip', i], 'must have exactly one of in, notIn or matches');
    } else if (rule.matches !== undefined && !isPattern(rule.matches)) {
      add(['skip', i, 'matches'], `is not a valid regular expression: ${quote(rule.matches)}`);
    }
  });
}

const notAField = (file: MappingFile, name: string): string =>
  `${quote(name)} is not ${article(RECORD_NOUN[file.record])} field; expected one of ${RECORD_FIELDS[file.record].join(', ')}`;

function isPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function isEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
