// A cancelled outage (a planned outage called off, a record withdrawn) leaves every analysis:
// the flags no longer count it, its attribution rows are tombstoned, the history keeps the
// version that called it off; a later version without `cancelled` brings it back.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { get, post, startTestProduct } from '../support/product.js';

let product: Product;
const P = `CX${Date.now().toString(36)}`;
const id = (s: string) => `${P}-${s}`;

const outage = (n: string, day: string, extra: Record<string, unknown> = {}) => ({
  eventId: id(n),
  assetId: id('F1'),
  start: `${day} 09:00`,
  end: `${day} 11:00`,
  customersAffected: 80,
  cause: 'equipment_fault',
  ...extra,
});
const planned = (extra: Record<string, unknown> = {}) =>
  outage('p1', '2025-02-25', { cause: 'planned_maintenance', planned: true, ...extra });

type Flag = { assetId: string; rule: string; status: string; count: number };
const flags = async (): Promise<string[]> => {
  const res = await get(product, '/api/v1/flags?asOf=2025-03-01T12:00:00%2B08:00&ruleSet=national-2025');
  const body = (await res.json()) as { rows: Flag[] };
  return body.rows
    .filter((f) => f.assetId.startsWith(P) && f.rule === 'over-3-in-60d')
    .map((f) => `${f.assetId.slice(P.length + 1)} ${f.status} ${f.count}`)
    .sort();
};
const send = async (records: unknown[]) => {
  const r = await post(product, '/api/v1/outages?wait=visible', JSON.stringify(records));
  expect(r.body).toMatchObject({ accepted: records.length, rejected: [] });
  return r.body as { warnings: unknown[] };
};

beforeAll(async () => {
  product = await startTestProduct();
  const v = {
    province: `省${P}`,
    city: '昆明市',
    county: '五华区',
    areaClass: 'urban',
    validFrom: '2024-01-01',
  };
  await post(
    product,
    '/api/v1/assets?wait=visible',
    JSON.stringify([
      { assetId: id('F1'), kind: 'feeder', customers: 80, ...v },
      { assetId: id('A1'), kind: 'area', feederId: id('F1'), customers: 80, ...v },
    ]),
  );
  // three faults in 40 days, then a planned outage on 02-25: four in 60 days, a breach
  await send([outage('e1', '2025-01-15'), outage('e2', '2025-02-01'), outage('e3', '2025-02-20'), planned()]);
});
afterAll(async () => {
  await product.stop();
});

describe('a cancelled outage', () => {
  it('counts while it stands: feeder and area breach with four in 60 days', async () => {
    expect(await flags()).toEqual(['A1 breach 4', 'F1 breach 4']);
  });

  it('leaves the flags and the attribution once called off, with no late-notice warning', async () => {
    const answer = await send([planned({ cancelled: true })]);
    expect(answer.warnings).toEqual([]);
    // as of 03-01 the window 01-01 … 03-01 holds e1, e2, e3: three, at risk
    expect(await flags()).toEqual(['A1 at_risk 3', 'F1 at_risk 3']);
    const reach = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outage_reach WHERE event_id = ${id('p1')} AND NOT deleted`,
    );
    expect(reach[0]?.n).toBe(0);
    const current = await product.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id = ${id('p1')} AND NOT deleted`,
    );
    expect(current[0]?.n).toBe(0);
  });

  it('keeps every version in its history, the last one saying it was cancelled', async () => {
    const res = await get(product, `/api/v1/outages/${encodeURIComponent(id('p1'))}/history`);
    const rows = ((await res.json()) as { rows: { cancelled: boolean }[] }).rows;
    expect(rows.map((r) => r.cancelled)).toEqual([false, true]);
  });

  it('comes back with a later version that does not say cancelled', async () => {
    await send([planned()]);
    expect(await flags()).toEqual(['A1 breach 4', 'F1 breach 4']);
  });

  it('refuses a cancelled flag that is not yes or no', async () => {
    const r = await post(product, '/api/v1/outages', JSON.stringify([planned({ cancelled: 'maybe' })]));
    const rejected = (r.body as { rejected: { errors: { path: string }[] }[] }).rejected;
    expect(rejected[0]?.errors.map((e) => e.path)).toEqual(['cancelled']);
  });
});
