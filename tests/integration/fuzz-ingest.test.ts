// Seeded fuzzing of the ingest endpoints and the import reader with malformed JSON, NDJSON, CSV
// and Arrow IPC: truncated, too deep, over-long lines, Latin-1/UTF-16/BOM, binary garbage,
// wrong types. Every body's outcome is known by construction (tests/support/fuzz-bodies.ts):
// the answer is a clear 4xx or lists exactly the rejects expected, the valid records in the same
// body are accepted, the server keeps answering, and at the end every accepted record is in
// QuestDB exactly once and every reject is kept. A 50 MB single line is refused by the limits
// without being held in memory.

import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Format } from '../../ingest/formats/index.js';
import { importFile } from '../../ingest/import/run.js';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import {
  arrowCase,
  CSV_HEADER,
  csvCase,
  csvLine,
  type FuzzBodyOptions,
  type FuzzCase,
  jsonCase,
  mutateBytes,
  ndjsonCase,
  validOutage,
} from '../support/fuzz-bodies.js';
import { INGEST, startTestProduct } from '../support/product.js';
import { eventually, testRoot } from '../support/questdb.js';
import { mulberry32 } from '../support/random-history.js';

const SEED = 0x5eed_2026;
const CASES_PER_FORMAT = 30;
const P = `Z${Date.now().toString(36)}-`;
const options: FuzzBodyOptions = { prefix: P, assetId: `${P}F`, maxLineBytes: 1 << 20 };
const MEDIA: Record<Format, string> = {
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
  arrow: 'application/vnd.apache.arrow.stream',
};

let product: Product;
/** Files the import cases write (50 MB lines among them), removed afterwards. */
let scratch = '';
/** Every record that must end up stored, exactly once. */
const mustStore = new Set<string>();
/** Every batch with the number of rejects it answered (all must be kept in `rejects`). */
const batches = new Map<string, number>();

