// Reads and DDL through QuestDB's HTTP /exec endpoint. Errors are StoreErrors that say whether
// the database was unreachable (retry later, 503) or refused the statement (a bug, 500); their
// text may contain SQL and so is logged, never sent to an HTTP client.

import type { Connection } from './connection.js';
import { type Sql, sql } from './sql.js';

export type StoreErrorKind = 'unreachable' | 'rejected';

/**
 * URL-encoded characters of a statement QuestDB takes in one request: statements travel in the
 * request line, which QuestDB 9.3.4 reads up to about 32 KiB by default (a longer one is cut off
 * with the connection).
 */
export const MAX_ENCODED_STATEMENT = 30_000;

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface Column {
  name: string;
  type: string;
}

export interface QueryResult {
  columns: Column[];
  dataset: unknown[][];
  count: number;
}

export interface QueryOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface Store {
  query(statement: Sql, options?: QueryOptions): Promise<QueryResult>;
  /** Rows as objects keyed by column name; TIMESTAMP columns become epoch ms (null stays null). */
  rows<T = Record<string, unknown>>(statement: Sql, options?: QueryOptions): Promise<T[]>;
  exec(statement: Sql, options?: QueryOptions): Promise<void>;
  ping(timeoutMs?: number): Promise<boolean>;
  readonly connection: Connection;
}

export function createStore(connection: Connection): Store {
  const headers: Record<string, string> = connection.authorization
    ? { Authorization: connection.authorization }
    : {};

  async function query(statement: Sql, options: QueryOptions = {}): Promise<QueryResult> {
    const url = `${connection.httpUrl}/exec?query=${encodeURIComponent(statement.text)}&timings=false`;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 120_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal });
    } catch (err) {
      throw new StoreError('unreachable', `QuestDB unreachable at ${connection.httpUrl}: ${String(err)}`, {
        cause: err,
      });
    }
    const text = await res.text();
    let body: { error?: string; columns?: Column[]; dataset?: unknown[][]; count?: number; ddl?: string };
    try {
      body = JSON.parse(text);
    } catch {
      throw new StoreError(
        'unreachable',
        `QuestDB answered ${res.status} with no JSON: ${text.slice(0, 200)}`,
      );
    }
    if (!res.ok || body.error) {
      const kind: StoreErrorKind = res.status >= 500 ? 'unreachable' : 'rejected';
      throw new StoreError(
        kind,
        `QuestDB refused: ${body.error ?? res.status} in: ${statement.text.slice(0, 500)}`,
      );
    }
    return { columns: body.columns ?? [], dataset: body.dataset ?? [], count: body.count ?? 0 };
  }

  return {
    connection,
    query,
    async rows<T>(statement: Sql, options?: QueryOptions): Promise<T[]> {
      const r = await query(statement, options);
      const isTime = r.columns.map(
        (c) => c.type === 'TIMESTAMP' || c.type === 'TIMESTAMP_NS' || c.type === 'DATE',
      );
      return r.dataset.map((row) => {
        const o: Record<string, unknown> = {};
        r.columns.forEach((c, i) => {
          const v = row[i];
          o[c.name] = isTime[i] && typeof v === 'string' ? Date.parse(v) : v;
        });
        return o as T;
      });
    },
    async exec(statement: Sql, options?: QueryOptions): Promise<void> {
      await query(statement, options);
    },
    async ping(timeoutMs = 2_000): Promise<boolean> {
      try {
        await query(sql`SELECT 1`, { timeoutMs });
        return true;
      } catch {
        return false;
      }
    },
  };
}
