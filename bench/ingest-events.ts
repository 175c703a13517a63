// The synthetic outages of the ingest benchmark: one event per index on a fixed set of feeders,
// written as the three files the product ingests (NDJSON, CSV with UTC times, CSV with local
// times); the state the cases of one size share between their setup and their run; and the wait
// until a run's events can be read.

import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ident, type Store, sql } from '../store/index.js';

export const FEEDERS = 2_000;
const CAUSES = ['equipment_fault', 'weather_fault', 'external_damage', 'planned_maintenance', 'unknown'];

/**
 * Each run writes new outages in a time range of its own (two years apart; a million events
 * span 14 months), as new events arrive: a run then does not pay for merging into the
 * partitions of the runs before it, which a re-import of old months would.
 */
export const baseOf = (run: number): number => Date.UTC(1990 + 2 * run, 0, 1);

export function eventRow(prefix: string, i: number, base: number) {
  const start = base + i * 37_000;
  return {
    eventId: `${prefix}-${i}`,
    assetId: `BF-${i % FEEDERS}`,
    start: new Date(start).toISOString(),
    end: new Date(start + 3_600_000).toISOString(),
    customersAffected: 100 + (i % 400),
    cause: CAUSES[i % CAUSES.length]!,
  };
}

/** Shanghai wall-clock time of an ISO instant, as outage-management exports write it. */
const local = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

export interface Files {
  ndjson: string;
  csv: string;
  csvLocal: string;
}

/** The three files, written a block at a time (the bench's memory is then the ingest's). */
export function writeFiles(dir: string, prefix: string, n: number, base: number): Files {
  mkdirSync(dir, { recursive: true });
  const files = {
    ndjson: join(dir, `${prefix}.ndjson`),
    csv: join(dir, `${prefix}.csv`),
    csvLocal: join(dir, `${prefix}-local.csv`),
  };
  const header = 'eventId,assetId,start,end,customersAffected,cause\n';
  writeFileSync(files.ndjson, '');
  writeFileSync(files.csv, header);
  writeFileSync(files.csvLocal, header);
  const BLOCK = 10_000;
  for (let from = 0; from < n; from += BLOCK) {
    let nd = '';
    let csv = '';
    let csvLocal = '';
    for (let i = from; i < Math.min(n, from + BLOCK); i++) {
      nd += `${JSON.stringify(eventRow(`${prefix}n`, i, base))}\n`;
      const c = eventRow(`${prefix}c`, i, base);
      csv += `${c.eventId},${c.assetId},${c.start},${c.end},${c.customersAffected},${c.cause}\n`;
      const l = eventRow(`${prefix}l`, i, base);
      csvLocal += `${l.eventId},${l.assetId},${local(l.start)},${local(l.end)},${l.customersAffected},${l.cause}\n`;
    }
    appendFileSync(files.ndjson, nd);
    appendFileSync(files.csv, csv);
    appendFileSync(files.csvLocal, csvLocal);
  }
  return files;
}

/**
 * The cases of one size: how many events each run writes, and the prefix of the event ids (and
 * the files) its latest setup made. `runs` counts the setups of every size, so that each run
 * has its own time range (`baseOf`).
 */
export interface IngestRound {
  n: number;
  size: string;
  runs: { count: number };
  prefix: string;
  files: Files;
}

/** A new run of the round: the next run number and a fresh prefix starting with `letter`. */
export function nextRun(round: IngestRound, letter: string): void {
  round.runs.count += 1;
  round.prefix = `${letter}${Date.now().toString(36)}${round.runs.count}`;
}

/** Waits until `table` holds `n` rows whose event id is `like`: a run ends when its events can be read. */
export async function visible(store: Store, table: string, like: string, n: number): Promise<void> {
  for (;;) {
    const [r] = await store.rows<{ n: number }>(
      sql`SELECT count() n FROM ${ident(table)} WHERE event_id LIKE ${like}`,
    );
    if ((r?.n ?? 0) >= n) return;
    await new Promise((res) => setTimeout(res, 50));
  }
}
