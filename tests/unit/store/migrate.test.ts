// QuestDB applies an ALTER of a WAL table asynchronously; a view compiled before the apply job
// has run does not see the new column ("Invalid column: force_majeure", seen on a loaded CI
// machine on a fresh database). The store here models that lag: each poll of wal_tables()
// applies one transaction, and a view fails while any is pending.

import { describe, expect, it } from 'vitest';
import type { QueryResult, Sql, Store } from '../../../store/index.js';
import { migrate, tablesOf } from '../../../store/migrate.js';
import { MIGRATIONS as PRODUCT_MIGRATIONS, type Migration } from '../../../store/tables.js';

function laggingStore(appliesPerPoll: number, suspended = false) {
  let sequencerTxn = 0;
  let writerTxn = 0;
  const log: string[] = [];
  const rows = async <T>(statement: Sql): Promise<T[]> => {
    if (statement.text.includes('WHERE suspended')) return (suspended ? [{ name: 'outages' }] : []) as T[];
    if (statement.text.includes('wal_tables()')) {
      const row = { name: 'outages', writerTxn, sequencerTxn };
      writerTxn = Math.min(sequencerTxn, writerTxn + appliesPerPoll);
      return [row as T];
    }
    return [];
  };
  const exec = async (statement: Sql): Promise<void> => {
    const text = statement.text;
    if (text.startsWith('ALTER')) sequencerTxn++;
    if (text.includes('VIEW') && writerTxn < sequencerTxn) throw new Error('Invalid column: force_majeure');
    if (!text.startsWith('CREATE TABLE IF NOT EXISTS schema_migrations')) log.push(text);
  };
  const store = {
    rows,
    exec,
    query: async (): Promise<QueryResult> => ({ columns: [], dataset: [], count: 0 }),
    ping: async () => true,
  } as unknown as Store;
  return { store, log };
}

const MIGRATIONS: Migration[] = [
  {
    version: 7,
    name: 'force_majeure',
    statements: [
      'ALTER TABLE outages ADD COLUMN IF NOT EXISTS force_majeure BOOLEAN',
      'ALTER TABLE outage_history ADD COLUMN IF NOT EXISTS force_majeure BOOLEAN',
    ],
  },
  {
    version: 13,
    name: 'views',
    statements: ['CREATE OR REPLACE VIEW current_outages AS (SELECT force_majeure FROM outages)'],
  },
];

describe('migrate', () => {
  it('creates a view only once the ALTERs of the migrations before are applied', async () => {
    const { store, log } = laggingStore(1);
    expect(await migrate(store, MIGRATIONS)).toEqual([7, 13]);
    expect(log.filter((s) => !s.startsWith('INSERT'))).toEqual([
      MIGRATIONS[0]?.statements[0],
      MIGRATIONS[0]?.statements[1],
      MIGRATIONS[1]?.statements[0],
    ]);
    expect(log.filter((s) => s.startsWith('INSERT'))).toHaveLength(2);
  });

  it('says at once that a table it altered has its WAL suspended', async () => {
    const { store, log } = laggingStore(0, true);
    await expect(migrate(store, MIGRATIONS, 60 * 60_000)).rejects.toThrow(
      'migration 7 (force_majeure): the WAL of outages is suspended',
    );
    expect(log.some((s) => s.startsWith('INSERT'))).toBe(false);
  });

  it('says which migration QuestDB did not apply in time, and records none after it', async () => {
    const { store, log } = laggingStore(0);
    await expect(migrate(store, MIGRATIONS, 50)).rejects.toThrow(
      'migration 7 (force_majeure): QuestDB did not apply it within 50 ms',
    );
    expect(log.some((s) => s.startsWith('INSERT'))).toBe(false);
  });
});

describe('tablesOf', () => {
  const of = (version: number) =>
    tablesOf(PRODUCT_MIGRATIONS.find((m) => m.version === version)?.statements ?? []);

  it('names the tables a migration alters or creates, each once, and no view', () => {
    expect(of(7)).toEqual(['outages', 'outage_history', 'outage_reach']);
    expect(of(13)).toEqual(['flag_snapshot', 'reliability_snapshot', 'snapshot_runs']);
    expect(tablesOf(['CREATE OR REPLACE VIEW v AS (SELECT 1)', 'alter table t add column c INT'])).toEqual([
      't',
    ]);
  });
});
