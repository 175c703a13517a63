// Every read route, each query parameter and path id given odd values (empty, quotes, a lone
// percent sign, emoji, overflowing and non-finite numbers, impossible dates, 3,000 characters,
// path traversal, markup, JSON, control characters) and each parameter given twice: a client's
// mistake must get a 4xx or an answer, never a 5xx. (A NUL is tested by the input middleware.)

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Product } from '../../server/runtime.js';
import { ADMIN, startTestProduct } from '../support/product.js';

const ROUTES: [string, string[]][] = [
  ['/rejects', ['kind', 'batchId', 'since', 'limit']],
  ['/outages/active', ['asOf']],
  ['/planned-outages/repeated', ['from', 'to', 'windowDays']],
  ['/outages/:id/history', []],
  ['/flags', ['asOf', 'ruleSet', 'status', 'kind']],
  ['/flags/fleet', ['ruleSet', 'rule', 'asOf']],
  ['/flags/:id/explain', ['rule', 'asOf', 'ruleSet']],
  ['/breaches', ['assetId']],
  ['/assets', ['asOf', 'kind']],
  ['/outages/daily', ['from', 'to', 'assetId', 'kind', 'cause', 'city', 'county', 'areaClass']],
  ['/hotspots', ['asOf', 'kind', 'cause', 'city', 'county', 'areaClass', 'feederId']],
  [
    '/reliability',
    [
      'from',
      'to',
      'groupBy',
      'variant',
      'convention',
      'denominator',
      'split',
      'asOf',
      'excludeMajorEventDays',
    ],
  ],
  ['/reliability/daily', ['from', 'to']],
  ['/reliability/ranking', ['year', 'groupBy']],
  ['/targets', ['ruleSet']],
  ['/cases', ['ruleSet', 'status', 'region', 'overdue', 'assetId', 'family', 'unit']],
  ['/cases/:id', []],
  ['/cases/:id/history', []],
  ['/ledger', []],
  ['/ledger/:id', ['format', 'lang']],
  ['/remediation/clearing', ['from', 'to', 'step', 'groupBy']],
  ['/priorities', ['ruleSet', 'asOf', 'region', 'unit', 'kind', 'cause', 'top', 'format', 'lang']],
  ['/disclosures', []],
  ['/disclosures/:id', ['format', 'lang']],
];
const VALUES = [
  '',
  ' ',
  "'",
  "a'b",
  '%',
  'é',
  '💥',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'NaN',
  '2025-02-30',
  '9999-12-31T23:59:59Z',
  '0000-01-01',
  'x'.repeat(3000),
  '[]',
  '{}',
  '../../etc/passwd',
  '<script>',
  'null',
  'true',
  '2025-01-01',
  '2025',
  'a,b',
  '\\',
  '\t',
  '2025-13-01T00:00:00Z',
];

let product: Product;
beforeAll(async () => {
  product = await startTestProduct();
}, 120_000);
afterAll(async () => {
  await product?.stop();
});

it('answers every odd query parameter and path id of every read route with no 5xx', async () => {
  const bad: string[] = [];
  const call = async (path: string) => {
    const res = await fetch(`${product.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    await res.arrayBuffer();
    if (res.status >= 500) bad.push(`${res.status} ${path.slice(0, 150)}`);
  };
  for (const [route, params] of ROUTES) {
    for (const v of VALUES) {
      const p = route.replace(':id', encodeURIComponent(v || 'x'));
      if (route.includes(':id')) await call(p);
      for (const param of params) await call(`${p}?${param}=${encodeURIComponent(v)}`);
    }
    for (const param of params) await call(`${route.replace(':id', 'x')}?${param}=a&${param}=b`);
  }
  expect(bad).toEqual([]);
}, 600_000);
