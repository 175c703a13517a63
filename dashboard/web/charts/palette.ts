// Colours that colour-blind readers can tell apart (Okabe–Ito), each at least 3:1 against the
// white page for graphics, always paired with a shape or a label so colour is never alone.

import { interpolateBlues, interpolateCividis } from 'd3';

export const COLORS = {
  breach: '#D55E00', // vermillion, drawn as a triangle
  atRisk: '#0072B2', // blue, drawn as a square
  fine: '#6B6B6B', // grey, drawn as a dot
  unplanned: '#D55E00',
  planned: '#0072B2',
  bar: '#0072B2',
  barMuted: '#56B4E9',
  target: '#000000',
  major: '#CC79A7',
  axis: '#595959',
  grid: '#E3E3E3',
  region: '#F4F4F2',
  regionStroke: '#A8A8A8',
  empty: '#EFEFEF',
} as const;

/**
 * Series of a line chart (Okabe–Ito), each also drawn with its own marker and dash so that
 * lines stay apart in grey print and for every colour-vision deficiency.
 */
export const SERIES = [
  { color: '#0072B2', marker: 'circle', dash: null },
  { color: '#D55E00', marker: 'triangle', dash: '6 3' },
  { color: '#CC79A7', marker: 'diamond', dash: '2 3' },
  { color: '#009E73', marker: 'square', dash: '10 3 2 3' },
] as const;
export type Marker = (typeof SERIES)[number]['marker'];

/**
 * The parts of a score side by side: alternating dark and light tones, so neighbours differ in
 * lightness as well as hue; the parts are always named in words beside the bar as well.
 */
export const PART_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#6B6B6B',
  '#004D7A',
  '#B8860B',
  '#7A3E65',
] as const;

/** Sequential colour for a calendar cell: 0 is empty; otherwise light to dark blue. */
export function calendarColor(value: number, max: number): string {
  if (value <= 0 || max <= 0) return COLORS.empty;
  return interpolateBlues(0.25 + 0.75 * Math.min(1, value / max));
}

/** Density colour (cividis: blue to yellow, readable with every colour-vision deficiency). */
export function densityColor(fraction: number): string {
  return interpolateCividis(Math.max(0, Math.min(1, fraction)));
}
