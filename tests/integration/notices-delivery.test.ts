// Outage notices end to end over the shared QuestDB: subscriptions made through the API, records
// ingested through the API, a delivery worker with an injected clock, a webhook receiver and an
// SMTP server in this process on 127.0.0.1, each checking the signature as a gateway would.

import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../analytics/notices/index.js';
import type { NoticeWorker } from '../../server/notices/index.js';
import { createNoticeWorker } from '../../server/notices/index.js';
import type { Product } from '../../server/runtime.js';
import { ADMIN, OPERATOR, post, startTestProduct } from '../support/product.js';

const P = `NT${Date.now().toString(36)}`;
const id = (s: string) => `${P}-${s}`;
const KEY = 'notices-test-key-0123456789abcdefghijklmnop';
const MIN = 60_000;

// ---- a webhook receiver: per path, answer 200, 503 or never ----
type Mode = 'ok' | 'fail' | 'hang';
interface Received {
  path: string;
  id: string;
  type: string;
  verified: boolean;
  acked: boolean;
  possibleDuplicate: boolean;
  attempt: number;
  body: Record<string, unknown>;
}
const modes = new Map<string, Mode>();
/** path → the request (1-based) held without an answer */
const holdAt = new Map<string, number>();
const received: Received[] = [];
const hanging: ServerResponse[] = [];
const secrets = new Map<string, string>(); // path → the subscription's secret
let hook: Server;
let hookUrl = '';

function receive(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const path = req.url ?? '';
    const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    const verdict = verify(
      secrets.get(path) ?? '',
      {
        signature: req.headers['x-outage-signature'] as string | undefined,
        timestamp: req.headers['x-outage-timestamp'] as string | undefined,
      },
      raw,
      Date.now(),
      // the worker's clock runs ahead in these tests (an hour of failures without waiting)
      3 * 3600,
    );
    const mode = holdAt.get(path) === at(path).length + 1 ? 'hang' : (modes.get(path) ?? 'ok');
    const r: Received = {
      path,
      id: String(body.id),
      type: String(body.type).replace('cn.grid.notice.', ''),
      verified: verdict.ok && req.headers['content-type'] === 'application/cloudevents+json; charset=utf-8',
      acked: mode === 'ok',
      possibleDuplicate: req.headers['x-outage-possible-duplicate'] === 'true',
      attempt: Number(req.headers['x-outage-attempt']),
      body,
    };
    received.push(r);
    if (mode === 'hang') hanging.push(res);
    else res.writeHead(mode === 'ok' ? 204 : 503).end();
  });
}
const at = (path: string) => received.filter((r) => r.path === path);

