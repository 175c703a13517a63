import { type Request, type RequestHandler, Router } from 'express';
import {
  activeOutages,
  currentEventWindow,
  listRejects,
  MAX_SAMPLES,
  MAX_STORM_DAYS,
  ongoingStarts,
  outageHistory,
  repeatedPlanned,
  restorationCurve,
  STORM_FIELDS,
  type StormLang,
  type StormWindow,
  stormExportRows,
  stormOutages,
  stormTable,
} from '../../analytics/outages/index.js';
import { asciiFileName, documentFileName, filingWorkbook, tableSheet } from '../../analytics/export/index.js';
import { DAY_MS, formatInZone, HttpError, type Role } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { intParam, textParam, timeParam } from './query-params.js';
import { csvEncoding, csvType, encodeCsv, type Row, sendFile, sendRows, toCsv } from './respond.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ReadRouterDeps {
  store: Store;
  zone: string;
  requireRole: (role: Role) => RequestHandler;
  now?: () => number;
}

const DOCUMENT: Record<StormLang, string> = { zh: '停电事件清单', en: 'Outages of a storm' };

const bad = (path: string, message: string) =>
  new HttpError(400, `invalid ${path}`, { issues: [{ path, message }] });

function onlyParams(req: Request, allowed: readonly string[]): void {
  for (const key of Object.keys(req.query)) {
    if (!allowed.includes(key)) throw bad(key, `unknown parameter (allowed: ${allowed.join(', ')})`);
  }
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T | undefined {
  const v = textParam(value, name);
  if (v === undefined) return undefined;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw bad(name, `expected one of ${allowed.join(', ')}, got "${v}"`);
}

/** Sample steps (minutes) the curve picks from when none is asked: the first giving ≤ 96 samples. */
const STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];
const autoStep = (ms: number): number => STEPS.find((m) => ms / (m * 60_000) <= 96) ?? 1440;

