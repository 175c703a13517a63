// The public live-outage page when the database cannot be read: the last page built is served,
// marked stale (JSON `stale: true`, a notice on the page, a short cache time); with no page
// built yet the error goes on (the error handler answers 503).

import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { livePage } from '../../../dashboard/public-pages/live.js';
import { type Store, StoreError } from '../../../store/index.js';

const ZONE = 'Asia/Shanghai';
const T = Date.UTC(2026, 6, 1, 4, 0);

/** A store whose reads answer one ongoing outage while `up`, else fail as QuestDB down does. */
function store(state: { up: boolean }): Store {
  const row = {
    event_id: 'E1',
    asset_id: 'F1',
    start: T - 3_600_000,
    end_at: null,
    received_at: T - 3_000_000,
    customers_affected: 120,
    restorations: null,
    cause: 'equipment_fault',
    planned: false,
    estimated_restoration: null,
    name: '10kV松华线',
    kind: 'feeder',
    province: '云南省',
    city: '保山市',
    county: '隆阳区',
  };
  return {
    rows: async () => {
      if (!state.up) throw new StoreError('unreachable', 'QuestDB unreachable');
      return [row];
    },
  } as unknown as Store;
}

function response() {
  const out = { headers: {} as Record<string, string>, body: undefined as unknown, type: '' };
  const res = {
    setHeader: (k: string, v: string) => {
      out.headers[k.toLowerCase()] = v;
      return res;
    },
    type: (t: string) => {
      out.type = t;
      return res;
    },
    send: (b: unknown) => {
      out.body = b;
      return res;
    },
    json: (b: unknown) => {
      out.body = b;
      return res;
    },
  };
  return { res: res as unknown as Response, out };
}

const req = (lang: string) => ({ query: { lang } }) as unknown as Request;

describe('public live page', () => {
  it('serves the last page, marked stale, while the database cannot be read', async () => {
    const state = { up: true };
    let now = T;
    const page = livePage({ store: store(state), zone: ZONE, ttlSeconds: 60, now: () => now });
    const fresh = response();
    await page.json(req('zh'), fresh.res);
    expect(fresh.out.body).toMatchObject({ outages: 1, customersOut: 120, stale: false });
    expect(fresh.out.headers['cache-control']).toBe('public, max-age=60');

    state.up = false;
    now += 61_000;
    const json = response();
    await page.json(req('zh'), json.res);
    expect(json.out.body).toMatchObject({ outages: 1, customersOut: 120, stale: true });
    expect(json.out.headers['cache-control']).toBe('public, max-age=10');
    const html = response();
    await page.html(req('en'), html.res);
    expect(String(html.out.body)).toContain(
      '<p class="stale" role="status">The figures cannot be updated right now; this is the page as it last was.</p>',
    );

    state.up = true;
    now += 11_000; // past the retry pause: built afresh
    const back = response();
    await page.html(req('zh'), back.res);
    expect(String(back.out.body)).not.toContain('class="stale"');
    expect(back.out.headers['cache-control']).toBe('public, max-age=60');
  });

  it('passes the error on when no page was built yet', async () => {
    const page = livePage({ store: store({ up: false }), zone: ZONE, now: () => T });
    await expect(page.json(req('zh'), response().res)).rejects.toBeInstanceOf(StoreError);
  });
});
