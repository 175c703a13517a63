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
}

export interface BenchCase {
  name: string;
  size: string;
  items?: number;
  setup?: () => Promise<void>;
  run: () => Promise<void>;
  note?: string;
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
  return m;
}

export function markdownTable(results: readonly Measurement[]): string {
  const lines = [
    '| benchmark | size | median | rate (items/s) | peak RSS | runs (ms) |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const rate = r.rate === undefined ? '' : r.rate.toLocaleString('en');
    lines.push(
      `| ${r.name} | ${r.size} | ${(r.medianMs / 1000).toFixed(2)} s | ${rate} | ${r.peakRssMb} MB | ${r.runs.join(', ')} |`,
    );
  }
  return lines.join('\n');
}
