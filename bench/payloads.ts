// API payloads: the hotspot list (GET /hotspots, every asset) and the flag list (GET /flags)
// of a demo set, as JSON and as Arrow IPC: bytes on the wire, time to produce on the server
// (the serialisers the routers use: express's JSON.stringify, respond.ts toArrow), time to
// decode with the browser's own client (dashboard/web/api.ts: Api.json, Api.arrowRows) in
// Node, and the whole HTTP answer from the running product. Arrow cases have the JSON case of
// the same list and step as baseline.

import { FLAG_COLUMNS } from '../core/vocabulary/index.js';
import { HOTSPOT_COLUMNS } from '../dashboard/api/dashboard-data.js';
import { ARROW, type Row, toArrow } from '../dashboard/api/respond.js';
import { Api } from '../dashboard/web/api.js';
import type { DemoDatabase } from './demo-db.js';
import type { GroupContext } from './harness.js';
import { BENCH_TOKEN, benchProduct } from './product.js';

const mb = (n: number): string => `${(n / 2 ** 20).toFixed(2)} MB`;

async function get(url: string, accept: string): Promise<Uint8Array<ArrayBuffer>> {
  const init = { headers: { authorization: `Bearer ${BENCH_TOKEN}`, accept } };
  // A kept-alive connection the server closes as it is reused fails the request before it is
  // sent (undici: "fetch failed"); one retry on a new connection, said on the console.
  const res = await fetch(url, init).catch((err: unknown) => {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
    process.stderr.write(`${url}: ${String(err)} (${cause}); retrying once\n`);
    return fetch(url, init);
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Runs `decode` with fetch answering `body` (so only the client's own decoding is timed). */
async function withBody<T>(
  body: Uint8Array<ArrayBuffer>,
  type: string,
  decode: () => Promise<T>,
): Promise<T> {
  const real = globalThis.fetch;
  globalThis.fetch = async () => new Response(body, { status: 200, headers: { 'content-type': type } });
  try {
    return await decode();
  } finally {
    globalThis.fetch = real;
  }
}

export async function payloadsGroup(db: DemoDatabase, { run }: GroupContext): Promise<void> {
  const { url } = await benchProduct(db);
  const lists = [
    { name: 'hotspots', path: '/hotspots', columns: HOTSPOT_COLUMNS },
    { name: 'flags', path: '/flags', columns: FLAG_COLUMNS },
  ];
  for (const list of lists) {
    const endpoint = `${url}/api/v1${list.path}`;
    const jsonBody = await get(endpoint, 'application/json');
    const arrowBody = await get(endpoint, ARROW);
    const answer = JSON.parse(new TextDecoder().decode(jsonBody)) as { rows: Row[] } & Row;
    const { rows, ...extra } = answer;
    // The same rows through both clients: equal row counts, or the comparison means nothing.
    const api = new Api(BENCH_TOKEN, 'http://bench.invalid/api/v1');
    const decoded = await withBody(arrowBody, ARROW, () => api.arrowRows(list.path, {}, { fresh: true }));
    if (decoded.length !== rows.length)
      throw new Error(`${list.name}: Arrow has ${decoded.length} rows, JSON ${rows.length}`);
    const n = rows.length;
    const label = (format: string, step: string) => `payload ${list.name} ${format}: ${step}`;
    const json = (step: string) => label('JSON', step);
    const sizes = `${n.toLocaleString('en')} rows; JSON ${mb(jsonBody.length)}, Arrow ${mb(arrowBody.length)} (${(arrowBody.length / jsonBody.length).toFixed(2)} of JSON)`;

    await run({
      name: json('produce (JSON.stringify)'),
      size: db.size,
      items: n,
      run: async () => void JSON.stringify({ ...extra, rows }),
      note: sizes,
    });
    await run({
      name: label('Arrow', 'produce (toArrow)'),
      size: db.size,
      items: n,
      baseline: json('produce (JSON.stringify)'),
      run: async () => void toArrow(rows, list.columns),
    });
    await run({
      name: json('decode (Api.json)'),
      size: db.size,
      items: n,
      run: async () =>
        void (await withBody(jsonBody, 'application/json', () => api.json(list.path, {}, { fresh: true }))),
    });
    await run({
      name: label('Arrow', 'decode (Api.arrowRows)'),
      size: db.size,
      items: n,
      baseline: json('decode (Api.json)'),
      run: async () =>
        void (await withBody(arrowBody, ARROW, () => api.arrowRows(list.path, {}, { fresh: true }))),
    });
    await run({
      name: json('HTTP answer (query + produce + transfer)'),
      size: db.size,
      items: n,
      run: async () => void (await get(endpoint, 'application/json')),
    });
    await run({
      name: label('Arrow', 'HTTP answer (query + produce + transfer)'),
      size: db.size,
      items: n,
      baseline: json('HTTP answer (query + produce + transfer)'),
      run: async () => void (await get(endpoint, ARROW)),
    });
  }
}