beforeAll(async () => {
  mkdirSync(testRoot(), { recursive: true });
  scratch = mkdtempSync(join(testRoot(), 'fuzz-'));
  product = await startTestProduct({ OUTAGE_RATE_LIMIT: '1000000' });
  // F takes the structured cases, G the randomly edited ones (whose ids an edit may change).
  const assets = ['F', 'G'].map((a) => ({
    assetId: `${P}${a}`,
    kind: 'feeder',
    areaClass: 'rural',
    customers: 300,
  }));
  const r = await postRaw('assets', new TextEncoder().encode(JSON.stringify(assets)), MEDIA.json);
  expect(r.body['accepted']).toBe(2);
});
afterAll(async () => {
  await product?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

async function postRaw(kind: string, body: Uint8Array, type: string): Promise<Answer> {
  const res = await fetch(`${product.url}/api/v1/${kind}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${INGEST}` },
    // Node's fetch takes any Uint8Array; the DOM typings want one over an ArrayBuffer.
    body: body as unknown as BodyInit,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

async function healthy(): Promise<void> {
  const res = await fetch(`${product.url}/healthz`);
  expect(res.status).toBe(200);
}

/** No stack trace, SQL or internal path in an answer. */
function clean(text: string): void {
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|SELECT |INSERT |questdb/i);
}

interface Rejected {
  line: number;
  errors: { path: string; message: string }[];
}

/** Checks one answer against what the case says, and notes what must be stored. */
function expectOutcome(c: FuzzCase, a: Answer, accepted: number, rejectedCount: number, why: string): void {
  if (c.truncated) {
    const { ids, per } = c.truncated;
    // whole batches only, and one reject unless the cut fell exactly between batches
    expect(accepted === ids.length || accepted % per === 0, why).toBe(true);
    expect(accepted, why).toBeLessThanOrEqual(ids.length);
    expect(rejectedCount, why).toBe(accepted === ids.length || accepted % per === 0 ? rejectedCount : 1);
    expect(rejectedCount, why).toBeLessThanOrEqual(1);
    for (const id of ids.slice(0, accepted)) mustStore.add(id);
    return;
  }
  expect({ accepted, rejectedCount }, why).toEqual({ accepted: c.valid.length, rejectedCount: c.rejects });
  for (const id of c.valid) mustStore.add(id);
  clean(a.text);
}

async function sendCase(c: FuzzCase): Promise<void> {
  const a = await postRaw('outages', c.body, MEDIA[c.format]);
  const why = `${c.label}: ${a.text.slice(0, 600)}`;
  if (a.status === 400) {
    // Unreadable as a whole (cut before its first record, not the format it says): only a case
    // with no record to accept and one reject may be answered so, with the reason.
    expect(a.body['error'], why).toBe('the body could not be read');
    expect(c.truncated ? c.truncated.ids.length > 0 : c.valid.length, why).toBeFalsy();
    if (!c.truncated) expect(c.rejects, why).toBe(1);
    const issues = a.body['issues'] as { path: string; message: string }[];
    expect(issues[0]?.message.length ?? 0, why).toBeGreaterThan(5);
    await healthy();
    return;
  }
  expect(a.status, why).toBe(200);
  const rejected = a.body['rejected'] as Rejected[];
  expectOutcome(c, a, a.body['accepted'] as number, a.body['rejectedCount'] as number, why);
  expect(rejected.length, why).toBe(a.body['rejectedCount']);
  for (const r of rejected) {
    expect(r.line, why).toBeGreaterThanOrEqual(0);
    expect(r.errors.length, why).toBeGreaterThan(0);
    for (const e of r.errors) expect(e.message.length, why).toBeGreaterThan(5);
  }
  batches.set(a.body['batchId'] as string, a.body['rejectedCount'] as number);
  await healthy();
}

const makers = { ndjson: ndjsonCase, csv: csvCase, json: jsonCase, arrow: arrowCase } as const;

describe.each(Object.keys(makers) as (keyof typeof makers)[])('fuzzed %s bodies over HTTP', (format) => {
  it(`answers ${CASES_PER_FORMAT} seeded bad bodies with exactly the expected accepts and rejects`, async () => {
    const rand = mulberry32(SEED + format.length);
    for (let i = 0; i < CASES_PER_FORMAT; i++) {
      await sendCase(makers[format](rand, options, i * 100 + format.length * 10_000, `h${format}${i}`));
    }
  });
});

describe('random byte edits of valid bodies', () => {
  it('never answer 5xx, never accept more than was sent, and the server stays up', async () => {
    const rand = mulberry32(SEED + 99);
    const formats = Object.keys(makers) as (keyof typeof makers)[];
    for (let i = 0; i < 60; i++) {
      const format = formats[i % formats.length]!;
      const c = makers[format](rand, { ...options, assetId: `${P}G` }, 500_000 + i * 100, `m${i}`);
      const a = await postRaw('outages', mutateBytes(rand, c.body), MEDIA[c.format]);
      const why = `${c.label}: ${a.text.slice(0, 300)}`;
      expect([200, 400, 413, 415], why).toContain(a.status);
      clean(a.text);
      if (a.status === 200) {
        const sent = c.truncated ? c.truncated.ids.length : c.valid.length + c.rejects + 5;
        expect(a.body['accepted'] as number, why).toBeLessThanOrEqual(sent);
        batches.set(a.body['batchId'] as string, a.body['rejectedCount'] as number);
      }
      await healthy();
    }
  });
});

describe('HTTP edges', () => {
  it('refuses an unknown content type with 415 and an empty body with 400', async () => {
    const bad = await postRaw('outages', new Uint8Array([1, 2, 3]), 'application/x-garbage');
    expect(bad.status).toBe(415);
    clean(bad.text);
    const empty = await postRaw('outages', new Uint8Array(0), MEDIA.json);
    expect(empty.status).toBe(400);
    expect((empty.body['issues'] as { message: string }[])[0]!.message).toMatch(/empty/);
  });

  it('answers and keeps 8 records of 50,000 unknown fields each (issues listed and stored are capped)', async () => {
    // 50,000 issues a record: uncapped, the rejects alone passed the ILP client's 100 MiB buffer.
    const record = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const line = `${JSON.stringify(record)}\n`;
    const a = await postRaw('outages', new TextEncoder().encode(line.repeat(8)), MEDIA.ndjson);
    expect(a.status, a.text.slice(0, 300)).toBe(200);
    expect(a.body['rejectedCount']).toBe(8);
    const first = (a.body['rejected'] as Rejected[])[0]!;
    // The schema names 20 unknown fields and counts the rest in one issue, then the 5 required
    // fields that are missing: 26 issues; the answer lists 20 of them and counts the other 6.
    expect(first.errors).toHaveLength(21);
    expect(first.errors[0]).toEqual({ path: 'k0', message: expect.stringMatching(/^unknown field/) });
    expect(first.errors[20]!.message).toBe('and 6 more problems');
    expect(a.text.length).toBeLessThan(100_000);
    const batchId = a.body['batchId'] as string;
    batches.set(batchId, 8);
    let kept: { errors: string }[] = [];
    await eventually(async () => {
      kept = await product.store.rows(sql`SELECT errors FROM rejects WHERE batch_id = ${batchId}`);
      return kept.length === 8;
    });
    const stored = JSON.parse(kept[0]!.errors) as { path: string; message: string }[];
    expect(stored).toHaveLength(26);
    expect(stored[20]).toEqual({ path: '', message: 'and 49980 more unknown fields' });
  });
});

/** A body of `head`, then `size` bytes of "x", then `tail`, made as it is sent (never whole). */
function generated(size: number, head: string, tail: string): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x78);
  const enc = new TextEncoder();
  let sent = -1;
  return new ReadableStream({
    pull(controller) {
      if (sent < 0) {
        controller.enqueue(enc.encode(head));
        sent = 0;
      } else if (sent < size) {
        controller.enqueue(chunk.subarray(0, Math.min(chunk.length, size - sent)));
        sent += chunk.length;
      } else {
        controller.enqueue(enc.encode(tail));
        controller.close();
      }
    },
  });
}

