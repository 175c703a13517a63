import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type Attempt,
  eventBody,
  foldAttempts,
  matches,
  type Notice,
  retryDelay,
  type Subscription,
  sign,
  subscriptionSecret,
  toCloudEvent,
  verify,
} from '../../../analytics/notices/index.js';
import { webhookUrlProblem } from '../../../analytics/notices/index.js';

describe('signing', () => {
  const body = '{"id":"x","data":{"区":"官渡区"}}';
  it('is HMAC-SHA256 over timestamp, dot and the raw body', () => {
    const want = createHmac('sha256', 's3cret').update(`1750000000.${body}`).digest('hex');
    expect(sign('s3cret', 1_750_000_000, body)).toBe(`sha256=${want}`);
  });
  it('verifies, and refuses a changed body, another secret, an old timestamp, junk', () => {
    const sig = sign('s3cret', 1_750_000_000, body);
    const at = 1_750_000_000_000;
    const h = { signature: sig, timestamp: '1750000000' };
    expect(verify('s3cret', h, body, at + 299_000)).toEqual({ ok: true });
    expect(verify('s3cret', h, `${body} `, at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify('other', h, body, at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify('s3cret', h, body, at + 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(verify('s3cret', { signature: 'md5=1', timestamp: '1750000000' }, body, at)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
  it('derives a secret per subscription and version from the key', () => {
    const a = subscriptionSecret('k'.repeat(32), 'sub-1', 1);
    expect(a).toBe(createHmac('sha256', 'k'.repeat(32)).update('sub-1:1').digest('base64url'));
    expect(subscriptionSecret('k'.repeat(32), 'sub-1', 2)).not.toBe(a);
  });
});

describe('retries', () => {
  it('doubles from 30 s to at most an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => retryDelay(n) / 1000)).toEqual([
      30, 60, 120, 240, 1920, 3600, 3600,
    ]);
  });
  const row = (attempt: number, phase: Attempt['phase'], nextAt: number | null = null): Attempt => ({
    subscriptionId: 's',
    noticeId: 'n',
    attempt,
    phase,
    code: null,
    error: null,
    nextAt,
    at: attempt * 10,
  });
  it('folds the log: pending with the next time, cut, delivered, abandoned', () => {
    expect(foldAttempts([])).toEqual({ kind: 'pending', attempts: 0, nextAt: 0, cut: false });
    expect(
      foldAttempts([row(1, 'sending'), row(1, 'failed', 500), row(2, 'sending'), row(2, 'failed', 900)]),
    ).toEqual({ kind: 'pending', attempts: 2, nextAt: 900, cut: false });
    expect(foldAttempts([row(1, 'sending'), row(1, 'failed', 500), row(2, 'sending')])).toEqual({
      kind: 'pending',
      attempts: 2,
      nextAt: 500,
      cut: true,
    });
    expect(foldAttempts([row(2, 'delivered'), row(1, 'sending'), row(2, 'sending')])).toEqual({
      kind: 'delivered',
      attempts: 2,
    });
    expect(foldAttempts([row(3, 'abandoned')])).toEqual({ kind: 'abandoned', attempts: 3 });
  });
});

describe('matching', () => {
  const sub = (follow: Subscription['follow'], events?: Subscription['events']): Subscription => ({
    subscriptionId: 's',
    name: 'n',
    channel: { type: 'webhook', url: 'https://x.example/h' },
    follow,
    ...(events ? { events } : {}),
    active: true,
    createdAt: 0,
    secretVersion: 1,
    changedAt: 0,
    actor: 'a',
  });
  const outage: Notice = {
    noticeId: 'n1',
    type: 'outage.began',
    subject: 'E1',
    occurredAt: 1,
    assets: ['F1', 'A1'],
    feeders: ['F1'],
    counties: ['官渡区'],
    data: {},
  };
  const atRisk: Notice = {
    ...outage,
    type: 'flag.at_risk',
    assets: ['A9'],
    feeders: ['F9'],
    counties: ['盘龙区'],
    ruleSet: 'national-2025',
    status: 'at_risk',
  };
  it('outages by area, feeder or county; rule notices only to flag followers', () => {
    expect(matches(sub({ areas: ['A1'] }), outage)).toBe(true);
    expect(matches(sub({ areas: ['A2'] }), outage)).toBe(false);
    expect(matches(sub({ feeders: ['F1'] }), outage)).toBe(true);
    expect(matches(sub({ counties: ['官渡区'] }), outage)).toBe(true);
    expect(matches(sub({ counties: ['官渡区'] }, ['outage.restored']), outage)).toBe(false);
    expect(matches(sub({ flags: { statuses: ['at_risk'] } }), outage)).toBe(false);
    expect(matches(sub({ flags: { statuses: ['at_risk'] } }), atRisk)).toBe(true);
    expect(matches(sub({ flags: { statuses: ['breach'] } }), atRisk)).toBe(false);
    expect(matches(sub({ flags: { statuses: ['at_risk'], ruleSets: ['baoshan-2021'] } }), atRisk)).toBe(
      false,
    );
    expect(matches(sub({ counties: ['盘龙区'] }), atRisk)).toBe(false);
    expect(matches(sub({ counties: ['官渡区'], flags: { statuses: ['at_risk'] } }), atRisk)).toBe(false);
    expect(matches(sub({ counties: ['盘龙区'], flags: { statuses: ['at_risk'] } }), atRisk)).toBe(true);
    expect(matches({ ...sub({ areas: ['A1'] }), active: false }, outage)).toBe(false);
  });
  it('CloudEvents 1.0 structured, the same bytes every time', () => {
    expect(toCloudEvent(outage)).toEqual({
      specversion: '1.0',
      id: 'n1',
      source: '/outage-analytics/notices',
      type: 'cn.grid.notice.outage.began',
      subject: 'E1',
      time: '1970-01-01T00:00:00.001Z',
      datacontenttype: 'application/json',
      data: {},
    });
    expect(eventBody(outage)).toBe(eventBody({ ...outage }));
  });
  it('webhooks must be https unless http is allowed', () => {
    expect(webhookUrlProblem('https://gw.example.cn/hook', false)).toBeNull();
    expect(webhookUrlProblem('http://10.0.0.5/hook', false)).toMatch(/must be https/);
    expect(webhookUrlProblem('http://10.0.0.5/hook', true)).toBeNull();
    expect(webhookUrlProblem('ftp://x/y', true)).toBe('must be an https URL');
    expect(webhookUrlProblem('https://u:p@x/y', true)).toBe('must not carry a user or password');
  });
});
