// A unit replayed from the spool has no caller left to tell what could not be stored: its
// records QuestDB refused, and its outages of assets unknown when it was accepted (QuestDB was
// down, so ingest could not check them), are kept in the rejects table instead.

import type { Issue, OutageEvent } from '../../core/index.js';
import type { AssetDirectory } from '../asset-directory.js';
import { encodeReject, type RejectRow } from './encode.js';
import type { Refused } from './isolate.js';
import type { IlpBuffer } from './unit-encoding.js';
import type { OutageUnit, WriteUnit } from './unit.js';

/** A record of a unit replayed from the spool kept as a reject. */
function spoolReject(unit: WriteUnit, index: number, recordId: string | undefined, issue: Issue): RejectRow {
  return {
    kind: unit.kind,
    source: 'spool',
    batchId: `spool-${unit.receivedAt}`,
    line: index + 1,
    ...(recordId === undefined ? {} : { recordId }),
    errors: JSON.stringify([issue]),
    record: JSON.stringify(unit.records[index]),
  };
}

/** The reject rows of the records QuestDB refused in a unit. */
export function refusedRejects(unit: WriteUnit, refused: readonly Refused[]): RejectRow[] {
  const records = unit.records as readonly object[];
  return refused.map(({ index, message }) => {
    const record = records[index] as Record<string, unknown>;
    const id = record['eventId'] ?? record['assetId'] ?? record['warningId'];
    return spoolReject(unit, index, typeof id === 'string' ? id : undefined, { path: '', message });
  });
}

/**
 * Outages whose asset exists. A unit accepted while QuestDB was down could not be checked
 * at ingest; its events for unknown assets become rejects here (into `buffer`) instead of orphans.
 */
export async function withKnownAssets(
  unit: OutageUnit,
  assets: AssetDirectory | undefined,
  buffer: IlpBuffer,
): Promise<OutageEvent[]> {
  if (unit.assetsChecked !== false || !assets) return unit.records;
  const known = await assets.existing(unit.records.map((e) => e.assetId));
  const kept: OutageEvent[] = [];
  unit.records.forEach((e, line) => {
    if (known.has(e.assetId)) kept.push(e);
    else
      encodeReject(
        buffer,
        spoolReject(unit, line, e.eventId, {
          path: 'assetId',
          message: `unknown asset "${e.assetId}": send its asset record first`,
        }),
        unit.receivedAt,
      );
  });
  return kept;
}
