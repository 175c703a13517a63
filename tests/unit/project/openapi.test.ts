// The API description against the app that serves it. The real express app (server/app.ts with
// server/routes.ts) is built in process over a QuestDB that is not there (offline-app.ts), and
// its router stack walked: every route it serves is described, with the roles it checks, and
// every described route is served.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  API_ROUTES,
  type OpenApiDocument,
  openApiDocument,
  productVersion,
} from '../../../dashboard/api/openapi/index.js';
import { ADMIN, type OfflineApp, startOfflineApp } from './offline-app.js';

// Each role check remembers the roles it was made for, so the walk can read them off the stack.
vi.mock('../../../dashboard/api/middleware/auth/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../dashboard/api/middleware/auth/index.js')>();
  return {
    ...real,
    requireRole: (...args: Parameters<typeof real.requireRole>) =>
      Object.assign(real.requireRole(...args), { roles: [args[1]].flat() }),
  };
});

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean>; stack: Layer[] };
  handle: { stack?: Layer[]; roles?: string[] };
  rawPath?: unknown;
}

/** `METHOD /path {roles}`, path parameters written as OpenAPI writes them. */
interface Served {
  key: string;
  roles: string[];
}

const joinPath = (prefix: string, path: string): string =>
  `${prefix}${path === '/' ? '' : path}`.replace(/\/+/g, '/') || '/';

function template(path: unknown): string {
  if (typeof path !== 'string' || /[*?(){}]/.test(path))
    throw new Error(`a path this walk cannot read: ${String(path)}`);
  return path.replace(/:(\w+)/g, '{$1}');
}

/** Every route of an express 5 router stack, nested routers included, with the roles it checks. */
function walk(stack: readonly Layer[], prefix: string, inherited: string[] = []): Served[] {
  const out: Served[] = [];
  let roles = inherited;
  for (const layer of stack) {
    if (layer.route) {
      const own = layer.route.stack.flatMap((l) => l.handle.roles ?? []);
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (!on) continue;
        if (method === '_all') throw new Error(`a route for every method: ${String(layer.route.path)}`);
        const path = joinPath(prefix, template(layer.route.path));
        out.push({ key: `${method.toUpperCase()} ${path}`, roles: [...roles, ...own].sort() });
      }
    } else if (layer.handle.stack) {
      out.push(...walk(layer.handle.stack, joinPath(prefix, template(layer.rawPath ?? '/')), roles));
    } else if (layer.handle.roles) {
      // a role check for the rest of this router: only as a catch-all it means that
      if (layer.rawPath !== '/') throw new Error(`a role check on ${String(layer.rawPath)}`);
      roles = [...roles, ...layer.handle.roles];
    }
  }
  return out;
}

let served: Served[];
let offline: OfflineApp;
let base: string;

beforeAll(async () => {
  offline = await startOfflineApp();
  base = offline.base;
  served = walk((offline.app.router as unknown as { stack: Layer[] }).stack, '');
});

afterAll(() => offline?.close());

