// Parsed rows to checked records, without storing anything: each row is mapped (when a
// mapping is given), validated, and answered as accepted, rejected (with every issue and the
// row as it came) or skipped by a mapping rule. For dry runs and tests; the store-backed path
// reads the same entries.

import type { Issue } from '../core/issues.js';
import type { ParsedRow } from './formats/source.js';
import type { Mapping } from './mapping/compile.js';
import { ID_FIELD, type RecordKind, type RecordOf, validateRecord } from './schemas/kinds.js';
import type { ValidateContext } from './schemas/read.js';

export type Checked<T> =
  | { line: number; status: 'accepted'; id: string; value: T }
  | { line: number; status: 'rejected'; id?: string; errors: Issue[]; record?: Record<string, unknown> }
  | { line: number; status: 'skipped'; reason: string };

export interface CheckOptions<K extends RecordKind> {
  kind: K;
  ctx: ValidateContext;
  /** Read other headers and spellings; its zone, if any, reads the source's local times. */
  mapping?: Mapping;
}

export async function* checkRecords<K extends RecordKind>(
  rows: AsyncIterable<ParsedRow> | Iterable<ParsedRow>,
  options: CheckOptions<K>,
): AsyncGenerator<Checked<RecordOf[K]>> {
  const { kind, mapping } = options;
  if (mapping && mapping.record !== kind) {
    throw new Error(`mapping ${JSON.stringify(mapping.name)} is for ${mapping.record}, not ${kind}`);
  }
  const ctx = mapping?.zone ? { ...options.ctx, sourceZone: mapping.zone } : options.ctx;
  for await (const row of rows) {
    if ('error' in row) {
      yield { line: row.line, status: 'rejected', errors: [row.error] };
      continue;
    }
    const mapped = mapping ? mapping.apply(row.record) : { record: row.record };
    if ('skip' in mapped) {
      yield { line: row.line, status: 'skipped', reason: mapped.skip };
      continue;
    }
    // A cell that did not read in its column's declared time format is refused as such, never
    // re-read as some other time the record schema might accept.
    if ('invalid' in mapped) {
      yield rejected(row.line, recordId(mapped.record[ID_FIELD[kind]]), mapped.invalid, row.record);
      continue;
    }
    const result = validateRecord(kind, mapped.record, ctx);
    const id = recordId(mapped.record[ID_FIELD[kind]]);
    if (result.ok) {
      const value = result.value;
      yield {
        line: row.line,
        status: 'accepted',
        id: String((value as unknown as Record<string, unknown>)[ID_FIELD[kind]]),
        value,
      };
    } else yield rejected(row.line, id, result.issues, row.record);
  }
}

/** A row refused, with every issue and the row as it came. */
function rejected(
  line: number,
  id: string | undefined,
  errors: Issue[],
  record: Record<string, unknown>,
): Checked<never> {
  return { line, status: 'rejected', ...(id ? { id } : {}), errors, record };
}

const recordId = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
