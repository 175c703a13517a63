// Chart functions: plain data in, SVG text out (no DOM), so they run in the browser and in
// the snapshot tests alike. The canvas density painter is the one exception (browser only).

export { type Bar, type BarOptions, barChart } from './bars.js';
export { type CalendarDay, type CalendarOptions, calendarHeatmap } from './calendar.js';
export { type DailyOptions, type DailyPoint, dailyBars } from './daily.js';
export { type DensityGrid, densityGrid, densityPixels, paintDensity } from './density.js';
export {
  type FeatureCollection,
  type MapFrame,
  type MapOptions,
  type MapSymbol,
  mapFrame,
  mapSvg,
  rewind,
} from './map.js';
export { type RestorationOptions, type RestorationPoint, restorationChart } from './restoration.js';
export { COLORS, calendarColor, densityColor, PART_COLORS, SERIES } from './palette.js';
export { dayNumber, esc, monthStarts } from './svg.js';
export {
  type Segment,
  type TimelineInput,
  type TimelineOptions,
  type TimelineOutage,
  type TimelinePanel,
  timeline,
  windowSegments,
} from './timeline.js';
export { type Pair, type PairedOptions, pairedBars } from './paired.js';
export { type ScoreBarOptions, type ScorePart, scoreBar } from './parts.js';
export {
  labelIndices,
  markerPath,
  type TrendOptions,
  type TrendPoint,
  type TrendSeries,
  trendLines,
} from './trend.js';
