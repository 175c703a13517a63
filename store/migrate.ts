import type { Store } from './client.js';
import { raw, sql } from './sql.js';
import { MIGRATIONS, type Migration } from './tables.js';
import { walCaughtUp } from './wal.js';

/**
 * Applies the migrations not yet recorded in schema_migrations, in order. Statements are
 * idempotent (IF NOT EXISTS), so two instances starting together do no harm.
 *
 * QuestDB applies a WAL table's ALTER asynchronously: until its apply job has run, a query
 * (or a view's definition) compiled against the table does not see the new column ("Invalid
 * column"). So after each migration this waits until the tables it created or altered have
 * applied what they accepted, before the next migration and before the product relies on them.
 */
export async function migrate(
  store: Store,
  migrations: readonly Migration[] = MIGRATIONS,
  applyTimeoutMs = 5 * 60_000,
): Promise<number[]> {
  await store.exec(
    sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INT, name VARCHAR, applied_at TIMESTAMP) TIMESTAMP(applied_at) PARTITION BY YEAR BYPASS WAL`,
  );
  const done = new Set(
    (await store.rows<{ version: number }>(sql`SELECT version FROM schema_migrations`)).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    for (const statement of m.statements) await store.exec(raw(statement));
    const why = await notApplied(store, tablesOf(m.statements), applyTimeoutMs);
    if (why) throw new Error(`migration ${m.version} (${m.name}): ${why}`);
    await store.exec(sql`INSERT INTO schema_migrations VALUES (${m.version}, ${m.name}, ${raw('now()')})`);
    applied.push(m.version);
  }
  return applied;
}

/**
 * Waits until `tables` have applied what they accepted; says why not when they have not in
 * `timeoutMs`, at once when one's WAL is suspended (it would never apply: QuestDB's log says why).
 */
async function notApplied(store: Store, tables: string[], timeoutMs: number): Promise<string | undefined> {
  if (tables.length === 0) return undefined;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const suspended = await store.rows<{ name: string }>(
      sql`SELECT name FROM wal_tables() WHERE suspended AND name IN (${tables})`,
    );
    if (suspended.length > 0)
      return `the WAL of ${suspended.map((r) => r.name).join(', ')} is suspended (QuestDB's log says why; ALTER TABLE … RESUME WAL once it is put right)`;
    // In slices of a second, to look for a suspended table between them; a later slice's mark
    // is only later, so reaching it means the migration's own writes are applied.
    if (await walCaughtUp(store, tables, Math.min(1_000, Math.max(0, until - Date.now())))) return undefined;
    if (Date.now() >= until) return `QuestDB did not apply it within ${timeoutMs} ms`;
  }
}

/** The tables a migration's statements create or alter (a view's own name is not one). */
export function tablesOf(statements: readonly string[]): string[] {
  const names = statements.flatMap((s) =>
    [...s.matchAll(/\b(?:ALTER|CREATE)\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/gi)].map((m) => m[1] ?? ''),
  );
  return [...new Set(names)];
}
