// Sending kept bytes to QuestDB, and what its failures mean to the writer: a 4xx answer is a
// refusal of the data (isolated record by record, or failing the unit), anything else after a
// few tries is QuestDB out of reach (the unit is spooled and replayed).

import type { SenderTransport } from '@questdb/nodejs-client';
import { StoreError } from '../client.js';

const SEND_ATTEMPTS = 3;

export const isRefusal = (err: unknown): boolean => err instanceof StoreError && err.kind === 'rejected';

/**
 * A read the write needs (the stored versions, the network, the asset register) that QuestDB did
 * not answer is not a refusal of the records: the unit is spooled and retried, never turned into
 * rejects or set aside for what a busy or restarting QuestDB said about a query.
 */
export function readFailure(err: unknown): unknown {
  if (!(err instanceof StoreError) || err.kind !== 'rejected') return err;
  return new StoreError('unreachable', `a read the write needs failed: ${err.message}`, { cause: err });
}

/** QuestDB's own words from the client's error text (its JSON answer when there is one). */
export function refusalText(message: string): string {
  const json = /\{.*\}/s.exec(message)?.[0];
  if (json) {
    try {
      const body = JSON.parse(json) as { message?: unknown; line?: unknown };
      if (typeof body.message === 'string') return body.message;
    } catch {
      // not JSON after all: the whole text
    }
  }
  return message;
}

/**
 * Sends the kept bytes, retrying a few times with backoff before giving up as unreachable;
 * `failed` is told of every attempt that failed.
 */
export async function sendWithRetries(
  transport: SenderTransport,
  bytes: Buffer,
  failed: () => void,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await transport.send(bytes);
      return;
    } catch (err) {
      const message = String((err as Error).message ?? err);
      failed();
      if (/statusCode=4\d\d/.test(message)) {
        throw new StoreError('rejected', `QuestDB refused it: ${refusalText(message)}`, { cause: err });
      }
      if (attempt >= SEND_ATTEMPTS - 1) {
        throw new StoreError('unreachable', `ILP write failed: ${message}`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 100 * 4 ** attempt));
    }
  }
}
