// Remediation on the shared QuestDB: cases from breaches, the workflow over HTTP, reopening,
// the month-end and quarter-end freezes against a fixed clock (with downtime), and the
// exports. Each scenario has its own rule set, scoped to its own province, so the case log,
// the ledgers and the flags it sees are its own.

import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { parse as parseCsv } from 'csv-parse/sync';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases, readRuns } from '../../analytics/remediation/index.js';
import { type CompiledRuleSet, parseRuleSet } from '../../analytics/rules/index.js';
import type { Asset, OutageEvent } from '../../core/index.js';
import { remediationRouter } from '../../dashboard/api/remediation.js';
import { type AppDeps, createApp } from '../../server/app.js';
import { type Jobs, startJobs } from '../../server/jobs/index.js';
import { requireRole } from '../../dashboard/api/middleware/auth/index.js';
import type { Product } from '../../server/runtime.js';
import { sql, ts } from '../../store/index.js';
import { ADMIN, OPERATOR, startTestProduct } from '../support/product.js';
import { eventually } from '../support/questdb.js';

const PLANNER = 'test-planner-token-0123456789';
/** approves what 李娜 drafts and verifies what she did (separation of duties, on by default) */
const REVIEWER = 'test-reviewer-token-0123456789';
const RUN = `rm${Date.now().toString(36)}`;
const local = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);

let product: Product;

beforeAll(async () => {
  product = await startTestProduct();
  // a named token: its name is the actor of every change it makes
  product.deps.tokens.add(PLANNER, ['planner'], '李娜');
  product.deps.tokens.add(REVIEWER, ['planner'], '王强');
});
afterAll(async () => {
  await product?.stop();
});

/** One scenario: its rule set (scoped to its own province), a clock, jobs and an HTTP server. */
interface Scenario {
  p: string;
  province: string;
  ruleSet: CompiledRuleSet;
  clock: { now: number };
  deps: AppDeps;
  jobs: Jobs;
  url: string;
  server: Server;
}

