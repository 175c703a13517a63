// The storm panel of the live view: the restoration curve of the current event (customers out
// over time, GET /outages/curve without `from`), its peak, how many customers are still out and
// the share restored, the curve's samples as a table for screen readers, and the export of the
// event's outages (GET /outages/export, CSV and XLSX). The live view mounts it and calls
// `refresh` when outages arrive.

import type { CurveAnswer, CurvePointAnswer as Point } from '../../../analytics/outages/storm-outages.js';
import type { Params } from '../api.js';
import { restorationChart } from '../charts/index.js';
import type { Ctx } from '../context.js';
import { h, svgNode } from '../dom.js';
import { st } from '../i18n-storm.js';
import { dataTable, figure } from '../table.js';
import { columnKit } from './columns.js';
import { failure, kpi, kpiRow, loading, widthOf } from './common.js';
import { exportButtons } from './exports.js';

/** GET /outages/curve, as the panel reads it. */
export type StormCurve = CurveAnswer;

export interface StormPanelOptions {
  signal: AbortSignal;
  /** a province, city or county; all when absent */
  region?: string | undefined;
}

export interface StormPanel {
  /**
   * Reads the curve again (after an ingest); with `region` in the argument, for that region
   * from now on (undefined: all).
   */
  refresh(next?: { region?: string | undefined }): Promise<void>;
}

const DAY_MS = 86_400_000;
const BASIS = {
  requested: 'stormWindowRequested',
  'earliest-ongoing': 'stormWindowEarliestOngoing',
  'last-24h': 'stormWindowLast24h',
} as const;

