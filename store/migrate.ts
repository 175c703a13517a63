import type { Store } from './client.js';
import { raw, sql } from './sql.js';
import { MIGRATIONS, type Migration } from './tables.js';

/**
 * Applies the migrations not yet recorded in schema_migrations, in order. Statements are
 * idempotent (IF NOT EXISTS), so two instances starting together do no harm.
 */
export async function migrate(
  store: Store,
  migrations: readonly Migration[] = MIGRATIONS,
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
    await store.exec(sql`INSERT INTO schema_migrations VALUES (${m.version}, ${m.name}, ${raw('now()')})`);
    applied.push(m.version);
  }
  return applied;
}
