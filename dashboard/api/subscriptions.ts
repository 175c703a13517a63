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
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import {
  deliveryLog,
  FLAG_STATUSES,
  NOTICE_TYPES,
  readSubscriptions,
  type Subscription,
  saveSubscription,
  subscriptionSecret,
} from '../../analytics/notices/index.js';
import { formatInZone, HttpError, type Issue, pathToString, type Role } from '../../core/index.js';
import { type Store, walCaughtUp } from '../../store/index.js';
import { webhookUrlProblem } from '../../analytics/notices/index.js';
import { jsonBody } from './json-body.js';
import { intParam } from './query-params.js';

export interface SubscriptionsRouterDeps {
  store: Store;
  zone: string;
  /** the key subscription secrets derive from */
  key: string;
  allowHttp: boolean;
  /** whether an SMTP server is configured (e-mail subscriptions need one) */
  email: boolean;
  ruleSets: ReadonlySet<string>;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
  /** after a change: the worker looks sooner */
  changed?: () => void;
}

const id = z.string().trim().min(1).max(200);
const list = z.array(id).max(10_000);

const body = z
  .object({
    name: z.string().trim().min(1).max(200),
    channel: z.discriminatedUnion('type', [
      z.object({ type: z.literal('webhook'), url: z.string().trim().min(1).max(2_000) }).strict(),
      z.object({ type: z.literal('email'), to: z.array(z.email().max(254)).min(1).max(50) }).strict(),
    ]),
    follow: z
      .object({
        areas: list.optional(),
        feeders: list.optional(),
        counties: list.optional(),
        flags: z
          .object({
            statuses: z
              .array(z.enum(FLAG_STATUSES))
              .min(1)
              .default([...FLAG_STATUSES]),
            ruleSets: z.array(id).max(100).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    events: z.array(z.enum(NOTICE_TYPES)).min(1).optional(),
  })
  .strict();
/** The body of POST /subscriptions and PUT /subscriptions/:id (the API description shows it). */
export { body as subscriptionRequest };

const refuse = (issues: Issue[]): HttpError => new HttpError(400, 'invalid subscription', { issues });

export function subscriptionsRouter(deps: SubscriptionsRouterDeps): Router {
  const router = Router();
  const role = deps.requireRole('notices');
  const now = deps.now ?? Date.now;

  const parse = (raw: unknown) => {
    const parsed = body.safeParse(raw ?? {});
    if (!parsed.success)
      throw refuse(parsed.error.issues.map((i) => ({ path: pathToString(i.path), message: i.message })));
    const b = parsed.data;
    const issues: Issue[] = [];
    const f = b.follow;
    if ((f.areas?.length ?? 0) + (f.feeders?.length ?? 0) + (f.counties?.length ?? 0) === 0 && !f.flags)
      issues.push({ path: 'follow', message: 'name at least one area, feeder or county, or follow flags' });
    if (b.channel.type === 'webhook') {
      const problem = webhookUrlProblem(b.channel.url, deps.allowHttp);
      if (problem) issues.push({ path: 'channel.url', message: problem });
    } else if (!deps.email) {
      issues.push({ path: 'channel.type', message: 'no SMTP server is configured (OUTAGE_SMTP_URL)' });
    }
    for (const name of f.flags?.ruleSets ?? [])
      if (!deps.ruleSets.has(name))
        issues.push({
          path: 'follow.flags.ruleSets',
          message: `no rule set "${name}" (known: ${[...deps.ruleSets].join(', ')})`,
        });
    if (issues.length > 0) throw refuse(issues);
    return {
      name: b.name,
      channel: b.channel,
      follow: {
        ...(f.areas ? { areas: f.areas } : {}),
        ...(f.feeders ? { feeders: f.feeders } : {}),
        ...(f.counties ? { counties: f.counties } : {}),
        ...(f.flags
          ? {
              flags: {
                statuses: f.flags.statuses,
                ...(f.flags.ruleSets ? { ruleSets: f.flags.ruleSets } : {}),
              },
            }
          : {}),
      },
      ...(b.events ? { events: b.events } : {}),
    };
  };

  const show = (s: Subscription) => ({
    id: s.subscriptionId,
    name: s.name,
    channel: s.channel,
    follow: s.follow,
    events: s.events ?? null,
    active: s.active,
    createdAt: formatInZone(s.createdAt, deps.zone),
    changedAt: formatInZone(s.changedAt, deps.zone),
    changedBy: s.actor,
    secretVersion: s.secretVersion,
  });

  const current = async (subscriptionId: string): Promise<Subscription> => {
    await walCaughtUp(deps.store, ['subscriptions']);
    const found = (await readSubscriptions(deps.store)).find((s) => s.subscriptionId === subscriptionId);
    if (!found?.active) throw new HttpError(404, `no subscription "${subscriptionId}"`);
    return found;
  };

  /** A change is stored after the version it replaces (changed_at orders versions). */
  const save = async (s: Subscription) => {
    await saveSubscription(deps.store, s);
    deps.changed?.();
  };
  const changeTime = (before: Subscription) => Math.max(now(), before.changedAt + 1);

  router.post('/subscriptions', role, ...jsonBody('1mb'), async (req, res) => {
    const fields = parse(req.body);
    const t = now();
    const s: Subscription = {
      subscriptionId: `sub-${randomBytes(9).toString('base64url')}`,
      ...fields,
      active: true,
      createdAt: t,
      secretVersion: 1,
      changedAt: t,
      actor: req.identity ?? 'unknown',
    };
    await save(s);
    res
      .status(201)
      .location(`/api/v1/subscriptions/${s.subscriptionId}`)
      .json({ ...show(s), secret: subscriptionSecret(deps.key, s.subscriptionId, s.secretVersion) });
  });

  router.get('/subscriptions', role, async (_req, res) => {
    await walCaughtUp(deps.store, ['subscriptions']);
    const rows = (await readSubscriptions(deps.store)).filter((s) => s.active).map(show);
    res.json({ count: rows.length, rows });
  });

  router.get('/subscriptions/:id', role, async (req, res) => {
    res.json(show(await current(String(req.params.id))));
  });

  router.put('/subscriptions/:id', role, ...jsonBody('1mb'), async (req, res) => {
    const before = await current(String(req.params.id));
    const s: Subscription = {
      ...before,
      ...parse(req.body),
      changedAt: changeTime(before),
      actor: req.identity ?? 'unknown',
    };
    if (!s.events) delete s.events;
    await save(s);
    res.json(show(s));
  });

  router.delete('/subscriptions/:id', role, async (req, res) => {
    const before = await current(String(req.params.id));
    await save({ ...before, active: false, changedAt: changeTime(before), actor: req.identity ?? 'unknown' });
    res.status(204).end();
  });

  router.post('/subscriptions/:id/secret', role, async (req, res) => {
    const before = await current(String(req.params.id));
    const s = {
      ...before,
      secretVersion: before.secretVersion + 1,
      changedAt: changeTime(before),
      actor: req.identity ?? 'unknown',
    };
    await save(s);
    res.json({ ...show(s), secret: subscriptionSecret(deps.key, s.subscriptionId, s.secretVersion) });
  });

  router.get('/subscriptions/:id/deliveries', role, async (req, res) => {
    const s = await current(String(req.params.id));
    const limit = intParam(req.query.limit, 'limit', 1, 10_000, 500);
    await walCaughtUp(deps.store, ['notice_deliveries', 'notice_events']);
    const rows = (await deliveryLog(deps.store, s.subscriptionId, limit)).map((a) => ({
      noticeId: a.noticeId,
      type: a.type,
      attempt: a.attempt,
      phase: a.phase,
      code: a.code,
      error: a.error,
      nextAt: a.nextAt === null ? null : formatInZone(a.nextAt, deps.zone),
      at: formatInZone(a.at, deps.zone),
    }));
    res.json({ count: rows.length, rows });
  });

  return router;
}
