// What routes and asset derivations refer to: contract fields of the route's records and of
// assets, routes that exist, values that read as the schemas would read them; and time formats
// declared for fields that hold times.

import { quote } from '../schemas/fields.js';
import { checkField, RECORD_FIELDS, RECORD_NOUN } from '../schemas/kinds.js';
import type { Problem } from './check.js';
import { type ColumnEntry, fieldOf, type MappingFile } from './file.js';
import { TIME_FIELDS } from './time-format.js';

/** Asset fields a derivation sets itself. */
const DERIVED_BY_ENTRY = ['assetId', 'kind'];

export function checkRoutes(file: MappingFile, zone: string): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PropertyKey[], message: string): void => void problems.push({ path, message });
  const routes = file.routes;
  if (routes === undefined) return problems;
  const fields = RECORD_FIELDS[file.record];
  const topColumns = new Map(Object.entries(file.columns ?? {}).map(([c, entry]) => [c, fieldOf(entry)]));
  const readFrom = new Map([...topColumns].map(([column, field]) => [field, column]));
  const routeOf = new Map<string, string>();
  const noun = RECORD_NOUN[file.record];
  const notAField = (name: string): string =>
    `${quote(name)} is not ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} field; expected one of ${fields.join(', ')}`;
  for (const [name, route] of Object.entries(routes.to)) {
    const at = ['routes', 'to', name];
    route.when.forEach((value, i) => {
      const other = routeOf.get(value);
      if (other !== undefined) add([...at, 'when', i], `${quote(value)} is also in route ${quote(other)}`);
      else routeOf.set(value, name);
    });
    const own = new Map<string, string>();
    for (const [column, entry] of Object.entries(route.columns ?? {})) {
      const path = [...at, 'columns', column];
      const field = fieldOf(entry);
      const problem = formatProblem(file, entry);
      if (problem) add([...path, 'format'], problem);
      if (!fields.includes(field)) add(path, notAField(field));
      else if (topColumns.has(column))
        add(path, `${quote(column)} is also mapped in columns (to ${quote(topColumns.get(column))})`);
      else if (readFrom.has(field) || own.has(field)) {
        const other = readFrom.get(field) ?? own.get(field);
        add(path, `maps to ${quote(field)} like ${quote(other)}; a field is read from one column`);
      } else own.set(field, column);
    }
    for (const [field, value] of Object.entries(route.constants ?? {})) {
      const path = [...at, 'constants', field];
      if (!fields.includes(field)) add(path, notAField(field));
      else if (readFrom.has(field) || own.has(field)) {
        add(path, `is also read from column ${quote(readFrom.get(field) ?? own.get(field))}`);
      } else for (const message of checkField(file.record, field, value, zone)) add(path, message);
    }
    if (route.import === false && (route.columns !== undefined || route.constants !== undefined)) {
      add(at, 'is not imported (import: false), so it takes no columns or constants');
    }
  }
  return problems;
}

/** Why a column's declared time format cannot apply: its field holds no time. */
export function formatProblem(file: MappingFile, entry: ColumnEntry): string | undefined {
  if (typeof entry === 'string') return undefined;
  const times = TIME_FIELDS[file.record];
  if (!RECORD_FIELDS[file.record].includes(entry.field) || times.includes(entry.field)) return undefined;
  return `is for time fields (${times.join(', ')}); ${quote(entry.field)} is not one`;
}

export function checkDerive(file: MappingFile, zone: string): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PropertyKey[], message: string): void => void problems.push({ path, message });
  if (file.derive === undefined) return problems;
  if (file.record !== 'outages') {
    add(['derive'], `derives assets from outage rows; this file reads ${file.record}`);
    return problems;
  }
  const assetFields = RECORD_FIELDS.assets.filter((f) => !DERIVED_BY_ENTRY.includes(f));
  const routes = file.routes?.to ?? {};
  const notAField = (name: string): string =>
    DERIVED_BY_ENTRY.includes(name)
      ? `${quote(name)} is set by the derivation itself`
      : `${quote(name)} is not an asset field; expected one of ${assetFields.join(', ')}`;
  file.derive.forEach((entry, i) => {
    const at = ['derive', i];
    (entry.routes ?? []).forEach((name, j) => {
      const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
      if (route === undefined) {
        const known = Object.keys(routes);
        add(
          [...at, 'routes', j],
          known.length > 0
            ? `unknown route ${quote(name)}; routes are ${known.join(', ')}`
            : `names route ${quote(name)}, but the file has no routes`,
        );
      } else if (route.import === false) {
        add([...at, 'routes', j], `route ${quote(name)} is not imported, so no asset is derived from it`);
      }
    });
    for (const field of Object.keys(entry.fields ?? {})) {
      if (!assetFields.includes(field)) add([...at, 'fields', field], notAField(field));
    }
    for (const [field, value] of Object.entries(entry.constants ?? {})) {
      const path = [...at, 'constants', field];
      if (!assetFields.includes(field)) add(path, notAField(field));
      else if (entry.fields?.[field] !== undefined) add(path, 'is also derived under fields; give it once');
      else for (const message of checkField('assets', field, value, zone)) add(path, message);
    }
    if (
      entry.kind === 'area' &&
      entry.fields?.['feederId'] === undefined &&
      entry.constants?.['feederId'] === undefined
    ) {
      add(at, 'derives transformer areas (kind "area"), which need feederId under fields or constants');
    }
  });
  return problems;
}
