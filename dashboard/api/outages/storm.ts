// A storm's window (`from`/`to` as given, `to` defaulting to now and never later; or "the
// current event" when `from` is not given), its restoration curve, and every outage in it.

import type { Request, Response } from 'express';
import {
  type CurveAnswer,
  type CurvePointAnswer,
  currentEventWindow,
  MAX_SAMPLES,
  MAX_STORM_DAYS,
  ongoingStarts,
  restorationCurve,
  STORM_FIELDS,
  type StormLang,
  type StormWindow,
  stormExportRows,
  stormOutages,
} from '../../../analytics/outages/index.js';
import { DAY_MS, HttpError } from '../../../core/index.js';
import { QueryReader, refuseUnknown } from '../query/index.js';
import { type Row, sendRows } from '../respond.js';
import type { Outages } from './context.js';
import { sendStormFile } from './storm-file.js';

const bad = (path: string, message: string) =>
  new HttpError(400, `invalid ${path}`, { issues: [{ path, message }] });

/** Sample steps (minutes) the curve picks from when none is asked: the first giving ≤ 96 samples. */
const STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];
const autoStep = (ms: number): number => STEPS.find((m) => ms / (m * 60_000) <= 96) ?? 1440;

/** The storm window a request asks for (read: its `to`, then its `from`). */
async function stormWindow(
  c: Outages,
  region: string | undefined,
  askedTo: number | undefined,
  asked: number | undefined,
): Promise<StormWindow> {
  const at = c.now();
  const to = askedTo ?? at;
  if (to > at) throw bad('to', `must not be later than now (${c.iso(at)}): the curve is known up to now`);
  const w: StormWindow =
    asked === undefined
      ? currentEventWindow(await ongoingStarts(c.store, to, region), to)
      : { from: asked, to, basis: 'requested' };
  if (!(w.from < w.to)) throw bad('from', `must be before to (${c.iso(w.to)})`);
  if (w.to - w.from > MAX_STORM_DAYS * DAY_MS)
    throw bad('from', `the window is at most ${MAX_STORM_DAYS} days`);
  return w;
}

/**
 * GET /outages/curve: customers out over time, exact at every change, with samples every
 * `step` minutes (whole steps of the zone's clock), the peak and the share of the customers
 * affected whose supply is back by `to`. Rows are the curve's points.
 */
export async function showCurve(c: Outages, req: Request, res: Response): Promise<void> {
  refuseUnknown(req.query, c.queries.curve);
  const q = new QueryReader(c.queries.curve, req.query);
  const region = q.get('region');
  const w = await stormWindow(c, region, q.get('to'), q.get('from'));
  const stepMinutes = q.get('step') ?? autoStep(w.to - w.from);
  if ((w.to - w.from) / (stepMinutes * 60_000) > MAX_SAMPLES)
    throw bad('step', `more than ${MAX_SAMPLES} samples in the window: choose a longer step`);
  const outages = await stormOutages(c.store, { from: w.from, to: w.to, region });
  const curve = restorationCurve(outages, {
    from: w.from,
    to: w.to,
    stepMs: stepMinutes * 60_000,
    region,
    zone: c.zone,
  });
  const point = (p: { at: number; customersOut: number }): CurvePointAnswer => ({
    at: c.iso(p.at),
    customersOut: p.customersOut,
  });
  const meta: Omit<CurveAnswer, 'rows'> = {
    from: c.iso(w.from),
    to: c.iso(w.to),
    basis: w.basis,
    zone: c.zone,
    region: region ?? null,
    stepMinutes,
    outages: curve.outages,
    ongoing: curve.ongoing,
    customersAffected: curve.customersAffected,
    customersOut: curve.customersOut,
    customersRestored: curve.customersRestored,
    restoredShare: curve.restoredShare,
    peak: curve.peak ? point(curve.peak) : null,
    samples: curve.samples.map(point),
  };
  sendRows(req, res, curve.points.map(point), ['at', 'customersOut'], meta);
}

/**
 * GET /outages/export: every outage of a storm window, one row each: JSON, CSV or Arrow by
 * Accept, or a file with `format=csv|xlsx` (in words with `lang`; XLSX in Chinese unless told).
 */
export async function exportStorm(c: Outages, req: Request, res: Response): Promise<void> {
  refuseUnknown(req.query, c.queries.stormExport);
  const q = new QueryReader(c.queries.stormExport, req.query);
  const region = q.get('region');
  const format = q.get('format');
  const lang: StormLang | undefined = q.get('lang') ?? (format === 'xlsx' ? 'zh' : undefined);
  const w = await stormWindow(c, region, q.get('to'), q.get('from'));
  const asOf = c.now();
  const outages = await stormOutages(c.store, { from: w.from, to: w.to, region });
  const rows = stormExportRows(outages, { asOf, zone: c.zone });
  if (format === 'csv' || (format === 'xlsx' && lang)) {
    await sendStormFile(c, req, res, { format, lang, region, window: w, asOf, rows });
    return;
  }
  sendRows(req, res, rows as unknown as Row[], STORM_FIELDS, {
    from: c.iso(w.from),
    to: c.iso(w.to),
    basis: w.basis,
    zone: c.zone,
    region: region ?? null,
    asOf: c.iso(asOf),
  });
}
