// The header search against QuestDB: namesake feeders told apart by their region path, an area
// found by part of its name, an asset by its exact id, a case by part of its number.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRuleSet } from '../../analytics/rules/index.js';
import type { AppDeps } from '../../server/app.js';
import { type Jobs, startJobs } from '../../server/jobs/index.js';
import type { Product } from '../../server/runtime.js';
import { sql } from '../../store/index.js';
import { get, post, startTestProduct } from '../support/product.js';

let product: Product;
let jobs: Jobs;
const P = `se${Date.now().toString(36)}`;
const PROVINCE = `省${P}`;
const id = (s: string) => `${P}-${s}`;
const clock = { now: Date.parse('2025-05-02T00:20:00+08:00') };

type Hit = {
  type: string;
  id: string;
  assetId?: string;
  name: string | null;
  county: string | null;
  substation: string | null;
};
const search = async (q: string, limit?: number): Promise<Hit[]> => {
  const res = await get(
    product,
    `/api/v1/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`,
  );
  const body = (await res.json()) as { rows: Hit[] };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body.rows.filter((h) => (h.assetId ?? h.id).includes(P));
};

beforeAll(async () => {
  product = await startTestProduct();
  const v = { province: PROVINCE, city: '昆明市', areaClass: 'urban', validFrom: '2024-01-01' };
  const assets = [
    {
      assetId: id('F1'),
      kind: 'feeder',
      name: `10kV松华线${P}`,
      county: '五华区',
      substation: '110kV普吉变',
      code: `3000${P}`,
      customers: 500,
      ...v,
    },
    {
      assetId: id('F2'),
      kind: 'feeder',
      name: `10kV松华线${P}`,
      county: '盘龙区',
      substation: '110kV松华变',
      customers: 400,
      ...v,
    },
    {
      assetId: id('A1'),
      kind: 'area',
      feederId: id('F1'),
      name: `金鸡村${P}1号台区`,
      places: [`金鸡村${P}`, `学府路${P}小区`],
      county: '五华区',
      customers: 80,
      ...v,
    },
  ];
  expect((await post(product, '/api/v1/assets?wait=visible', JSON.stringify(assets))).status).toBe(200);
  const starts = ['2025-04-01', '2025-04-10', '2025-04-20', '2025-05-01'];
  const events = starts.map((d, i) => ({
    eventId: id(`e${i}`),
    assetId: id('F2'),
    start: `${d} 10:00`,
    end: `${d} 12:00`,
    customersAffected: 100,
    cause: 'equipment_fault',
  }));
  expect((await post(product, '/api/v1/outages?wait=visible', JSON.stringify(events))).body).toMatchObject({
    accepted: 4,
  });
  // A case for F2 (four outages in 60 days) under a copy of the national rules scoped to this province.
  const data = JSON.parse(readFileSync('rules/national-2025.json', 'utf8')) as {
    name: string;
    rules: { scope: Record<string, unknown> }[];
  };
  data.name = P;
  for (const r of data.rules) r.scope = { ...r.scope, province: [PROVINCE] };
  const parsed = parseRuleSet(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const deps: AppDeps = {
    ...product.deps,
    ruleSets: new Map([[P, parsed.value]]),
    config: { ...product.deps.config, ruleSet: P },
  };
  jobs = startJobs(deps, { clock: () => clock.now, cron: false, runAtStart: false });
  await jobs.runNow('cases');
});
afterAll(async () => {
  jobs?.stop();
  await product.stop();
});

describe('GET /api/v1/search', () => {
  it('tells namesake feeders apart by county and substation, feeders before areas', async () => {
    const hits = await search(`松华线${P}`);
    expect(hits.map((h) => [h.type, h.id, h.county, h.substation])).toEqual([
      ['asset', id('F1'), '五华区', '110kV普吉变'],
      ['asset', id('F2'), '盘龙区', '110kV松华变'],
    ]);
  });

  it('finds an area by part of its name, an asset by its exact id, a feeder by its substation and by its code', async () => {
    expect((await search(`金鸡村${P}`)).map((h) => h.id)).toEqual([id('A1')]);
    // a place it serves, typed in part: the area, with its places
    expect((await search(`学府路${P}`)).map((h) => [h.id, (h as { places?: string[] }).places])).toEqual([
      [id('A1'), [`金鸡村${P}`, `学府路${P}小区`]],
    ]);
    expect((await search(id('F1')))[0]?.id).toBe(id('F1'));
    expect((await search('110kV普吉变')).map((h) => h.id)).toContain(id('F1'));
    // the utility's equipment code, typed in part
    expect((await search(`000${P}`)).map((h) => [h.id, (h as { code?: string }).code])).toEqual([
      [id('F1'), `3000${P}`],
    ]);
  });

  it('finds a case by part of its number, with the asset it is about', async () => {
    // the rule set of the case is this test's own, so the case is read from its log
    const [c] = await product.store.rows<{ case_id: string }>(
      sql`SELECT DISTINCT case_id FROM case_events WHERE asset_id = ${id('F2')}`,
    );
    expect(c?.case_id).toMatch(/^RC-20250501-[0-9a-f]{10}$/);
    const hits = await search((c?.case_id ?? '').slice(-10).toUpperCase());
    expect(hits.map((h) => [h.type, h.id, h.assetId, h.county])).toEqual([
      ['case', c?.case_id, id('F2'), '盘龙区'],
    ]);
  });

  it('answers nothing for an empty query and refuses an over-long one', async () => {
    const empty = await get(product, '/api/v1/search?q=');
    expect(await empty.json()).toEqual({ q: '', rows: [] });
    expect((await get(product, `/api/v1/search?q=${'x'.repeat(101)}`)).status).toBe(400);
  });
});
