import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/log.js';
import { productRouters } from '../../server/routes.js';
import { type Product, startProduct } from '../../server/runtime.js';
import { testRoot } from './questdb.js';

export const ADMIN = 'test-admin-token-0123456789';
export const OPERATOR = 'test-operator-token-0123456789';
export const INGEST = 'test-ingest-token-0123456789';

/** The product on 127.0.0.1 (free port) over the shared test QuestDB. */
export async function startTestProduct(env: Record<string, string> = {}): Promise<Product> {
  const config = loadConfig({
    PORT: '0',
    OUTAGE_DATA_DIR: mkdtempSync(join(testRoot(), 'app-')),
    OUTAGE_DEMO: '0',
    OUTAGE_LOG_LEVEL: 'silent',
    // The notice worker polls QuestDB every few seconds; the notice tests run their own.
    OUTAGE_NOTICES: '0',
    OUTAGE_ADMIN_TOKEN: ADMIN,
    OUTAGE_TOKENS: `operator:${OPERATOR},ingest:${INGEST}`,
    QDB_CLIENT_CONF: inject('qdbClientConf'),
    ...env,
  });
  return startProduct(config, createLogger('silent'), { routers: productRouters });
}

export async function post(
  product: Product,
  path: string,
  body: string,
  type = 'application/json',
  token = INGEST,
) {
  const res = await fetch(`${product.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${token}` },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function get(product: Product, path: string, token = OPERATOR, accept = 'application/json') {
  const res = await fetch(`${product.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept } });
  return res;
}
