// Routing rows by the value of one column: each route gives its rows more columns and
// constants, or counts them under its name without importing them.

import { quote } from '../schemas/fields.js';
import { fieldOf, type Route, type Routes } from './file.js';
import type { TimeFormat } from './time-format.js';

export interface CompiledRoute {
  readonly name: string;
  /** false: counted under `name`, not imported */
  readonly imported: boolean;
  /** source column → contract field */
  readonly columns: ReadonlyMap<string, string>;
  /** source column → the format its times are written in (time columns that declare one) */
  readonly formats: ReadonlyMap<string, TimeFormat>;
  readonly constants: readonly (readonly [string, unknown])[];
}

export type Routed = { route: CompiledRoute } | { skip: string; route?: string };

/** The route of a row, or why it takes none. */
export function compileRoutes(
  routes: Routes,
  spelling: (v: unknown) => string | undefined,
): (record: Record<string, unknown>) => Routed {
  const byValue = new Map<string, CompiledRoute>();
  for (const [name, route] of Object.entries(routes.to)) {
    const compiled = compileRoute(name, route);
    for (const value of route.when) if (!byValue.has(value)) byValue.set(value, compiled);
  }
  const { column } = routes;
  const listed = [...byValue.keys()].map((v) => quote(v)).join(', ');
  return (record) => {
    const value = Object.hasOwn(record, column) ? (spelling(record[column]) ?? '') : '';
    const route = byValue.get(value);
    if (route === undefined) return { skip: `${column} is ${quote(value)}, not one of ${listed}` };
    if (!route.imported)
      return {
        skip: `${column} is ${quote(value)}: counted as ${route.name}, not imported`,
        route: route.name,
      };
    return { route };
  };
}

function compileRoute(name: string, route: Route): CompiledRoute {
  return {
    name,
    imported: route.import !== false,
    columns: columnFields(route.columns),
    formats: columnFormats(route.columns),
    constants: Object.entries(route.constants ?? {}),
  };
}

/** Source column → contract field. */
export const columnFields = (columns: Route['columns']): Map<string, string> =>
  new Map(Object.entries(columns ?? {}).map(([column, entry]) => [column, fieldOf(entry)]));

/** Source column → declared time format, for the columns that declare one. */
export const columnFormats = (columns: Route['columns']): Map<string, TimeFormat> =>
  new Map(
    Object.entries(columns ?? {}).flatMap(([column, entry]): [string, TimeFormat][] =>
      typeof entry === 'string' ? [] : [[column, entry.format]],
    ),
  );
