// The filter forms of the planners' pages (hotspots, priorities, the remediation board): the
// options the pages share (all, asset type, cause, names offered as themselves), and a form's
// heading and selects from a list of fields.

import { h } from '../dom.js';
import { CAUSE_CODES, causeLabel, kindLabel, t } from '../i18n.js';
import { labelled } from './common.js';
import type { Filters } from './filters.js';

export type Option = [string, string];
/** No filter: the first option of every select. */
export const allOption = (): Option => ['', t('all')];

/** Names offered as themselves (cities, units). */
export const named = (values: readonly string[]): Option[] => values.map((v): Option => [v, v]);

export const kindOptions = (): Option[] => [
  allOption(),
  ['feeder', kindLabel('feeder')],
  ['area', kindLabel('area')],
];

export const causeOptions = (): Option[] => [
  allOption(),
  ...CAUSE_CODES.map((c): Option => [c, causeLabel(c)]),
];

/** A select of a filter form: its key (the select's id is the form's prefix and the key). */
export interface FilterField<K extends string> {
  key: K;
  label: string;
  options: readonly Option[];
  /** the value shown when the filter is not set (default: all) */
  unset?: string;
}

/** The labelled selects of the fields, each reporting its key and the value chosen. */
export function filterSelects<K extends string>(
  prefix: string,
  fields: readonly FilterField<K>[],
  filters: Filters<K>,
  change: (key: K, value: string) => void,
): HTMLElement[] {
  return fields.map((f) =>
    labelled(`${prefix}-${f.key}`, f.label, f.options, filters[f.key] ?? f.unset ?? '', (v) =>
      change(f.key, v),
    ),
  );
}

/** A filter form's heading (its id names the form) and its fields in a row. */
export const filterForm = (titleId: string, fields: HTMLElement[]): HTMLElement[] => [
  h('h2', { id: titleId }, t('filters')),
  h('div', { class: 'fields' }, fields),
];
