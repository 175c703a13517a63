// Notice subscriptions (issue 17), under /api/v1, for the `notices` role (admin holds it):
//   POST   /subscriptions                 {name, channel, follow, events?} → 201 with the secret,
//                                          shown this once
//   GET    /subscriptions                 every subscription in force (no secrets)
//   GET    /subscriptions/:id             one
//   PUT    /subscriptions/:id             {name, channel, follow, events?}: replaces them (same
//                                          secret, same start: notices from before it are not sent)
//   DELETE /subscriptions/:id             ends it (204); its delivery log stays
//   POST   /subscriptions/:id/secret      a new secret (the old one stops signing at once)
//   GET    /subscriptions/:id/deliveries?limit   the delivery log, newest first
// channel: {"type": "webhook", "url": "https://…"} or {"type": "email", "to": ["a@b.cn"]};
// follow: {areas?, feeders?, counties?, flags?: {statuses?: [at_risk|breach|overdue], ruleSets?}}.

import { randomBytes } from 'node:crypto';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import {
  deliveryLog,
  readSubscriptions,
  type Subscription,
  saveSubscription,
  subscriptionSecret,
} from '../../analytics/notices/index.js';
import { formatInZone, HttpError, type Role } from '../../core/index.js';
import { type Store, walCaughtUp } from '../../store/index.js';
import { handlersOf } from './deps.js';
import { jsonBody } from './json-body.js';
import { deliveriesQuery, parseQuery } from './query/index.js';
import { type Reach, subscriptionFields } from './subscriptions/request.js';

/** The body of POST /subscriptions and PUT /subscriptions/:id (the API description shows it). */
export { subscriptionRequest } from './subscriptions/request.js';

export interface SubscriptionsRouterDeps extends Reach {
  store: Store;
  zone: string;
  /** the key subscription secrets derive from */
  key: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
  /** after a change: the worker looks sooner */
  changed?: () => void;
}

type Subscriptions = SubscriptionsRouterDeps & { now: () => number };

const show = (c: Subscriptions, s: Subscription) => ({
  id: s.subscriptionId,
  name: s.name,
  channel: s.channel,
  follow: s.follow,
  events: s.events ?? null,
  active: s.active,
  createdAt: formatInZone(s.createdAt, c.zone),
  changedAt: formatInZone(s.changedAt, c.zone),
  changedBy: s.actor,
  secretVersion: s.secretVersion,
});

const withSecret = (c: Subscriptions, s: Subscription) => ({
  ...show(c, s),
  secret: subscriptionSecret(c.key, s.subscriptionId, s.secretVersion),
});

/** The subscription in force that a request's :id names, or a 404. */
async function current(c: Subscriptions, req: Request): Promise<Subscription> {
  const subscriptionId = String(req.params['id']);
  await walCaughtUp(c.store, ['subscriptions']);
  const found = (await readSubscriptions(c.store)).find((s) => s.subscriptionId === subscriptionId);
  if (!found?.active) throw new HttpError(404, `no subscription "${subscriptionId}"`);
  return found;
}

/** A change is stored after the version it replaces (changed_at orders versions). */
async function save(c: Subscriptions, s: Subscription): Promise<void> {
  await saveSubscription(c.store, s);
  c.changed?.();
}

/** What a change records: when (after the version it replaces) and by whom. */
const changeBy = (c: Subscriptions, req: Request, before: Subscription) => ({
  changedAt: Math.max(c.now(), before.changedAt + 1),
  actor: req.identity ?? 'unknown',
});

async function subscribe(c: Subscriptions, req: Request, res: Response): Promise<void> {
  const fields = subscriptionFields(req.body, c);
  const t = c.now();
  const s: Subscription = {
    subscriptionId: `sub-${randomBytes(9).toString('base64url')}`,
    ...fields,
    active: true,
    createdAt: t,
    secretVersion: 1,
    changedAt: t,
    actor: req.identity ?? 'unknown',
  };
  await save(c, s);
  res.status(201).location(`/api/v1/subscriptions/${s.subscriptionId}`).json(withSecret(c, s));
}

async function listSubscriptions(c: Subscriptions, _req: Request, res: Response): Promise<void> {
  await walCaughtUp(c.store, ['subscriptions']);
  const rows = (await readSubscriptions(c.store)).filter((s) => s.active).map((s) => show(c, s));
  res.json({ count: rows.length, rows });
}

async function showSubscription(c: Subscriptions, req: Request, res: Response): Promise<void> {
  res.json(show(c, await current(c, req)));
}

async function replaceSubscription(c: Subscriptions, req: Request, res: Response): Promise<void> {
  const before = await current(c, req);
  const s: Subscription = { ...before, ...subscriptionFields(req.body, c), ...changeBy(c, req, before) };
  if (!s.events) delete s.events;
  await save(c, s);
  res.json(show(c, s));
}

async function endSubscription(c: Subscriptions, req: Request, res: Response): Promise<void> {
  const before = await current(c, req);
  await save(c, { ...before, active: false, ...changeBy(c, req, before) });
  res.status(204).end();
}

async function newSecret(c: Subscriptions, req: Request, res: Response): Promise<void> {
  const before = await current(c, req);
  const s = { ...before, secretVersion: before.secretVersion + 1, ...changeBy(c, req, before) };
  await save(c, s);
  res.json(withSecret(c, s));
}

async function listDeliveries(c: Subscriptions, req: Request, res: Response): Promise<void> {
  const s = await current(c, req);
  const { limit } = parseQuery(deliveriesQuery, req.query);
  await walCaughtUp(c.store, ['notice_deliveries', 'notice_events']);
  const rows = (await deliveryLog(c.store, s.subscriptionId, limit)).map((a) => ({
    noticeId: a.noticeId,
    type: a.type,
    attempt: a.attempt,
    phase: a.phase,
    code: a.code,
    error: a.error,
    nextAt: a.nextAt === null ? null : formatInZone(a.nextAt, c.zone),
    at: formatInZone(a.at, c.zone),
  }));
  res.json({ count: rows.length, rows });
}

export function subscriptionsRouter(deps: SubscriptionsRouterDeps): Router {
  const on = handlersOf<Subscriptions>({ ...deps, now: deps.now ?? Date.now });
  const role = deps.requireRole('notices');
  const router = Router();
  router.post('/subscriptions', role, ...jsonBody('1mb'), on(subscribe));
  router.get('/subscriptions', role, on(listSubscriptions));
  router.get('/subscriptions/:id', role, on(showSubscription));
  router.put('/subscriptions/:id', role, ...jsonBody('1mb'), on(replaceSubscription));
  router.delete('/subscriptions/:id', role, on(endSubscription));
  router.post('/subscriptions/:id/secret', role, on(newSecret));
  router.get('/subscriptions/:id/deliveries', role, on(listDeliveries));
  return router;
}
