// The body of POST /subscriptions and PUT /subscriptions/:id, checked: its shape by zod, then
// what zod cannot know (a webhook's address, whether e-mail can be sent, the rule sets loaded).

import { z } from 'zod';
import { FLAG_STATUSES, NOTICE_TYPES, webhookUrlProblem } from '../../../analytics/notices/index.js';
import { HttpError, type Issue, pathToString } from '../../../core/index.js';
import { unknownRuleSet } from '../query/index.js';

const id = z.string().trim().min(1).max(200);
const list = z.array(id).max(10_000);

export const subscriptionRequest = z
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

/** What the server can send to and who it knows. */
export interface Reach {
  allowHttp: boolean;
  /** whether an SMTP server is configured (e-mail subscriptions need one) */
  email: boolean;
  ruleSets: ReadonlySet<string>;
}

const refuse = (issues: Issue[]): HttpError => new HttpError(400, 'invalid subscription', { issues });

/** A subscription's fields from a request's body, or the 400 naming every problem. */
export function subscriptionFields(raw: unknown, reach: Reach) {
  const parsed = subscriptionRequest.safeParse(raw ?? {});
  if (!parsed.success)
    throw refuse(parsed.error.issues.map((i) => ({ path: pathToString(i.path), message: i.message })));
  const b = parsed.data;
  const issues: Issue[] = [];
  const f = b.follow;
  if ((f.areas?.length ?? 0) + (f.feeders?.length ?? 0) + (f.counties?.length ?? 0) === 0 && !f.flags)
    issues.push({ path: 'follow', message: 'name at least one area, feeder or county, or follow flags' });
  if (b.channel.type === 'webhook') {
    const problem = webhookUrlProblem(b.channel.url, reach.allowHttp);
    if (problem) issues.push({ path: 'channel.url', message: problem });
  } else if (!reach.email) {
    issues.push({ path: 'channel.type', message: 'no SMTP server is configured (OUTAGE_SMTP_URL)' });
  }
  for (const name of f.flags?.ruleSets ?? [])
    if (!reach.ruleSets.has(name))
      issues.push({ path: 'follow.flags.ruleSets', message: unknownRuleSet(name, reach.ruleSets) });
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
}