/** The national rules as a set of the given name governing `region`, with `extra` fields. */
function nationalAs(name: string, region: Record<string, string[]>, extra: Record<string, unknown> = {}) {
  const data = {
    ...(JSON.parse(readFileSync('rules/national-2025.json', 'utf8')) as object),
    ...extra,
    name,
    region,
  };
  const parsed = parseRuleSet(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/** `local`: a second rule set governing Baoshan within the scenario's province. */
async function scenario(label: string, options: { local?: boolean } = {}): Promise<Scenario> {
  const p = `${RUN}${label}`;
  const province = `省${p}`;
  const ruleSet = nationalAs(p, { province: [province] });
  const sets: CompiledRuleSet[] = [ruleSet];
  if (options.local) {
    const ledgerDue = { workingDayOfNextMonth: 5, calendar: 'cn-mainland' };
    const reporting = { ledgerDue, disclosure: 'quarterly' };
    sets.push(nationalAs(`${p}-bs`, { province: [province], city: ['保山市'] }, { reporting }));
  }
  const clock = { now: local('2025-07-01 00:20') };
  const deps: AppDeps = {
    ...product.deps,
    ruleSets: new Map(sets.map((s) => [s.name, s])),
    config: { ...product.deps.config, ruleSet: ruleSet.name },
  };
  const app = createApp(deps, [
    (d) =>
      remediationRouter({
        store: d.store,
        writer: d.writer,
        zone: d.config.zone,
        ruleSets: d.ruleSets,
        defaultRuleSet: d.config.ruleSet,
        requireRole: (role) => requireRole(d.tokens, role),
        now: () => clock.now,
      }),
  ]);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const jobs = startJobs(deps, { clock: () => clock.now, cron: false, runAtStart: false });
  return { p, province, ruleSet, clock, deps, jobs, url: `http://127.0.0.1:${port}`, server };
}

async function close(s: Scenario | undefined): Promise<void> {
  if (!s) return;
  s.jobs.stop();
  await new Promise<void>((resolve) => s.server.close(() => resolve()));
}

async function loadFeeder(
  s: Scenario,
  id: string,
  starts: readonly string[],
  city = '保山市',
): Promise<void> {
  const asset: Asset = {
    assetId: `${s.p}-${id}`,
    kind: 'feeder',
    name: `10kV ${id}线`,
    province: s.province,
    city,
    county: city === '保山市' ? '隆阳区' : '五华区',
    areaClass: 'rural',
    customers: 900,
    validFrom: local('2024-01-01 00:00'),
  };
  await s.deps.writer.write({ kind: 'assets', receivedAt: Date.now(), records: [asset] });
  await addOutages(s, id, starts);
}

async function addOutages(s: Scenario, id: string, starts: readonly string[]): Promise<void> {
  const events: OutageEvent[] = starts.map((start) => ({
    eventId: `${s.p}-${id}-${start.replaceAll(/\D/g, '')}`,
    assetId: `${s.p}-${id}`,
    start: local(start),
    end: local(start) + 2 * 3_600_000,
    customersAffected: 300,
    restorations: [],
    cause: 'equipment_fault',
    planned: false,
  }));
  await s.deps.writer.write({ kind: 'outages', receivedAt: Date.now(), records: events });
  const ids = events.map((e) => e.eventId);
  await eventually(async () => {
    const [row] = await s.deps.store.rows<{ n: number }>(
      sql`SELECT count() n FROM outages WHERE event_id IN (${ids}) AND NOT deleted`,
    );
    return row?.n === ids.length;
  });
}

async function call(
  s: Scenario,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null; accept?: string } = {},
): Promise<{ status: number; body: Record<string, unknown>; res: Response }> {
  const headers: Record<string, string> = { accept: init.accept ?? 'application/json' };
  if (init.token !== null) headers['authorization'] = `Bearer ${init.token ?? OPERATOR}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${s.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? ((await res.clone().json()) as Record<string, unknown>) : {};
  return { status: res.status, body, res };
}

/** A filed sheet's table (header row 2, 序号 left out) as CSV text: dates as YYYY-MM-DD. */
function tableText(sheet: ExcelJS.Worksheet, width: number, rows: number): string[][] {
  return Array.from({ length: rows + 1 }, (_, r) =>
    Array.from({ length: width }, (_, i) => {
      const v = sheet.getRow(2 + r).getCell(2 + i).value;
      if (v === null || v === undefined) return '';
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    }),
  );
}

const transition = (s: Scenario, caseId: string, body: Record<string, unknown>, token = PLANNER) =>
  call(s, `/cases/${caseId}/transitions`, { method: 'POST', body: { actor: '李娜', ...body }, token });

/** 李娜 drafts the plan (update) and 王强 approves it as saved. */
async function planApproved(s: Scenario, caseId: string): Promise<void> {
  const draft = await transition(s, caseId, { action: 'update', ...PLAN });
  const approval = await transition(s, caseId, { action: 'approve_plan', actor: '王强' }, REVIEWER);
  expect([draft.status, approval.status, approval.body['status']]).toEqual([200, 200, 'plan_approved']);
}

const PLAN = {
  causeAnalysis: '线路通道树障较多，雨季树枝碰线跳闸',
  measures: ['tree_clearing', 'line_insulation'],
  responsibleUnit: '隆阳供电局',
  responsiblePerson: '张伟',
  plannedStart: '2025-07-12',
  plannedEnd: '2025-08-10',
};
const VERIFIED = {
  methods: ['user_visit', 'field_check'],
  result: '回访用户12户，无停电投诉',
  passed: true,
  verifiedBy: '王强',
  verifiedOn: '2025-10-19',
};
// four counted outages within 60 days: a breach of over-3-in-60d dated 2025-06-29
const JUNE_BREACH = ['2025-05-01 10:00', '2025-05-20 10:00', '2025-06-10 10:00', '2025-06-29 10:00'];

describe('cases from breaches and the workflow', () => {
  let s: Scenario;
  let caseId = '';
  beforeAll(async () => {
    s = await scenario('a');
    await loadFeeder(s, 'F1', JUNE_BREACH);
  });
  afterAll(() => close(s));

  it('a breach opens exactly one case, however often the job runs', async () => {
    s.clock.now = local('2025-07-01 00:20');
    const first = await s.jobs.runNow('cases');
    expect(first).toMatchObject({ breaches: 1, attached: [], reopened: [] });
    const opened = (first as { opened: string[] }).opened;
    expect(opened).toHaveLength(1);
    caseId = opened[0] ?? '';
    expect(caseId).toMatch(/^RC-20250629-[0-9a-f]{10}$/);
    s.clock.now = local('2025-07-02 00:20');
    expect(await s.jobs.runNow('cases')).toMatchObject({ opened: [], attached: [], reopened: [] });
    const list = await call(s, '/cases');
    expect(list.status).toBe(200);
    expect(
      (list.body['rows'] as Record<string, unknown>[]).map((r) => [r['caseId'], r['assetId'], r['status']]),
    ).toEqual([[caseId, `${s.p}-F1`, 'open']]);
  });

  it('a second breach attaches to the open case', async () => {
    await addOutages(s, 'F1', ['2025-07-10 10:00']);
    s.clock.now = local('2025-07-11 00:20');
    expect(await s.jobs.runNow('cases')).toMatchObject({ opened: [], attached: [caseId], reopened: [] });
    const one = await call(s, `/cases/${caseId}`);
    expect(one.body['breaches']).toMatchObject([
      { rule: 'over-3-in-60d', breachDate: '2025-06-29' },
      { rule: 'over-3-in-60d', breachDate: '2025-07-10', count: 4 },
    ]);
    const cases = await listCases(s.deps.store, s.ruleSet.name, s.deps.config.zone);
    expect(cases).toHaveLength(1);
  });

  it('operators read, planners change', async () => {
    const r = await transition(s, caseId, { action: 'approve_plan', ...PLAN }, OPERATOR);
    expect(r.status).toBe(403);
    const anonymous = await call(s, '/cases', { token: null });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a step out of order with 409 and missing fields with 422, naming them', async () => {
    s.clock.now = local('2025-07-12 10:00');
    const early = await transition(s, caseId, { action: 'start_work', actualStart: '2025-07-12' });
    expect([early.status, early.body['issues']]).toEqual([
      409,
      [
        {
          path: 'action',
          message: 'start_work is not possible while the case is open: it needs status plan_approved',
          code: 'not_allowed',
          params: { action: 'start_work', status: 'open', allowed: ['plan_approved'] },
        },
      ],
    ]);
    // nothing drafted yet: an approval names every field the plan lacks
    const missing = await transition(s, caseId, { action: 'approve_plan', actor: '王强' }, REVIEWER);
    expect(missing.status).toBe(422);
    expect((missing.body['issues'] as { path: string }[]).map((i) => i.path)).toEqual([
      'causeAnalysis',
      'measures',
      'responsibleUnit',
      'responsiblePerson',
      'plannedStart',
      'plannedEnd',
    ]);
    const typo = await transition(s, caseId, { action: 'update', ...PLAN, plannedEnd: '2025-8-10' });
    expect([typo.status, typo.body['issues']]).toEqual([
      422,
      [
        {
          path: 'plannedEnd',
          message: 'expected a date YYYY-MM-DD, got "2025-8-10"',
          code: 'bad_date',
          params: { got: '"2025-8-10"' },
        },
      ],
    ]);
  });

  it('refuses an approval that changes the plan, and one by the plan’s author', async () => {
    s.clock.now = local('2025-07-12 10:00');
    const changing = await transition(
      s,
      caseId,
      { action: 'approve_plan', ...PLAN, actor: '王强' },
      REVIEWER,
    );
    expect([changing.status, changing.body['issues']]).toEqual([
      409,
      [
        {
          path: 'action',
          message:
            'a plan is approved as drafted: save the changes to causeAnalysis, measures, responsibleUnit, responsiblePerson, plannedStart, plannedEnd first (update), for someone else to approve',
          code: 'plan_changed_on_approval',
          params: {
            fields: [
              'causeAnalysis',
              'measures',
              'responsibleUnit',
              'responsiblePerson',
              'plannedStart',
              'plannedEnd',
            ],
          },
        },
      ],
    ]);
    const draft = await transition(s, caseId, { action: 'update', ...PLAN });
    expect([draft.status, draft.body['status'], draft.body['planAuthors']]).toEqual([200, 'open', ['李娜']]);
    // what the case says to each of them before they try
    expect((await call(s, `/cases/${caseId}`, { token: PLANNER })).body['refusedToYou']).toMatchObject({
      approve_plan: { code: 'own_plan', params: { authors: ['李娜'] } },
      close: null,
    });
    expect((await call(s, `/cases/${caseId}`, { token: REVIEWER })).body['refusedToYou']).toEqual({
      approve_plan: null,
      close: null,
    });
    const own = await transition(s, caseId, { action: 'approve_plan' });
    expect([own.status, own.body['issues']]).toEqual([
      409,
      [
        {
          path: 'action',
          message: '李娜 drafted this plan (drafted by 李娜): someone else approves it',
          code: 'own_plan',
          params: { authors: ['李娜'] },
        },
      ],
    ]);
  });

  it('goes through the whole workflow to closure', async () => {
    s.clock.now = local('2025-07-12 10:00');
    expect(
      (await transition(s, caseId, { action: 'approve_plan', actor: '王强' }, REVIEWER)).body['status'],
    ).toBe('plan_approved');
    s.clock.now = local('2025-07-15 08:00');
    expect(
      (await transition(s, caseId, { action: 'start_work', actualStart: '2025-07-15' })).body['status'],
    ).toBe('in_progress');
    s.clock.now = local('2025-07-20 18:00');
    const done = await transition(s, caseId, {
      action: 'complete_work',
      actualEnd: '2025-07-20',
      expectedSeq: 5,
    });
    expect([done.status, done.body['status'], done.body['observation']]).toEqual([
      200,
      'work_done',
      { from: '2025-07-20', until: '2025-10-17', closableFrom: '2025-10-18' },
    ]);

    // inside the observation period: refused
    s.clock.now = local('2025-08-01 10:00');
    const tooEarly = await transition(
      s,
      caseId,
      { action: 'close', actor: '王强', verification: { ...VERIFIED, verifiedOn: '2025-08-01' } },
      REVIEWER,
    );
    expect([tooEarly.status, tooEarly.body['issues']]).toEqual([
      409,
      [
        {
          path: 'action',
          message:
            'still in observation until 2025-10-17 (90 days from 2025-07-20, the day the work was done); closing is possible from 2025-10-18',
          code: 'in_observation',
          params: { until: '2025-10-17', days: 90, workDone: '2025-07-20', closableFrom: '2025-10-18' },
        },
      ],
    ]);
    // after it, but without verification: refused
    s.clock.now = local('2025-10-19 10:00');
    // who recorded the work done does not verify it
    const own = await transition(s, caseId, { action: 'close', verification: VERIFIED });
    expect([own.status, own.body['issues']]).toEqual([
      409,
      [
        {
          path: 'action',
          message: '李娜 recorded the work done: someone else verifies and closes the case',
          code: 'own_work',
          params: { actor: '李娜' },
        },
      ],
    ]);
    const unverified = await transition(s, caseId, { action: 'close', actor: '王强' }, REVIEWER);
    expect([unverified.status, unverified.body['issues']]).toEqual([
      422,
      [{ path: 'verification', message: 'required to close', code: 'required', params: { step: 'close' } }],
    ]);
    const closed = await transition(s, caseId, { action: 'close', verification: VERIFIED }, ADMIN);
    expect([closed.status, closed.body['status'], closed.body['closedDate']]).toEqual([
      200,
      'closed',
      '2025-10-19',
    ]);
    const after = await transition(s, caseId, { action: 'update', responsibleUnit: '施甸供电局' });
    expect(after.status).toBe(409);
  });

  it('lists every change in order, with who, role and what', async () => {
    const one = await call(s, `/cases/${caseId}`);
    const history = one.body['history'] as Record<string, unknown>[];
    const who = (h: Record<string, unknown>) => [
      h['seq'],
      h['action'],
      h['from'],
      h['to'],
      h['actor'],
      h['signedAs'],
      h['role'],
    ];
    // the actor is the token's name; the name typed in the form ('李娜' in every request here)
    // is kept beside it where it differs (the admin token is named "admin")
    expect(history.map(who)).toEqual([
      [1, 'open', null, 'open', 'system', null, 'system'],
      [2, 'attach', 'open', 'open', 'system', null, 'system'],
      [3, 'update', 'open', 'open', '李娜', null, 'planner'],
      [4, 'approve_plan', 'open', 'plan_approved', '王强', null, 'planner'],
      [5, 'start_work', 'plan_approved', 'in_progress', '李娜', null, 'planner'],
      [6, 'complete_work', 'in_progress', 'work_done', '李娜', null, 'planner'],
      [7, 'close', 'work_done', 'closed', 'admin', '李娜', 'admin'],
    ]);
    expect(history.map((h) => h['at'])).toEqual([
      '2025-07-01T00:20:00+08:00',
      '2025-07-11T00:20:00+08:00',
      '2025-07-12T10:00:00+08:00',
      '2025-07-12T10:00:00+08:00',
      '2025-07-15T08:00:00+08:00',
      '2025-07-20T18:00:00+08:00',
      '2025-10-19T10:00:00+08:00',
    ]);
    expect(history[5]?.['changes']).toEqual([{ field: 'actualEnd', from: null, to: '2025-07-20' }]);
    const csv = await call(s, `/cases/${caseId}/history`, { accept: 'text/csv' });
    const rows = parseCsv(await csv.res.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r['action'])).toEqual([
      'open',
      'attach',
      'update',
      'approve_plan',
      'start_work',
      'complete_work',
      'close',
    ]);
    // the log itself: one row per change, nothing updated in place
    const [row] = await s.deps.store.rows<{ n: number }>(
      sql`SELECT count() n FROM case_events WHERE case_id = ${caseId}`,
    );
    expect(row?.n).toBe(7);
  });

  it('of two changes made against the same seq, the second is a conflict', async () => {
    s.clock.now = local('2025-10-20 09:00');
    const [a, b] = await Promise.all([
      transition(s, caseId, { action: 'comment', note: '归档一', expectedSeq: 7 }),
      transition(s, caseId, { action: 'comment', note: '归档二', expectedSeq: 7 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body['issues']).toEqual([
      {
        path: 'expectedSeq',
        message: 'the case has changed since: it is at change 8, not 7; reload it and try again',
        code: 'changed_since',
        params: { seq: 8, expected: 7 },
      },
    ]);
  });

  it('records the token’s name as the actor, whatever name is typed: a planner cannot sign as the system', async () => {
    s.clock.now = local('2025-10-20 10:00');
    const r = await call(s, `/cases/${caseId}/transitions`, {
      method: 'POST',
      body: { action: 'comment', note: '核对', actor: 'system' },
      token: PLANNER,
    });
    expect(r.status).toBe(200);
    const last = (r.body['history'] as Record<string, unknown>[]).at(-1);
    expect([last?.['actor'], last?.['signedAs'], last?.['role']]).toEqual(['李娜', 'system', 'planner']);
    // without a typed name the token's name suffices
    const bare = await call(s, `/cases/${caseId}/transitions`, {
      method: 'POST',
      body: { action: 'comment', note: '无署名' },
      token: PLANNER,
    });
    expect(bare.status).toBe(200);
    const end = (bare.body['history'] as Record<string, unknown>[]).at(-1);
    expect([end?.['actor'], end?.['signedAs']]).toEqual(['李娜', null]);
  });

  it('answers 404 for an unknown case', async () => {
    expect((await call(s, '/cases/RC-nothing')).status).toBe(404);
    expect((await transition(s, 'RC-nothing', { action: 'comment', note: 'x' })).status).toBe(404);
  });
});

describe('a breach during observation', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario('b');
    await loadFeeder(s, 'F2', JUNE_BREACH);
  });
  afterAll(() => close(s));

  it('reopens the case', async () => {
    s.clock.now = local('2025-07-01 00:20');
    const [caseId] = ((await s.jobs.runNow('cases')) as { opened: string[] }).opened;
    if (!caseId) throw new Error('no case opened');
    s.clock.now = local('2025-07-12 10:00');
    await planApproved(s, caseId);
    await transition(s, caseId, { action: 'start_work', actualStart: '2025-07-12' });
    s.clock.now = local('2025-07-20 18:00');
    expect(
      (await transition(s, caseId, { action: 'complete_work', actualEnd: '2025-07-20' })).body['status'],
    ).toBe('work_done');
    // 2025-06-10, 06-29, 08-01 and 08-05 within 60 days: a breach dated 2025-08-05
    await addOutages(s, 'F2', ['2025-08-01 10:00', '2025-08-05 10:00']);
    s.clock.now = local('2025-08-06 00:20');
    expect(await s.jobs.runNow('cases')).toMatchObject({ opened: [], attached: [], reopened: [caseId] });
    const one = await call(s, `/cases/${caseId}`);
    expect(one.body).toMatchObject({ status: 'open', reopenCount: 1, dueDate: '2025-11-04' });
    const last = (one.body['history'] as Record<string, unknown>[]).at(-1);
    expect(last).toMatchObject({
      seq: 6,
      action: 'reopen',
      from: 'work_done',
      to: 'open',
      actor: 'system',
      reason: 'breach during observation (work done on 2025-07-20)',
      // six outages within 365 days as well: both rules breached on 2025-08-05
      breaches: [
        { rule: 'over-3-in-60d', breachDate: '2025-08-05', count: 4 },
        { rule: 'over-5-in-365d', breachDate: '2025-08-05', count: 6 },
      ],
    });
    // and the nightly job, run again, writes nothing more
    s.clock.now = local('2025-08-07 00:20');
    expect(await s.jobs.runNow('cases')).toMatchObject({ opened: [], attached: [], reopened: [] });
  });
});

describe('month-end and quarter-end freezing against a fixed clock', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario('c');
    await loadFeeder(s, 'F3', JUNE_BREACH);
  });
  afterAll(() => close(s));

  const due = async (text: string) => {
    s.clock.now = local(text);
    const r = await s.jobs.runDue(s.clock.now);
    return { ledger: r.ledger, disclosure: r.disclosure };
  };

  it('freezes each month exactly once across boundaries and downtime', async () => {
    // first run ever, before the end of June: only the latest ended month (May) and quarter (Q1)
    expect(await due('2025-06-30 23:00')).toEqual({ ledger: ['2025-05'], disclosure: ['2025-Q1'] });
    expect(await due('2025-06-30 23:59')).toEqual({ ledger: [], disclosure: [] });
    // across the boundary in Asia/Shanghai (16:20 UTC on 30 June)
    expect(await due('2025-07-01 00:20')).toEqual({ ledger: ['2025-06'], disclosure: ['2025-Q2'] });
    expect(await due('2025-07-01 00:20')).toEqual({ ledger: [], disclosure: [] });
    expect(await due('2025-07-15 00:20')).toEqual({ ledger: [], disclosure: [] });
    // down from mid-July to 2 September: July and August are caught up, in order
    expect(await due('2025-09-02 00:20')).toEqual({ ledger: ['2025-07', '2025-08'], disclosure: [] });
    expect(await due('2025-09-03 00:20')).toEqual({ ledger: [], disclosure: [] });

    const rows = await s.deps.store.rows<{ period: string; n: number }>(
      sql`SELECT period, count() n FROM report_runs WHERE report = 'ledger' AND rule_set = ${s.ruleSet.name} ORDER BY period`,
    );
    expect(rows).toEqual([
      { period: '2025-05', n: 1 },
      { period: '2025-06', n: 1 },
      { period: '2025-07', n: 1 },
      { period: '2025-08', n: 1 },
    ]);
    const runs = await readRuns(s.deps.store, 'ledger', s.ruleSet.name);
    expect(runs.map((r) => [r.period, r.trigger, r.rows, r.filingDue])).toEqual([
      ['2025-05', 'catch_up', 0, '2025-06-10'],
      ['2025-06', 'schedule', 1, '2025-07-10'],
      ['2025-07', 'catch_up', 1, '2025-08-10'],
      ['2025-08', 'catch_up', 1, '2025-09-10'],
    ]);
    // every run of a job is recorded, as of the clock
    await eventually(async () => {
      const [n] = await s.deps.store.rows<{ n: number }>(
        sql`SELECT count() n FROM job_runs WHERE job = 'ledger' AND outcome = 'ok' AND as_of = ${ts(local('2025-09-02 00:20'))}`,
      );
      return (n?.n ?? 0) >= 1;
    });
  });

  it('serves the frozen June ledger with the case as it stood and the trailing-year facts', async () => {
    const r = await call(s, `/ledger/2025-06`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ period: '2025-06', filingDue: '2025-07-10', trigger: 'schedule' });
    const [row] = r.body['rows'] as Record<string, unknown>[];
    expect(row).toMatchObject({
      period: '2025-06',
      assetId: `${s.p}-F3`,
      assetName: '10kV F3线',
      kind: 'feeder',
      province: s.province,
      areaClass: 'rural',
      customers: 900,
      family: 'frequent_outage',
      rules: ['over-3-in-60d'],
      breachDate: '2025-06-29',
      outagesCounted: 4,
      outagesExcluded: 0,
      // 4 outages × 300 customers / 900; 2 h each
      saifi: 1.3333,
      saidi: 2.6667,
      mainCauses: [{ cause: 'equipment_fault', count: 4 }],
      monthsOnLedger: 1,
      status: 'open',
      overdue: false,
      dueDate: '2025-09-28',
    });
    const july = (await call(s, `/ledger/2025-07`)).body['rows'] as Record<string, unknown>[];
    const august = (await call(s, `/ledger/2025-08`)).body['rows'] as Record<string, unknown>[];
    expect([july[0]?.['monthsOnLedger'], august[0]?.['monthsOnLedger']]).toEqual([2, 3]);
    const arrow = await call(s, '/ledger/2025-06', { accept: 'application/vnd.apache.arrow.stream' });
    const table = tableFromIPC(new Uint8Array(await arrow.res.arrayBuffer()));
    expect([table.numRows, table.getChild('assetId')?.get(0), table.getChild('saifi')?.get(0)]).toEqual([
      1,
      `${s.p}-F3`,
      1.3333,
    ]);
    expect((await call(s, '/ledger/2025-06', { token: null })).status).toBe(401);
    expect((await call(s, '/ledger/2025-09')).status).toBe(404);
    expect((await call(s, '/ledger/2025-9')).status).toBe(400);
  });

  it('lists the frozen months with their filing deadlines', async () => {
    const r = await call(s, '/ledger');
    expect((r.body['rows'] as Record<string, unknown>[]).map((x) => [x['period'], x['filingDue']])).toEqual([
      ['2025-05', '2025-06-10'],
      ['2025-06', '2025-07-10'],
      ['2025-07', '2025-08-10'],
      ['2025-08', '2025-09-10'],
    ]);
    expect(r.body['next']).toEqual({
      period: '2025-09',
      freezesAfter: '2025-10-01T00:00:00+08:00',
      filingDue: '2025-10-10',
    });
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`exports an XLSX (${lang}) that opens and whose rows equal the CSV's`, async () => {
      const csv = await call(s, `/ledger/2025-06?lang=${lang}`, { accept: 'text/csv' });
      expect(csv.res.headers.get('content-type')).toContain('text/csv');
      const records = parseCsv(await csv.res.text(), { bom: true }) as string[][];
      const xlsx = await call(s, `/ledger/2025-06?format=xlsx&lang=${lang}`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.res.headers.get('content-disposition')).toContain(`.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await xlsx.res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const sheet = wb.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      // the filed sheet: a title row, then the CSV's table with 序号 before it, dates as dates
      expect(tableText(sheet, records[0]?.length ?? 0, records.length - 1)).toEqual(records);
      expect(sheet.getCell('A3').value).toBe(1);
      expect(records).toHaveLength(2);
      expect(records[0]?.[0]).toBe(lang === 'zh' ? '统计月份' : 'Period');
      expect(records[1]).toContain(lang === 'zh' ? '已立案' : 'Open');
      expect(wb.worksheets[2]?.getCell('B4').value).toBe('2025-07-10');
    });
  }

  it('publishes the quarter without a token and without personal data', async () => {
    const list = await call(s, '/disclosures', { token: null });
    expect((list.body['rows'] as Record<string, unknown>[]).map((x) => x['period'])).toEqual([
      '2025-Q1',
      '2025-Q2',
    ]);
    const q2 = await call(s, '/disclosures/2025-Q2', { token: null });
    expect(q2.status).toBe(200);
    const rows = q2.body['rows'] as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        period: '2025-Q2',
        ruleSet: s.ruleSet.name,
        assetId: `${s.p}-F3`,
        assetName: '10kV F3线',
        kind: 'feeder',
        province: s.province,
        city: '保山市',
        county: '隆阳区',
        family: 'frequent_outage',
        rules: ['over-3-in-60d'],
        breachDate: '2025-06-29',
        outagesCounted: 4,
        status: 'open',
        measures: [],
        dueDate: '2025-09-28',
        closedDate: null,
      },
    ]);
    expect((await call(s, '/disclosures/2025-06', { token: null })).status).toBe(400);
    const xlsx = await call(s, '/disclosures/2025-Q2?format=xlsx&lang=en', { token: null });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Disclosure 2025-Q2', 'Outage details', 'About']);
    // 序号 and the equipment code before the status's 12th column
    expect(wb.worksheets[0]?.getRow(3).getCell(14).value).toBe('Open');
  });

  it('counts open, overdue and closed cases over time', async () => {
    s.clock.now = local('2025-10-05 12:00');
    const r = await call(s, `/remediation/clearing?from=2025-06-01&to=2025-10-05&groupBy=city`);
    expect(r.status).toBe(200);
    expect(
      (r.body['rows'] as Record<string, unknown>[]).map((x) => [
        x['date'],
        x['city'],
        x['open'],
        x['overdue'],
        x['opened'],
      ]),
    ).toEqual([
      ['2025-06-30', '保山市', 1, 0, 1],
      ['2025-07-31', '保山市', 1, 0, 0],
      ['2025-08-31', '保山市', 1, 0, 0],
      ['2025-09-30', '保山市', 1, 1, 0],
      ['2025-10-05', '保山市', 1, 1, 0],
    ]);
    // A range of millennia by day is refused from its size alone (it once built 740,000 points,
    // blocking every client for 35 s, before refusing).
    const huge = await call(s, '/remediation/clearing?from=1970-01-01&to=4000-01-01&step=day');
    expect(huge.status).toBe(400);
    expect(JSON.stringify(huge.body)).toContain('more than 1000 points');
  });
});

describe('every rule set in force keeps its own cases, ledger and deadlines', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario('j', { local: true });
    await loadFeeder(s, 'B1', JUNE_BREACH); // in Baoshan: both sets
    await loadFeeder(s, 'K1', JUNE_BREACH, '昆明市'); // in Kunming: the provincial set only
  });
  afterAll(() => close(s));

  it("opens a Baoshan feeder's case under both sets and a Kunming feeder's under the provincial one only", async () => {
    const local = `${s.p}-bs`;
    const r = await s.jobs.runDue(s.clock.now);
    expect(Object.keys(r.ruleSets)).toEqual([s.ruleSet.name, local]);
    const assetsOf = async (set: string) =>
      (await listCases(s.deps.store, set, s.deps.config.zone)).map((c) => c.state.assetId).sort();
    expect(await assetsOf(s.ruleSet.name)).toEqual([`${s.p}-B1`, `${s.p}-K1`]);
    expect(await assetsOf(local)).toEqual([`${s.p}-B1`]);
    expect(r.ruleSets[s.ruleSet.name]?.cases.opened).toHaveLength(2);
    expect(r.ruleSets[local]?.cases.opened).toHaveLength(1);
    // The first run freezes the latest ended month (June) for each set, on each set's calendar:
    // the 10th of July, and the 5th working day of July 2025 (Tue 1, Wed 2, Thu 3, Fri 4, Mon 7).
    expect(r.ruleSets[s.ruleSet.name]?.ledger).toEqual(['2025-06']);
    expect(r.ruleSets[local]?.ledger).toEqual(['2025-06']);
    const ledger = async (set: string) => {
      const res = await call(s, `/ledger/2025-06?ruleSet=${encodeURIComponent(set)}`);
      expect(res.status).toBe(200);
      const rows = (res.body['rows'] as { assetId: string }[]).map((x) => x.assetId).sort();
      return { filingDue: res.body['filingDue'], rows };
    };
    expect(await ledger(s.ruleSet.name)).toEqual({
      filingDue: '2025-07-10',
      rows: [`${s.p}-B1`, `${s.p}-K1`],
    });
    expect(await ledger(local)).toEqual({ filingDue: '2025-07-07', rows: [`${s.p}-B1`] });
    // Nothing more is due for either set.
    const again = await s.jobs.runDue(s.clock.now);
    expect(Object.values(again.ruleSets).map((x) => [x.cases.opened, x.ledger, x.disclosure])).toEqual([
      [[], [], []],
      [[], [], []],
    ]);
  });
});