// A collector to call while sampling, so the figure is what is held, not garbage not yet swept.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * Heap + array-buffer memory held (after a collection), sampled when asked. The growth is the
 * largest rise of a sample over an earlier one: memory a collection frees is returned a little
 * later, so the first samples can still hold garbage from before.
 */
function memoryProbe() {
  const held = () => {
    collect();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  let low = held();
  let rise = 0;
  return {
    sample: () => {
      const now = held();
      rise = Math.max(rise, now - low);
      low = Math.min(low, now);
    },
    growth: () => rise,
  };
}

/** The file's chunks, sampling memory every `every` chunks: a parser holding the line is seen. */
async function* sampled(file: string, every: number, sample: () => void): AsyncGenerator<Buffer> {
  let n = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
    if (++n % every === 0) sample();
    yield chunk as Buffer;
  }
}

const FIFTY_MB = 50 * 1024 * 1024;
const MB = 1024 * 1024;

describe('a 50 MB single line', () => {
  it('is refused over HTTP by the body limit (32 MiB) or the CSV record limit, streamed or declared', async () => {
    for (const format of ['ndjson', 'csv', 'json'] as const) {
      const head = { ndjson: '{"eventId":"', csv: 'eventId,notes\nE1,', json: '[{"eventId":"' }[format];
      const res = await fetch(`${product.url}/api/v1/outages`, {
        method: 'POST',
        headers: { 'content-type': MEDIA[format], authorization: `Bearer ${INGEST}` },
        body: generated(FIFTY_MB, head, '"}]\n'),
        duplex: 'half',
      } as RequestInit);
      const text = await res.text();
      if (format === 'csv') {
        // The CSV reader stops at a record past 1,000,000 characters before the body limit.
        expect(res.status, text).toBe(200);
        expect(JSON.parse(text)).toMatchObject({ accepted: 0, rejectedCount: 1 });
        expect(text).toMatch(/longer than 1,000,000 characters/);
        batches.set(JSON.parse(text).batchId, 1);
      } else {
        expect(res.status, `${format}: ${text}`).toBe(413);
        expect(JSON.parse(text).error).toMatch(/larger than 32 MiB/);
      }
      await healthy();
    }
    const declared = await fetch(`${product.url}/api/v1/outages`, {
      method: 'POST',
      headers: { 'content-type': MEDIA.ndjson, authorization: `Bearer ${INGEST}` },
      body: new Uint8Array(FIFTY_MB),
    });
    expect(declared.status).toBe(413);
    await healthy();
  });

  // The import has no body limit: the line limits alone must keep the line out of memory.
  it.each([
    ['ndjson', '{"eventId":"', '"}', 'is longer than 1 MiB; send one record per line', 3],
    [
      'csv',
      'E-big,',
      '',
      'a record is longer than 1,000,000 characters (an unclosed quote?); the rest of the file was not read',
      2,
    ],
  ] as const)(
    'is one reject in an imported %s file, the records around it import, memory stays flat',
    async (format, head, tail, reason, read) => {
      const dir = mkdtempSync(join(scratch, 'import-'));
      const row = (id: string, n: number) => validOutage(options, `big-${format}-${id}`, 900_000 + n);
      const header = format === 'csv' ? `${CSV_HEADER}\n` : '';
      const line = (r: Record<string, unknown>) => (format === 'csv' ? csvLine(r) : JSON.stringify(r));
      const file = join(dir, `big.${format}`);
      await new Promise<void>((resolve, reject) => {
        const out = createWriteStream(file);
        out.on('error', reject);
        out.write(`${header}${line(row('before', 1))}\n${head}`);
        const chunk = 'x'.repeat(MB);
        for (let i = 0; i < 50; i++) out.write(chunk);
        out.end(`${tail}\n${line(row('after', 2))}\n`, () => resolve());
      });
      const probe = memoryProbe();
      const summary = await importFile(
        { writer: product.writer, assets: product.deps.assets, zone: 'Asia/Shanghai' },
        // memory is looked at every 4 MB read
        { kind: 'outages', file, format, open: () => sampled(file, 64, probe.sample) },
      );
      const growth = probe.growth();
      // CSV stops at the over-long record (what follows cannot be split reliably); NDJSON goes on.
      const accepted = format === 'csv' ? [`before`] : ['before', 'after'];
      expect(summary).toMatchObject({ rowsRead: read, accepted: accepted.length, rejected: 1 });
      expect(summary.rejectedByReason).toEqual({ [reason]: 1 });
      expect(growth).toBeLessThan(16 * MB);
      for (const id of accepted) mustStore.add(`${P}big-${format}-${id}`);
      batches.set(summary.batchId, 1);
    },
  );
});