/** The samples with the peak's moment among them, in time order (the table view). */
function tableRows(c: StormCurve): (Point & { peak: boolean })[] {
  const rows = c.samples.map((p) => ({ ...p, peak: false }));
  const peak = c.peak;
  if (!peak) return rows;
  const at = Date.parse(peak.at);
  const same = rows.find((p) => Date.parse(p.at) === at);
  if (same) same.peak = true;
  else rows.push({ ...peak, peak: true });
  return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function stormKpis(ctx: Ctx, c: StormCurve): HTMLElement {
  const { fmt } = ctx;
  const peak = c.peak;
  return kpiRow(
    kpi(
      'storm-peak',
      st('stormPeak'),
      fmt.int(peak?.customersOut ?? 0),
      peak?.customersOut ?? 0,
      peak ? st('stormPeakAt', { time: fmt.dateTime(peak.at) }) : undefined,
    ),
    kpi('storm-out', st('stormOutNow'), fmt.int(c.customersOut), c.customersOut),
    kpi(
      'storm-restored',
      st('stormRestored'),
      fmt.int(c.customersRestored),
      c.customersRestored,
      st('stormRestoredOf', { affected: fmt.int(c.customersAffected) }),
    ),
    kpi('storm-share', st('stormShare'), fmt.pct(c.restoredShare, 1), c.restoredShare ?? ''),
  );
}

/** The restoration curve with its peak, and its samples as the table view. */
function curveFigure(ctx: Ctx, c: StormCurve, width: number): HTMLElement {
  const { fmt } = ctx;
  const span = Date.parse(c.to) - Date.parse(c.from);
  const when = (at: number | string) => (span > DAY_MS ? fmt.dateTime(at) : fmt.time(at));
  const peak = c.peak;
  const chart = svgNode(
    restorationChart(
      c.rows.map((p) => ({ at: Date.parse(p.at), customersOut: p.customersOut })),
      {
        id: 'storm-curve',
        title: st('stormChart'),
        desc: st('stormChartDesc'),
        width,
        ticks: c.samples.map((p) => Date.parse(p.at)),
        timeLabel: when,
        format: (n) => fmt.int(n),
        peak: peak
          ? {
              point: { at: Date.parse(peak.at), customersOut: peak.customersOut },
              label: st('stormPeakLabel', { n: fmt.int(peak.customersOut) }),
              title: st('stormPeakTitle', { n: fmt.int(peak.customersOut), time: fmt.dateTime(peak.at) }),
            }
          : null,
      },
    ),
  );
  const table = dataTable({
    caption: st('stormTableCaption', { step: fmt.duration(c.stepMinutes) }),
    name: 'storm-samples',
    columns: [
      {
        key: 'at',
        label: st('stormTime'),
        value: (p: Point & { peak: boolean }) => p.at,
        render: (p) => `${fmt.dateTime(p.at)}${p.peak ? st('stormPeakRow') : ''}`,
      },
      columnKit<Point & { peak: boolean }>(fmt).int('out', st('stormCustomersOut'), (p) => p.customersOut, {
        sortable: false,
      }),
    ],
    rows: tableRows(c),
  });
  return figure({
    title: st('stormChart'),
    desc: st('stormChartDesc'),
    chart,
    table,
    name: 'storm-curve',
    level: 'h3',
  });
}

function draw(ctx: Ctx, box: HTMLElement, c: StormCurve, region: string | undefined): Node[] {
  const { fmt } = ctx;
  const window = h(
    'p',
    { class: 'storm-window', 'data-basis': c.basis },
    st(BASIS[c.basis], { from: fmt.dateTime(c.from), to: fmt.dateTime(c.to) }),
    region ? ` · ${st('stormRegion', { region })}` : '',
    c.outages > 0 ? ` · ${st('stormOutages', { n: fmt.int(c.outages), ongoing: fmt.int(c.ongoing) })}` : '',
  );
  if (c.outages === 0) return [window, h('p', { class: 'empty' }, st('stormNone'))];
  const params: Params = { from: c.from, to: c.to, region };
  return [
    window,
    stormKpis(ctx, c),
    curveFigure(ctx, c, Math.min(widthOf(box, 640), 1200)),
    exportButtons(ctx, { path: '/outages/export', params, name: 'storm-outages' }, st('stormExport')),
  ];
}

/**
 * Replaces the panel's content the way a reader keeps their place: an open table view stays
 * open, and a focused export button is focused again in the new content.
 */
function redraw(body: HTMLElement, content: Node[]): void {
  const open = body.querySelector<HTMLDetailsElement>('details.table-view')?.open === true;
  const focused = document.activeElement;
  const button =
    focused instanceof HTMLElement && body.contains(focused) && focused.matches('button.export')
      ? `button.export[data-format="${focused.dataset['format']}"][data-lang="${focused.dataset['lang']}"]`
      : null;
  body.replaceChildren(...content);
  const details = body.querySelector<HTMLDetailsElement>('details.table-view');
  if (details && open) details.open = true;
  if (button) body.querySelector<HTMLElement>(button)?.focus();
}

/** Draws the panel into `host` (its content is replaced) and returns how to refresh it. */
export function renderStormPanel(host: HTMLElement, ctx: Ctx, o: StormPanelOptions): StormPanel {
  let region = o.region;
  const body = h('div', { class: 'storm-body' }, loading());
  host.replaceChildren(
    h(
      'section',
      { class: 'storm', 'data-name': 'storm-panel', 'aria-labelledby': 'storm-title' },
      h('h2', { id: 'storm-title' }, st('stormTitle')),
      body,
    ),
  );
  // Only the latest request draws: an earlier answer arriving late is dropped.
  let latest = 0;
  const refresh = async (next?: { region?: string | undefined }): Promise<void> => {
    if (next && 'region' in next) region = next.region;
    const mine = ++latest;
    body.setAttribute('aria-busy', 'true');
    try {
      const c = await ctx.api.json<StormCurve>('/outages/curve', { region }, { fresh: true });
      if (!o.signal.aborted && mine === latest) redraw(body, draw(ctx, body, c, region));
    } catch (err) {
      if (!o.signal.aborted && mine === latest) body.replaceChildren(failure(err, () => void refresh()));
    } finally {
      if (mine === latest) body.removeAttribute('aria-busy');
    }
  };
  void refresh();
  return { refresh };
}
