// The peer of analytics/reliability-sql: the very statements queryReliability builds, run by
// DuckDB on a copy of the same QuestDB tables. A Store whose rows() rewrites the few QuestDB
// idioms the builders use into DuckDB's (LONG casts, timestamp-to-ms, to_timezone, L literals,
// long_sequence, count()) lets the product's own queryReliability drive DuckDB unchanged: the
// census, the issues statement and the report statement, with the same JavaScript around them.
// Benchmarks only: the rewriting knows exactly the statements of that module, nothing more.

import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { LocalQuestDB, QueryResult, Sql, Store } from '../store/index.js';

/** Where an asset (or the asset an outage reaches) lies: its feeder, its place and its class. */
const PLACE = {
  feeder_id: 'VARCHAR',
  province: 'VARCHAR',
  city: 'VARCHAR',
  county: 'VARCHAR',
  park: 'VARCHAR',
  area_class: 'VARCHAR',
};

/** The stored columns the reliability statements read, and their DuckDB types. */
const TABLES: Record<string, Record<string, string>> = {
  assets: {
    asset_id: 'VARCHAR',
    kind: 'VARCHAR',
    ...PLACE,
    customers: 'INTEGER',
    enterprise_customers: 'INTEGER',
    valid_from: 'TIMESTAMP',
  },
  outages: {
    event_id: 'VARCHAR',
    asset_id: 'VARCHAR',
    start: 'TIMESTAMP',
    end_at: 'TIMESTAMP',
    customers_affected: 'INTEGER',
    restorations: 'VARCHAR',
    cause: 'VARCHAR',
    planned: 'BOOLEAN',
    deleted: 'BOOLEAN',
  },
  outage_areas: { event_id: 'VARCHAR', area_id: 'VARCHAR', start: 'TIMESTAMP', deleted: 'BOOLEAN' },
  outage_reach: {
    event_id: 'VARCHAR',
    asset_id: 'VARCHAR',
    source_id: 'VARCHAR',
    kind: 'VARCHAR',
    ...PLACE,
    start: 'TIMESTAMP',
    end_at: 'TIMESTAMP',
    deleted: 'BOOLEAN',
  },
};

/** Applies `f` to the statement outside its quoted literals ('…', with '' inside). */
const outsideLiterals = (text: string, f: (code: string) => string): string =>
  text
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join('');

/** QuestDB SQL as analytics/reliability-sql writes it → the same statement for DuckDB. */
export function toDuckDb(text: string): string {
  const code = (s: string): string =>
    s
      // a TIMESTAMP's epoch ms (QuestDB: micros as LONG, divided)
      .replace(/\b((?:\w+\.)?(?:start|end_at|valid_from))::long \/ 1000\b/g, 'epoch_ms($1)')
      .replace(/\blong_sequence\((\d+)\) (\w+)/g, '(SELECT range + 1 AS x FROM range($1)) $2')
      .replace(/\bcount\(\)/g, 'count(*)')
      .replace(/(?<![\w.])(-?\d+)L\b/g, '$1::BIGINT')
      .replace(/::long\b/g, '::BIGINT')
      .replace(/::double\[\]/g, '::DOUBLE[]')
      // keywords in DuckDB used as column names there (a step's restoration time, N_T shares)
      .replace(/\b(at|share)\b/g, '"$1"');
  return (
    outsideLiterals(text, code)
      // local day number in the zone (its argument list holds a literal, so after the split)
      .replace(
        /to_timezone\(([\w.]+), ('[^']+')\)::BIGINT \/ 86400000000::BIGINT/g,
        '(epoch_us(timezone($2, $1::TIMESTAMPTZ)) // 86400000000)',
      )
  );
}

const plain = (v: unknown): unknown => {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.getTime();
  if (v !== null && typeof v === 'object' && 'micros' in v)
    return Number((v as { micros: bigint }).micros) / 1000;
  return v;
};

/** A Store over DuckDB for the reliability statements (read-only: exec refuses). */
export function duckdbStore(c: DuckDBConnection, base: Store): Store & { statements: string[] } {
  const statements: string[] = [];
  const run = async (statement: Sql) => {
    const text = toDuckDb(statement.text);
    statements.push(text);
    const reader = await c.runAndReadAll(text);
    return { names: reader.columnNames(), rows: reader.getRows() };
  };
  return {
    statements,
    connection: base.connection,
    async query(statement: Sql): Promise<QueryResult> {
      const { names, rows } = await run(statement);
      return {
        columns: names.map((name) => ({ name, type: '' })),
        dataset: rows.map((r) => r.map(plain)),
        count: rows.length,
      };
    },
    async rows<T>(statement: Sql): Promise<T[]> {
      const { names, rows } = await run(statement);
      return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, plain(r[i])])) as T);
    },
    exec(): Promise<void> {
      return Promise.reject(new Error('the DuckDB peer is read-only'));
    },
    ping: async () => true,
  };
}

/** Copies the tables the reliability statements read from QuestDB (CSV export) into DuckDB. */
export async function duckdbFromQuestDB(
  qdb: LocalQuestDB,
  dir: string,
): Promise<{
  connection: DuckDBConnection;
  rows: Record<string, number>;
  copyMs: number;
  close: () => void;
}> {
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  // Stored TIMESTAMPs are UTC; ::TIMESTAMPTZ reads them in the session's zone.
  await c.run("SET TimeZone = 'UTC'");
  const rows: Record<string, number> = {};
  for (const [table, columns] of Object.entries(TABLES)) {
    const file = join(dir, `${table}.csv`);
    const names = Object.keys(columns);
    const query = `SELECT ${names.join(', ')} FROM ${table}`;
    const res = await fetch(`${qdb.httpUrl}/exp?query=${encodeURIComponent(query)}`, {
      headers: { authorization: qdb.authorization },
    });
    if (!res.ok || !res.body) throw new Error(`export of ${table}: ${res.status}`);
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(file));
    const types = `{${names.map((n) => `'${n}': '${columns[n]}'`).join(', ')}}`;
    await c.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${file}', header = true, quote = '"', escape = '"', auto_detect = false, columns = ${types})`,
    );
    const r = await c.runAndReadAll(`SELECT count(*) FROM ${table}`);
    rows[table] = Number(r.getRows()[0]?.[0] ?? 0);
  }
  const close = () => {
    c.closeSync();
    db.closeSync();
  };
  return { connection: c, rows, copyMs: performance.now() - t0, close };
}
