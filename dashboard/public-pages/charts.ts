// Charts as inline SVG markup built on the server: d3 computes the scales, the stack and the
// path strings (no DOM needed); the markup is written here. Each chart is an image with a
// <title> and <desc>; the figure around it also holds a legend and the same numbers as a table.

import { path as d3path, max, scaleBand, scaleLinear, stack } from 'd3';
import { esc } from './html.js';

export interface Series<K extends string> {
  key: K;
  label: string;
  /** fill: at least 3:1 against white */
  color: string;
}

export interface StackedBarsInput<K extends string> {
  /** unique in the page: the ids of <title> and <desc> derive from it */
  id: string;
  title: string;
  desc: string;
  series: readonly Series<K>[];
  data: readonly ({ label: string } & Record<K, number>)[];
}

const WIDTH = 400;
const BAR = 22;
const GAP = 10;
const FONT = 13;
const TOP = 22;

/** Rough text width for the label column: CJK characters are an em, others about half. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? FONT : FONT * 0.56;
  return w;
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Horizontal bars, one per datum, each stacked from the series in order, totals at the ends. */
export function stackedBars<K extends string>(o: StackedBarsInput<K>): string {
  const keys = o.series.map((s) => s.key);
  const labelWidth = Math.min(WIDTH * 0.45, Math.max(40, ...o.data.map((d) => textWidth(d.label))) + 8);
  const left = labelWidth;
  const right = WIDTH - 36;
  const height = TOP + o.data.length * (BAR + GAP) + 4;
  const totals = o.data.map((d) => keys.reduce((n, k) => n + d[k], 0));
  const x = scaleLinear()
    .domain([0, Math.max(1, max(totals) ?? 0)])
    .nice()
    .range([left, right]);
  const y = scaleBand<number>()
    .domain(o.data.map((_, i) => i))
    .range([TOP, height - 4])
    .paddingInner(GAP / (BAR + GAP));
  const ticks = x.ticks(Math.min(5, x.domain()[1] ?? 1)).filter(Number.isInteger);
  const layers = stack<{ label: string } & Record<K, number>, K>().keys(keys)([...o.data]);

  let svg = `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${esc(o.id)}-t ${esc(o.id)}-d" font-size="${FONT}">`;
  svg += `<title id="${esc(o.id)}-t">${esc(o.title)}</title><desc id="${esc(o.id)}-d">${esc(o.desc)}</desc>`;
  svg += '<g aria-hidden="true">';
  for (const t of ticks) {
    const tx = x(t).toFixed(1);
    svg += `<line x1="${tx}" x2="${tx}" y1="${TOP - 4}" y2="${height - 4}" stroke="#d0d0d0"/>`;
    svg += `<text x="${tx}" y="${TOP - 8}" text-anchor="middle" font-size="${FONT - 2}">${fmt(t)}</text>`;
  }
  for (const layer of layers) {
    const s = o.series.find((q) => q.key === layer.key);
    const p = d3path();
    layer.forEach(([x0, x1], i) => {
      const top = y(i);
      if (top === undefined || x1 <= x0) return;
      p.rect(x(x0), top, x(x1) - x(x0), y.bandwidth());
    });
    const d = p.toString();
    if (d) svg += `<path d="${d}" fill="${esc(s?.color ?? '#000')}"/>`;
  }
  o.data.forEach((d, i) => {
    const top = (y(i) ?? 0) + y.bandwidth() / 2;
    svg += `<text x="${left - 6}" y="${top.toFixed(1)}" dy="0.35em" text-anchor="end">${esc(d.label)}</text>`;
    svg += `<text x="${(x(totals[i] ?? 0) + 4).toFixed(1)}" y="${top.toFixed(1)}" dy="0.35em">${fmt(totals[i] ?? 0)}</text>`;
  });
  svg += `<line x1="${left}" x2="${left}" y1="${TOP - 4}" y2="${height - 4}" stroke="#1a1a1a"/>`;
  svg += '</g></svg>';
  return svg;
}

/** The legend of a chart's series, as a list (the swatches are SVG so that they print). */
export function legend(series: readonly Series<string>[]): string {
  return `<ul class="legend" aria-hidden="true">${series
    .map(
      (s) =>
        `<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${esc(s.color)}"/></svg>${esc(s.label)}</li>`,
    )
    .join('')}</ul>`;
}
