// A density layer for many points (a province has hundreds of thousands of transformer
// areas): weights are binned into a pixel grid once (O(points)), smoothed with a 3×3 kernel
// and painted as cells on a canvas, so drawing cost depends on the screen, not on the data.

import { rgb } from 'd3';
import { densityColor } from './palette.js';

export interface DensityGrid {
  cols: number;
  rows: number;
  cell: number;
  values: Float32Array;
  max: number;
  /** The colour scale's top: the 98th percentile of non-empty cells, so one hot cell does not wash out the rest. */
  ref: number;
}

/** Bins [x, y, weight] points (screen pixels) into cells of `cell` pixels, then smooths. */
export function densityGrid(points: ArrayLike<number>, width: number, height: number, cell = 6): DensityGrid {
  const cols = Math.max(1, Math.ceil(width / cell));
  const rows = Math.max(1, Math.ceil(height / cell));
  const raw = new Float32Array(cols * rows);
  for (let i = 0; i + 2 < points.length; i += 3) {
    const x = points[i] as number;
    const y = points[i + 1] as number;
    const w = points[i + 2] as number;
    if (!(w > 0) || !(x >= 0) || !(y >= 0) || x >= width || y >= height) continue;
    const c = Math.floor(x / cell);
    const r = Math.floor(y / cell);
    raw[r * cols + c] = (raw[r * cols + c] ?? 0) + w;
  }
  const values = new Float32Array(cols * rows);
  const kernel = [1, 2, 1, 2, 4, 2, 1, 2, 1];
  let max = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      let k = 0;
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++, k++) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) continue;
          sum += (raw[rr * cols + cc] ?? 0) * (kernel[k] ?? 0);
        }
      }
      const v = sum / 16;
      values[r * cols + c] = v;
      if (v > max) max = v;
    }
  }
  const nonEmpty = Array.from(values)
    .filter((v) => v > 0)
    .sort((a, b) => a - b);
  const ref = nonEmpty.length > 0 ? (nonEmpty[Math.floor((nonEmpty.length - 1) * 0.98)] ?? max) : 0;
  return { cols, rows, cell, values, max, ref };
}

/** RGBA pixels of the grid, one per cell (alpha grows with density; empty cells clear). */
export function densityPixels(grid: DensityGrid): Uint8ClampedArray<ArrayBuffer> {
  const { cols, rows, values, ref } = grid;
  const out = new Uint8ClampedArray(cols * rows * 4);
  if (ref <= 0) return out;
  for (let i = 0; i < cols * rows; i++) {
    const v = values[i] ?? 0;
    if (v <= ref * 0.02) continue;
    const f = Math.sqrt(Math.min(1, v / ref));
    const c = rgb(densityColor(f));
    out[i * 4] = c.r;
    out[i * 4 + 1] = c.g;
    out[i * 4 + 2] = c.b;
    out[i * 4 + 3] = Math.round(255 * (0.3 + 0.6 * f));
  }
  return out;
}

/**
 * Paints the grid on a 2D canvas context (already scaled to CSS pixels): one pixel per cell
 * on a small canvas, stretched with smoothing so cells blend instead of showing as squares.
 */
export function paintDensity(ctx: CanvasRenderingContext2D, grid: DensityGrid): void {
  if (grid.max <= 0) return;
  const small = document.createElement('canvas');
  small.width = grid.cols;
  small.height = grid.rows;
  const sctx = small.getContext('2d');
  if (!sctx) return;
  sctx.putImageData(new ImageData(densityPixels(grid), grid.cols, grid.rows), 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(small, 0, 0, grid.cols * grid.cell, grid.rows * grid.cell);
}
