// One harness for every benchmark: each case runs a few times, reports the median wall time,
// the peak RSS seen while it ran, and ratios against its peer measured in the same run.

export interface Measurement {
  name: string;
  size: string;
  runs: number[];
  medianMs: number;
  peakRssMb: number;
  /** items per second at the median, when the case says how many items it handled */
  rate?: number;
  items?: number;
  note?: string;
  /** the case this one is a peer of (same size): its median is the ratio's denominator */
  baseline?: string;
}

export interface BenchCase {
  name: string;
  size: string;
  items?: number;
  setup?: () => Promise<void>;
  run: () => Promise<void>;
  note?: string;
  baseline?: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function measure(c: BenchCase, repeats: number): Promise<Measurement> {
  const runs: number[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    for (let i = 0; i < repeats; i++) {
      await c.setup?.();
      const t0 = performance.now();
      await c.run();
      runs.push(performance.now() - t0);
    }
  } finally {
    clearInterval(sampler);
  }
  const m: Measurement = {
    name: c.name,
    size: c.size,
    runs: runs.map((r) => Math.round(r)),
    medianMs: Math.round(median(runs)),
    peakRssMb: Math.round(peak / 1024 / 1024),
  };
  if (c.items !== undefined) {
    m.items = c.items;
    m.rate = Math.round(c.items / (median(runs) / 1000));
  }
  if (c.note !== undefined) m.note = c.note;
  if (c.baseline !== undefined) m.baseline = c.baseline;
  return m;
}

/** This case's median over its baseline's (same size), e.g. 0.25: the peer took a quarter of the time. */
export function ratioOf(r: Measurement, all: readonly Measurement[]): number | undefined {
  if (r.baseline === undefined) return undefined;
  const b = all.find((x) => x.name === r.baseline && x.size === r.size);
  return b && b.medianMs > 0 ? r.medianMs / b.medianMs : undefined;
}

const seconds = (ms: number): string => (ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms} ms`);

export function markdownTable(results: readonly Measurement[]): string {
  const lines = [
    '| benchmark | size | median | rate (items/s) | × baseline | peak RSS | runs (ms) | note |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const rate = r.rate === undefined ? '' : r.rate.toLocaleString('en');
    const ratio = ratioOf(r, results);
    const note = (r.note ?? '').replaceAll('|', '/');
    lines.push(
      `| ${r.name} | ${r.size} | ${seconds(r.medianMs)} | ${rate} | ${ratio === undefined ? '' : ratio.toFixed(2)} | ${r.peakRssMb} MB | ${r.runs.join(', ')} | ${note} |`,
    );
  }
  return lines.join('\n');
}

/** A measurement of one timed run that handled `items` (a load: too long to repeat). */
export function singleRun(
  name: string,
  size: string,
  ms: number,
  peakRssMb: number,
  items: number,
  extra: Partial<Pick<Measurement, 'baseline' | 'note'>> = {},
): Measurement {
  return {
    name,
    size,
    runs: [Math.round(ms)],
    medianMs: Math.round(ms),
    peakRssMb,
    items,
    rate: Math.round(items / (ms / 1000)),
    ...extra,
  };
}

/** What a benchmark group gets: time a case, add a measurement taken otherwise, add a note line. */
export interface GroupContext {
  run(c: BenchCase): Promise<Measurement>;
  push(m: Measurement): void;
  notes: string[];
  /** how many timed runs a case makes */
  repeats: number;
}

/** A measurement from samples taken by the case itself (e.g. times read from a browser's marks). */
export function fromSamples(
  name: string,
  size: string,
  samples: readonly number[],
  peakRssMb: number,
  extra: Partial<Pick<Measurement, 'note' | 'baseline' | 'items'>> = {},
): Measurement {
  const m: Measurement = {
    name,
    size,
    runs: samples.map((r) => Math.round(r)),
    medianMs: Math.round(median([...samples])),
    peakRssMb,
    ...extra,
  };
  if (m.items !== undefined && m.medianMs > 0) m.rate = Math.round(m.items / (m.medianMs / 1000));
  return m;
}