describe('the import reader', () => {
  it('reads the same seeded bad files as the endpoints, with the same accepts and rejects', async () => {
    const dir = mkdtempSync(join(scratch, 'files-'));
    const rand = mulberry32(SEED + 7);
    const formats = Object.keys(makers) as (keyof typeof makers)[];
    for (let i = 0; i < 24; i++) {
      const format = formats[i % formats.length]!;
      const c = makers[format](rand, options, 700_000 + i * 100, `f${format}${i}`);
      const file = join(dir, `case-${i}.${format}`);
      writeFileSync(file, c.body);
      const summary = await importFile(
        { writer: product.writer, assets: product.deps.assets, zone: 'Asia/Shanghai' },
        {
          kind: 'outages',
          file,
          format,
          open: () => createReadStream(file, { highWaterMark: [61, 4093, 65_536][i % 3]! }),
        },
      );
      const why = `${c.label}: ${JSON.stringify(summary).slice(0, 400)}`;
      expect(summary.rowsRead, why).toBeGreaterThanOrEqual(summary.accepted + summary.rejected);
      expectOutcome(c, { status: 200, body: {}, text: '' }, summary.accepted, summary.rejected, why);
      batches.set(summary.batchId, summary.rejected);
    }
  });
});

describe('records of 1 MB each', () => {
  it('import in one batch of 120 MB encoded (over the ILP client buffer) and are all stored', async () => {
    const dir = mkdtempSync(join(scratch, 'big-'));
    const notes = '长'.repeat(330_000); // ~1 MB of UTF-8 per record
    const ids = Array.from({ length: 60 }, (_, i) => `big-notes-${i}`);
    const file = join(dir, 'notes.ndjson');
    writeFileSync(
      file,
      ids.map((id, i) => JSON.stringify({ ...validOutage(options, id, 950_000 + i), notes })).join('\n'),
    );
    const summary = await importFile(
      { writer: product.writer, assets: product.deps.assets, zone: 'Asia/Shanghai' },
      { kind: 'outages', file, format: 'ndjson', open: () => createReadStream(file) },
    );
    expect(summary).toMatchObject({ rowsRead: 60, accepted: 60, rejected: 0, spooled: 0 });
    for (const id of ids) mustStore.add(`${P}${id}`);
  });
});

describe('afterwards', () => {
  it('every accepted record is stored exactly once and every reject is kept', async () => {
    const ids = [...mustStore];
    expect(ids.length).toBeGreaterThan(200);
    const like = `${P}%`;
    let rows: { event_id: string; n: number }[] = [];
    await eventually(async () => {
      rows = await product.store.rows(
        sql`SELECT event_id, count() n FROM outages WHERE asset_id = ${options.assetId} AND event_id LIKE ${like} AND NOT deleted`,
      );
      return rows.length >= ids.length;
    }, 30_000);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(rows.map((r) => r.event_id).sort()).toEqual(ids.sort());
    const expected = [...batches.entries()].filter(([, n]) => n > 0);
    let kept: { batch_id: string; n: number }[] = [];
    await eventually(async () => {
      kept = await product.store.rows(
        sql`SELECT batch_id, count() n FROM rejects WHERE batch_id IN (${expected.map(([b]) => b)})`,
      );
      return kept.length === expected.length;
    }, 30_000);
    expect(Object.fromEntries(kept.map((k) => [k.batch_id, k.n]))).toEqual(Object.fromEntries(expected));
    await healthy();
  });
});
