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
 * column"). So after each migration this waits until every WAL table has applied what it
 * accepted, before the next migration, and before the product reads, relies on its columns.
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
    if (!(await walCaughtUp(store, 'all', applyTimeoutMs)))
      throw new Error(
        `migration ${m.version} (${m.name}): QuestDB did not apply it within ${applyTimeoutMs} ms`,
      );
    await store.exec(sql`INSERT INTO schema_migrations VALUES (${m.version}, ${m.name}, ${raw('now()')})`);
    applied.push(m.version);
  }
  return applied;
}
