// A prefix on every record id (events, assets, feeders, areas, warnings), so that one source
// can be loaded beside another, or several times, without its ids meeting.

import { isBlank } from '../schemas/fields.js';
import type { RecordKind } from '../schemas/kinds.js';

const ID_FIELDS: { readonly [K in RecordKind]: readonly string[] } = {
  assets: ['assetId', 'feederId'],
  outages: ['eventId', 'assetId', 'warningId'],
  warnings: ['warningId'],
};

const idText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined;

/** `prefix` + the id, for ids that are text or numbers; blanks and other values stay as they are. */
export function prefixed(prefix: string, v: unknown): unknown {
  const id = idText(v);
  return id === undefined || id === '' ? v : `${prefix}${id}`;
}

/** The record with `prefix` on each of its id fields (in place). */
export function prefixIds(kind: RecordKind, record: Map<string, unknown>, prefix: string): void {
  for (const field of ID_FIELDS[kind]) {
    if (record.has(field)) record.set(field, prefixed(prefix, record.get(field)));
  }
  const areas = record.get('affectedAreas');
  if (kind !== 'outages' || isBlank(areas)) return;
  if (Array.isArray(areas))
    record.set(
      'affectedAreas',
      areas.map((a) => prefixed(prefix, a)),
    );
  else if (typeof areas === 'string' && !areas.trim().startsWith('[')) {
    const items = areas.split(/[;；]/).map((a) => (a.trim() === '' ? a : `${prefix}${a.trim()}`));
    record.set('affectedAreas', items.join(';'));
  } else if (typeof areas === 'string') {
    try {
      const list: unknown = JSON.parse(areas);
      if (Array.isArray(list))
        record.set(
          'affectedAreas',
          list.map((a) => prefixed(prefix, a)),
        );
    } catch {
      // not JSON: left for validation to refuse
    }
  }
}
