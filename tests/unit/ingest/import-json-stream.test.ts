import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Format } from '../../../ingest/formats/index.js';
import { importFile } from '../../../ingest/import/run.js';
import { memoryStore } from './memory-store.js';

const RECORDS = 200_000;
let dir = '';

/** Record i: a valid outage, except every 1000th (a number) and every 1000th + 500 (an unknown cause). */
function item(i: number): unknown {
  if (i % 1000 === 0) return 42;
  return {
    eventId: `E${i}`,
    assetId: i % 2 === 0 ? 'F1' : 'F2',
    start: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    customersAffected: i % 97,
    cause: i % 1000 === 500 ? 'storm' : 'equipment_fault',
    notes: i % 3 === 0 ? '雷雨大风，导线舞动 "跳闸" ]}' : '',
  };
}

/** The records as a JSON array (one per line, so NDJSON line n is array element n) or NDJSON. */
async function write(format: 'json' | 'ndjson'): Promise<string> {
  const file = join(dir, `outages.${format}`);
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
  let buffer = format === 'json' ? '[\n' : '';
  for (let i = 1; i <= RECORDS; i++) {
    buffer += `${JSON.stringify(item(i))}${format === 'json' && i < RECORDS ? ',' : ''}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.end(format === 'json' ? `${buffer}]\n` : buffer);
  await done;
  return file;
}

async function run(format: Format, file: string) {
  const store = memoryStore([
    ['F1', 100],
    ['F2', 100],
  ]);
  const rejects: { line: number; errors: unknown }[] = [];
  const summary = await importFile(
    { writer: store.writer, assets: store.assets, zone: 'Asia/Shanghai', now: () => Date.UTC(2025, 6, 1) },
    {
      kind: 'outages',
      file: 'outages',
      format,
      // 64 KiB chunks: records, strings and characters straddle them
      open: () => createReadStream(file, { highWaterMark: 1 << 16 }),
      onReject: ({ line, errors }) => rejects.push({ line, errors }),
    },
  );
  return { summary: { ...summary, batchId: '' }, outages: store.stored('outages'), rejects };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-json-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a JSON array of 200,000 records', () => {
  it('imports streamed with the same result as the same records in NDJSON', async () => {
    const json = await run('json', await write('json'));
    expect(json.summary).toMatchObject({ rowsRead: RECORDS, accepted: RECORDS - 400, rejected: 400 });
    expect(json.summary.rejectedByReason).toEqual({
      'must be a JSON object (one record), got 42': 200,
      [Object.keys(json.summary.rejectedByReason).find((k) => k.startsWith('cause: unknown cause'))!]: 200,
    });
    expect(json.rejects.slice(0, 3).map((r) => r.line)).toEqual([500, 1000, 1500]);
    expect(json.outages[0]).toEqual({
      eventId: 'E1',
      assetId: 'F2',
      start: Date.UTC(2025, 0, 1, 0, 1),
      end: null,
      customersAffected: 1,
      restorations: [],
      cause: 'equipment_fault',
      planned: false,
    });
    expect(json.outages[2]).toMatchObject({ eventId: 'E3', notes: '雷雨大风，导线舞动 "跳闸" ]}' });

    const ndjson = await run('ndjson', await write('ndjson'));
    expect(json.summary).toEqual(ndjson.summary);
    expect(json.rejects).toEqual(ndjson.rejects);
    expect(json.outages.length).toBe(ndjson.outages.length);
    expect(json.outages).toEqual(ndjson.outages);
  }, 120_000);
});
