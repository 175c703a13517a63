// A spooled unit QuestDB refuses as a whole on replay (here one written by an older version
// in a shape this one cannot send) was answered "accepted" to its sender: it is set aside in
// spool/refused with the reason, never deleted, and the units behind it are stored. Once the
// cause is fixed an operator puts it back through the API and it is replayed.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../core/index.js';
import { spoolRouter } from '../../ingest/http/index.js';
import { createLogger } from '../../server/log.js';
import { type Store, sql, walApplied, Writer } from '../../store/index.js';
import { eventually, testRoot } from '../support/questdb.js';
import { sharedStore } from '../support/store.js';

const P = `SPR${Date.now().toString(36)}-`;
const dir = join(testRoot(), `spool-${P}`);
const asset = (id: string) => ({
  assetId: `${P}${id}`,
  kind: 'feeder',
  areaClass: 'town',
  customers: 10,
  validFrom: Date.UTC(2020, 0, 1),
});

let store: Store;
let writer: Writer;

const stored = async (): Promise<string[]> => {
  await walApplied(store, 60_000);
  const rows = await store.rows<{ asset_id: string }>(
    sql`SELECT DISTINCT asset_id FROM assets WHERE asset_id LIKE ${`${P}%`}`,
  );
  return rows.map((r) => r.asset_id.slice(P.length)).sort();
};

beforeAll(async () => {
  store = await sharedStore();
  mkdirSync(dir, { recursive: true });
  const unit = (records: object[]) => ({ kind: 'assets', receivedAt: Date.UTC(2026, 0, 2), records });
  // A version from before an upgrade: validFrom as text, which this version cannot encode.
  writeFileSync(
    join(dir, '000000000001.json'),
    JSON.stringify(unit([{ ...asset('OLD'), validFrom: 'yesterday' }])),
  );
  writeFileSync(join(dir, '000000000002.json'), JSON.stringify(unit([asset('NEXT')])));
  writer = await Writer.open({
    connection: store.connection,
    store,
    spoolDir: dir,
    spoolLimitBytes: 1e8,
    log: createLogger('silent'),
  });
  await writer.drain();
});

afterAll(async () => {
  await writer.close();
});

describe('a spooled unit refused as a whole', () => {
  it('is set aside with the reason, and the unit behind it is stored', async () => {
    await eventually(async () => writer.spoolDepth === 0, 30_000);
    expect(await stored()).toEqual(['NEXT']);
    expect(writer.refusedCount).toBe(1);
    const [refused] = writer.refusedUnits();
    expect(refused).toMatchObject({ file: '000000000001.json', unit: { kind: 'assets' } });
    expect(refused!.reason).not.toBe('');
  });

  it('is listed to an admin and put back in the queue through the API', async () => {
    const app = express();
    const roles = new Map([['admin-token', 'admin']]);
    app.use(
      spoolRouter({
        writer,
        requireRole: (role) => (req, _res, next) =>
          next(
            roles.get(req.get('authorization') ?? '') === role ? undefined : new HttpError(403, 'forbidden'),
          ),
      }),
    );
    app.use((err: HttpError, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(err.status ?? 500).json({ error: err.message });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const call = (path: string, method = 'GET', token = 'admin-token') =>
      fetch(`${base}${path}`, { method, headers: { authorization: token } });
    try {
      expect((await call('/spool/refused', 'GET', 'someone')).status).toBe(403);
      const list = (await (await call('/spool/refused')).json()) as { rows: Record<string, unknown>[] };
      expect(list.rows).toHaveLength(1);
      expect(list.rows[0]).toMatchObject({ file: '000000000001.json', kind: 'assets', records: 1 });
      expect((await call('/spool/refused/..%2Fx/replay', 'POST')).status).toBe(400);
      expect((await call('/spool/refused/000000000099.json/replay', 'POST')).status).toBe(404);
      // Still refused when replayed unchanged: set aside again, not lost.
      expect((await call('/spool/refused/000000000001.json/replay', 'POST')).status).toBe(202);
      await eventually(async () => writer.spoolDepth === 0 && writer.refusedCount === 1, 30_000);
      expect(await stored()).toEqual(['NEXT']);
      // The cause fixed (the unit rewritten in the shape this version sends), it is stored.
      const [again] = writer.refusedUnits();
      writeFileSync(
        join(dir, 'refused', again!.file),
        JSON.stringify({ ...again!.unit, records: [asset('OLD')] }),
      );
      expect((await call(`/spool/refused/${again!.file}/replay`, 'POST')).status).toBe(202);
      await eventually(async () => writer.spoolDepth === 0 && writer.refusedCount === 0, 30_000);
      expect(await stored()).toEqual(['NEXT', 'OLD']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