const described = () => API_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`);

describe('the route table', () => {
  it('describes every route the app serves', () => {
    const missing = served.map((s) => s.key).filter((k) => !described().includes(k));
    expect(missing, 'served but not described in dashboard/api/openapi').toEqual([]);
  });

  it('describes only routes the app serves', () => {
    const keys = served.map((s) => s.key);
    expect(
      described().filter((k) => !keys.includes(k)),
      'described but not served',
    ).toEqual([]);
  });

  it('finds the routes of every part of the app', () => {
    const keys = served.map((s) => s.key);
    for (const key of [
      'GET /livez',
      'GET /metrics',
      'GET /public/disclosures/{file}',
      'POST /api/v1/outages',
      'GET /api/v1/outages/{eventId}/history',
      'POST /api/v1/cases/{id}/transitions',
      'DELETE /api/v1/subscriptions/{id}',
      'GET /api/v1/openapi.json',
    ])
      expect(keys).toContain(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives each route the roles it checks', () => {
    const wrong = served.flatMap((s) => {
      const route = API_ROUTES.find((r) => `${r.method.toUpperCase()} ${r.path}` === s.key);
      const said = [...(route?.roles ?? [])].sort();
      return route && said.join() !== s.roles.join()
        ? [`${s.key}: checks [${s.roles}], described [${said}]`]
        : [];
    });
    expect(wrong).toEqual([]);
    const roles = (key: string) => served.find((s) => s.key === key)?.roles;
    expect(roles('GET /metrics')).toEqual(['metrics', 'operator']);
    expect(roles('POST /api/v1/cases/{id}/transitions')).toEqual(['planner']);
    expect(roles('GET /api/v1/spool/refused')).toEqual(['admin']);
    expect(roles('GET /api/v1/disclosures')).toEqual([]);
  });
});

describe('GET /api/v1/openapi.json', () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    const res = await fetch(`${base}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    doc = (await res.json()) as OpenApiDocument;
  });
  const op = (path: string, method: string) => doc.paths[path]?.[method] as Record<string, unknown>;

  it('is served without a token, as the table makes it', () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument(API_ROUTES, productVersion()))));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('states each operation’s roles and security', () => {
    const transition = op('/api/v1/cases/{id}/transitions', 'post');
    expect(transition['x-roles']).toEqual(['planner']);
    expect(transition['security']).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(op('/api/v1/disclosures', 'get')['security']).toEqual([]);
    expect(op('/livez', 'get')['x-roles']).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearerAuth', 'sessionCookie']);
  });

  it('names the parameters, their types and whether they are required', () => {
    const params = op('/api/v1/reliability/ranking', 'get')['parameters'] as Record<string, unknown>[];
    expect(params.map((p) => [p['name'], p['in'], p['required']])).toEqual([
      ['year', 'query', false],
      ['groupBy', 'query', false],
      ['asOf', 'query', false],
      ['convention', 'query', false],
      ['variant', 'query', false],
      ['denominator', 'query', false],
      ['province', 'query', false],
      ['encoding', 'query', false],
    ]);
    expect(params[0]?.['schema']).toEqual({ type: 'integer', minimum: 1971, maximum: 9999 });
    expect(params[1]).toMatchObject({ style: 'form', explode: false, schema: { type: 'array' } });
    const daily = op('/api/v1/reliability/daily', 'get')['parameters'] as Record<string, unknown>[];
    expect(daily.filter((p) => p['required']).map((p) => p['name'])).toEqual(['from', 'to']);
    const explain = op('/api/v1/flags/{assetId}/explain', 'get')['parameters'] as Record<string, unknown>[];
    expect(explain[0]).toMatchObject({
      name: 'assetId',
      in: 'path',
      required: true,
      schema: { type: 'string' },
    });
  });

  it('gives the content types each route answers in', () => {
    const types = (path: string, method = 'get', status = '200') =>
      Object.keys(
        ((op(path, method)['responses'] as Record<string, { content?: object }>)[status]?.content ??
          {}) as object,
      );
    expect(types('/api/v1/flags')).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.apache.arrow.stream',
    ]);
    expect(types('/api/v1/ledger/{period}')).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.apache.arrow.stream',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(types('/metrics')).toEqual(['text/plain']);
    expect(types('/api/v1/live')).toEqual(['text/event-stream']);
    expect(types('/api/v1/subscriptions/{id}', 'delete', '204')).toEqual([]);
    const ingest = op('/api/v1/warnings', 'post')['requestBody'] as { content: Record<string, unknown> };
    expect(Object.keys(ingest.content)).toEqual([
      'application/json',
      'application/x-ndjson',
      'text/csv',
      'application/vnd.apache.arrow.stream',
    ]);
  });

  it('declares every path parameter of its templates, and every reference resolves', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(item)) {
        const declared = ((operation['parameters'] ?? []) as { name: string; in: string }[])
          .filter((p) => p.in === 'path')
          .map((p) => p.name);
        expect(declared, `${method} ${path}`).toEqual(inPath);
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(50);
    for (const name of new Set(refs)) expect(Object.keys(doc.components.schemas)).toContain(name);
  });

  it('describes the ingest records from the product’s field readers', () => {
    const outage = doc.components.schemas['Outage'] as {
      required: string[];
      properties: Record<string, object>;
    };
    expect(outage.required).toEqual(['eventId', 'assetId', 'start', 'customersAffected', 'cause']);
    expect(outage.properties['customersAffected']).toEqual({
      type: 'integer',
      minimum: 0,
      maximum: 2147483647,
    });
    expect(outage.properties['start']).toHaveProperty('anyOf');
    expect(doc.components.schemas['Asset']).toHaveProperty('additionalProperties', false);
  });
});

describe('routes that refuse parameters they do not know', () => {
  // Their 400 lists the parameters they take: the table must list the same.
  it.each([
    '/api/v1/reliability',
    '/api/v1/reliability/daily',
    '/api/v1/reliability/ranking',
    '/api/v1/reliability/causes',
    '/api/v1/priorities',
  ])('%s', async (path) => {
    const res = await fetch(`${base}${path}?bogus=1`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { path: string; message: string }[] };
    const issue = body.issues.find((i) => i.path === 'bogus');
    const allowed = /allowed: ([^)]*)\)/.exec(issue?.message ?? '')?.[1]?.split(', ') ?? [];
    const route = API_ROUTES.find((r) => r.path === path && r.method === 'get');
    expect((route?.query ?? []).map((q) => q.name).sort()).toEqual(allowed.sort());
    expect(allowed.length).toBeGreaterThan(4);
  });
});
