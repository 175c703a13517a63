// Seeded demo data: a Yunnan-like distribution network, its outage history and official warnings.

export type {
  CountyFeature,
  CountyFeatureCollection,
  CountyProperties,
  PolygonGeometry,
} from './boundaries.js';
export { countyBoundaries } from './boundaries.js';
export type { DemoOutage } from './events.js';
export { toOutageEvent } from './events.js';
export type { Demo, DemoOptions, DemoSummary, ScenarioIds } from './generate.js';
export { generateDemo } from './generate.js';
export type { City, County, Park } from './geography.js';
export { CITIES, PARKS, PROVINCE } from './geography.js';
export { Rng, hash32 } from './prng.js';
export type { DemoSize, SizeSpec } from './sizes.js';
export { DEMO_SIZE_NAMES, DEMO_SIZES } from './sizes.js';
export type { OutageCounts } from './stats.js';
export { countOutages } from './stats.js';
export { type DemoLoadSummary, loadDemo } from './load.js';
export { type DemoCaseSummary, seedDemoCases } from './cases.js';
