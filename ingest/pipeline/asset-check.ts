// An outage is stored only on an asset that exists and serves a plausible number of customers;
// the asset register (AssetDirectory) answers from its cache, and again fresh before a refusal.

import { type AssetDirectory, StoreError } from '../../store/index.js';
import type { RecordOf } from '../schemas/index.js';
import type { BatchRow, Refusal } from './summary.js';

/**
 * Customer counts in an asset register lag the network by months, so an outage may
 * legitimately interrupt somewhat more customers than its asset is recorded to serve; ten
 * times as many is a unit or typing error (2147483647 customers on an area of 10).
 */
export const CUSTOMERS_FACTOR = 10;

/**
 * Outages whose asset exists and serves a plausible number of customers; the rest are passed
 * to `reject`. Undefined when the register cannot be asked now (QuestDB unreachable): the
 * writer checks when it replays the unit from the spool.
 */
export async function withPlausibleAssets<T extends BatchRow<unknown>>(
  assets: AssetDirectory,
  factor: number,
  records: T[],
  reject: (r: Refusal) => void,
): Promise<T[] | undefined> {
  const events = records as unknown as BatchRow<RecordOf['outages']>[];
  const overserved = (e: (typeof events)[number], served: ReadonlyMap<string, number>): boolean => {
    const customers = served.get(e.record.assetId) ?? 0;
    return factor > 0 && customers > 0 && e.record.customersAffected > factor * customers;
  };
  let known: Map<string, number>;
  try {
    known = await assets.served(events.map((e) => e.record.assetId));
    // A cached count may be older than the asset's latest version: ask again before refusing.
    const doubtful = events.filter((e) => overserved(e, known)).map((e) => e.record.assetId);
    if (doubtful.length > 0) {
      for (const [id, n] of await assets.served(doubtful, { fresh: true })) known.set(id, n);
    }
  } catch (err) {
    if (!(err instanceof StoreError) || err.kind !== 'unreachable') throw err;
    // Cannot ask now: the writer checks when it replays the unit from the spool.
    return undefined;
  }
  const kept: T[] = [];
  events.forEach((e, i) => {
    const { assetId, eventId, customersAffected } = e.record;
    const customers = known.get(assetId);
    const refuse = (path: string, message: string) =>
      reject({ line: e.line, id: eventId, errors: [{ path, message }], raw: e.raw });
    if (customers === undefined) refuse('assetId', `unknown asset "${assetId}": send its asset record first`);
    else if (overserved(e, known))
      refuse(
        'customersAffected',
        `${customersAffected} customers is more than ${factor} times the ${customers} that asset "${assetId}" serves; correct the figure, or update the asset's customers first`,
      );
    else kept.push(records[i]!);
  });
  return kept;
}