// ---- an SMTP server ----
interface Mail {
  to: string;
  subject: string;
  id: string;
  type: string;
  verified: boolean;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
let emailSecret = '';

let product: Product;
let now = Date.now();
const clock = () => now;
let worker: NoticeWorker;
const newWorker = () => createNoticeWorker(product.deps, clock);

async function subscribe(body: unknown, token = ADMIN) {
  const res = await fetch(`${product.url}/api/v1/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
async function webhook(path: string, follow: unknown) {
  const r = await subscribe({
    name: `gateway ${path}`,
    channel: { type: 'webhook', url: `${hookUrl}${path}` },
    follow,
  });
  expect(r.status).toBe(201);
  secrets.set(path, String(r.body.secret));
  return String(r.body.id);
}
const made: string[] = [];

async function ingest(records: unknown[]) {
  const r = await post(product, '/api/v1/outages?wait=visible', JSON.stringify(records));
  expect(r.body).toMatchObject({ accepted: records.length, rejected: [] });
}
const iso = (ms: number) => new Date(ms).toISOString();
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  hook = createServer(receive);
  hook.listen(0, '127.0.0.1');
  await once(hook, 'listening');
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (m) => {
          const event = m.attachments[0]?.content ?? Buffer.alloc(0);
          const body = JSON.parse(event.toString('utf8')) as Record<string, unknown>;
          const verdict = verify(
            emailSecret,
            {
              signature: m.headers.get('x-outage-signature') as string | undefined,
              timestamp: m.headers.get('x-outage-timestamp') as string | undefined,
            },
            event,
            Date.now(),
            3 * 3600,
          );
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: m.subject ?? '',
            id: String(body.id),
            type: String(body.type).replace('cn.grid.notice.', ''),
            verified: verdict.ok && m.headers.get('x-outage-event-id') === body.id,
          });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  smtpPort = (smtp.server.address() as AddressInfo).port;

  product = await startTestProduct({
    OUTAGE_NOTICES: '0', // this test drives its own workers
    OUTAGE_NOTICES_ALLOW_HTTP: '1',
    OUTAGE_NOTICES_KEY: KEY,
    OUTAGE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  });
  const region = { province: `省${P}`, city: `市${P}`, areaClass: 'urban' as const, validFrom: '2024-01-01' };
  const assets = [
    { assetId: id('F1'), kind: 'feeder', customers: 900, county: `甲县${P}`, ...region },
    {
      assetId: id('A1'),
      kind: 'area',
      feederId: id('F1'),
      customers: 300,
      name: '东风一台区',
      county: `甲县${P}`,
      ...region,
    },
    { assetId: id('A2'), kind: 'area', feederId: id('F1'), customers: 300, county: `乙县${P}`, ...region },
    { assetId: id('A3'), kind: 'area', feederId: id('F1'), customers: 300, county: `乙县${P}`, ...region },
    { assetId: id('A4'), kind: 'area', feederId: id('F1'), customers: 300, county: `丙县${P}`, ...region },
  ];
  expect((await post(product, '/api/v1/assets?wait=visible', JSON.stringify(assets))).status).toBe(200);
  worker = newWorker();
});

afterAll(async () => {
  await worker?.stop();
  for (const s of made)
    await fetch(`${product.url}/api/v1/subscriptions/${s}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
  for (const res of hanging) res.destroy();
  await product?.stop();
  hook?.closeAllConnections();
  hook?.close();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

describe('subscriptions API', () => {
  it('refuses what it cannot deliver and keeps secrets out of reads', async () => {
    expect(
      (await subscribe({ name: 'x', channel: { type: 'webhook', url: `${hookUrl}/x` }, follow: {} })).body,
    ).toMatchObject({
      issues: [{ path: 'follow', message: 'name at least one area, feeder or county, or follow flags' }],
    });
    expect(
      (
        await subscribe({
          name: 'x',
          channel: { type: 'webhook', url: 'ftp://x/y' },
          follow: { areas: ['A'] },
        })
      ).body,
    ).toMatchObject({ issues: [{ path: 'channel.url', message: 'must be an https URL' }] });
    const forbidden = await subscribe(
      { name: 'x', channel: { type: 'webhook', url: `${hookUrl}/x` }, follow: { areas: ['A'] } },
      OPERATOR,
    );
    expect(forbidden.status).toBe(403);
    const r = await subscribe({
      name: '居民短信网关',
      channel: { type: 'email', to: ['ops@example.cn'] },
      follow: { counties: [`甲县${P}`] },
    });
    expect(r.status).toBe(201);
    expect(String(r.body.secret)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    emailSecret = String(r.body.secret);
    made.push(String(r.body.id));
    const one = await fetch(`${product.url}/api/v1/subscriptions/${String(r.body.id)}`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const shown = (await one.json()) as Record<string, unknown>;
    expect(shown).toMatchObject({ name: '居民短信网关', active: true, follow: { counties: [`甲县${P}`] } });
    expect(JSON.stringify(shown)).not.toContain(emailSecret);
  });
});

describe('delivery', () => {
  it('a fault outage, its estimate change and the restoration reach webhook and e-mail once each, signed', async () => {
    made.push(await webhook('/a', { areas: [id('A1')] }));
    const t0 = Date.now();
    const fault = {
      eventId: id('E1'),
      assetId: id('A1'),
      start: iso(t0 - 10 * MIN),
      customersAffected: 280,
      cause: 'equipment_fault',
    };
    await ingest([{ ...fault, estimatedRestoration: iso(t0 + 120 * MIN) }]);
    now = Date.now();
    await worker.tick();
    await ingest([{ ...fault, estimatedRestoration: iso(t0 + 180 * MIN) }]);
    now = Date.now();
    await worker.tick();
    await ingest([{ ...fault, estimatedRestoration: iso(t0 + 180 * MIN), end: iso(Date.now() - MIN) }]);
    now = Date.now();
    await worker.tick();
    // again, and by a new worker (a restart): nothing more
    await worker.tick();
    await newWorker().tick();
    const want = ['outage.began', 'outage.estimate_changed', 'outage.restored'];
    expect(at('/a').map((r) => [r.type, r.verified, r.acked, r.attempt])).toEqual(
      want.map((t) => [t, true, true, 1]),
    );
    expect(new Set(at('/a').map((r) => r.id)).size).toBe(3);
    expect(at('/a')[0]!.body).toMatchObject({
      specversion: '1.0',
      source: '/outage-analytics/notices',
      subject: id('E1'),
      data: { assetId: id('A1'), assetName: '东风一台区', customersAffected: 280, county: `甲县${P}` },
    });
    await until('three e-mails', () => mails.length >= 3);
    expect(mails.map((m) => [m.type, m.verified, m.to])).toEqual(
      want.map((t) => [t, true, 'ops@example.cn']),
    );
    expect(mails.map((m) => m.id)).toEqual(at('/a').map((r) => r.id));
    expect(mails[0]!.subject).toContain('停电通知 / Power outage');
  });

  it('an endpoint that fails for an hour gets every notice after it recovers, in order', async () => {
    const sub = await webhook('/b', { areas: [id('A2')] });
    made.push(sub);
    modes.set('/b', 'fail');
    const start = Date.now();
    const fault = {
      eventId: id('E2'),
      assetId: id('A2'),
      start: iso(start - 5 * MIN),
      customersAffected: 90,
      cause: 'weather_fault',
    };
    await ingest([{ ...fault, estimatedRestoration: iso(start + 60 * MIN) }]);
    const t0 = Date.now();
    now = t0;
    await worker.tick();
    await ingest([{ ...fault, estimatedRestoration: iso(t0 + 90 * MIN) }]);
    await worker.tick();
    await ingest([{ ...fault, estimatedRestoration: iso(t0 + 90 * MIN), end: iso(Date.now()) }]);
    // an hour of failures, a tick a minute
    for (let m = 1; m <= 60; m++) {
      now = t0 + m * MIN;
      await worker.tick();
    }
    const failing = at('/b');
    // only the first notice was tried (the others wait behind it), at 0, 1, 2, 4, 8, 16 and 32 min
    expect(failing.every((r) => !r.acked && r.type === 'outage.began')).toBe(true);
    expect(failing.map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    modes.set('/b', 'ok');
    now = t0 + 60 * MIN;
    await worker.tick();
    expect(at('/b').filter((r) => r.acked)).toEqual([]); // the next attempt is not due yet
    now = t0 + 64 * MIN; // 32 + 32 min
    await worker.tick();
    expect(
      at('/b')
        .filter((r) => r.acked)
        .map((r) => [r.type, r.verified]),
    ).toEqual([
      ['outage.began', true],
      ['outage.estimate_changed', true],
      ['outage.restored', true],
    ]);
    await worker.tick();
    expect(at('/b').filter((r) => r.acked)).toHaveLength(3);
    const log = await fetch(`${product.url}/api/v1/subscriptions/${sub}/deliveries?limit=100`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const rows = (
      (await log.json()) as { rows: { phase: string; type: string; attempt: number; code: number | null }[] }
    ).rows;
    const began = rows.filter((r) => r.type === 'outage.began');
    expect(began.filter((r) => r.phase === 'failed').map((r) => r.code)).toEqual([
      503, 503, 503, 503, 503, 503, 503,
    ]);
    expect(began.filter((r) => r.phase === 'delivered').map((r) => r.attempt)).toEqual([8]);
    expect(rows.filter((r) => r.phase === 'sending')).toHaveLength(10);
  }, 240_000); // 64 ticks, each reading QuestDB: a budget for a busy machine, not a timing check

  it('a worker stopped mid-delivery and a new one: nothing acknowledged is sent again', async () => {
    made.push(await webhook('/c', { areas: [id('A3')] }));
    const t0 = Date.now();
    const fault = {
      eventId: id('E3'),
      assetId: id('A3'),
      start: iso(t0 - 5 * MIN),
      customersAffected: 70,
      cause: 'external_damage',
    };
    // three versions stored before any delivery: three notices derived in one round
    await ingest([{ ...fault, estimatedRestoration: iso(t0 + 60 * MIN) }]);
    await new Promise((r) => setTimeout(r, 5));
    await ingest([{ ...fault, estimatedRestoration: iso(t0 + 70 * MIN) }]);
    await new Promise((r) => setTimeout(r, 5));
    await ingest([{ ...fault, estimatedRestoration: iso(t0 + 70 * MIN), end: iso(Date.now()) }]);
    now = Date.now();
    const first = newWorker();
    // the receiver acknowledges the first notice, then holds the second without answering
    holdAt.set('/c', 2);
    const held = first.tick();
    await until('the second notice held', () => at('/c').length >= 2);
    await first.stop(); // as a process killed while waiting for the receiver
    await held;
    await worker.tick();
    await newWorker().tick();
    const c = at('/c');
    expect(c.map((r) => [r.type, r.acked, r.attempt, r.possibleDuplicate])).toEqual([
      ['outage.began', true, 1, false],
      ['outage.estimate_changed', false, 1, false], // cut off: never acknowledged
      ['outage.estimate_changed', true, 2, true], // sent again, marked, with the same id
      ['outage.restored', true, 1, false],
    ]);
    expect(c[2]!.id).toBe(c[1]!.id);
    // each notice acknowledged exactly once
    const acked = c.filter((r) => r.acked).map((r) => r.id);
    expect(new Set(acked).size).toBe(3);
    expect(acked).toHaveLength(3);
  });

  it("an area becoming at risk reaches the operators' subscription", async () => {
    made.push(
      await webhook('/ops', {
        counties: [`丙县${P}`],
        flags: { statuses: ['at_risk', 'breach'], ruleSets: ['national-2025'] },
      }),
    );
    const t0 = Date.now();
    // three counted faults within 60 days: the next one breaches "more than 3 in 60 days"
    await ingest(
      [20, 12, 4].map((d, k) => ({
        eventId: id(`R${k}`),
        assetId: id('A4'),
        start: iso(t0 - d * 86_400_000),
        end: iso(t0 - d * 86_400_000 + 30 * MIN),
        customersAffected: 50,
        cause: 'equipment_fault',
      })),
    );
    const flags = product.deps.currentFlags;
    await until(
      'the area at risk in the flags of now',
      async () => {
        await flags.refreshAssets([id('A4')]);
        return (flags.get('national-2025')?.flags ?? []).some(
          (f) => f.assetId === id('A4') && f.status === 'at_risk',
        );
      },
      90_000,
    );
    now = Date.now();
    await worker.tick();
    await worker.tick();
    const ops = at('/ops');
    expect(ops.map((r) => [r.type, r.verified, r.acked])).toEqual([['flag.at_risk', true, true]]);
    expect(ops[0]!.body).toMatchObject({
      subject: id('A4'),
      data: {
        assetId: id('A4'),
        ruleSet: 'national-2025',
        rule: 'over-3-in-60d',
        status: 'at_risk',
        count: 3,
        limit: 3,
        county: `丙县${P}`,
      },
    });
    // the residents' subscriptions heard nothing of it
    expect(received.filter((r) => r.type.startsWith('flag.') && r.path !== '/ops')).toEqual([]);
  }, 120_000);
});