export function outagesRouter(deps: ReadRouterDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const read = deps.requireRole('operator');
  const iso = (ms: number) => formatInZone(ms, deps.zone);

  /**
   * The storm window of a request: `from`/`to` as given (`to` defaults to now and may not be
   * later), or "the current event" (currentEventWindow) when `from` is not given.
   */
  const stormWindow = async (req: Request, region: string | undefined): Promise<StormWindow> => {
    const at = now();
    const to = timeParam(req.query['to'], 'to', deps.zone, at);
    const asked =
      req.query['from'] === undefined || req.query['from'] === ''
        ? undefined
        : timeParam(req.query['from'], 'from', deps.zone);
    if (to > at) throw bad('to', `must not be later than now (${iso(at)}): the curve is known up to now`);
    const w: StormWindow =
      asked === undefined
        ? currentEventWindow(await ongoingStarts(deps.store, to, region), to)
        : { from: asked, to, basis: 'requested' };
    if (!(w.from < w.to)) throw bad('from', `must be before to (${iso(w.to)})`);
    if (w.to - w.from > MAX_STORM_DAYS * DAY_MS)
      throw bad('from', `the window is at most ${MAX_STORM_DAYS} days`);
    return w;
  };

  // The restoration curve of a storm: customers out over time, exact at every change, with
  // samples every `step` minutes (whole steps of the zone's clock), the peak and the share of
  // the customers affected whose supply is back by `to`. Rows are the curve's points.
  router.get('/outages/curve', read, async (req, res) => {
    onlyParams(req, ['from', 'to', 'region', 'step', 'encoding']);
    const region = textParam(req.query['region'], 'region');
    const w = await stormWindow(req, region);
    const stepMinutes = intParam(req.query['step'], 'step', 1, 1440, autoStep(w.to - w.from));
    if ((w.to - w.from) / (stepMinutes * 60_000) > MAX_SAMPLES)
      throw bad('step', `more than ${MAX_SAMPLES} samples in the window: choose a longer step`);
    const outages = await stormOutages(deps.store, { from: w.from, to: w.to, region });
    const c = restorationCurve(outages, {
      from: w.from,
      to: w.to,
      stepMs: stepMinutes * 60_000,
      region,
      zone: deps.zone,
    });
    const point = (p: { at: number; customersOut: number }) => ({
      at: iso(p.at),
      customersOut: p.customersOut,
    });
    sendRows(req, res, c.points.map(point), ['at', 'customersOut'], {
      from: iso(w.from),
      to: iso(w.to),
      basis: w.basis,
      zone: deps.zone,
      region: region ?? null,
      stepMinutes,
      outages: c.outages,
      ongoing: c.ongoing,
      customersAffected: c.customersAffected,
      customersOut: c.customersOut,
      customersRestored: c.customersRestored,
      restoredShare: c.restoredShare,
      peak: c.peak ? point(c.peak) : null,
      samples: c.samples.map(point),
    });
  });

  // Every outage of a storm window, one row each: JSON, CSV or Arrow by Accept, or a file with
  // `format=csv|xlsx` (headers and values in words with `lang`; XLSX in Chinese unless told).
  router.get('/outages/export', read, async (req, res) => {
    onlyParams(req, ['from', 'to', 'region', 'format', 'lang', 'encoding']);
    const region = textParam(req.query['region'], 'region');
    const format = oneOf(req.query['format'], 'format', ['json', 'csv', 'xlsx'] as const);
    const lang: StormLang | undefined =
      oneOf(req.query['lang'], 'lang', ['zh', 'en'] as const) ?? (format === 'xlsx' ? 'zh' : undefined);
    const w = await stormWindow(req, region);
    const asOf = now();
    const outages = await stormOutages(deps.store, { from: w.from, to: w.to, region });
    const rows = stormExportRows(outages, { asOf, zone: deps.zone });
    // Names: 停电事件清单_五华区_20250701T0800-20250701T1200.xlsx, with an ASCII one beside it.
    const stamp = (ms: number) => iso(ms).slice(0, 16).replace(/[-:]/g, '');
    const span = `${stamp(w.from)}-${stamp(w.to)}`;
    const stem = `storm-outages-${region ? `${region}-` : ''}${span}${lang ? `-${lang}` : ''}`;
    const names = (ext: string) => ({
      name: lang ? documentFileName([DOCUMENT[lang], region ?? '', span], ext) : asciiFileName(stem, ext),
      asciiName: asciiFileName(stem, ext),
    });

    if (format === 'csv') {
      const encoding = csvEncoding(req);
      const table = lang ? stormTable(rows, lang, deps.zone) : null;
      const csv = table ? toCsv(table.rows, table.headers) : toCsv(rows as unknown as Row[], STORM_FIELDS);
      sendFile(res, encodeCsv(csv, encoding), { type: csvType(encoding), ...names('csv') });
      return;
    }
    if (format === 'xlsx' && lang) {
      const zh = lang === 'zh';
      const wall = (ms: number) => iso(ms).slice(0, 16).replace('T', ' ');
      const title = zh
        ? `${region ?? ''}${DOCUMENT.zh}（${wall(w.from)} 至 ${wall(w.to)}）`
        : `${DOCUMENT.en}${region ? `, ${region}` : ''}, ${wall(w.from)} to ${wall(w.to)}`;
      const about: [string, string | number | null][] = [
        [zh ? '名称' : 'Document', DOCUMENT[lang]],
        [zh ? '时段' : 'Window', `${iso(w.from)} / ${iso(w.to)}`],
        [zh ? '地区' : 'Region', region ?? (zh ? '全部' : 'all')],
        [zh ? '时区' : 'Time zone', deps.zone],
        [zh ? '统计截至' : 'As of', iso(asOf)],
        [zh ? '行数' : 'Rows', rows.length],
        [
          zh ? '范围' : 'Scope',
          zh
            ? '时段内有用户停电的全部停电事件（计划与非计划），已取消的不计；进行中的停电时长算至统计截至时间'
            : 'every outage with customers out in the window (planned and unplanned), cancelled ones left out; ongoing outages measured up to the as-of time',
        ],
      ];
      const sheet = tableSheet(stormTable(rows, lang, deps.zone), {
        name: zh ? '停电事件' : 'Outages',
        title,
        empty: zh ? '（时段内无停电）' : '(no outages in the window)',
      });
      const buffer = await filingWorkbook({
        lang,
        sheets: [sheet],
        about: { name: zh ? '说明' : 'About', lines: about },
      });
      sendFile(res, buffer, { type: XLSX, ...names('xlsx') });
      return;
    }
    sendRows(req, res, rows as unknown as Row[], STORM_FIELDS, {
      from: iso(w.from),
      to: iso(w.to),
      basis: w.basis,
      zone: deps.zone,
      region: region ?? null,
      asOf: iso(asOf),
    });
  });

  router.get('/outages/active', read, async (req, res) => {
    const asOf = timeParam(req.query['asOf'], 'asOf', deps.zone, now());
    const rows = await activeOutages(deps.store, asOf, deps.zone);
    const customersOut = rows.reduce((n, r) => n + r.customersOut, 0);
    sendRows(req, res, rows as unknown as Record<string, unknown>[], undefined, { asOf, customersOut });
  });

  router.get('/outages/:eventId/history', read, async (req, res) => {
    const id = textParam(req.params['eventId'], 'eventId', 4096) ?? '';
    sendRows(req, res, await outageHistory(deps.store, id, deps.zone));
  });

  // Planned outages repeated on one feeder or area within a window: candidates for merging
  // (一停多用). The period is at most 3 years and defaults to the 365 days before now.
  router.get('/planned-outages/repeated', read, async (req, res) => {
    const to = timeParam(req.query['to'], 'to', deps.zone, now());
    const from = timeParam(req.query['from'], 'from', deps.zone, to - 365 * 86_400_000);
    if (!(from < to)) throw new HttpError(400, 'from must be before to');
    if (to - from > 3 * 366 * 86_400_000) throw new HttpError(400, 'the period is at most 3 years');
    const windowDays = intParam(req.query['windowDays'], 'windowDays', 1, 366, 60);
    const runs = await repeatedPlanned(deps.store, { from, to, windowDays, zone: deps.zone });
    // CSV and Arrow carry one row per run, its outages' ids joined.
    const rows = runs.map((r) => ({ ...r, eventIds: r.outages.map((o) => o.eventId).join(';') }));
    const columns = ['assetId', 'kind', 'feederId', 'county', 'count', 'spanDays', 'eventIds'];
    sendRows(req, res, rows as unknown as Record<string, unknown>[], columns, { windowDays });
  });

  router.get('/rejects', read, async (req, res) => {
    const kind = textParam(req.query['kind'], 'kind');
    const batchId = textParam(req.query['batchId'], 'batchId');
    const since =
      req.query['since'] === undefined ? undefined : timeParam(req.query['since'], 'since', deps.zone);
    const rows = await listRejects(
      deps.store,
      {
        limit: intParam(req.query['limit'], 'limit', 1, 10_000, 1_000),
        ...(kind ? { kind } : {}),
        ...(batchId ? { batchId } : {}),
        ...(since !== undefined ? { since } : {}),
      },
      deps.zone,
    );
    sendRows(req, res, rows);
  });
  return router;
}
