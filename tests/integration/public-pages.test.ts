import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { post, startTestProduct } from '../support/product.js';
import { eventually } from '../support/questdb.js';

let product: Product;
const P = `U${Date.now().toString(36)}`;
beforeAll(async () => {
  product = await startTestProduct();
  await post(
    product,
    '/api/v1/assets',
    JSON.stringify([
      {
        assetId: `${P}-F`,
        kind: 'feeder',
        name: '10kV 秘密线',
        province: '云南省',
        city: `市${P}`,
        county: `县${P}`,
        areaClass: 'rural',
        customers: 300,
      },
    ]),
  );
  // Ongoing: 300 out, 120 restored at a step, so 180 still out. Notes must never show.
  await post(
    product,
    '/api/v1/outages',
    JSON.stringify([
      {
        eventId: `${P}-E`,
        assetId: `${P}-F`,
        start: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        customersAffected: 300,
        restorations: [{ at: new Date(Date.now() - 3_600_000).toISOString(), customersRestored: 120 }],
        cause: 'weather_fault',
        notes: '联系人 张三 13800000000',
      },
    ]),
  );
  await eventually(
    async () =>
      (await product.store.rows(sql`SELECT * FROM outages WHERE event_id = ${`${P}-E`}`)).length === 1,
  );
});
afterAll(async () => {
  await product.stop();
});

describe('public live outage page', () => {
  it('needs no token, shows county totals, and leaks no names, notes or tokens', async () => {
    const res = await fetch(`${product.url}/public/outages`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(new RegExp(`<th scope="row">县${P}</th><td class="n">1</td><td class="n">180</td>`));
    for (const secret of ['秘密线', '张三', '13800000000', `${P}-F`, `${P}-E`, 'test-admin-token']) {
      expect(html).not.toContain(secret);
    }
    const en = await (await fetch(`${product.url}/public/outages?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Current outages');
  });

  it('serves the same figures as JSON from one cached build', async () => {
    const body = (await (await fetch(`${product.url}/public/outages.json`)).json()) as {
      counties: { county: string; outages: number; customers: number }[];
    };
    expect(body.counties.find((c) => c.county === `县${P}`)).toEqual({
      province: '云南省',
      city: `市${P}`,
      county: `县${P}`,
      outages: 1,
      customers: 180,
      // 180 of the county's 300 customers
      served: 300,
      sharePercent: 60,
    });
  });
});
