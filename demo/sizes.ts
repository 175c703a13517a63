// The demo sizes. Outage counts follow from the network and the rates in rates.ts; the ranges
// here are what a 3-year history of each size is expected to hold (checked by the tests for
// `small`): about 1.2–1.5 outage records a transformer area a year, as the rates at which a few
// per cent of assets breach the frequent-outage rule give (scripts/demo-realism.ts measures both).

export const DEMO_SIZES = {
  small: {
    feeders: 300,
    areas: 4_000,
    parks: 4,
    feedersPerSubstation: 6,
    /** scripted feeders per scenario (breach 365 d, breach 60 d, at risk 365 d, at risk 60 d) */
    scenarioFeeders: 3,
    hotspotAreas: 5,
    /** scripted outages ongoing at `now`, besides those that happen to be */
    ongoing: 4,
    /** weather outages of the storm going on at `now` (ongoing or restored) */
    stormOutages: 18,
    outagesPerYear: { min: 4_000, max: 15_000 },
  },
  medium: {
    feeders: 3_000,
    areas: 50_000,
    parks: 7,
    feedersPerSubstation: 10,
    scenarioFeeders: 8,
    hotspotAreas: 15,
    ongoing: 8,
    /** weather outages of the storm going on at `now` (ongoing or restored) */
    stormOutages: 30,
    outagesPerYear: { min: 48_000, max: 150_000 },
  },
  large: {
    feeders: 20_000,
    areas: 400_000,
    parks: 9,
    feedersPerSubstation: 12,
    scenarioFeeders: 20,
    hotspotAreas: 40,
    ongoing: 16,
    /** weather outages of the storm going on at `now` (ongoing or restored) */
    stormOutages: 40,
    outagesPerYear: { min: 400_000, max: 1_200_000 },
  },
} as const;

export type DemoSize = keyof typeof DEMO_SIZES;
export type SizeSpec = (typeof DEMO_SIZES)[DemoSize];
export const DEMO_SIZE_NAMES = Object.keys(DEMO_SIZES) as DemoSize[];
